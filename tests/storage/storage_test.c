/*
 * Tests for the template database of winbio.dll
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
 * storage.c and identity.c are linked into this program, which calls their
 * internal interface directly.  Every run works on databases with fresh
 * random GUIDs, so runs do not see each other's files, and removes them at
 * the end.  Child processes (this program started again with a sub-mode)
 * stand for other processes using the same database.
 */

#include <stdio.h>

#include "winbio_private.h"
#include "storage.h"
#include "sddl.h"
#include "ntsecapi.h"

#include "wine/test.h"

/* storage.c is linked here without winbio.dll's Unix side, which sets the
 * files' modes; the winbio_test "hardening" test checks those. */
void storage_make_private( const WCHAR *path, BOOL folder )
{
}

#define HEADER_SIZE 40
#define RECORD_SIZE 104

static GUID used_ids[16];
static unsigned int used_count;

/*
 * A database with one template, written by hand from the format table in
 * storage.c.  The checksum was computed independently (zlib's crc32 of
 * bytes 0-35 and 40-153), so this pins the layout and the checksum both.
 */
static const BYTE golden_image[] =
{
    /* header */
    'W', 'i', 'n', 'B', 'i', 'o', 'D', 'B',         /* magic */
    0x01, 0x00, 0x00, 0x00,                         /* version 1 */
    0x00, 0x00, 0x00, 0x00,                         /* flags */
    0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* generation 7 */
    0x01, 0x00, 0x00, 0x00,                         /* 1 record */
    0x72, 0x00, 0x00, 0x00,                         /* payload: 114 bytes */
    0x00, 0x00, 0x00, 0x00,                         /* reserved */
    0xc3, 0x69, 0x88, 0x97,                         /* CRC-32 */
    /* record: template {01234567-89AB-CDEF-0123-456789ABCDEF} */
    0x67, 0x45, 0x23, 0x01, 0xab, 0x89, 0xef, 0xcd,
    0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
    0x03, 0x00, 0x00, 0x00,                         /* WINBIO_ID_TYPE_SID */
    0x1c, 0x00, 0x00, 0x00,                         /* Size 28: S-1-5-21-1-2-3-1001 */
    0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
    0x15, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00,
    0xe9, 0x03, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, /* 40 bytes of padding */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x00, 0x00,                         /* subfactor 2, reserved */
    0x05, 0x00, 0x00, 0x00,                         /* device key: 5 bytes */
    0x05, 0x00, 0x00, 0x00,                         /* data: 5 bytes */
    'd', 'r', 'v', '/', '0',
    0x01, 0x02, 0x03, 0x04, 0x05,
};

/* The file storage_open() creates: no record, generation 1. */
static const BYTE golden_empty[] =
{
    'W', 'i', 'n', 'B', 'i', 'o', 'D', 'B',
    0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
    0x3e, 0xdf, 0xcd, 0xe8,
};

static const GUID golden_template_id =
    { 0x01234567, 0x89ab, 0xcdef, { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef } };

static GUID random_guid(void)
{
    GUID id;

    RtlGenRandom( &id, sizeof(id) );
    id.Data3 = (id.Data3 & 0x0fff) | 0x4000;
    id.Data4[0] = (id.Data4[0] & 0x3f) | 0x80;
    return id;
}

/* A database id for this run, remembered so that cleanup() removes its files. */
static GUID new_id(void)
{
    GUID id = random_guid();

    ok( used_count < ARRAY_SIZE(used_ids), "too many databases\n" );
    if (used_count < ARRAY_SIZE(used_ids)) used_ids[used_count++] = id;
    return id;
}

static const char *guid_arg( const GUID *id )
{
    char buffer[40];

    sprintf( buffer, "%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", (unsigned long)id->Data1,
             id->Data2, id->Data3, id->Data4[0], id->Data4[1], id->Data4[2], id->Data4[3],
             id->Data4[4], id->Data4[5], id->Data4[6], id->Data4[7] );
    return wine_dbg_sprintf( "%s", buffer );
}

static BOOL parse_guid_arg( const char *str, GUID *id )
{
    unsigned int d[11], i;

    if (sscanf( str, "%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x", &d[0], &d[1], &d[2], &d[3], &d[4],
                &d[5], &d[6], &d[7], &d[8], &d[9], &d[10] ) != 11)
        return FALSE;
    id->Data1 = d[0];
    id->Data2 = d[1];
    id->Data3 = d[2];
    for (i = 0; i < 8; i++) id->Data4[i] = d[3 + i];
    return TRUE;
}

/* The file as this process reaches it: storage_get_path() gives the path
 * clients are shown, which a 32-bit process would find redirected. */
static void db_file_path( const GUID *id, WCHAR *path, const WCHAR *suffix )
{
    WCHAR dir[MAX_PATH];

    ok( storage_get_folder( dir, ARRAY_SIZE(dir) ), "storage_get_folder failed\n" );
    swprintf( path, MAX_PATH, L"%s\\{%S}%s", dir, guid_arg( id ), suffix );
}

static BYTE *read_file( const GUID *id, DWORD *size )
{
    WCHAR path[MAX_PATH];
    HANDLE file;
    BYTE *data;
    DWORD done;

    db_file_path( id, path, L".DAT" );
    file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                        OPEN_EXISTING, 0, NULL );
    if (file == INVALID_HANDLE_VALUE) return NULL;
    *size = GetFileSize( file, NULL );
    data = malloc( *size + 1 );
    if (!ReadFile( file, data, *size, &done, NULL ) || done != *size)
    {
        free( data );
        data = NULL;
    }
    CloseHandle( file );
    return data;
}

/* Overwrites the file in place, as a disk error or a careless user would,
 * keeping its identity.  Its write time is moved to a value of its own so
 * that the change is seen even within the file system's time granularity. */
static void write_file( const GUID *id, const BYTE *data, DWORD size )
{
    static ULONGLONG fake_time = 126227808000000000;  /* 2001-01-01 */
    WCHAR path[MAX_PATH];
    ULARGE_INTEGER time;
    FILETIME filetime;
    HANDLE file;
    DWORD done;
    BOOL ret;

    db_file_path( id, path, L".DAT" );
    *wcsrchr( path, '\\' ) = 0;
    CreateDirectoryW( path, NULL );
    path[lstrlenW( path )] = '\\';
    file = CreateFileW( path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                        OPEN_ALWAYS, 0, NULL );
    ok( file != INVALID_HANDLE_VALUE, "cannot open %s, error %lu\n", debugstr_w( path ), GetLastError() );
    ret = WriteFile( file, data, size, &done, NULL );
    ok( ret && done == size, "write failed, error %lu\n", GetLastError() );
    ok( SetEndOfFile( file ), "SetEndOfFile failed, error %lu\n", GetLastError() );
    time.QuadPart = fake_time += 10000000;
    filetime.dwLowDateTime = time.LowPart;
    filetime.dwHighDateTime = time.HighPart;
    ok( SetFileTime( file, NULL, NULL, &filetime ), "SetFileTime failed, error %lu\n", GetLastError() );
    CloseHandle( file );
}

static void fix_crc( BYTE *image, DWORD size )
{
    DWORD crc = RtlComputeCrc32( RtlComputeCrc32( 0, image, 36 ), image + HEADER_SIZE, size - HEADER_SIZE );

    put_u32( image + 36, crc );
}

/* S-1-5-21-1-2-3-rid, with garbage after the SID to show it does not count */
static void make_sid_identity( WINBIO_IDENTITY *identity, DWORD rid, BYTE garbage )
{
    static const BYTE prefix[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0 };

    memset( identity, garbage, sizeof(*identity) );
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = sizeof(prefix) + 4;
    memcpy( identity->Value.AccountSid.Data, prefix, sizeof(prefix) );
    put_u32( identity->Value.AccountSid.Data + sizeof(prefix), rid );
}

static void make_guid_identity( WINBIO_IDENTITY *identity, DWORD n )
{
    memset( identity, 0, sizeof(*identity) );
    identity->Type = WINBIO_ID_TYPE_GUID;
    identity->Value.TemplateGuid.Data1 = 0x5eed0000 + n;
    identity->Value.TemplateGuid.Data4[7] = n;
}

/* Template number n: all fields derived from n, each record different. */
struct numbered
{
    struct winbio_template template;
    BYTE data[600];
};

static void make_numbered( struct numbered *t, unsigned int n )
{
    unsigned int i;

    memset( t, 0, sizeof(*t) );
    t->template.template_id.Data1 = 0xabc00000 + n;
    t->template.template_id.Data2 = n * 7;
    make_guid_identity( &t->template.identity, n );
    t->template.subfactor = 1 + n % 10;
    sprintf( t->template.device_key, "virtual_device/%u", n % 3 );
    t->template.data_size = 16 + (n * 37) % (sizeof(t->data) - 16);
    for (i = 0; i < t->template.data_size; i++) t->data[i] = n * 31 + i;
    t->template.data = t->data;
}

/* Canonical image of an identity: what the database gives back. */
static void canonical_identity( WINBIO_IDENTITY *out, const WINBIO_IDENTITY *in )
{
    memset( out, 0, sizeof(*out) );
    out->Type = in->Type;
    switch (in->Type)
    {
    case WINBIO_ID_TYPE_SID:
        out->Value.AccountSid.Size = in->Value.AccountSid.Size;
        memcpy( out->Value.AccountSid.Data, in->Value.AccountSid.Data, in->Value.AccountSid.Size );
        break;
    case WINBIO_ID_TYPE_GUID:
        out->Value.TemplateGuid = in->Value.TemplateGuid;
        break;
    case WINBIO_ID_TYPE_SECURE_ID:
        memcpy( out->Value.SecureId, in->Value.SecureId, sizeof(out->Value.SecureId) );
        break;
    }
}

#define check_template( a, b ) check_template_( __LINE__, a, b )
static void check_template_( int line, const struct winbio_template *got, const struct winbio_template *expect )
{
    WINBIO_IDENTITY identity;

    canonical_identity( &identity, &expect->identity );
    ok_( __FILE__, line )( IsEqualGUID( &got->template_id, &expect->template_id ), "got template id %s\n",
                           debugstr_guid( &got->template_id ) );
    ok_( __FILE__, line )( !memcmp( &got->identity, &identity, sizeof(identity) ), "got identity %s\n",
                           debugstr_identity( &got->identity ) );
    ok_( __FILE__, line )( got->subfactor == expect->subfactor, "got subfactor %#x\n", got->subfactor );
    ok_( __FILE__, line )( !strcmp( got->device_key, expect->device_key ), "got device key %s\n",
                           debugstr_a( got->device_key ) );
    ok_( __FILE__, line )( got->data_size == expect->data_size, "got data size %lu\n", got->data_size );
    ok_( __FILE__, line )( got->data_size == expect->data_size && !memcmp( got->data, expect->data, got->data_size ),
                           "data differs\n" );
}

static int find_numbered( const struct winbio_template_set *set, unsigned int n )
{
    SIZE_T i;

    for (i = 0; i < set->count; i++)
        if (set->templates[i].template_id.Data1 == 0xabc00000 + n) return i;
    return -1;
}

/* The set holds exactly templates first..first+count-1, each byte-exact. */
#define check_numbered_set( a, b, c ) check_numbered_set_( __LINE__, a, b, c )
static void check_numbered_set_( int line, const struct winbio_template_set *set, unsigned int first,
                                 unsigned int count )
{
    struct numbered expect;
    unsigned int n;
    int i;

    ok_( __FILE__, line )( set->count == count, "got %Iu templates, expected %u\n", set->count, count );
    for (n = first; n < first + count; n++)
    {
        if ((i = find_numbered( set, n )) < 0)
        {
            ok_( __FILE__, line )( 0, "template %u is missing\n", n );
            continue;
        }
        make_numbered( &expect, n );
        check_template_( line, &set->templates[i], &expect.template );
    }
}

static HANDLE run_child( const char *args )
{
    PROCESS_INFORMATION info;
    STARTUPINFOA startup = { sizeof(startup) };
    char cmdline[MAX_PATH + 200];
    char **argv;
    BOOL ret;

    winetest_get_mainargs( &argv );
    sprintf( cmdline, "\"%s\" storage %s", argv[0], args );
    ret = CreateProcessA( NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &startup, &info );
    ok( ret, "CreateProcess failed, error %lu\n", GetLastError() );
    if (!ret) return NULL;
    CloseHandle( info.hThread );
    return info.hProcess;
}

static void wait_child( HANDLE process )
{
    if (!process) return;
    wait_child_process( process );
    CloseHandle( process );
}

static void test_paths(void)
{
    static const WCHAR suffix[] = L"\\WinBioDatabase\\{01234567-89AB-CDEF-0123-456789ABCDEF}.DAT";
    WCHAR path[MAX_PATH], expect[MAX_PATH];
    struct winbio_database *db;
    DWORD attributes;
    GUID id;
    HRESULT hr;

    GetSystemDirectoryW( expect, ARRAY_SIZE(expect) );
    lstrcatW( expect, suffix );
    hr = storage_get_path( &golden_template_id, path, ARRAY_SIZE(path) );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !lstrcmpW( path, expect ), "got %s, expected %s\n", debugstr_w( path ), debugstr_w( expect ) );

    hr = storage_get_path( &golden_template_id, path, lstrlenW( expect ) );
    ok( hr == HRESULT_FROM_WIN32( ERROR_INSUFFICIENT_BUFFER ), "got %#lx\n", hr );
    ok( !path[0], "got %s\n", debugstr_w( path ) );
    hr = storage_get_path( &golden_template_id, path, lstrlenW( expect ) + 1 );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !lstrcmpW( path, expect ), "got %s\n", debugstr_w( path ) );
    hr = storage_get_path( NULL, path, ARRAY_SIZE(path) );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = storage_get_path( &golden_template_id, NULL, ARRAY_SIZE(path) );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );

    /* opening creates the folder and the file */
    id = new_id();
    hr = storage_get_path( &id, path, ARRAY_SIZE(path) );
    ok( hr == S_OK, "got %#lx\n", hr );
    db_file_path( &id, path, L".DAT" );
    ok( GetFileAttributesW( path ) == INVALID_FILE_ATTRIBUTES, "file exists before open\n" );
    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    attributes = GetFileAttributesW( path );
    ok( attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY),
        "got attributes %#lx, error %lu\n", attributes, GetLastError() );
    storage_close( db );

    hr = storage_open( NULL, &db );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = storage_open( &id, NULL );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
}

static void test_identity(void)
{
    static const BYTE big_authority[] = { 1, 2, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0xff, 0xff, 0xff, 0xff };
    WINBIO_IDENTITY a, b, wildcard = { WINBIO_ID_TYPE_WILDCARD }, null = { WINBIO_ID_TYPE_NULL };
    union { TOKEN_USER user; BYTE buffer[256]; } info;
    char *string, expect[200];
    HANDLE token;
    DWORD size;
    HRESULT hr;
    BOOL ret;

    make_sid_identity( &a, 1001, 0 );
    make_sid_identity( &b, 1001, 0xcc );
    ok( identity_equal( &a, &b ), "padding after the SID counts\n" );
    make_sid_identity( &b, 1002, 0 );
    ok( !identity_equal( &a, &b ), "different SIDs are equal\n" );
    ok( identity_equal( &a, &wildcard ), "wildcard does not match\n" );
    ok( identity_equal( &wildcard, &a ), "wildcard does not match\n" );
    ok( identity_equal( &wildcard, &wildcard ), "wildcard does not match\n" );
    ok( identity_equal( &null, &null ), "null does not match null\n" );
    ok( !identity_equal( &null, &a ), "null matches a SID\n" );
    ok( identity_equal( &null, &wildcard ), "wildcard does not match null\n" );
    ok( !identity_equal( NULL, &a ), "NULL pointer matches\n" );
    ok( !identity_equal( &wildcard, NULL ), "NULL pointer matches\n" );
    b = a;
    b.Value.AccountSid.Size = 24;
    ok( !identity_equal( &a, &b ), "sizes differ but equal\n" );
    a.Value.AccountSid.Size = b.Value.AccountSid.Size = 100;
    ok( !identity_equal( &a, &b ), "oversized SIDs are equal\n" );

    make_guid_identity( &a, 1 );
    make_guid_identity( &b, 1 );
    ok( identity_equal( &a, &b ), "same GUIDs differ\n" );
    make_guid_identity( &b, 2 );
    ok( !identity_equal( &a, &b ), "different GUIDs are equal\n" );
    make_sid_identity( &b, 1001, 0 );
    memcpy( &b.Value, &a.Value, sizeof(GUID) );
    ok( !identity_equal( &a, &b ), "a SID equals a GUID\n" );

    memset( &a, 0x11, sizeof(a) );
    a.Type = WINBIO_ID_TYPE_SECURE_ID;
    b = a;
    ok( identity_equal( &a, &b ), "same secure ids differ\n" );
    b.Value.SecureId[31] ^= 1;
    ok( !identity_equal( &a, &b ), "different secure ids are equal\n" );

    /* the caller's user, as its token has it */
    hr = identity_get_current_user( &a );
    ok( hr == S_OK, "got %#lx\n", hr );
    ret = OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token );
    ok( ret, "OpenProcessToken failed, error %lu\n", GetLastError() );
    ret = GetTokenInformation( token, TokenUser, &info, sizeof(info), &size );
    ok( ret, "GetTokenInformation failed, error %lu\n", GetLastError() );
    CloseHandle( token );
    ok( a.Type == WINBIO_ID_TYPE_SID, "got type %lu\n", a.Type );
    ok( a.Value.AccountSid.Size == GetLengthSid( info.user.User.Sid ), "got size %lu\n", a.Value.AccountSid.Size );
    ok( EqualSid( a.Value.AccountSid.Data, info.user.User.Sid ), "got another SID\n" );
    hr = identity_get_current_user( NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    /* traces: the SID as ConvertSidToStringSid writes it */
    ret = ConvertSidToStringSidA( info.user.User.Sid, &string );
    ok( ret, "ConvertSidToStringSid failed, error %lu\n", GetLastError() );
    sprintf( expect, "sid %s", string );
    LocalFree( string );
    ok( !strcmp( debugstr_identity( &a ), expect ), "got %s, expected %s\n", debugstr_identity( &a ), expect );

    memset( &a, 0, sizeof(a) );
    a.Type = WINBIO_ID_TYPE_SID;
    a.Value.AccountSid.Size = sizeof(big_authority);
    memcpy( a.Value.AccountSid.Data, big_authority, sizeof(big_authority) );
    /* an authority beyond 32 bits is written in hexadecimal, as Windows does */
    ok( !strcmp( debugstr_identity( &a ), "sid S-1-0x010203040506-7-4294967295" ), "got %s\n",
        debugstr_identity( &a ) );

    make_sid_identity( &a, 1001, 0 );
    ok( !strcmp( debugstr_identity( &a ), "sid S-1-5-21-1-2-3-1001" ), "got %s\n", debugstr_identity( &a ) );
    a.Value.AccountSid.Size = 100;
    ok( strstr( debugstr_identity( &a ), "invalid" ) != NULL, "got %s\n", debugstr_identity( &a ) );
    a.Value.AccountSid.Size = 0;
    ok( strstr( debugstr_identity( &a ), "invalid" ) != NULL, "got %s\n", debugstr_identity( &a ) );
    make_guid_identity( &a, 0x42 );
    ok( !strcmp( debugstr_identity( &a ), "guid {5eed0042-0000-0000-0000-000000000042}" ),
        "got %s\n", debugstr_identity( &a ) );
    ok( !strcmp( debugstr_identity( NULL ), "(null)" ), "got %s\n", debugstr_identity( NULL ) );
    ok( !strcmp( debugstr_identity( &wildcard ), "wildcard" ), "got %s\n", debugstr_identity( &wildcard ) );
    ok( !strcmp( debugstr_identity( &null ), "null" ), "got %s\n", debugstr_identity( &null ) );
}

static void test_round_trip(void)
{
    static const char *keys[] = { "virtual_image/0", "virtual_image/1" };
    struct winbio_template templates[6], t;
    struct winbio_template_set *set, *old_set;
    WINBIO_IDENTITY user_a, user_b, wildcard = { WINBIO_ID_TYPE_WILDCARD };
    struct winbio_database *db, *db2;
    static BYTE data[6][300], big;
    SIZE_T deleted;
    GUID id = new_id();
    HRESULT hr;
    int i, j;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    hr = storage_open( &id, &db2 );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( db2 == db, "a second open gave another object\n" );
    storage_close( db2 );

    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == 0, "got %Iu templates\n", set->count );
    storage_release_set( set );

    make_sid_identity( &user_a, 1001, 0x55 );
    make_sid_identity( &user_b, 1002, 0 );
    for (i = 0; i < ARRAY_SIZE(templates); i++)
    {
        memset( &templates[i], 0, sizeof(templates[i]) );
        templates[i].template_id = random_guid();
        templates[i].data = data[i];
        templates[i].data_size = 100 + 40 * i;
        for (j = 0; j < templates[i].data_size; j++) data[i][j] = i * 17 + j * 3;
    }
    /* a: right index on unit 0, right thumb on unit 0, right index on unit 1 */
    templates[0].identity = user_a;
    templates[0].subfactor = WINBIO_ANSI_381_POS_RH_INDEX_FINGER;
    strcpy( templates[0].device_key, keys[0] );
    templates[1].identity = user_a;
    templates[1].subfactor = WINBIO_ANSI_381_POS_RH_THUMB;
    strcpy( templates[1].device_key, keys[0] );
    templates[2].identity = user_a;
    templates[2].subfactor = WINBIO_ANSI_381_POS_RH_INDEX_FINGER;
    strcpy( templates[2].device_key, keys[1] );
    /* b: right index on unit 0 */
    templates[3].identity = user_b;
    templates[3].subfactor = WINBIO_ANSI_381_POS_RH_INDEX_FINGER;
    strcpy( templates[3].device_key, keys[0] );
    /* a GUID and a secure id, on unit 1; an empty device key is allowed */
    make_guid_identity( &templates[4].identity, 7 );
    templates[4].subfactor = WINBIO_ANSI_381_POS_LH_INDEX_FINGER;
    strcpy( templates[4].device_key, keys[1] );
    memset( &templates[5].identity, 0x77, sizeof(templates[5].identity) );
    templates[5].identity.Type = WINBIO_ID_TYPE_SECURE_ID;
    templates[5].subfactor = WINBIO_ANSI_381_POS_LH_INDEX_FINGER;

    for (i = 0; i < ARRAY_SIZE(templates); i++)
    {
        hr = storage_add( db, &templates[i] );
        ok( hr == S_OK, "%d: got %#lx\n", i, hr );
    }
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == ARRAY_SIZE(templates), "got %Iu templates\n", set->count );
    /* kept in the order they were added */
    for (i = 0; i < set->count && i < ARRAY_SIZE(templates); i++) check_template( &set->templates[i], &templates[i] );
    old_set = set;

    /* the same identity, subfactor and unit again, even with other data: refused */
    t = templates[0];
    t.template_id = golden_template_id;
    t.data = data[5];
    make_sid_identity( &t.identity, 1001, 0x99 );
    hr = storage_add( db, &t );
    ok( hr == WINBIO_E_DUPLICATE_ENROLLMENT, "got %#lx\n", hr );
    t = templates[5];
    hr = storage_add( db, &t );
    ok( hr == WINBIO_E_DUPLICATE_ENROLLMENT, "got %#lx\n", hr );

    /* bad input */
    t = templates[0];
    t.subfactor = WINBIO_ANSI_381_POS_LH_THUMB;
    hr = storage_add( NULL, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = storage_add( db, NULL );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.data = NULL;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.data = data[0];
    t.data_size = 0;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.data_size = 1024 * 1024 + 1;
    t.data = &big;  /* refused before anything is read */
    hr = storage_add( db, &t );
    ok( hr == WINBIO_E_DATABASE_FULL, "got %#lx\n", hr );
    t = templates[0];
    t.subfactor = WINBIO_ANSI_381_POS_LH_THUMB;
    memset( t.device_key, 'k', sizeof(t.device_key) );
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t = templates[0];
    t.subfactor = WINBIO_SUBTYPE_ANY;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t = templates[0];
    t.subfactor = WINBIO_ANSI_381_POS_LH_THUMB;
    t.identity.Type = WINBIO_ID_TYPE_WILDCARD;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.identity.Type = WINBIO_ID_TYPE_NULL;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.identity.Type = 42;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.identity = user_a;
    t.identity.Value.AccountSid.Size = 100;
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    t.identity.Value.AccountSid.Size = 24;  /* disagrees with the sub-authority count */
    hr = storage_add( db, &t );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );

    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set == old_set, "failed adds changed the set\n" );
    storage_release_set( set );
    hr = storage_get_set( db, NULL );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = storage_get_set( NULL, &set );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    ok( !set, "got %p\n", set );

    /* deletion: one identity, subfactor and unit */
    deleted = 55;
    hr = storage_delete( db, &user_a, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, keys[0], &deleted );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( deleted == 1, "deleted %Iu\n", deleted );
    deleted = 55;
    hr = storage_delete( db, &user_a, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, keys[0], &deleted );
    ok( hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "got %#lx\n", hr );
    ok( deleted == 0, "deleted %Iu\n", deleted );
    hr = storage_delete( db, &user_b, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, keys[1], &deleted );
    ok( hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "got %#lx\n", hr );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == 5, "got %Iu templates\n", set->count );
    for (i = 0; i < set->count; i++) check_template( &set->templates[i], &templates[i + 1] );
    storage_release_set( set );

    /* a set taken earlier does not change */
    ok( old_set->count == ARRAY_SIZE(templates), "got %Iu templates\n", old_set->count );
    check_template( &old_set->templates[0], &templates[0] );
    storage_release_set( old_set );

    /* every subfactor of an identity, on any unit */
    hr = storage_delete( db, &user_a, WINBIO_SUBTYPE_ANY, NULL, &deleted );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( deleted == 2, "deleted %Iu\n", deleted );
    /* a subfactor of everybody, on one unit */
    hr = storage_delete( db, &wildcard, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, keys[1], &deleted );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( deleted == 1, "deleted %Iu\n", deleted );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == 2, "got %Iu templates\n", set->count );
    if (set->count == 2)
    {
        check_template( &set->templates[0], &templates[3] );
        check_template( &set->templates[1], &templates[5] );
    }
    storage_release_set( set );

    hr = storage_delete( db, NULL, WINBIO_SUBTYPE_ANY, NULL, &deleted );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = storage_delete( db, &wildcard, WINBIO_SUBTYPE_ANY, NULL, NULL );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = storage_delete( db, &wildcard, WINBIO_SUBTYPE_ANY, NULL, &deleted );
    ok( hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "got %#lx\n", hr );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == 0, "got %Iu templates\n", set->count );
    storage_release_set( set );

    storage_close( db );
    storage_release_set( NULL );
    storage_close( NULL );
}

static void test_persistence(void)
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    struct numbered t;
    GUID id = new_id();
    WCHAR path[MAX_PATH];
    unsigned int n;
    char args[100];
    HRESULT hr;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    for (n = 0; n < 3; n++)
    {
        make_numbered( &t, n );
        hr = storage_add( db, &t.template );
        ok( hr == S_OK, "got %#lx\n", hr );
    }
    storage_close( db );

    /* the last close dropped the cache: this reads the file */
    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    check_numbered_set( set, 0, 3 );
    storage_release_set( set );

    /* another process sees them too */
    sprintf( args, "check %s 0 3", guid_arg( &id ) );
    wait_child( run_child( args ) );

    /* a file removed behind our back is an empty database, made again on add */
    db_file_path( &id, path, L".DAT" );
    ok( DeleteFileW( path ), "DeleteFile failed, error %lu\n", GetLastError() );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( set->count == 0, "got %Iu templates\n", set->count );
    storage_release_set( set );
    make_numbered( &t, 5 );
    hr = storage_add( db, &t.template );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    check_numbered_set( set, 5, 1 );
    storage_release_set( set );
    storage_close( db );
}

static void test_cache(void)
{
    struct winbio_template_set *set1, *set2, *set3, *set4;
    struct winbio_database *db;
    struct numbered t;
    GUID id = new_id();
    char args[100];
    HRESULT hr;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    make_numbered( &t, 0 );
    hr = storage_add( db, &t.template );
    ok( hr == S_OK, "got %#lx\n", hr );

    /* unchanged file: the same set, not read again */
    storage_get_set( db, &set1 );
    storage_get_set( db, &set2 );
    ok( set1 == set2, "got two sets for one file\n" );
    ok( set1->refcount == 3, "got refcount %ld\n", set1->refcount );
    storage_release_set( set2 );

    /* our own write publishes the new set at once */
    make_numbered( &t, 1 );
    hr = storage_add( db, &t.template );
    ok( hr == S_OK, "got %#lx\n", hr );
    storage_get_set( db, &set2 );
    ok( set2 != set1, "same set after a write\n" );
    check_numbered_set( set2, 0, 2 );
    storage_get_set( db, &set3 );
    ok( set3 == set2, "got two sets for one file\n" );
    storage_release_set( set3 );

    /* another process writes: read again */
    sprintf( args, "add %s 2 1", guid_arg( &id ) );
    wait_child( run_child( args ) );
    storage_get_set( db, &set3 );
    ok( set3 != set2, "another process's write not seen\n" );
    check_numbered_set( set3, 0, 3 );
    storage_get_set( db, &set4 );
    ok( set4 == set3, "got two sets for one file\n" );
    storage_release_set( set4 );

    /* old sets are intact */
    check_numbered_set( set1, 0, 1 );
    check_numbered_set( set2, 0, 2 );
    storage_release_set( set1 );
    storage_release_set( set2 );
    storage_release_set( set3 );
    storage_close( db );
}

static void test_processes(void)
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    HANDLE ready, go, children[2];
    WCHAR name[100];
    GUID id = new_id();
    unsigned int reads = 0, bad = 0;
    SIZE_T last = 0;
    char args[100];
    DWORD ret;
    HRESULT hr;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;

    swprintf( name, ARRAY_SIZE(name), L"winbio_storage_ready_%S", guid_arg( &id ) );
    ready = CreateSemaphoreW( NULL, 0, 2, name );
    swprintf( name, ARRAY_SIZE(name), L"winbio_storage_go_%S", guid_arg( &id ) );
    go = CreateEventW( NULL, TRUE, FALSE, name );
    ok( ready && go, "cannot create the synchronization objects, error %lu\n", GetLastError() );

    sprintf( args, "add %s 0 50 sync", guid_arg( &id ) );
    children[0] = run_child( args );
    sprintf( args, "add %s 50 50 sync", guid_arg( &id ) );
    children[1] = run_child( args );
    /* both children are up and waiting: let them go together */
    ret = WaitForSingleObject( ready, 60000 );
    ok( !ret, "got %lu\n", ret );
    ret = WaitForSingleObject( ready, 60000 );
    ok( !ret, "got %lu\n", ret );
    SetEvent( go );
    /* meanwhile this process reads: its open file must not stop their renames */
    while (WaitForMultipleObjects( 2, children, TRUE, 0 ) == WAIT_TIMEOUT)
    {
        reads++;
        if (FAILED(hr = storage_get_set( db, &set ))) bad++;
        else
        {
            if (set->count < last) bad++;
            last = set->count;
            storage_release_set( set );
        }
    }
    ok( !bad, "%u bad reads out of %u\n", bad, reads );
    wait_child( children[0] );
    wait_child( children[1] );
    CloseHandle( ready );
    CloseHandle( go );

    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (SUCCEEDED(hr))
    {
        check_numbered_set( set, 0, 100 );
        storage_release_set( set );
    }
    storage_close( db );
}

struct thread_params
{
    struct winbio_database *db;
    unsigned int first, count;
};

static DWORD WINAPI add_thread( void *arg )
{
    struct thread_params *params = arg;
    struct numbered t;
    unsigned int n;
    HRESULT hr;

    for (n = params->first; n < params->first + params->count; n++)
    {
        make_numbered( &t, n );
        hr = storage_add( params->db, &t.template );
        ok( hr == S_OK, "%u: got %#lx\n", n, hr );
    }
    return 0;
}

static void test_threads(void)
{
    struct thread_params params[4];
    struct winbio_template_set *set;
    struct winbio_database *db;
    HANDLE threads[4];
    GUID id = new_id();
    SIZE_T last = 0;
    unsigned int i, bad = 0;
    HRESULT hr;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    for (i = 0; i < 4; i++)
    {
        params[i].first = 100 + 25 * i;
        params[i].count = 25;
        /* each thread opens it too: all share the object */
        storage_open( &id, &params[i].db );
        threads[i] = CreateThread( NULL, 0, add_thread, &params[i], 0, NULL );
    }
    /* readers meanwhile see whole sets that only grow */
    while (WaitForMultipleObjects( 4, threads, TRUE, 0 ) == WAIT_TIMEOUT)
    {
        if (FAILED(hr = storage_get_set( db, &set ))) bad++;
        else
        {
            if (set->count < last) bad++;
            last = set->count;
            storage_release_set( set );
        }
    }
    ok( !bad, "%u bad reads\n", bad );
    for (i = 0; i < 4; i++)
    {
        CloseHandle( threads[i] );
        storage_close( params[i].db );
    }
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    check_numbered_set( set, 100, 100 );
    storage_release_set( set );
    storage_close( db );
}

/* Puts image into the file, checks that reading, adding and deleting all
 * fail with expect, and that the file was left exactly as it was. */
#define check_bad_file( a, b, c, d ) check_bad_file_( __LINE__, a, b, c, d )
static void check_bad_file_( int line, const GUID *id, const BYTE *image, DWORD size, HRESULT expect )
{
    struct winbio_template_set *set = (void *)0xdeadbeef;
    WINBIO_IDENTITY wildcard = { WINBIO_ID_TYPE_WILDCARD };
    struct winbio_database *db;
    WCHAR temp[MAX_PATH];
    struct numbered t;
    SIZE_T deleted;
    DWORD got_size;
    BYTE *got;
    HRESULT hr;

    write_file( id, image, size );
    hr = storage_open( id, &db );
    ok_( __FILE__, line )( hr == S_OK, "open: got %#lx\n", hr );
    if (FAILED(hr)) return;
    hr = storage_get_set( db, &set );
    ok_( __FILE__, line )( hr == expect, "get_set: got %#lx\n", hr );
    ok_( __FILE__, line )( !set, "got set %p\n", set );
    if (SUCCEEDED(hr)) storage_release_set( set );
    hr = storage_get_set( db, &set );
    ok_( __FILE__, line )( hr == expect, "get_set again: got %#lx\n", hr );
    if (SUCCEEDED(hr)) storage_release_set( set );
    make_numbered( &t, 9 );
    hr = storage_add( db, &t.template );
    ok_( __FILE__, line )( hr == expect, "add: got %#lx\n", hr );
    hr = storage_delete( db, &wildcard, WINBIO_SUBTYPE_ANY, NULL, &deleted );
    ok_( __FILE__, line )( hr == expect, "delete: got %#lx\n", hr );
    storage_close( db );

    got = read_file( id, &got_size );
    ok_( __FILE__, line )( got && got_size == size && !memcmp( got, image, size ), "the file was changed\n" );
    free( got );
    db_file_path( id, temp, L".TMP" );
    ok_( __FILE__, line )( GetFileAttributesW( temp ) == INVALID_FILE_ATTRIBUTES, "temporary file left\n" );
}

static void test_corruption(void)
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    BYTE *orig, *image;
    struct numbered t;
    GUID id = new_id();
    DWORD size, i;
    HRESULT hr;

    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    for (i = 0; i < 3; i++)
    {
        make_numbered( &t, i );
        hr = storage_add( db, &t.template );
        ok( hr == S_OK, "got %#lx\n", hr );
    }
    orig = read_file( &id, &size );
    ok( orig != NULL, "cannot read the file\n" );
    if (!orig) return;
    image = malloc( size + 4096 );

    /* while the database stays open in this process: the change is noticed */
    memcpy( image, orig, size );
    image[size - 3] ^= 0x40;  /* a bit of the last template's data */
    write_file( &id, image, size );
    hr = storage_get_set( db, &set );
    ok( hr == WINBIO_E_DATABASE_CORRUPTED, "got %#lx\n", hr );
    hr = storage_add( db, &t.template );
    ok( hr == WINBIO_E_DATABASE_CORRUPTED, "got %#lx\n", hr );
    /* and once repaired, the templates are back */
    write_file( &id, orig, size );
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (SUCCEEDED(hr))
    {
        check_numbered_set( set, 0, 3 );
        storage_release_set( set );
    }
    storage_close( db );

    /* the same with a fresh open, for each kind of damage */
    check_bad_file( &id, image, size, WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, orig, size );
    image[17] ^= 1;  /* generation */
    check_bad_file( &id, image, size, WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, orig, size );
    image[0] = 'w';  /* magic */
    check_bad_file( &id, image, size, WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, orig, size );
    image[HEADER_SIZE + 20] ^= 0x10;  /* first record's identity */
    check_bad_file( &id, image, size, WINBIO_E_DATABASE_CORRUPTED );

    check_bad_file( &id, orig, size - 10, WINBIO_E_DATABASE_CORRUPTED );
    check_bad_file( &id, orig, size - 1, WINBIO_E_DATABASE_CORRUPTED );
    check_bad_file( &id, orig, HEADER_SIZE + 50, WINBIO_E_DATABASE_CORRUPTED );
    check_bad_file( &id, orig, HEADER_SIZE, WINBIO_E_DATABASE_CORRUPTED );
    check_bad_file( &id, orig, 20, WINBIO_E_DATABASE_CORRUPTED );
    check_bad_file( &id, orig, 0, WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, orig, size );
    image[size] = 0;  /* one byte too many */
    check_bad_file( &id, image, size + 1, WINBIO_E_DATABASE_CORRUPTED );

    RtlGenRandom( image, 4096 );
    check_bad_file( &id, image, 4096, WINBIO_E_DATABASE_CORRUPTED );
    memset( image, 0, 4096 );
    check_bad_file( &id, image, 4096, WINBIO_E_DATABASE_CORRUPTED );

    /* damage with a correct checksum: the fields themselves are checked */
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 24, 0xffffffff );  /* records */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 24, 2 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 24, 0 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 28, 0x7fffffff );  /* payload size */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 100, 0x7ffffffb );  /* data size */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 100, 6 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 100, 0 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 96, 300 );  /* device key length */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[HEADER_SIZE + RECORD_SIZE + 2] = 0;  /* NUL inside the device key */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 20, 200 );  /* SID size */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 20, 24 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[HEADER_SIZE + 90] = 1;  /* identity padding */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + HEADER_SIZE + 16, WINBIO_ID_TYPE_WILDCARD );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[HEADER_SIZE + 92] = WINBIO_SUBTYPE_ANY;
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[HEADER_SIZE + 94] = 1;  /* reserved */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[12] = 1;  /* flags */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    image[32] = 1;  /* reserved */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 8, 0 );  /* version 0 */
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CORRUPTED );

    /* a newer format is not ours to read, nor to overwrite */
    memcpy( image, golden_image, sizeof(golden_image) );
    put_u32( image + 8, 2 );
    fix_crc( image, sizeof(golden_image) );
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CANT_OPEN );
    put_u32( image + 8, 2 );
    memset( image + 12, 0xee, 28 );  /* and whatever it has in its header */
    check_bad_file( &id, image, sizeof(golden_image), WINBIO_E_DATABASE_CANT_OPEN );

    free( image );
    free( orig );
}

static void test_golden(void)
{
    struct winbio_template_set *set;
    struct winbio_template expect;
    struct winbio_database *db;
    BYTE image[sizeof(golden_image)], *got;
    static const BYTE data[] = { 1, 2, 3, 4, 5 };
    DWORD size;
    GUID id;
    HRESULT hr;

    memset( &expect, 0, sizeof(expect) );
    expect.template_id = golden_template_id;
    make_sid_identity( &expect.identity, 1001, 0xfe );
    expect.subfactor = WINBIO_ANSI_381_POS_RH_INDEX_FINGER;
    strcpy( expect.device_key, "drv/0" );
    expect.data_size = sizeof(data);
    expect.data = (BYTE *)data;

    /* reading a file written by hand */
    id = new_id();
    write_file( &id, golden_image, sizeof(golden_image) );
    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (SUCCEEDED(hr))
    {
        ok( set->count == 1, "got %Iu templates\n", set->count );
        if (set->count) check_template( &set->templates[0], &expect );
        storage_release_set( set );
    }
    /* a write goes on from the file's generation */
    hr = storage_delete( db, &expect.identity, WINBIO_SUBTYPE_ANY, NULL, NULL );
    ok( hr == S_OK, "got %#lx\n", hr );
    got = read_file( &id, &size );
    ok( got && size == HEADER_SIZE, "got size %lu\n", size );
    ok( got && got[16] == 8, "got generation %u\n", got ? got[16] : 0 );
    free( got );
    storage_close( db );

    /* the bytes this build writes: first the empty file open makes */
    id = new_id();
    hr = storage_open( &id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    got = read_file( &id, &size );
    ok( got && size == sizeof(golden_empty) && !memcmp( got, golden_empty, size ), "empty file differs\n" );
    free( got );

    /* then one template: the golden image at generation 2 */
    hr = storage_add( db, &expect );
    ok( hr == S_OK, "got %#lx\n", hr );
    memcpy( image, golden_image, sizeof(image) );
    image[16] = 2;
    fix_crc( image, sizeof(image) );
    got = read_file( &id, &size );
    ok( got && size == sizeof(image) && !memcmp( got, image, size ), "written file differs\n" );
    if (got && size == sizeof(image))
    {
        DWORD i;
        for (i = 0; i < size; i++)
            if (got[i] != image[i]) trace( "byte %lu: got %#x, expected %#x\n", i, got[i], image[i] );
    }
    free( got );
    storage_close( db );
}

/* child: check <guid> <first> <count> */
static void child_check( const GUID *id, unsigned int first, unsigned int count )
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    HRESULT hr;

    hr = storage_open( id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    hr = storage_get_set( db, &set );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (SUCCEEDED(hr))
    {
        check_numbered_set( set, first, count );
        storage_release_set( set );
    }
    storage_close( db );
}

/* child: add <guid> <first> <count> [sync] */
static void child_add( const GUID *id, unsigned int first, unsigned int count, BOOL sync )
{
    struct winbio_database *db;
    struct numbered t;
    WCHAR name[100];
    unsigned int n;
    HANDLE event;
    HRESULT hr;

    hr = storage_open( id, &db );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (FAILED(hr)) return;
    if (sync)
    {
        HANDLE ready;

        swprintf( name, ARRAY_SIZE(name), L"winbio_storage_ready_%S", guid_arg( id ) );
        ready = OpenSemaphoreW( SEMAPHORE_MODIFY_STATE, FALSE, name );
        swprintf( name, ARRAY_SIZE(name), L"winbio_storage_go_%S", guid_arg( id ) );
        event = OpenEventW( SYNCHRONIZE, FALSE, name );
        ok( ready && event, "cannot open the synchronization objects\n" );
        ReleaseSemaphore( ready, 1, NULL );
        WaitForSingleObject( event, 60000 );
        CloseHandle( ready );
        CloseHandle( event );
    }
    for (n = first; n < first + count; n++)
    {
        make_numbered( &t, n );
        hr = storage_add( db, &t.template );
        ok( hr == S_OK, "%u: got %#lx\n", n, hr );
    }
    storage_close( db );
}

static void cleanup(void)
{
    WCHAR path[MAX_PATH];
    unsigned int i;

    for (i = 0; i < used_count; i++)
    {
        db_file_path( &used_ids[i], path, L".DAT" );
        DeleteFileW( path );
        db_file_path( &used_ids[i], path, L".TMP" );
        DeleteFileW( path );
    }
}

START_TEST(storage)
{
    char **argv;
    int argc;
    GUID id;

    argc = winetest_get_mainargs( &argv );
    if (argc >= 6 && parse_guid_arg( argv[3], &id ))
    {
        if (!strcmp( argv[2], "check" )) child_check( &id, atoi( argv[4] ), atoi( argv[5] ) );
        else if (!strcmp( argv[2], "add" )) child_add( &id, atoi( argv[4] ), atoi( argv[5] ), argc >= 7 );
        else ok( 0, "unknown mode %s\n", argv[2] );
        return;
    }

    test_identity();
    test_paths();
    test_round_trip();
    test_persistence();
    test_cache();
    test_processes();
    test_threads();
    test_corruption();
    test_golden();
    cleanup();
}
