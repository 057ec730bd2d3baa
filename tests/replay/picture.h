/*
 * The picture in a captured sample, saved as a binary PGM so that
 * tests/replay/compare.py can compare it with the one libfprint's own test
 * expects.  Shared by the replay clients that capture.  Include replay.h
 * first.
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
        say( "%s: no ANSI 381 record in the sample\n", program );
        return 1;
    }
    ansi = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)bir + bir->StandardDataBlock.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    pixels = (SIZE_T)record->HorizontalLineLength * record->VerticalLineLength;
    say( "record: format 0x%08lx, scan resolution %u x %u, image resolution %u x %u (scale units %u), "
            "depth %u, impression %u, image %u x %u\n", ansi->FormatIdentifier,
            ansi->HorizontalScanResolution, ansi->VerticalScanResolution, ansi->HorizontalImageResolution,
            ansi->VerticalImageResolution, ansi->ScaleUnits, ansi->PixelDepth, record->ImpressionType,
            record->HorizontalLineLength, record->VerticalLineLength );
    if (sizeof(*ansi) + sizeof(*record) + pixels > bir->StandardDataBlock.Size)
    {
        say( "%s: the record holds fewer pixels than it says\n", program );
        return 1;
    }
    if (!(file = fopen( path, "wb" ))) return fail( "creating the picture", E_FAIL );
    fprintf( file, "P5\n%u %u\n255\n", record->HorizontalLineLength, record->VerticalLineLength );
    fwrite( record + 1, 1, pixels, file );
    fclose( file );
    return 0;
}

/* One sample from the sensor in a raw system-pool session, its picture saved to path. */
static int capture_picture( const char *path )
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    WINBIO_BIR *sample;
    SIZE_T size;
    HRESULT hr;
    int ret;

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                                       NULL, &session )))
        return fail( "WinBioOpenSession", hr );
    hr = WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    if (FAILED(hr))
    {
        say( "%s: reject detail %lu\n", program, reject );
        WinBioCloseSession( session );
        return fail( "WinBioCaptureSample", hr );
    }
    ret = save_image( sample, size, path );
    WinBioFree( sample );
    WinBioCloseSession( session );
    return ret;
}
