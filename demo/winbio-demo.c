/*
 * winbio-demo: a Windows console client of the Windows Biometric Framework
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
 * Built like any third-party client: plain mingw-w64, <windows.h>,
 * <winbio.h> and the winbio import library, nothing Wine-specific.
 */

#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <winbio.h>

static const char *subtype_name( WINBIO_BIOMETRIC_SENSOR_SUBTYPE subtype )
{
    switch (subtype)
    {
    case WINBIO_FP_SENSOR_SUBTYPE_SWIPE: return "swipe";
    case WINBIO_FP_SENSOR_SUBTYPE_TOUCH: return "touch";
    default: return "unknown";
    }
}

static void print_capabilities( WINBIO_CAPABILITIES caps )
{
    static const struct { WINBIO_CAPABILITIES flag; const char *name; } names[] =
    {
        { WINBIO_CAPABILITY_SENSOR, "sensor" },
        { WINBIO_CAPABILITY_MATCHING, "matching" },
        { WINBIO_CAPABILITY_DATABASE, "database" },
        { WINBIO_CAPABILITY_PROCESSING, "processing" },
        { WINBIO_CAPABILITY_VIRTUAL_SENSOR, "virtual" },
    };
    unsigned int i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (caps & names[i].flag) printf( " %s", names[i].name );
    printf( "\n" );
}

static int list_units(void)
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    if (FAILED(hr))
    {
        printf( "WinBioEnumBiometricUnits failed: 0x%08lx\n", (unsigned long)hr );
        return 1;
    }

    printf( "%lu fingerprint sensor(s)\n", (unsigned long)count );
    for (i = 0; i < count; i++)
    {
        printf( "unit %lu: %ls\n", (unsigned long)units[i].UnitId, units[i].Description );
        printf( "    manufacturer: %ls\n", units[i].Manufacturer );
        printf( "    model:        %ls\n", units[i].Model );
        printf( "    instance:     %ls\n", units[i].DeviceInstanceId );
        printf( "    sensor type:  %s\n", subtype_name( units[i].SensorSubType ) );
        printf( "    capabilities:" );
        print_capabilities( units[i].Capabilities );
    }
    if (units) WinBioFree( units );
    return 0;
}

static const char *hr_name( HRESULT hr )
{
    static char buffer[32];

    switch (hr)
    {
    case S_OK: return "S_OK";
    case WINBIO_I_MORE_DATA: return "WINBIO_I_MORE_DATA";
    case WINBIO_E_BAD_CAPTURE: return "WINBIO_E_BAD_CAPTURE";
    case WINBIO_E_UNKNOWN_ID: return "WINBIO_E_UNKNOWN_ID";
    case WINBIO_E_NO_MATCH: return "WINBIO_E_NO_MATCH";
    case WINBIO_E_CANCELED: return "WINBIO_E_CANCELED";
    case WINBIO_E_DATABASE_NO_SUCH_RECORD: return "WINBIO_E_DATABASE_NO_SUCH_RECORD";
    default:
        sprintf( buffer, "0x%08lx", (unsigned long)hr );
        return buffer;
    }
}

/* The identity of the user running the program, as clients build it. */
static BOOL get_user_identity( WINBIO_IDENTITY *identity )
{
    BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    TOKEN_USER *user = (TOKEN_USER *)buffer;
    HANDLE token;
    DWORD size;
    BOOL ret;

    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token )) return FALSE;
    ret = GetTokenInformation( token, TokenUser, buffer, sizeof(buffer), &size );
    CloseHandle( token );
    if (!ret) return FALSE;
    memset( identity, 0, sizeof(*identity) );
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = GetLengthSid( user->User.Sid );
    CopySid( SECURITY_MAX_SID_SIZE, identity->Value.AccountSid.Data, user->User.Sid );
    return TRUE;
}

/* The unit to enroll on: the first that takes pictures, else the first one. */
static WINBIO_UNIT_ID pick_unit(void)
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count = 0, i;

    if (FAILED(WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count )) || !count) return 0;
    id = units[0].UnitId;
    for (i = 0; i < count; i++)
        if (units[i].Capabilities & WINBIO_CAPABILITY_PROCESSING)
        {
            id = units[i].UnitId;
            break;
        }
    WinBioFree( units );
    return id;
}

/* enroll -> identify -> verify -> list -> delete, as a client program does it */
static int cycle(void)
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor = WINBIO_ANSI_381_POS_RH_INDEX_FINGER, found, *subfactors;
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_IDENTITY user, identity;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit, touched;
    BOOLEAN is_new, match;
    SIZE_T count, i;
    HRESULT hr;
    int capture = 0;

    if (!get_user_identity( &user ) || !(unit = pick_unit()))
    {
        printf( "no fingerprint sensor\n" );
        return 1;
    }
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            NULL, &session );
    printf( "open session: %s\n", hr_name( hr ) );
    if (FAILED(hr)) return 1;

    /* start from a clean slate if an earlier run left the finger enrolled */
    WinBioDeleteTemplate( session, unit, &user, subfactor );

    hr = WinBioEnrollBegin( session, subfactor, unit );
    printf( "enroll begin on unit %lu: %s\n", (unsigned long)unit, hr_name( hr ) );
    while (SUCCEEDED(hr))
    {
        printf( "touch the sensor...\n" );
        fflush( stdout );
        hr = WinBioEnrollCapture( session, &reject );
        printf( "capture %d: %s", ++capture, hr_name( hr ) );
        if (hr == WINBIO_E_BAD_CAPTURE) printf( " (reject detail %lu)", (unsigned long)reject );
        printf( "\n" );
        if (hr == WINBIO_E_BAD_CAPTURE) hr = S_FALSE;  /* try again */
        else if (hr == S_OK) break;
    }
    if (FAILED(hr)) goto done;
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    printf( "enroll commit: %s, new template: %s\n", hr_name( hr ), is_new ? "yes" : "no" );
    if (FAILED(hr)) goto done;

    printf( "identify: touch the sensor...\n" );
    fflush( stdout );
    hr = WinBioIdentify( session, &touched, &identity, &found, &reject );
    printf( "identify: %s, unit %lu, finger %u, %s\n", hr_name( hr ), (unsigned long)touched, found,
            identity.Type == WINBIO_ID_TYPE_SID && EqualSid( identity.Value.AccountSid.Data,
                                                             user.Value.AccountSid.Data ) ? "this user" : "unknown" );
    if (FAILED(hr)) goto done;

    printf( "verify: touch the sensor...\n" );
    fflush( stdout );
    hr = WinBioVerify( session, &user, subfactor, &touched, &match, &reject );
    printf( "verify: %s, match: %s\n", hr_name( hr ), match ? "yes" : "no" );
    if (FAILED(hr)) goto done;

    hr = WinBioEnumEnrollments( session, unit, &user, &subfactors, &count );
    printf( "enrolled fingers:" );
    for (i = 0; SUCCEEDED(hr) && i < count; i++) printf( " %u", subfactors[i] );
    printf( "\n" );
    if (SUCCEEDED(hr)) WinBioFree( subfactors );

    hr = WinBioDeleteTemplate( session, unit, &user, subfactor );
    printf( "delete: %s\n", hr_name( hr ) );

done:
    WinBioCloseSession( session );
    printf( "%s\n", SUCCEEDED(hr) ? "done" : "failed" );
    return FAILED(hr);
}

/* The picture of a sample as an 8-bit grey BMP, which any image viewer opens. */
static int save_bmp( const WINBIO_BIR *sample, const char *path )
{
    const WINBIO_BDB_ANSI_381_HEADER *ansi;
    const WINBIO_BDB_ANSI_381_RECORD *record;
    BITMAPFILEHEADER file_header = { 0 };
    BITMAPINFOHEADER info = { sizeof(info) };
    RGBQUAD palette[256];
    unsigned int width, height, y, i;
    DWORD stride;
    const BYTE *pixels;
    FILE *file;

    ansi = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)sample + sample->StandardDataBlock.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    width = record->HorizontalLineLength;
    height = record->VerticalLineLength;
    pixels = (const BYTE *)(record + 1);
    stride = (width + 3) & ~3u;

    for (i = 0; i < 256; i++)
    {
        palette[i].rgbBlue = palette[i].rgbGreen = palette[i].rgbRed = i;
        palette[i].rgbReserved = 0;
    }
    info.biWidth = width;
    info.biHeight = -(LONG)height;  /* top row first, as the sample has it */
    info.biPlanes = 1;
    info.biBitCount = 8;
    info.biSizeImage = stride * height;
    info.biClrUsed = 256;
    file_header.bfType = 0x4d42;  /* "BM" */
    file_header.bfOffBits = sizeof(file_header) + sizeof(info) + sizeof(palette);
    file_header.bfSize = file_header.bfOffBits + info.biSizeImage;

    if (!(file = fopen( path, "wb" ))) return 1;
    fwrite( &file_header, sizeof(file_header), 1, file );
    fwrite( &info, sizeof(info), 1, file );
    fwrite( palette, sizeof(palette), 1, file );
    for (y = 0; y < height; y++)
    {
        static const BYTE pad[3];
        fwrite( pixels + (SIZE_T)y * width, 1, width, file );
        fwrite( pad, 1, stride - width, file );
    }
    fclose( file );
    printf( "picture: %u x %u pixels at %u ppi, saved as %s\n", width, height, ansi->HorizontalImageResolution,
            path );
    return 0;
}

/* One sample from whichever sensor is touched, saved as a picture. */
static int capture( const char *path )
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_UNIT_ID unit = 0;
    WINBIO_BIR *sample;
    SIZE_T size;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    printf( "open raw session: %s\n", hr_name( hr ) );
    if (FAILED(hr)) return 1;
    printf( "capture: touch the sensor...\n" );
    hr = WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    printf( "capture: %s, unit %lu, %lu bytes\n", hr_name( hr ), (unsigned long)unit, (unsigned long)size );
    if (SUCCEEDED(hr))
    {
        if (save_bmp( sample, path )) hr = E_FAIL;
        WinBioFree( sample );
    }
    WinBioCloseSession( session );
    return FAILED(hr);
}

int main( int argc, char **argv )
{
    if (argc > 1 && !strcmp( argv[1], "cycle" )) return list_units() || cycle();
    if (argc > 2 && !strcmp( argv[1], "capture" )) return list_units() || capture( argv[2] );
    return list_units();
}
