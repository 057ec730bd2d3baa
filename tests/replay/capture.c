/*
 * A client that captures one sample from the only sensor present and saves
 * its picture: run inside umockdev-run, it replays a real sensor's recorded
 * USB traffic through libfprint's real driver (tests/run-tests.sh).
 *
 *   capture.exe OUTPUT.pgm
 *
 * Prints the unit as WinBioEnumBiometricUnits reports it and the fields of
 * the ANSI INCITS 381 record, then writes the pixels as a binary PGM, so
 * that they can be compared with the picture libfprint's own test expects.
 * Built with plain mingw against the public headers.
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

#include "replay.h"

/* The picture of the BIR's standard block: the ANSI INCITS 381 header as
 * winbio_types.h lays it out, one view record, and the pixels. */
static int save_image( const WINBIO_BIR *bir, SIZE_T size, const char *path )
{
    const WINBIO_BDB_ANSI_381_HEADER *ansi;
    const WINBIO_BDB_ANSI_381_RECORD *record;
    SIZE_T pixels;
    FILE *file;

    if (bir->StandardDataBlock.Offset + bir->StandardDataBlock.Size > size ||
        bir->StandardDataBlock.Size < sizeof(*ansi) + sizeof(*record))
    {
        printf( "capture: no ANSI 381 record in the sample\n" );
        return 1;
    }
    ansi = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)bir + bir->StandardDataBlock.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    pixels = (SIZE_T)record->HorizontalLineLength * record->VerticalLineLength;
    printf( "record: format 0x%08lx, scan resolution %u x %u, image resolution %u x %u (scale units %u), "
            "depth %u, impression %u, image %u x %u\n", ansi->FormatIdentifier,
            ansi->HorizontalScanResolution, ansi->VerticalScanResolution, ansi->HorizontalImageResolution,
            ansi->VerticalImageResolution, ansi->ScaleUnits, ansi->PixelDepth, record->ImpressionType,
            record->HorizontalLineLength, record->VerticalLineLength );
    if (sizeof(*ansi) + sizeof(*record) + pixels > bir->StandardDataBlock.Size)
    {
        printf( "capture: the record holds fewer pixels than it says\n" );
        return 1;
    }
    if (!(file = fopen( path, "wb" ))) return fail( "creating the picture", E_FAIL );
    fprintf( file, "P5\n%u %u\n255\n", record->HorizontalLineLength, record->VerticalLineLength );
    fwrite( record + 1, 1, pixels, file );
    fclose( file );
    return 0;
}

int main( int argc, char **argv )
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    WINBIO_BIR *sample;
    SIZE_T size;
    HRESULT hr;
    int ret;

    program = "capture";

    if (argc < 2)
    {
        printf( "usage: capture.exe OUTPUT.pgm\n" );
        return 2;
    }
    if (!recorded_unit()) return 1;

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                                       NULL, &session )))
        return fail( "WinBioOpenSession", hr );
    hr = WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    if (FAILED(hr))
    {
        printf( "capture: reject detail %lu\n", reject );
        WinBioCloseSession( session );
        return fail( "WinBioCaptureSample", hr );
    }
    ret = save_image( sample, size, argv[1] );
    WinBioFree( sample );
    WinBioCloseSession( session );
    return ret;
}
