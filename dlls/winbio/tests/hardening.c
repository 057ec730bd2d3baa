/*
 * Hostile arguments and damaged state: each test here once crashed, hung
 * or leaked data (issue 13)
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
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "windef.h"
#include "winbase.h"
#include "winreg.h"
#include "winuser.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"
#include "unix.h"

static const GUID hardening_database =
    { 0x5b0e9c27, 0x41d3, 0x4e8a, { 0xa6, 0x1f, 0x72, 0x3c, 0x09, 0xd4, 0xbe, 0x58 } };

/* opened by test_private_files() and its child only: this process has not
 * cached it before (a process keeps its databases open) */
static const GUID private_database =
    { 0x0d7f3a96, 0x2c18, 0x47b5, { 0x93, 0xe4, 0x5a, 0x61, 0xc0, 0x2f, 0x8b, 0x17 } };

/* holds a damaged template beside a good one */
static const GUID damaged_database =
    { 0x6e21d4b8, 0x93a7, 0x4f02, { 0xb1, 0x5c, 0x0e, 0x84, 0x3d, 0x7a, 0x26, 0xc9 } };

static WINBIO_UNIT_ID first_unit(void)
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count = 0;

    if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) == S_OK && count)
        id = units[0].UnitId;
    if (units) WinBioFree( units );
    return id;
}

static void CALLBACK ignore_result( WINBIO_ASYNC_RESULT *result )
{
    WinBioFree( result );
}

/* A private-pool UnitCount whose size in bytes overflows must fail before
 * anything is allocated or copied: it once copied about 2^63 bytes. */
static void test_open_unit_count_overflow(void)
{
    const SIZE_T counts[] =
    {
        (SIZE_T)-1 / 8 + 2,     /* times 8 wraps to 8 */
        (SIZE_T)-1 / 4 + 2,     /* times 4 wraps to 4 */
        (SIZE_T)-1 / 16 + 1,
        (SIZE_T)-1,
        0x10000,
    };
    GUID database = hardening_database;
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID units[1];
    unsigned int i;
    BOOL async_open;
    HRESULT hr;

    if (!(units[0] = first_unit()))
    {
        skip( "no biometric unit for a private pool\n" );
        return;
    }
    if (!register_database( &hardening_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }

    for (i = 0; i < ARRAY_SIZE(counts); i++)
    {
        session = 0xdeadbeef;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, counts[i],
                                &database, &session );
        ok( hr == E_INVALIDARG, "count %#Ix: got %#lx\n", counts[i], hr );
        ok( !session, "count %#Ix: handle %lu\n", counts[i], session );
        if (SUCCEEDED(hr) && session) WinBioCloseSession( session );

        for (async_open = FALSE; async_open <= TRUE; async_open++)
        {
            session = 0xdeadbeef;
            hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units,
                                         counts[i], &database, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0,
                                         ignore_result, NULL, async_open, &session );
            ok( hr == E_INVALIDARG, "async %d, count %#Ix: got %#lx\n", async_open, counts[i], hr );
            ok( !session, "async %d, count %#Ix: handle %lu\n", async_open, counts[i], session );
            if (SUCCEEDED(hr) && session) WinBioCloseSession( session );
        }
    }

    /* the one real unit still opens */
    session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1,
                            &database, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (session) WinBioCloseSession( session );
    unregister_database( &hardening_database );
}

/* The result of the last call of one kind on an asynchronous session. */
struct last_result
{
    WINBIO_OPERATION_TYPE operation;
    HANDLE event;
    HRESULT status;
};

static void CALLBACK record_result( WINBIO_ASYNC_RESULT *result )
{
    struct last_result *last = result->UserData;

    if (result->Operation == last->operation)
    {
        last->status = result->ApiStatus;
        SetEvent( last->event );
    }
    WinBioFree( result );
}

/* The asynchronous WinBioSetProperty once copied PropertyBufferSize bytes
 * before checking it: 4 GB allocated, or a read past the caller's buffer.
 * The policy lies at the end of a page whose next page is inaccessible,
 * so a copy of more than its size faults. */
static void test_async_set_property_size(void)
{
    static const SIZE_T sizes[] = { 0, sizeof(WINBIO_ANTI_SPOOF_POLICY) + 1, 4096, 0xffffffff, (SIZE_T)-1 };
    struct last_result last = { WINBIO_OPERATION_SET_PROPERTY };
    WINBIO_ANTI_SPOOF_POLICY *policy;
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_IDENTITY identity;
    SYSTEM_INFO info;
    unsigned int i;
    DWORD old;
    BYTE *pages;
    HRESULT hr;

    /* A regression test of this implementation: on Windows a size it
     * accepts may be read past the guard page, and the last call sets the
     * account's own anti-spoof policy (winbio-account-policy.md). */
    if (!running_on_wine())
    {
        skip( "the account's anti-spoof policy is changed on Wine only\n" );
        return;
    }
    GetSystemInfo( &info );
    pages = VirtualAlloc( NULL, 2 * info.dwPageSize, MEM_COMMIT, PAGE_READWRITE );
    ok( pages != NULL, "VirtualAlloc failed\n" );
    if (!pages) return;
    VirtualProtect( pages + info.dwPageSize, info.dwPageSize, PAGE_NOACCESS, &old );
    policy = (WINBIO_ANTI_SPOOF_POLICY *)(pages + info.dwPageSize - sizeof(*policy));
    policy->Action = WINBIO_ANTI_SPOOF_DISABLE;
    policy->Source = WINBIO_POLICY_LOCAL;
    get_user_identity( &identity );

    last.event = CreateEventA( NULL, FALSE, FALSE, NULL );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                 WINBIO_DB_DEFAULT, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, record_result, &last,
                                 FALSE, &session );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    if (hr != S_OK)
    {
        CloseHandle( last.event );
        VirtualFree( pages, 0, MEM_RELEASE );
        return;
    }

    /* refused at once, as the synchronous call refuses them */
    for (i = 0; i < ARRAY_SIZE(sizes); i++)
    {
        hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                                &identity, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizes[i] );
        ok( hr == E_INVALIDARG, "size %#Ix: got %#lx\n", sizes[i], hr );
    }
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            NULL, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizeof(*policy) );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, NULL, 4096 );
    ok( hr == E_POINTER, "no buffer: got %#lx\n", hr );

    /* the right size is still queued, and its result comes */
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizeof(*policy) );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        ok( !WaitForSingleObject( last.event, 10000 ), "no result\n" );
        ok( last.status == S_OK, "result %#lx\n", last.status );
    }

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    WinBioWait( session );
    CloseHandle( last.event );
    VirtualFree( pages, 0, MEM_RELEASE );
}

static BOOL get_database_path( const GUID *id, WCHAR *path )
{
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    SIZE_T count = 0, i;

    path[0] = 0;
    if (WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count ) == S_OK)
        for (i = 0; i < count; i++)
            if (IsEqualGUID( &databases[i].DatabaseId, id )) lstrcpyW( path, databases[i].FilePath );
    if (databases) WinBioFree( databases );
    return path[0] != 0;
}

/* The lock file of a unit: LIBFPRINT\driver\id becomes driver_id.lock beside the databases. */
static BOOL get_lock_path( WINBIO_UNIT_ID id, const WCHAR *folder, WCHAR *path )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i;
    WCHAR *p;

    path[0] = 0;
    if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) == S_OK)
        for (i = 0; i < count; i++)
            if (units[i].UnitId == id && !wcsncmp( units[i].DeviceInstanceId, L"LIBFPRINT\\", 10 ))
                swprintf( path, MAX_PATH, L"%s\\%s.lock", folder, units[i].DeviceInstanceId + 10 );
    if (units) WinBioFree( units );
    if (!path[0]) return FALSE;
    for (p = path + lstrlenW( folder ) + 1; *p; p++) if (*p == '\\') *p = '_';
    return TRUE;
}

/* A child process: opens the database as a new process does, and closes it. */
static void child_open_database(void)
{
    GUID database = private_database;
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_ID unit = first_unit();
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, &unit, 1,
                            &database, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (session) WinBioCloseSession( session );
}

/* The templates of a prefix are the user's alone: the database folder is
 * 0700, its files (databases and sensor locks) 0600, whatever the umask,
 * and files left readable by others are repaired when opened. */
static void test_private_files(void)
{
    WCHAR path[MAX_PATH], folder[MAX_PATH], lock[MAX_PATH], *p;
    GUID database = private_database;
    WINBIO_SESSION_HANDLE session = 0;
    PROCESS_INFORMATION pi;
    char umask_line[64];
    WINBIO_UNIT_ID unit;
    HRESULT hr;

    p_wine_get_unix_file_name = (void *)GetProcAddress( GetModuleHandleA( "kernel32.dll" ),
                                                        "wine_get_unix_file_name" );
    if (!p_wine_get_unix_file_name)
    {
        skip( "not Wine: no Unix file modes\n" );
        return;
    }
    if (!(unit = first_unit()))
    {
        skip( "no biometric unit for a private pool\n" );
        return;
    }
    if (!run_unix( "umask", umask_line, sizeof(umask_line) )) return;
    trace( "umask %s\n", umask_line );

    unregister_database( &private_database );
    if (!register_database( &private_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }
    ok( get_database_path( &private_database, path ), "no file path\n" );
    lstrcpyW( folder, path );
    if ((p = wcsrchr( folder, '\\' ))) *p = 0;
    ok( get_lock_path( unit, folder, lock ), "no lock path\n" );
    /* an earlier test made them; the open below must repair them */
    set_unix_mode( folder, 0755 );
    if (GetFileAttributesW( lock ) != INVALID_FILE_ATTRIBUTES) set_unix_mode( lock, 0644 );

    /* a new database file, and the sensor opened for an enrollment */
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, &unit, 1,
                            &database, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK)
    {
        unregister_database( &private_database );
        return;
    }
    ok( unix_mode( folder ) == 0700, "folder mode %o\n", unix_mode( folder ) );
    ok( unix_mode( path ) == 0600, "new database mode %o\n", unix_mode( path ) );
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    ok( unix_mode( lock ) == 0600, "lock mode %o\n", unix_mode( lock ) );
    if (hr == S_OK) WinBioEnrollDiscard( session );
    WinBioCloseSession( session );

    /* a file made readable by all is private again once a process opens it */
    set_unix_mode( folder, 0755 );
    set_unix_mode( path, 0644 );
    if (start_child( "hardening open_database", &pi ))
    {
        winetest_wait_child_process( pi.hProcess );
        CloseHandle( pi.hProcess );
        CloseHandle( pi.hThread );
    }
    ok( unix_mode( folder ) == 0700, "repaired folder mode %o\n", unix_mode( folder ) );
    ok( unix_mode( path ) == 0600, "repaired database mode %o\n", unix_mode( path ) );

    unregister_database( &private_database );
}

static void set_database_key( const WCHAR *name, const void *attributes, DWORD attributes_size )
{
    DWORD factor = WINBIO_TYPE_FINGERPRINT;
    WCHAR path[160];
    HKEY key;

    swprintf( path, ARRAY_SIZE(path), DATABASES_KEY L"\\%s", name );
    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL )) return;
    RegSetValueExW( key, L"Attributes", 0, REG_DWORD, attributes, attributes_size );
    RegSetValueExW( key, L"BiometricType", 0, REG_DWORD, (const BYTE *)&factor, sizeof(factor) );
    RegCloseKey( key );
}

static void delete_database_key( const WCHAR *name )
{
    WCHAR path[160];

    swprintf( path, ARRAY_SIZE(path), DATABASES_KEY L"\\%s", name );
    RegDeleteKeyW( HKEY_LOCAL_MACHINE, path );
}

/* Only a key named exactly as a GUID is a database, and a value of the
 * wrong size is no value: no phantom databases, no stray stack bytes. */
static void test_database_registry(void)
{
    static const WCHAR *const bad_names[] =
    {
        L"{ 2222222-2222-2222-2222-222222222222}",
        L"{+2222222-2222-2222-2222-222222222222}",
        L"{2222222-2222-2222-2222-2222222222222}",
        L"{22222222-+222-2222-2222-222222222222}",
        L"{22222222-2222-2222-2222-2222222222 2}",
        L"{22222222-2222-2222-2222-22222222222}x",
        L"22222222-2222-2222-2222-222222222222",
    };
    static const WCHAR short_name[] = L"{33333333-3333-3333-3333-333333333333}";
    static const WCHAR good_name[] = L"{44444444-4444-4444-4444-444444444444}";
    static const BYTE short_attributes[2] = { 0x02, 0x00 };
    DWORD dbms = WINBIO_DATABASE_TYPE_DBMS;
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    BOOL found_short = FALSE, found_good = FALSE;
    SIZE_T count = 0, i;
    unsigned int j;
    HRESULT hr;

    /* keys of the service's configuration, which a test must not write on a real machine */
    if (!running_on_wine())
    {
        skip( "the database registry is written on Wine only\n" );
        return;
    }
    for (j = 0; j < ARRAY_SIZE(bad_names); j++) set_database_key( bad_names[j], &dbms, sizeof(dbms) );
    set_database_key( short_name, short_attributes, sizeof(short_attributes) );
    set_database_key( good_name, &dbms, sizeof(dbms) );

    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count );
    ok( hr == S_OK, "WinBioEnumDatabases returned %#lx\n", hr );
    for (i = 0; i < count; i++)
    {
        const GUID *id = &databases[i].DatabaseId;

        ok( id->Data1 != 0x02222222 && id->Data1 != 0x22222222, "phantom database %08lx-%04x\n",
            id->Data1, id->Data2 );
        if (id->Data1 == 0x33333333)
        {
            found_short = TRUE;
            /* the 2-byte value is ignored: a file database, as when there is none */
            ok( databases[i].Attributes == WINBIO_DATABASE_TYPE_FILE, "attributes %#lx\n",
                databases[i].Attributes );
        }
        if (id->Data1 == 0x44444444)
        {
            found_good = TRUE;
            ok( databases[i].Attributes == WINBIO_DATABASE_TYPE_DBMS, "attributes %#lx\n",
                databases[i].Attributes );
        }
    }
    ok( found_short, "the database with a short Attributes value is missing\n" );
    ok( found_good, "the well-formed database is missing\n" );
    if (databases) WinBioFree( databases );

    for (j = 0; j < ARRAY_SIZE(bad_names); j++) delete_database_key( bad_names[j] );
    delete_database_key( short_name );
    delete_database_key( good_name );
}

static DWORD (WINAPI *pRtlComputeCrc32)( DWORD, const BYTE *, INT );

static void put_u32( BYTE *p, DWORD value )
{
    p[0] = value;
    p[1] = value >> 8;
    p[2] = value >> 16;
    p[3] = value >> 24;
}

/* Puts a copy of the database's one record, for another finger and with
 * data libfprint cannot read, in front of it, as a valid file (header
 * and checksum as dlls/winbio/storage.c describes them). */
static BOOL add_damaged_template( const WCHAR *path )
{
    BYTE *image, *record, *copy;
    DWORD size, done, record_size, i;
    HANDLE file;
    BOOL ret;

    file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL );
    if (file == INVALID_HANDLE_VALUE) return FALSE;
    size = GetFileSize( file, NULL );
    image = malloc( 2 * size );
    ret = ReadFile( file, image, size, &done, NULL ) && done == size;
    CloseHandle( file );
    if (!ret || size < 40 + 104 || get_u32( image + 24 ) != 1)
    {
        free( image );
        return FALSE;
    }
    record = image + 40;
    record_size = size - 40;
    copy = record + record_size;
    memmove( copy, record, record_size );      /* the good one goes second */
    record[92] = WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER;
    srand( 13 );
    for (i = 104 + get_u32( record + 96 ); i < record_size; i++) record[i] = rand();
    size += record_size;

    put_u32( image + 24, 2 );
    put_u32( image + 28, size - 40 );
    put_u32( image + 16, get_u32( image + 16 ) + 1 );  /* a new generation */
    put_u32( image + 36, pRtlComputeCrc32( pRtlComputeCrc32( 0, image, 36 ), image + 40, size - 40 ) );

    file = CreateFileW( path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL );
    ret = file != INVALID_HANDLE_VALUE && WriteFile( file, image, size, &done, NULL ) && done == size;
    if (file != INVALID_HANDLE_VALUE) CloseHandle( file );
    free( image );
    return ret;
}

/* A template blob libfprint cannot read is skipped when matching, never
 * failing the match against the others. */
static void test_damaged_template(void)
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor, *subfactors = NULL;
    GUID database = damaged_database;
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit, found;
    struct touch touch;
    WCHAR path[MAX_PATH];
    SIZE_T count = 0;
    HRESULT hr;

    pRtlComputeCrc32 = (void *)GetProcAddress( GetModuleHandleA( "ntdll.dll" ), "RtlComputeCrc32" );
    if (!have_virtual_sensors()) return;
    if (!(unit = find_unit( L"virtual_image" )))
    {
        skip( "no virtual_image unit\n" );
        return;
    }
    unregister_database( &damaged_database );
    if (!register_database( &damaged_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }
    ok( get_database_path( &damaged_database, path ), "no file path\n" );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, &unit, 1,
                            &database, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) goto done;

    if (!enroll_finger( session, unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm", 5, NULL )) goto done;
    ok( add_damaged_template( path ), "cannot damage the database\n" );

    start_touch( &touch, "IMAGE", "whorl.pgm", 0 );
    hr = WinBioIdentify( session, &found, &identity, &subfactor, &reject );
    touch_join( &touch );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    ok( found == unit, "unit %lu\n", found );
    /* a private pool's templates belong to GUIDs; the damaged copy has the same one */
    ok( identity.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", identity.Type );
    ok( hr != S_OK || subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );

    /* both are listed: nothing stored is hidden */
    hr = WinBioEnumEnrollments( session, unit, &identity, &subfactors, &count );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    ok( count == 2, "%Iu enrollments\n", count );
    if (subfactors) WinBioFree( subfactors );

    /* with only the damaged one left, the touch is still awaited and matches nobody */
    hr = WinBioDeleteTemplate( session, unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    start_touch( &touch, "IMAGE", "whorl.pgm", 0 );
    hr = WinBioIdentify( session, &found, &identity, &subfactor, &reject );
    touch_join( &touch );
    ok( hr == WINBIO_E_UNKNOWN_ID, "WinBioIdentify returned %#lx\n", hr );
    ok( found == unit, "unit %lu\n", found );

done:
    if (session) WinBioCloseSession( session );
    unregister_database( &damaged_database );
}

struct blocking_call
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID unit;
    BOOL lock;                      /* WinBioLockUnit, else WinBioLocateSensor */
    HRESULT hr;
    HANDLE thread;
};

static DWORD WINAPI blocking_call_thread( void *arg )
{
    struct blocking_call *call = arg;
    WINBIO_UNIT_ID found;

    if (call->lock) call->hr = WinBioLockUnit( call->session, call->unit );
    else call->hr = WinBioLocateSensor( call->session, &found );
    return 0;
}

static void start_blocking_call( struct blocking_call *call, WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit,
                                 BOOL lock )
{
    call->session = session;
    call->unit = unit;
    call->lock = lock;
    call->hr = 0xdeadbeef;
    call->thread = CreateThread( NULL, 0, blocking_call_thread, call, 0, NULL );
}

/* Cancels the call until it ends.  A cancel made before the call has begun
 * is not meant for it, and nothing tells when the thread is inside the
 * call: so the cancel is repeated.  A wait that ignores cancels ends the
 * test after ten of them. */
static BOOL cancel_until_done( struct blocking_call *call )
{
    unsigned int tries;
    DWORD ret = WAIT_TIMEOUT;

    for (tries = 0; tries < 10 && ret == WAIT_TIMEOUT; tries++)
    {
        WinBioCancel( call->session );
        ret = WaitForSingleObject( call->thread, 1000 );
    }
    if (tries > 1) trace( "ended after %u cancels\n", tries );
    ok( ret == WAIT_OBJECT_0, "the call ignores WinBioCancel\n" );
    if (ret) return FALSE;
    CloseHandle( call->thread );
    return TRUE;
}

static BOOL open_image_pool( WINBIO_UNIT_ID unit, WINBIO_SESSION_HANDLE *session )
{
    GUID database = hardening_database;
    HRESULT hr;

    *session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, &unit, 1,
                            &database, session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    return hr == S_OK;
}

/* Waits for a unit that another session of the process has: WinBioCancel
 * ends them, and WinBioUnlockUnit withdraws a pending lock request. */
static void test_cancel_unit_waits(void)
{
    WINBIO_SESSION_HANDLE first, second;
    struct blocking_call call, holder;
    WINBIO_UNIT_ID unit;
    unsigned int tries;
    HRESULT hr;

    if (!have_virtual_sensors()) return;
    if (!(unit = find_unit( L"virtual_image" )))
    {
        skip( "no virtual_image unit\n" );
        return;
    }
    if (!register_database( &hardening_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }
    if (!open_image_pool( unit, &first )) goto done;
    if (!open_image_pool( unit, &second ))
    {
        WinBioCloseSession( first );
        goto done;
    }

    /* the unit busy with the other session's call, which waits for a touch */
    start_blocking_call( &holder, first, unit, FALSE );
    Sleep( 200 );  /* lets it start; without it the test still holds, with a second cancel */
    start_blocking_call( &call, second, unit, FALSE );
    Sleep( 200 );
    if (cancel_until_done( &call ))
        ok( call.hr == WINBIO_E_CANCELED, "waiting for the unit: got %#lx\n", call.hr );
    if (cancel_until_done( &holder ))
        ok( holder.hr == WINBIO_E_CANCELED, "holder: got %#lx\n", holder.hr );

    /* the unit locked by the other session */
    hr = WinBioLockUnit( first, unit );
    ok( hr == S_OK, "WinBioLockUnit returned %#lx\n", hr );
    start_blocking_call( &call, second, unit, TRUE );
    Sleep( 200 );
    if (cancel_until_done( &call ))
        ok( call.hr == WINBIO_E_CANCELED, "WinBioLockUnit: got %#lx\n", call.hr );

    /* no request pending: nothing to unlock */
    hr = WinBioUnlockUnit( second, unit );
    ok( hr == WINBIO_E_LOCK_VIOLATION, "WinBioUnlockUnit returned %#lx\n", hr );
    start_blocking_call( &call, second, unit, TRUE );
    /* a lock violation until the request is pending, then it is withdrawn */
    for (tries = 0; tries < 1000; tries++)
    {
        if ((hr = WinBioUnlockUnit( second, unit )) != WINBIO_E_LOCK_VIOLATION) break;
        Sleep( 10 );
    }
    ok( hr == S_OK, "WinBioUnlockUnit returned %#lx\n", hr );
    ok( !WaitForSingleObject( call.thread, 10000 ), "the withdrawn request still waits\n" );
    ok( call.hr == WINBIO_E_CANCELED, "withdrawn WinBioLockUnit: got %#lx\n", call.hr );
    CloseHandle( call.thread );

    /* a close does not wait for the other session to unlock */
    start_blocking_call( &call, second, unit, TRUE );
    Sleep( 200 );
    hr = WinBioCloseSession( second );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    ok( !WaitForSingleObject( call.thread, 10000 ), "WinBioLockUnit still waits after the close\n" );
    ok( call.hr == WINBIO_E_CANCELED || call.hr == E_HANDLE || call.hr == WINBIO_E_SESSION_HANDLE_CLOSED,
        "WinBioLockUnit after the close: got %#lx\n", call.hr );
    CloseHandle( call.thread );

    hr = WinBioUnlockUnit( first, unit );
    ok( hr == S_OK, "WinBioUnlockUnit returned %#lx\n", hr );
    WinBioCloseSession( first );
done:
    unregister_database( &hardening_database );
}

/* A synchronous call that waits for a finger, on a thread of its own;
 * started says that the thread is about to make the call. */
struct waiting_call
{
    WINBIO_SESSION_HANDLE session;
    BOOL identify;                  /* WinBioIdentify, else WinBioLocateSensor */
    HANDLE started;
    HANDLE thread;
    HRESULT hr;
};

static DWORD WINAPI waiting_call_thread( void *arg )
{
    struct waiting_call *call = arg;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;

    SetEvent( call->started );
    if (call->identify) call->hr = WinBioIdentify( call->session, &unit, &identity, &subfactor, &reject );
    else call->hr = WinBioLocateSensor( call->session, &unit );
    return 0;
}

static BOOL start_waiting_call( struct waiting_call *call, WINBIO_SESSION_HANDLE session, BOOL identify )
{
    call->session = session;
    call->identify = identify;
    call->hr = 0xdeadbeef;
    call->started = CreateEventA( NULL, TRUE, FALSE, NULL );
    call->thread = CreateThread( NULL, 0, waiting_call_thread, call, 0, NULL );
    ok( call->thread != NULL, "CreateThread failed\n" );
    if (!call->thread) return FALSE;
    WaitForSingleObject( call->started, INFINITE );
    return TRUE;
}

/* The call ended, bounded generously (the goal is 100 ms; this is no timing test). */
static BOOL call_ended( struct waiting_call *call, DWORD timeout )
{
    if (WaitForSingleObject( call->thread, timeout )) return FALSE;
    CloseHandle( call->thread );
    CloseHandle( call->started );
    return TRUE;
}

/* Each wait of a synchronous Identify or LocateSensor ends on one
 * WinBioCancel made while it waits, every time.  And a cancel that races
 * with the start of the call: it cannot be told from the test whether it
 * came before the call began (then it is not for the call, as Windows'
 * service only cancels the operations it has) or during its start (then
 * it must end it, even before libfprint's operation runs).  So a call that
 * the racing cancel did not end must be waiting for the finger, and then
 * end on one more cancel; whichever cancel ends it, it ends cancelled. */
static void test_cancel_waits(void)
{
    struct waiting_call call;
    WINBIO_SESSION_HANDLE session = 0;
    unsigned int i, raced = 0, races = 0;
    HRESULT hr;

    if (!have_virtual_sensors()) return;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    for (i = 0; i < 6; i++)
    {
        if (!start_waiting_call( &call, session, i % 2 )) break;
        ok( vsensor_wait_image_capture(), "the capture does not run\n" );
        WinBioCancel( session );
        ok( call_ended( &call, 5000 ), "%u: a cancel while the call waits did not end it\n", i );
        if (call.thread && WaitForSingleObject( call.thread, 0 )) break;
        ok( call.hr == WINBIO_E_CANCELED, "%u: got %#lx\n", i, call.hr );
    }

    for (i = 0; i < 10; i++)
    {
        if (!start_waiting_call( &call, session, i % 2 )) break;
        /* spread the cancel over the call's start */
        if (i % 3) Sleep( i % 3 );
        WinBioCancel( session );
        races++;
        if (call_ended( &call, 1000 )) raced++;
        else
        {
            ok( vsensor_wait_image_capture(), "the capture does not run\n" );
            WinBioCancel( session );
            ok( call_ended( &call, 5000 ), "%u: a cancel while the call waits did not end it\n", i );
            if (WaitForSingleObject( call.thread, 0 ) == WAIT_TIMEOUT) break;
        }
        ok( call.hr == WINBIO_E_CANCELED, "race %u: got %#lx\n", i, call.hr );
    }
    trace( "%u of %u cancels made as the call started ended it\n", raced, races );
    WinBioCloseSession( session );
}

static void WINAPI ignore_event( void *context, HRESULT status, WINBIO_EVENT *event )
{
    if (event) WinBioFree( event );
}

static DWORD WINAPI close_thread( void *arg )
{
    WINBIO_SESSION_HANDLE *session = arg;

    return WinBioCloseSession( *session );
}

/* Closing a raw session whose event monitor waits for a finger never
 * hangs: once it surely waits, and at once after the register, racing
 * with the monitor's start. */
static void test_close_event_monitor(void)
{
    WINBIO_SESSION_HANDLE session;
    unsigned int i;
    HANDLE thread;
    DWORD ret, code;
    HRESULT hr;

    if (!have_virtual_sensors()) return;
    for (i = 0; i < 8; i++)
    {
        session = 0;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0, NULL,
                                &session );
        ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
        if (hr != S_OK) return;
        hr = WinBioRegisterEventMonitor( session, i % 2 ? WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY : WINBIO_EVENT_FP_UNCLAIMED,
                                         ignore_event, NULL );
        ok( hr == S_OK, "WinBioRegisterEventMonitor returned %#lx\n", hr );
        if (i < 2) ok( vsensor_wait_image_capture(), "the monitor's capture does not run\n" );
        else if (i % 3) Sleep( i % 3 );
        /* on a thread of its own, so that a hang fails the test instead of stopping it */
        thread = CreateThread( NULL, 0, close_thread, &session, 0, NULL );
        ret = WaitForSingleObject( thread, 10000 );
        ok( !ret, "%u: WinBioCloseSession hangs\n", i );
        if (ret) return;
        GetExitCodeThread( thread, &code );
        CloseHandle( thread );
        ok( code == S_OK, "%u: WinBioCloseSession returned %#lx\n", i, code );
    }
}

/* An asynchronous open whose result cannot be posted (no such window):
 * the handle comes only with that result, so nobody could ever close it;
 * it is closed.  Its number is the one after a handle opened just before,
 * as Wine hands them out. */
static void test_lost_open_result(void)
{
    WINBIO_SESSION_HANDLE session = 0, lost = 0xdeadbeef;
    unsigned int tries;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_MESSAGE, (HWND)0x1234, WM_APP, NULL, NULL, TRUE, &lost );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    ok( !lost, "handle %lu before the open's result\n", lost );
    WinBioCloseSession( session );
    if (!running_on_wine())
    {
        skip( "handle numbers are Wine's\n" );
        return;
    }
    /* bounded, not timed: the worker closes it once it has tried to post */
    for (tries = 0; tries < 200; tries++)
    {
        if ((hr = WinBioCancel( session + 1 )) == E_HANDLE) break;
        Sleep( 50 );
    }
    ok( hr == E_HANDLE, "the handle of the lost open result is still open: %#lx\n", hr );
}

/* Raw samples and maintenance access are for administrators: a caller
 * without the Administrators group gets E_ACCESSDENIED. */
static void test_open_access_flags(void)
{
    static const WINBIO_SESSION_FLAGS flags[] =
        { WINBIO_FLAG_RAW, WINBIO_FLAG_MAINTENANCE, WINBIO_FLAG_RAW | WINBIO_FLAG_MAINTENANCE };
    WINBIO_SESSION_HANDLE session;
    unsigned int i;
    BOOL async_open;
    HRESULT hr;

    if (!impersonate_non_admin())
    {
        skip( "cannot drop the Administrators group\n" );
        return;
    }
    for (i = 0; i < ARRAY_SIZE(flags); i++)
    {
        session = 0xdeadbeef;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, flags[i], NULL, 0, NULL, &session );
        ok( hr == E_ACCESSDENIED, "flags %#lx: got %#lx\n", flags[i], hr );
        ok( !session, "flags %#lx: handle %lu\n", flags[i], session );
        if (SUCCEEDED(hr) && session) WinBioCloseSession( session );
        for (async_open = FALSE; async_open <= TRUE; async_open++)
        {
            session = 0xdeadbeef;
            hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, flags[i], NULL, 0, NULL,
                                         WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, ignore_result, NULL, async_open,
                                         &session );
            /* nf-winbio-winbioasyncopensession.md: an asynchronous open's
             * S_OK only says its arguments are valid, and Windows may give
             * the refusal in the open's result; this implementation checks
             * the caller's rights at once */
            ok( hr == E_ACCESSDENIED || broken( async_open && hr == S_OK ), "async %d, flags %#lx: got %#lx\n",
                async_open, flags[i], hr );
            if (SUCCEEDED(hr) && session) WinBioCloseSession( session );
        }
    }
    /* an ordinary session is anyone's */
    session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &session );
    ok( hr == S_OK, "default flags: got %#lx\n", hr );
    if (session) WinBioCloseSession( session );
    RevertToSelf();

    /* as an administrator, if the test runs as one */
    session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0, NULL, &session );
    ok( hr == (running_as_admin() ? S_OK : E_ACCESSDENIED), "administrator, raw: got %#lx\n", hr );
    if (session) WinBioCloseSession( session );
}

/* A caller that is no administrator may not touch the templates of
 * another account (Wine's SIDs are easy to guess), only its own. */
static void test_other_identity(void)
{
    static const BYTE other_sid[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0,
                                      2, 0, 0, 0, 3, 0, 0, 0, 0xe9, 0x03, 0, 0 };
    WINBIO_BIOMETRIC_SUBTYPE *subfactors = NULL;
    WINBIO_IDENTITY other = { WINBIO_ID_TYPE_SID }, user, everyone = { WINBIO_ID_TYPE_WILDCARD };
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit, found;
    BOOLEAN match;
    SIZE_T count;
    HRESULT hr;

    /* this deletes one of the user's own templates: never on a real machine */
    if (!running_on_wine())
    {
        skip( "the user's templates are deleted on Wine only\n" );
        return;
    }
    if (!(unit = first_unit()))
    {
        skip( "no biometric unit\n" );
        return;
    }
    other.Value.AccountSid.Size = sizeof(other_sid);
    memcpy( other.Value.AccountSid.Data, other_sid, sizeof(other_sid) );
    everyone.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;
    if (!impersonate_non_admin())
    {
        skip( "cannot drop the Administrators group\n" );
        WinBioCloseSession( session );
        return;
    }
    /* the token's user stays the same: impersonation only drops the group */
    get_user_identity( &user );

    hr = WinBioDeleteTemplate( session, unit, &other, WINBIO_SUBTYPE_ANY );
    ok( hr == E_ACCESSDENIED, "WinBioDeleteTemplate returned %#lx\n", hr );
    count = 0xdead;
    hr = WinBioEnumEnrollments( session, unit, &other, &subfactors, &count );
    ok( hr == E_ACCESSDENIED, "WinBioEnumEnrollments returned %#lx\n", hr );
    ok( !subfactors && !count, "got %p, %Iu\n", subfactors, count );
    hr = WinBioEnumEnrollments( session, unit, &everyone, &subfactors, &count );
    ok( hr == E_ACCESSDENIED, "WinBioEnumEnrollments (everyone) returned %#lx\n", hr );
    /* refused before the sensor waits for a finger */
    hr = WinBioVerify( session, &other, WINBIO_SUBTYPE_ANY, &found, &match, &reject );
    ok( hr == E_ACCESSDENIED, "WinBioVerify returned %#lx\n", hr );
    ok( !match, "match\n" );

    /* one's own templates are one's own business */
    hr = WinBioDeleteTemplate( session, unit, &user, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER );
    ok( hr == S_OK || hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "own WinBioDeleteTemplate returned %#lx\n", hr );
    hr = WinBioEnumEnrollments( session, unit, &user, &subfactors, &count );
    ok( hr == S_OK || hr == WINBIO_E_UNKNOWN_ID, "own WinBioEnumEnrollments returned %#lx\n", hr );
    if (subfactors) WinBioFree( subfactors );
    RevertToSelf();

    /* and an administrator may look at anyone's */
    subfactors = NULL;
    hr = WinBioEnumEnrollments( session, unit, &other, &subfactors, &count );
    ok( hr == S_OK || hr == WINBIO_E_UNKNOWN_ID, "administrator: WinBioEnumEnrollments returned %#lx\n", hr );
    if (subfactors) WinBioFree( subfactors );
    WinBioCloseSession( session );
}

START_TEST(hardening)
{
    char **argv;

    if (winetest_get_mainargs( &argv ) >= 3 && !strcmp( argv[2], "open_database" ))
    {
        child_open_database();
        return;
    }
    test_open_unit_count_overflow();
    test_async_set_property_size();
    test_private_files();
    test_database_registry();
    test_damaged_template();
    test_cancel_unit_waits();
    test_cancel_waits();
    test_close_event_monitor();
    test_lost_open_result();
    test_open_access_flags();
    test_other_identity();
}
