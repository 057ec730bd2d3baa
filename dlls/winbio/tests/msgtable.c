/*
 * winbio.dll's resources: the message table and the version block
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

#include <stdarg.h>
#include <stdio.h>

#include "windef.h"
#include "winbase.h"
#include "winuser.h"
#include "winver.h"
#include "winbio.h"

#include "wine/test.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif

struct code
{
    const char *name;
    DWORD value;
};

/* Every WINBIO_E_*, WINBIO_I_* and WINBIO_FP_* reject detail of the headers:
 * this project's make writes this list from include/winbio_err.h and
 * winbio_types.h, so that a code added there without a text in winbio.mc
 * fails here.  Wine's makedep does not write it: in a Wine tree the
 * per-code checks are skipped. */
#if defined(__has_include)
# if __has_include("winbio_codes.h")
#  define HAVE_CODE_LIST
# endif
#endif

static const struct code codes[] =
{
#ifdef HAVE_CODE_LIST
#include "winbio_codes.h"
#else
    { "WINBIO_E_BAD_CAPTURE", WINBIO_E_BAD_CAPTURE },
#endif
};

static HMODULE winbio;

static BOOL is_reject_detail( const struct code *code )
{
    return !strncmp( code->name, "WINBIO_FP_", 10 );
}

/* A message table text is one or more sentences; FormatMessage turns the
 * line end the message compiler stores into CR LF. */
static void check_text( const struct code *code, const WCHAR *text, DWORD len )
{
    DWORD i;

    ok( len > 3, "%s: text of %lu characters\n", code->name, len );
    if (len <= 3) return;
    ok( len < 160, "%s: text of %lu characters is too long for one line\n", code->name, len );
    ok( text[len - 2] == '\r' && text[len - 1] == '\n', "%s: text %s does not end with CR LF\n",
        code->name, wine_dbgstr_w( text ) );
    ok( text[len - 3] == '.', "%s: text %s does not end a sentence\n", code->name, wine_dbgstr_w( text ) );
    ok( text[0] >= 'A' && text[0] <= 'Z', "%s: text %s does not start a sentence\n",
        code->name, wine_dbgstr_w( text ) );
    for (i = 0; i < len - 2; i++)
        if (text[i] == '\r' || text[i] == '\n' || text[i] == '%') break;
    ok( i == len - 2, "%s: text %s has a line break or insert inside\n", code->name, wine_dbgstr_w( text ) );
}

static void test_message_table(void)
{
    static WCHAR texts[ARRAY_SIZE(codes)][256];
    unsigned int i, j, errors = 0, infos = 0, details = 0, shared = 0;
    WCHAR buffer[256];
    DWORD len;

    ok( FindResourceW( winbio, MAKEINTRESOURCEW(1), (const WCHAR *)RT_MESSAGETABLE ) != NULL,
        "winbio.dll has no message table\n" );

    for (i = 0; i < ARRAY_SIZE(codes); i++)
    {
        if (is_reject_detail( &codes[i] )) details++;
        else if (codes[i].value & 0x80000000) errors++;
        else infos++;

        /* Windows' own table is not known to explain reject details */
        if (is_reject_detail( &codes[i] ) && strcmp( winetest_platform, "wine" )) continue;

        len = FormatMessageW( FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, winbio,
                              codes[i].value, 0, texts[i], ARRAY_SIZE(texts[i]), NULL );
        ok( len != 0, "%s (%#lx): no text, error %lu\n", codes[i].name, codes[i].value, GetLastError() );
        if (!len) continue;
        check_text( &codes[i], texts[i], len );

        /* the language-neutral lookup programs make finds the same text */
        len = FormatMessageW( FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, winbio,
                              codes[i].value, MAKELANGID( LANG_NEUTRAL, SUBLANG_NEUTRAL ), buffer,
                              ARRAY_SIZE(buffer), NULL );
        ok( len && !wcscmp( buffer, texts[i] ), "%s: neutral lookup gave %s\n", codes[i].name,
            wine_dbgstr_w( len ? buffer : L"" ) );
    }

    /* the generated list must have found the headers' codes at all */
#ifdef HAVE_CODE_LIST
    ok( errors >= 80, "only %u error codes in the list\n", errors );
    ok( infos == 2, "%u informational codes in the list\n", infos );
    ok( details == 10, "%u reject details in the list\n", details );
#else
    win_skip( "no list of the headers' codes: only %u code checked\n", errors + infos + details );
#endif

    /* a text says what its code means: no two codes share one */
    for (i = 0; i < ARRAY_SIZE(codes); i++)
        for (j = i + 1; j < ARRAY_SIZE(codes); j++)
            if (texts[i][0] && !wcscmp( texts[i], texts[j] ))
            {
                trace( "%s and %s have the same text\n", codes[i].name, codes[j].name );
                shared++;
            }
    ok( !shared, "%u pairs of codes share a text\n", shared );

    /* ids without a code have no text: the table is looked up, not a default */
    SetLastError( 0xdeadbeef );
    len = FormatMessageW( FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, winbio,
                          0x8009800a, 0, buffer, ARRAY_SIZE(buffer), NULL );
    ok( !len, "unused code 0x8009800a has text %s\n", wine_dbgstr_w( buffer ) );
    ok( GetLastError() == ERROR_MR_MID_NOT_FOUND, "got error %lu\n", GetLastError() );
    SetLastError( 0xdeadbeef );
    len = FormatMessageW( FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, winbio,
                          0x80098fff, 0, buffer, ARRAY_SIZE(buffer), NULL );
    ok( !len, "unused code 0x80098fff has text %s\n", wine_dbgstr_w( buffer ) );
    ok( GetLastError() == ERROR_MR_MID_NOT_FOUND, "got error %lu\n", GetLastError() );
}

/* the ANSI call, as most programs make it, with the buffer allocated */
static void test_message_ansi(void)
{
    char *text = NULL;
    DWORD len;

    len = FormatMessageA( FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS |
                          FORMAT_MESSAGE_ALLOCATE_BUFFER, winbio, WINBIO_E_BAD_CAPTURE, 0,
                          (char *)&text, 0, NULL );
    ok( len > 3, "got %lu, error %lu\n", len, GetLastError() );
    if (!len) return;
    ok( strlen( text ) == len, "length %lu, string %u\n", len, (unsigned int)strlen( text ) );
    ok( !strcmp( text + len - 2, "\r\n" ), "got %s\n", debugstr_a( text ) );
    LocalFree( text );
}

static const WCHAR *query_string( void *info, WORD lang, WORD codepage, const WCHAR *name )
{
    WCHAR path[64];
    WCHAR *value;
    UINT len;

    swprintf( path, ARRAY_SIZE(path), L"\\StringFileInfo\\%04x%04x\\%s", lang, codepage, name );
    if (!VerQueryValueW( info, path, (void **)&value, &len ) || !len) return NULL;
    return value;
}

static void test_version_info(void)
{
    const WCHAR *filename, *description, *version, *product;
    VS_FIXEDFILEINFO *fixed;
    WORD *translation;
    WCHAR path[MAX_PATH], expect[64];
    DWORD size, handle;
    void *info;
    UINT len;

    GetModuleFileNameW( winbio, path, ARRAY_SIZE(path) );
    size = GetFileVersionInfoSizeW( path, &handle );
    ok( size != 0, "GetFileVersionInfoSize(%s) failed, error %lu\n", wine_dbgstr_w( path ), GetLastError() );
    if (!size) return;

    info = HeapAlloc( GetProcessHeap(), 0, size );
    ok( GetFileVersionInfoW( path, 0, size, info ), "GetFileVersionInfo failed, error %lu\n", GetLastError() );

    ok( VerQueryValueW( info, L"\\", (void **)&fixed, &len ), "no fixed file info\n" );
    ok( len == sizeof(*fixed), "fixed file info of %u bytes\n", len );
    ok( fixed->dwSignature == VS_FFI_SIGNATURE, "signature %#lx\n", fixed->dwSignature );
    ok( fixed->dwFileType == VFT_DLL, "file type %lu\n", fixed->dwFileType );
    /* winbio.dll came with Windows 7 (6.1); programs compare against that */
    ok( HIWORD(fixed->dwFileVersionMS) > 6 || (HIWORD(fixed->dwFileVersionMS) == 6 &&
        LOWORD(fixed->dwFileVersionMS) >= 1), "file version %u.%u\n",
        HIWORD(fixed->dwFileVersionMS), LOWORD(fixed->dwFileVersionMS) );
    ok( fixed->dwFileFlags == 0, "file flags %#lx\n", fixed->dwFileFlags );

    ok( VerQueryValueW( info, L"\\VarFileInfo\\Translation", (void **)&translation, &len ) && len >= 4,
        "no translation\n" );
    if (len >= 4)
    {
        filename = query_string( info, translation[0], translation[1], L"OriginalFilename" );
        ok( filename && !wcsicmp( filename, L"winbio.dll" ), "OriginalFilename %s\n", wine_dbgstr_w( filename ) );
        description = query_string( info, translation[0], translation[1], L"FileDescription" );
        ok( description && wcslen( description ) > 5, "FileDescription %s\n", wine_dbgstr_w( description ) );
        product = query_string( info, translation[0], translation[1], L"ProductName" );
        ok( product && product[0], "ProductName %s\n", wine_dbgstr_w( product ) );

        /* the string version starts as the fixed one says */
        version = query_string( info, translation[0], translation[1], L"FileVersion" );
        swprintf( expect, ARRAY_SIZE(expect), L"%u.%u.", HIWORD(fixed->dwFileVersionMS),
                  LOWORD(fixed->dwFileVersionMS) );
        ok( version && !wcsncmp( version, expect, wcslen( expect ) ), "FileVersion %s, fixed %s\n",
            wine_dbgstr_w( version ), wine_dbgstr_w( expect ) );
    }
    HeapFree( GetProcessHeap(), 0, info );
}

START_TEST(msgtable)
{
    winbio = GetModuleHandleW( L"winbio.dll" );
    if (!winbio) winbio = LoadLibraryW( L"winbio.dll" );
    ok( winbio != NULL, "winbio.dll not loaded\n" );
    if (!winbio) return;

    test_message_table();
    test_message_ansi();
    test_version_info();
}
