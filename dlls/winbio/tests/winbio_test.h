/*
 * Helpers shared by the winbio conformance tests
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

#ifndef __WINBIO_TESTS_WINBIO_TEST_H
#define __WINBIO_TESTS_WINBIO_TEST_H

#include "vsensor.h"
#include "child.h"

/* Whether the tests run on Wine.  Wine's tools/runtest sets WINETEST_PLATFORM
 * to "wine", and this project's wine/test.h also recognises Wine by itself;
 * anywhere else the platform is Windows.
 * What only this implementation answers, and anything that would change a
 * real machine's templates or credentials, is checked or done only there. */
static inline BOOL running_on_wine(void)
{
    return !strcmp( winetest_platform, "wine" );
}

/* A unit id for the argument checks that run with no sensor: the checks of
 * an argument come before the unit is looked up (the client checks what it
 * is passed before it asks the service), so any id will do there. */
#define ANY_UNIT_ID 1

/* Whether libfprint's virtual sensors and their feeder are there; a test
 * that needs them is skipped otherwise.  Both are this project's test
 * fixtures: on Windows, or on Wine without the feeder, the environment
 * lacks them, and such a test skips rather than touch a real sensor. */
static inline BOOL have_virtual_sensors(void)
{
    if (vsensor_init() && GetEnvironmentVariableA( "FP_VIRTUAL_IMAGE", NULL, 0 )) return TRUE;
    skip( "no virtual sensors (WINBIO_VSENSOR_PORT or FP_VIRTUAL_IMAGE unset)\n" );
    return FALSE;
}

/* The unit of the libfprint device with this driver (WINBIO_UNIT_SCHEMA.Model),
 * or 0.  An enumeration that fails is a failure here, so that "no such unit"
 * never passes for a broken enumeration. */
static inline WINBIO_UNIT_ID find_unit( const WCHAR *model )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count = 0, i;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );
    if (hr != S_OK) return 0;
    for (i = 0; i < count; i++)
        if (!wcscmp( units[i].Model, model )) id = units[i].UnitId;
    if (units) WinBioFree( units );
    return id;
}

/* Whether the caller has the Administrators group: raw and maintenance
 * sessions are for administrators (nf-winbio-winbioopensession.md).  Wine
 * runs programs as one; Windows' test machines may not. */
static inline BOOL running_as_admin(void)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(sid);
    BOOL member = FALSE;

    if (!CreateWellKnownSid( WinBuiltinAdministratorsSid, NULL, sid, &size )) return FALSE;
    return CheckTokenMembership( NULL, sid, &member ) && member;
}

/* The identity of the user running the test: the process token's SID. */
static inline BOOL get_user_identity( WINBIO_IDENTITY *identity )
{
    char buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    TOKEN_USER *user = (TOKEN_USER *)buffer;
    HANDLE token;
    DWORD size;
    BOOL ret;

    memset( identity, 0, sizeof(*identity) );
    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token )) return FALSE;
    ret = GetTokenInformation( token, TokenUser, buffer, sizeof(buffer), &size );
    CloseHandle( token );
    if (!ret) return FALSE;
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = GetLengthSid( user->User.Sid );
    return CopySid( SECURITY_MAX_SID_SIZE, identity->Value.AccountSid.Data, user->User.Sid );
}

static inline BOOL is_user( const WINBIO_IDENTITY *identity )
{
    WINBIO_IDENTITY user;

    if (!get_user_identity( &user )) return FALSE;
    return identity->Type == WINBIO_ID_TYPE_SID &&
           identity->Value.AccountSid.Size == user.Value.AccountSid.Size &&
           !memcmp( identity->Value.AccountSid.Data, user.Value.AccountSid.Data, user.Value.AccountSid.Size );
}

/* Makes this thread act as the caller without its Administrators group
 * (deny-only in a restricted token); RevertToSelf() undoes it. */
static inline BOOL impersonate_non_admin(void)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(sid);
    SID_AND_ATTRIBUTES disable = { sid, 0 };
    HANDLE token, restricted, impersonation;
    BOOL ret = FALSE;

    if (!CreateWellKnownSid( WinBuiltinAdministratorsSid, NULL, sid, &size )) return FALSE;
    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY | TOKEN_ASSIGN_PRIMARY, &token ))
        return FALSE;
    if (CreateRestrictedToken( token, 0, 1, &disable, 0, NULL, 0, NULL, &restricted ))
    {
        if (DuplicateToken( restricted, SecurityImpersonation, &impersonation ))
        {
            ret = SetThreadToken( NULL, impersonation );
            CloseHandle( impersonation );
        }
        CloseHandle( restricted );
    }
    CloseHandle( token );
    return ret;
}

/* Removes every template of the user on a unit: what an earlier run may have left. */
static inline void delete_user_templates( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    WINBIO_IDENTITY identity;
    HRESULT hr;

    get_user_identity( &identity );
    hr = WinBioDeleteTemplate( session, unit, &identity, WINBIO_SUBTYPE_ANY );
    ok( hr == S_OK || hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "WinBioDeleteTemplate returned %#lx\n", hr );
}

/* A little-endian field of a database file (see dlls/winbio/storage.c) */
static inline DWORD get_u32( const BYTE *p )
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((DWORD)p[3] << 24);
}

/* "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX", the form registry key names and file names use */
static inline void format_guid( WCHAR *buffer, SIZE_T len, const GUID *guid )
{
    swprintf( buffer, len, L"%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", (unsigned int)guid->Data1,
              guid->Data2, guid->Data3, guid->Data4[0], guid->Data4[1], guid->Data4[2], guid->Data4[3],
              guid->Data4[4], guid->Data4[5], guid->Data4[6], guid->Data4[7] );
}

#define DATABASES_KEY L"System\\CurrentControlSet\\Services\\WbioSrvc\\Databases"

/* Adds (add) or removes the private configurations of a database on every
 * unit, as a setup program does: a private session opens a unit only in
 * one of those.  Both modes, so that either flag opens the unit. */
static inline void configure_units( const GUID *id, BOOL add )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WCHAR path[512], name[16], guid[40], value[40];
    DWORD mode, zero = 0, size;
    SIZE_T count = 0, i;
    HKEY key;

    format_guid( guid, ARRAY_SIZE(guid), id );
    if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) != S_OK) return;
    for (i = 0; i < count; i++)
    {
        for (mode = WINBIO_SENSOR_BASIC_MODE; mode <= WINBIO_SENSOR_ADVANCED_MODE; mode++)
        {
            /* numbered after the system configuration, 0, and clear of a program's */
            swprintf( name, ARRAY_SIZE(name), L"%lu", 900 + mode );
            swprintf( path, ARRAY_SIZE(path),
                      L"System\\CurrentControlSet\\Enum\\%s\\Device Parameters\\WinBio\\Configurations\\%s",
                      units[i].DeviceInstanceId, name );
            if (!add)
            {
                size = sizeof(value);
                if (!RegGetValueW( HKEY_LOCAL_MACHINE, path, L"DatabaseId", RRF_RT_REG_SZ, NULL, value, &size ) &&
                    !wcsicmp( value, guid ))
                    RegDeleteKeyW( HKEY_LOCAL_MACHINE, path );
                continue;
            }
            if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL )) continue;
            RegSetValueExW( key, L"SensorMode", 0, REG_DWORD, (const BYTE *)&mode, sizeof(mode) );
            RegSetValueExW( key, L"SystemSensor", 0, REG_DWORD, (const BYTE *)&zero, sizeof(zero) );
            RegSetValueExW( key, L"DatabaseId", 0, REG_SZ, (const BYTE *)guid, (lstrlenW( guid ) + 1) * sizeof(WCHAR) );
            RegCloseKey( key );
        }
    }
    WinBioFree( units );
}

/* A private database, registered the way a setup program does on Windows
 * (values as in Microsoft's private pool sample), with a configuration for
 * it on every unit.  On Wine only: Windows' service reads its databases
 * when it starts (private-pool-setup.md has the setup program restart it),
 * and a test must not change the biometric configuration of a real
 * machine.  FALSE elsewhere, and callers skip. */
static inline BOOL register_database( const GUID *id )
{
    static const struct { const WCHAR *name; DWORD value; } dwords[] =
    {
        { L"Attributes", WINBIO_DATABASE_TYPE_FILE },
        { L"AutoCreate", 1 },
        { L"AutoName", 1 },
        { L"BiometricType", WINBIO_TYPE_FINGERPRINT },
        { L"InitialSize", 32 },
    };
    WCHAR name[160], guid[40];
    SIZE_T i;
    HKEY key;

    if (!running_on_wine()) return FALSE;

    format_guid( guid, ARRAY_SIZE(guid), id );
    swprintf( name, ARRAY_SIZE(name), DATABASES_KEY L"\\{%s}", guid );
    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, name, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL )) return FALSE;
    for (i = 0; i < ARRAY_SIZE(dwords); i++)
        RegSetValueExW( key, dwords[i].name, 0, REG_DWORD, (const BYTE *)&dwords[i].value, sizeof(DWORD) );
    RegSetValueExW( key, L"ConnectionString", 0, REG_SZ, (const BYTE *)L"", sizeof(WCHAR) );
    RegSetValueExW( key, L"Filepath", 0, REG_SZ, (const BYTE *)L"", sizeof(WCHAR) );
    RegCloseKey( key );
    configure_units( id, TRUE );
    return TRUE;
}

/* Removes a database registered by register_database(), and its file. */
static inline void unregister_database( const GUID *id )
{
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    WCHAR name[160], guid[40];
    SIZE_T count = 0, i;

    if (WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count ) == S_OK)
        for (i = 0; i < count; i++)
            if (IsEqualGUID( &databases[i].DatabaseId, id ) && databases[i].FilePath[0])
                DeleteFileW( databases[i].FilePath );
    if (databases) WinBioFree( databases );
    format_guid( guid, ARRAY_SIZE(guid), id );
    swprintf( name, ARRAY_SIZE(name), DATABASES_KEY L"\\{%s}", guid );
    RegDeleteKeyW( HKEY_LOCAL_MACHINE, name );
    configure_units( id, FALSE );
}

/*
 * A touch, made from a thread of its own: the device is opened inside the
 * WinBio call that waits for the finger, and the fixture keeps retrying
 * until the driver's socket exists.  Start it right before the call that
 * consumes it, join it right after.
 *
 * With an interval, the touch is repeated until the call returns.  That is
 * for a process that takes the sensor over from another one: the other
 * process keeps the device open for a moment after its last operation, and
 * its socket can outlive it briefly when it exits, so a touch made then may
 * reach the other process and be lost.
 */
struct touch
{
    HANDLE thread;
    HANDLE done;
    char line[MAX_PATH + 32];
    char reply[VSENSOR_LINE_MAX];
    DWORD interval;
    unsigned int count;
    BOOL ret;
};

static inline DWORD WINAPI touch_thread( void *arg )
{
    struct touch *touch = arg;

    do
    {
        touch->ret = vsensor_command( touch->reply, sizeof(touch->reply), "%s", touch->line );
        touch->count++;
    }
    while (touch->interval && touch->count < 10 && WaitForSingleObject( touch->done, touch->interval ));
    return 0;
}

static inline void start_touch( struct touch *touch, const char *request, const char *pgm, DWORD interval )
{
    snprintf( touch->line, sizeof(touch->line), "%s %s", request, pgm );
    touch->reply[0] = 0;
    touch->ret = FALSE;
    touch->count = 0;
    touch->interval = interval;
    touch->done = CreateEventA( NULL, TRUE, FALSE, NULL );
    touch->thread = CreateThread( NULL, 0, touch_thread, touch, 0, NULL );
}

static inline void touch_async( struct touch *touch, const char *pgm )
{
    start_touch( touch, "IMAGE", pgm, 0 );
}

#define touch_join(t) touch_join_( __FILE__, __LINE__, t )
static inline BOOL touch_join_( const char *file, int line, struct touch *touch )
{
    DWORD ret;

    SetEvent( touch->done );
    if (!touch->thread)
    {
        ok_(file, line)( 0, "CreateThread failed for %s\n", touch->line );
        return FALSE;
    }
    /* the fixture gives up after 10 s, the socket after 40 s */
    ret = WaitForSingleObject( touch->thread, 60000 );
    ok_(file, line)( ret == WAIT_OBJECT_0, "%s still waits\n", touch->line );
    if (ret != WAIT_OBJECT_0) return FALSE;
    CloseHandle( touch->thread );
    CloseHandle( touch->done );
    touch->thread = NULL;
    ok_(file, line)( touch->ret, "%s: %s\n", touch->line, touch->reply );
    return touch->ret;
}

/* Enrolls a finger of the user on an image sensor with stages touches of pgm. */
#define enroll_finger(a, b, c, d, e, f) enroll_finger_( __FILE__, __LINE__, a, b, c, d, e, f )
static inline BOOL enroll_finger_( const char *file, int line, WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit,
                                  WINBIO_BIOMETRIC_SUBTYPE subfactor, const char *pgm, unsigned int stages,
                                  WINBIO_IDENTITY *enrolled )
{
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_IDENTITY identity;
    struct touch touch;
    BOOLEAN is_new;
    unsigned int i;
    HRESULT hr;

    hr = WinBioEnrollBegin( session, subfactor, unit );
    ok_(file, line)( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (hr != S_OK) return FALSE;
    for (i = 0; i < stages; i++)
    {
        touch_async( &touch, pgm );
        hr = WinBioEnrollCapture( session, &reject );
        touch_join_( file, line, &touch );
        if (hr != (i + 1 < stages ? WINBIO_I_MORE_DATA : S_OK)) break;
    }
    ok_(file, line)( hr == S_OK, "capture %u returned %#lx, reject detail %lu\n", i, hr, reject );
    if (hr != S_OK)
    {
        WinBioEnrollDiscard( session );
        return FALSE;
    }
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok_(file, line)( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    if (hr == S_OK && enrolled) *enrolled = identity;
    return hr == S_OK;
}

/* Enrolls on virtual_device_storage with one "SCAN id" per capture, until
 * the enrollment completes or fails; captures receives how many it took. */
#define enroll_scans(a, b, c, d, e) enroll_scans_( __FILE__, __LINE__, a, b, c, d, e )
static inline HRESULT enroll_scans_( const char *file, int line, WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit,
                                     WINBIO_BIOMETRIC_SUBTYPE subfactor, const char *id, unsigned int *captures )
{
    WINBIO_REJECT_DETAIL reject;
    struct touch scan;
    unsigned int i;
    HRESULT hr;

    *captures = 0;
    hr = WinBioEnrollBegin( session, subfactor, unit );
    ok_(file, line)( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (hr != S_OK) return hr;
    for (i = 0; i < 20; i++)
    {
        reject = 0xdeadbeef;
        start_touch( &scan, "STORAGE SCAN", id, 0 );
        hr = WinBioEnrollCapture( session, &reject );
        touch_join_( file, line, &scan );
        (*captures)++;
        if (hr != WINBIO_I_MORE_DATA) break;
        ok_(file, line)( !reject, "reject detail %lu\n", reject );
    }
    return hr;
}

#endif /* __WINBIO_TESTS_WINBIO_TEST_H */
