/*
 * winebio: the capture command
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

#include <stdlib.h>
#include "winebio.h"

static BOOL write_all( HANDLE file, const void *data, DWORD size )
{
    DWORD written;

    return WriteFile( file, data, size, &written, NULL ) && written == size;
}

/* The sample's picture as an 8-bit grey BMP, top row first. */
static HRESULT save_bmp( const WINBIO_BIR *sample, SIZE_T sample_size, const WCHAR *path, ULONG *width,
                         ULONG *height )
{
    const WINBIO_BDB_ANSI_381_HEADER *header;
    const WINBIO_BDB_ANSI_381_RECORD *record;
    BITMAPFILEHEADER file_header = { 0 };
    BITMAPINFOHEADER info = { sizeof(info) };
    static const BYTE pad[3];
    RGBQUAD palette[256];
    const BYTE *pixels;
    DWORD stride, y;
    HANDLE file;
    BOOL ok;
    int i;

    /* the record is checked against the size before anything is read */
    if (sample->StandardDataBlock.Offset > sample_size ||
        sample_size - sample->StandardDataBlock.Offset < sizeof(*header) + sizeof(*record))
        return WINBIO_E_INVALID_BUFFER;
    header = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)sample + sample->StandardDataBlock.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(header + 1);
    *width = record->HorizontalLineLength;
    *height = record->VerticalLineLength;
    pixels = (const BYTE *)(record + 1);
    if (!*width || !*height ||
        (SIZE_T)*width * *height > sample_size - sample->StandardDataBlock.Offset - sizeof(*header) - sizeof(*record))
        return WINBIO_E_INVALID_BUFFER;

    for (i = 0; i < 256; i++)
    {
        palette[i].rgbBlue = palette[i].rgbGreen = palette[i].rgbRed = i;
        palette[i].rgbReserved = 0;
    }
    stride = (*width + 3) & ~3u;
    info.biWidth = *width;
    info.biHeight = -(LONG)*height;
    info.biPlanes = 1;
    info.biBitCount = 8;
    info.biSizeImage = stride * *height;
    info.biClrUsed = 256;
    file_header.bfType = 0x4d42;  /* "BM" */
    file_header.bfOffBits = sizeof(file_header) + sizeof(info) + sizeof(palette);
    file_header.bfSize = file_header.bfOffBits + info.biSizeImage;

    file = CreateFileW( path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL );
    if (file == INVALID_HANDLE_VALUE) return HRESULT_FROM_WIN32( GetLastError() );
    ok = write_all( file, &file_header, sizeof(file_header) ) && write_all( file, &info, sizeof(info) ) &&
         write_all( file, palette, sizeof(palette) );
    for (y = 0; ok && y < *height; y++)
        ok = write_all( file, pixels + (SIZE_T)y * *width, *width ) && write_all( file, pad, stride - *width );
    CloseHandle( file );
    if (ok) return S_OK;
    DeleteFileW( path );
    return HRESULT_FROM_WIN32( GetLastError() );
}

/* Windows gives raw samples to administrators only */
static int refused(void)
{
    output_error( L"capture refused: raw samples are for administrators only (E_ACCESSDENIED)" );
    return EXIT_FAILED;
}

int cmd_capture( const struct options *options, const WCHAR *path )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    WINBIO_BIR *sample;
    SIZE_T size;
    ULONG width, height;
    HRESULT hr;

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to capture from", hr );
    hr = open_session( WINBIO_FLAG_RAW, &session );
    if (hr == E_ACCESSDENIED) return refused();
    if (FAILED(hr)) return fail_hr( L"cannot open a raw session", hr );
    do
    {
        output( L"Touch the sensor.\n" );
        sample = NULL;
        unit = 0;
        reject = 0;
        hr = was_canceled() ? WINBIO_E_CANCELED
                            : WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit,
                                                   &sample, &size, &reject );
        if (hr == WINBIO_E_BAD_CAPTURE) output( L"bad touch: %ls\n", reject_reason( reject ) );
        if (SUCCEEDED(hr) && wrong_unit( options, unit ))
        {
            WinBioFree( sample );
            hr = WINBIO_E_BAD_CAPTURE;
        }
    }
    while (hr == WINBIO_E_BAD_CAPTURE);
    close_session( session );
    if (hr == WINBIO_E_CANCELED)
    {
        output_error( L"canceled" );
        return EXIT_FAILED;
    }
    if (hr == E_ACCESSDENIED) return refused();
    if (FAILED(hr)) return fail_hr( L"cannot capture", hr );

    hr = save_bmp( sample, size, path, &width, &height );
    WinBioFree( sample );
    if (FAILED(hr)) return fail_hr( L"cannot save the picture", hr );
    output( L"Saved the picture from unit %lu, %lu x %lu pixels, as %ls.\n", unit, width, height, path );
    return EXIT_OK;
}
