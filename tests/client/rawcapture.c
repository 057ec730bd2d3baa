/*
 * A raw-capture console client, shaped like the MSVC programs that use winbio
 *
 * Copyright the winbio project developers
 *
 * This library is free software; you can redistribute it and/or
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

/*
 * Built by tests/run-tests.sh with nothing but a mingw-w64 compiler, the
 * installed headers and the installed import library, once per architecture
 * and once per C runtime (msvcrt and ucrt).  It uses only the Windows API and
 * the C runtime's printf, as a program built with MSVC against winbio.lib
 * would: on i386 every winbio call goes through the stdcall-decorated
 * imports, so a wrong argument size in winbio.spec fails the link or
 * unbalances the stack.  It opens a raw session, waits for one touch on
 * libfprint's virtual image sensor, checks the BIR it gets and frees it.
 * The test runner plays the finger when it reads "touch the sensor".
 */

#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <winbio.h>

static int fail( const char *what, HRESULT hr )
{
    printf( "rawcapture: %s failed: 0x%08lx\n", what, (unsigned long)hr );
    return 1;
}

int main( void )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID sensor = 0, unit = 0;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_BIR *sample = NULL;
    SIZE_T count = 0, size = 0, i;
    const WINBIO_BIR_DATA *data;
    HRESULT hr;
    int ret = 0;

    printf( "rawcapture: %u-bit client\n", (unsigned int)(sizeof(void *) * 8) );

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    if (FAILED(hr)) return fail( "WinBioEnumBiometricUnits", hr );
    for (i = 0; i < count; i++)
        if (!wcscmp( units[i].Model, L"virtual_image" )) sensor = units[i].UnitId;
    WinBioFree( units );
    if (!sensor)
    {
        printf( "rawcapture: no virtual_image sensor among %lu units\n", (unsigned long)count );
        return 1;
    }

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    if (FAILED(hr)) return fail( "WinBioOpenSession", hr );

    printf( "rawcapture: touch the sensor\n" );
    fflush( stdout );
    hr = WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    if (FAILED(hr))
    {
        printf( "rawcapture: reject detail %lu\n", (unsigned long)reject );
        ret = fail( "WinBioCaptureSample", hr );
    }
    else
    {
        /* the blocks a client reads must lie inside what it was given */
        data = &sample->StandardDataBlock;
        if (unit != sensor || size < sizeof(*sample) || !data->Size || data->Offset < sizeof(*sample) ||
            data->Offset > size || data->Size > size - data->Offset)
        {
            printf( "rawcapture: bad sample: unit %lu (expected %lu), %lu bytes, standard block %lu at %lu\n",
                    (unsigned long)unit, (unsigned long)sensor, (unsigned long)size,
                    (unsigned long)data->Size, (unsigned long)data->Offset );
            ret = 1;
        }
        else printf( "rawcapture: captured %lu bytes on unit %lu\n", (unsigned long)size, (unsigned long)unit );
        hr = WinBioFree( sample );
        if (FAILED(hr)) ret = fail( "WinBioFree", hr );
    }

    hr = WinBioCloseSession( session );
    if (FAILED(hr)) ret = fail( "WinBioCloseSession", hr );
    if (!ret) printf( "rawcapture: done\n" );
    return ret;
}
