/*
 * What the benchmark programs share: a microsecond timer, medians, the
 * requests bench/run.sh drives them with, the feeder's replies, and on
 * Windows the virtual image sensor's unit
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#else
#include <time.h>

/* CLOCK_MONOTONIC in microseconds. */
static double now_us(void)
{
    struct timespec ts;

    clock_gettime( CLOCK_MONOTONIC, &ts );
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}
#endif

/* The next request from bench/run.sh, one line on stdin without its line
 * end; FALSE at the end of input.  The servers answer each request with
 * one line (bench_reply), so that run.sh can alternate them. */
static inline int bench_request( char *line, int size )
{
    if (!fgets( line, size, stdin )) return 0;
    line[strcspn( line, "\r\n" )] = 0;
    return 1;
}

#ifdef _WIN32
typedef SOCKET feeder_socket;
#else
#include <sys/socket.h>
typedef int feeder_socket;
#endif

/* Reads the feeder's replies to count requests sent on its connection
 * (tests/vsensor: one line each, nothing unasked); returns how many were
 * not OK.  Read as they come, not byte by byte: under Wine each recv is a
 * round trip to the wineserver, which would be counted against WinBio. */
static inline int feeder_replies( feeder_socket feeder, int count )
{
    char buffer[1024], *line, *end;
    int got = 0, len, failed = 0;

    while (count)
    {
        /* a line that fills the buffer is no reply: recv then gets 0 bytes */
        if ((len = recv( feeder, buffer + got, sizeof(buffer) - 1 - got, 0 )) <= 0) return failed + count;
        got += len;
        buffer[got] = 0;
        for (line = buffer; count && (end = strchr( line, '\n' )); line = end + 1, count--)
        {
            if (strncmp( line, "OK", 2 ))
            {
                fprintf( stderr, "the feeder answered %.*s\n", (int)(end - line), line );
                failed++;
            }
        }
        got -= line - buffer;
        memmove( buffer, line, got );
    }
    return failed;
}

/* stdout is a pipe: flushed at once, run.sh waits for the line */
#define bench_reply( ... ) do { printf( __VA_ARGS__ ); fflush( stdout ); } while (0)

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
