/*
 * What the benchmark programs share: medians, and on Windows a timer and
 * the virtual image sensor's unit
 *
 * Copyright the winbio project developers
 *
 * This program is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, write to the Free Software
 * Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA
 */

#ifndef __WINBIO_BENCH_BENCH_H
#define __WINBIO_BENCH_BENCH_H

#include <stdlib.h>

/* the other fingers identify compares with: seeds 1001 to 1999 of
 * tools/fpgen, drawn by make gallery as GALLERY_DIR/<seed>.pgm */
#define GALLERY 999
#define GALLERY_FIRST_SEED 1001

#ifdef _WIN32
#include <windows.h>

/* The performance counter in microseconds. */
static double now_us(void)
{
    static LARGE_INTEGER frequency;
    LARGE_INTEGER counter;

    if (!frequency.QuadPart) QueryPerformanceFrequency( &frequency );
    QueryPerformanceCounter( &counter );
    return counter.QuadPart * 1e6 / frequency.QuadPart;
}

#ifdef __WINBIO_H__
/* The unit of libfprint's virtual image sensor, or 0. */
static WINBIO_UNIT_ID image_unit(void)
{
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count, i;

    if (FAILED(WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ))) return 0;
    for (i = 0; i < count; i++) if (!wcscmp( units[i].Model, L"virtual_image" )) id = units[i].UnitId;
    WinBioFree( units );
    return id;
}
#endif
#endif

static int compare_double( const void *a, const void *b )
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sorts the values in place. */
static double median( double *values, int count )
{
    qsort( values, count, sizeof(*values), compare_double );
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

#endif /* __WINBIO_BENCH_BENCH_H */
