/*
 * Enrolled factors, the credential store and the biometric logon
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
 * The argument checks run everywhere: they fail before anything is
 * stored.  What changes the user's enrollments or credentials runs under
 * Wine only, so that the test leaves a Windows machine as it found it.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "windef.h"
#include "winbase.h"
#include "winreg.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"
#include "unix.h"

#define IMAGE_ENROLL_STAGES 5

static WINBIO_UNIT_ID image_unit;

/* S-1-5-21-1-2-3-4242: well formed, no account of this machine */
static const BYTE nobody_sid[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0,
                                   0x92, 0x10, 0, 0 };
/* S-1-5-18, Local System: an account, and never the test's user */
static const BYTE system_sid[] = { 1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0 };

static const WCHAR password[] = L"Fingers-and-Pa55words";

static WINBIO_IDENTITY sid_identity( const BYTE *sid, ULONG size )
{
    WINBIO_IDENTITY identity;

    memset( &identity, 0, sizeof(identity) );
    identity.Type = WINBIO_ID_TYPE_SID;
    identity.Value.AccountSid.Size = size;
    memcpy( identity.Value.AccountSid.Data, sid, size );
    return identity;
}

static BOOL is_wine(void)
{
    return !strcmp( winetest_platform, "wine" );
}

static void credential_path( WCHAR *path )
{
    GetSystemDirectoryW( path, MAX_PATH );
    lstrcatW( path, L"\\WinBioDatabase\\Credentials.DAT" );
}

#define check_state(a, b) check_state_( __LINE__, a, b )
static void check_state_( int line, const WINBIO_IDENTITY *identity, WINBIO_CREDENTIAL_STATE expect )
{
    WINBIO_CREDENTIAL_STATE state = 0xdeadbeef;
    HRESULT hr;

    hr = WinBioGetCredentialState( *identity, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok_(__FILE__, line)( hr == S_OK, "WinBioGetCredentialState returned %#lx\n", hr );
    ok_(__FILE__, line)( state == expect, "state %u, expected %u\n", state, expect );
}

#define check_factors(a, b) check_factors_( __LINE__, a, b )
static void check_factors_( int line, const WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_TYPE expect )
{
    WINBIO_IDENTITY copy = *identity;
    WINBIO_BIOMETRIC_TYPE factors = 0xdeadbeef;
    HRESULT hr;

    hr = WinBioGetEnrolledFactors( &copy, &factors );
    ok_(__FILE__, line)( hr == S_OK, "WinBioGetEnrolledFactors returned %#lx\n", hr );
    ok_(__FILE__, line)( factors == expect, "factors %#lx, expected %#lx\n", factors, expect );
}

static void test_enrolled_factors_args(void)
{
    WINBIO_IDENTITY identity, user;
    WINBIO_BIOMETRIC_TYPE factors;
    HRESULT hr;

    get_user_identity( &user );
    hr = WinBioGetEnrolledFactors( NULL, &factors );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioGetEnrolledFactors( &user, NULL );
    ok( hr == E_POINTER, "no factors: got %#lx\n", hr );

    /* an account or everybody; nothing else names whose factors */
    memset( &identity, 0, sizeof(identity) );
    identity.Type = WINBIO_ID_TYPE_GUID;
    identity.Value.TemplateGuid.Data1 = 1;
    factors = 0xdeadbeef;
    hr = WinBioGetEnrolledFactors( &identity, &factors );
    ok( hr == E_INVALIDARG, "GUID: got %#lx\n", hr );
    identity.Type = WINBIO_ID_TYPE_NULL;
    hr = WinBioGetEnrolledFactors( &identity, &factors );
    ok( hr == E_INVALIDARG, "null identity: got %#lx\n", hr );
    identity.Type = WINBIO_ID_TYPE_WILDCARD;
    identity.Value.Wildcard = 0;
    hr = WinBioGetEnrolledFactors( &identity, &factors );
    ok( hr == E_INVALIDARG, "wildcard without its value: got %#lx\n", hr );

    /* a SID whose size is not its own, and one that is no SID */
    identity = user;
    identity.Value.AccountSid.Size += 4;
    hr = WinBioGetEnrolledFactors( &identity, &factors );
    ok( hr == E_INVALIDARG, "SID with a wrong size: got %#lx\n", hr );
    identity = user;
    identity.Value.AccountSid.Data[0] = 7;
    hr = WinBioGetEnrolledFactors( &identity, &factors );
    ok( hr == E_INVALIDARG, "bad SID revision: got %#lx\n", hr );

    /* nobody enrolls for an account that does not exist */
    identity = sid_identity( nobody_sid, sizeof(nobody_sid) );
    check_factors( &identity, 0 );
}

static void test_credential_args(void)
{
    WINBIO_IDENTITY user, identity;
    WINBIO_CREDENTIAL_STATE state;
    WCHAR unterminated[4] = { 'a', 'b', 'c', 'd' };
    HRESULT hr;

    get_user_identity( &user );

    hr = WinBioSetCredential( 0, (UCHAR *)password, sizeof(password), WINBIO_PASSWORD_GENERIC );
    ok( hr == E_INVALIDARG, "type 0: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_ALL, (UCHAR *)password, sizeof(password), WINBIO_PASSWORD_GENERIC );
    ok( hr == E_INVALIDARG, "type all: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, NULL, sizeof(password), WINBIO_PASSWORD_GENERIC );
    ok( hr == E_POINTER, "no credential: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, 0, WINBIO_PASSWORD_GENERIC );
    ok( hr == E_INVALIDARG, "size 0: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password), 0 );
    ok( hr == E_INVALIDARG, "format 0: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password), 4 );
    ok( hr == E_INVALIDARG, "format 4: got %#lx\n", hr );
    /* the plain format is a NUL-terminated string, nothing after the NUL */
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)unterminated, sizeof(unterminated),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == E_INVALIDARG, "unterminated: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password) - 1,
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == E_INVALIDARG, "odd size: got %#lx\n", hr );
    if (running_on_wine())
    {
        /* No page gives a limit.  This implementation refuses sizes no
         * password needs before reading them, so that a wrong size cannot
         * make it read past the caller's buffer (tests/fuzz/fuzz.c). */
        static WCHAR long_password[2049];
        unsigned int i;

        for (i = 0; i < ARRAY_SIZE(long_password) - 1; i++) long_password[i] = 'a';
        hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)long_password, sizeof(long_password),
                                  WINBIO_PASSWORD_GENERIC );
        ok( hr == E_INVALIDARG, "%Iu bytes: got %#lx\n", sizeof(long_password), hr );
    }

    hr = WinBioGetCredentialState( user, WINBIO_CREDENTIAL_PASSWORD, NULL );
    ok( hr == E_POINTER, "no state: got %#lx\n", hr );
    hr = WinBioGetCredentialState( user, WINBIO_CREDENTIAL_ALL, &state );
    ok( hr == E_INVALIDARG, "type all: got %#lx\n", hr );
    hr = WinBioGetCredentialState( user, 0, &state );
    ok( hr == E_INVALIDARG, "type 0: got %#lx\n", hr );
    memset( &identity, 0, sizeof(identity) );
    identity.Type = WINBIO_ID_TYPE_GUID;
    hr = WinBioGetCredentialState( identity, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok( hr == E_INVALIDARG, "GUID: got %#lx\n", hr );
    identity.Type = WINBIO_ID_TYPE_WILDCARD;
    identity.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    hr = WinBioGetCredentialState( identity, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok( hr == E_INVALIDARG, "wildcard: got %#lx\n", hr );
    /* a well-formed SID of no account: the identity does not exist */
    identity = sid_identity( nobody_sid, sizeof(nobody_sid) );
    hr = WinBioGetCredentialState( identity, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok( hr == WINBIO_E_UNKNOWN_ID, "no such account: got %#lx\n", hr );

    hr = WinBioRemoveCredential( user, 0 );
    ok( hr == E_INVALIDARG, "type 0: got %#lx\n", hr );
    hr = WinBioRemoveCredential( user, 2 );
    ok( hr == E_INVALIDARG, "type 2: got %#lx\n", hr );
    memset( &identity, 0, sizeof(identity) );
    identity.Type = WINBIO_ID_TYPE_GUID;
    hr = WinBioRemoveCredential( identity, WINBIO_CREDENTIAL_ALL );
    ok( hr == E_INVALIDARG, "GUID: got %#lx\n", hr );
    /* an account without a record */
    identity = sid_identity( nobody_sid, sizeof(nobody_sid) );
    hr = WinBioRemoveCredential( identity, WINBIO_CREDENTIAL_ALL );
    ok( hr == WINBIO_E_CRED_PROV_NO_CREDENTIAL, "no such account: got %#lx\n", hr );
}

/* What a caller without the Administrators group may do: its own account only. */
static void test_non_admin(void)
{
    WINBIO_IDENTITY user, other;
    WINBIO_CREDENTIAL_STATE state;
    HRESULT hr;

    get_user_identity( &user );
    other = sid_identity( system_sid, sizeof(system_sid) );
    if (!impersonate_non_admin())
    {
        skip( "cannot drop the Administrators group\n" );
        return;
    }
    check_state( &user, WINBIO_CREDENTIAL_SET );
    hr = WinBioGetCredentialState( other, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok( hr == E_ACCESSDENIED, "another account's state: got %#lx\n", hr );
    hr = WinBioRemoveCredential( other, WINBIO_CREDENTIAL_ALL );
    ok( hr == E_ACCESSDENIED, "another account's removal: got %#lx\n", hr );
    hr = WinBioRemoveAllCredentials();
    ok( hr == E_ACCESSDENIED, "WinBioRemoveAllCredentials: got %#lx\n", hr );
    hr = WinBioRemoveAllDomainCredentials();
    ok( hr == E_ACCESSDENIED, "WinBioRemoveAllDomainCredentials: got %#lx\n", hr );
    RevertToSelf();
    check_state( &user, WINBIO_CREDENTIAL_SET );
}

/* The password never reaches the file as it is: DPAPI encrypts it first. */
static void check_file_has_no_password(void)
{
    char ascii[ARRAY_SIZE(password)];
    WCHAR path[MAX_PATH];
    BYTE *data;
    DWORD size = 0, done = 0, i;
    HANDLE file;
    BOOL found = FALSE;

    credential_path( path );
    file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                        OPEN_EXISTING, 0, NULL );
    ok( file != INVALID_HANDLE_VALUE, "cannot open %s, error %lu\n", wine_dbgstr_w( path ), GetLastError() );
    if (file == INVALID_HANDLE_VALUE) return;
    size = GetFileSize( file, NULL );
    data = malloc( size + 1 );
    ReadFile( file, data, size, &done, NULL );
    CloseHandle( file );
    ok( done == size && size > sizeof(password), "read %lu of %lu bytes\n", done, size );

    for (i = 0; i < ARRAY_SIZE(password); i++) ascii[i] = password[i];
    for (i = 0; i + sizeof(password) - sizeof(WCHAR) <= done && !found; i++)
        found = !memcmp( data + i, password, sizeof(password) - sizeof(WCHAR) ) ||
                !memcmp( data + i, ascii, strlen( ascii ) );
    ok( !found, "the password is in the file in clear text\n" );
    free( data );

    /* the folder is the user's alone, and so is the file */
    if (p_wine_get_unix_file_name) ok( unix_mode( path ) == 0600, "file mode %o\n", unix_mode( path ) );
}

/* A store that does not check out is refused, and kept as it is. */
static void test_damaged_store(void)
{
    static const char garbage[] = "WBCR\x01\0\0\0\x05\0\0\0 not a store";
    WINBIO_IDENTITY user;
    WINBIO_CREDENTIAL_STATE state;
    WCHAR path[MAX_PATH];
    char buffer[64];
    DWORD done;
    HANDLE file;
    HRESULT hr;

    get_user_identity( &user );
    credential_path( path );
    file = CreateFileW( path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL );
    ok( file != INVALID_HANDLE_VALUE, "cannot write %s, error %lu\n", wine_dbgstr_w( path ), GetLastError() );
    if (file == INVALID_HANDLE_VALUE) return;
    WriteFile( file, garbage, sizeof(garbage), &done, NULL );
    CloseHandle( file );

    hr = WinBioGetCredentialState( user, WINBIO_CREDENTIAL_PASSWORD, &state );
    ok( hr == WINBIO_E_DATABASE_CORRUPTED, "damaged store: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == WINBIO_E_DATABASE_CORRUPTED, "set into a damaged store: got %#lx\n", hr );
    hr = WinBioRemoveAllCredentials();
    ok( hr == WINBIO_E_DATABASE_CORRUPTED, "remove from a damaged store: got %#lx\n", hr );

    file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL );
    ok( file != INVALID_HANDLE_VALUE, "the damaged store is gone, error %lu\n", GetLastError() );
    done = 0;
    ReadFile( file, buffer, sizeof(buffer), &done, NULL );
    CloseHandle( file );
    ok( done == sizeof(garbage) && !memcmp( buffer, garbage, done ), "the damaged store was rewritten\n" );

    ok( DeleteFileW( path ), "DeleteFile failed, error %lu\n", GetLastError() );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );
}

/* Sets and removes the user's password from several threads at once. */
static DWORD WINAPI store_thread( void *arg )
{
    WINBIO_IDENTITY *user = arg;
    HRESULT hr;
    int i;

    for (i = 0; i < 20; i++)
    {
        hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                                  WINBIO_PASSWORD_GENERIC );
        ok( hr == S_OK, "WinBioSetCredential returned %#lx\n", hr );
        hr = WinBioRemoveCredential( *user, WINBIO_CREDENTIAL_PASSWORD );
        ok( hr == S_OK || hr == WINBIO_E_CRED_PROV_NO_CREDENTIAL, "WinBioRemoveCredential returned %#lx\n", hr );
    }
    return 0;
}

static void test_store( WINBIO_SESSION_HANDLE session )
{
    static const BYTE packed[] = { 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00, 0xc3 };
    WINBIO_IDENTITY user, wildcard, other;
    HANDLE threads[3];
    unsigned int i;
    HRESULT hr;

    get_user_identity( &user );
    memset( &wildcard, 0, sizeof(wildcard) );
    wildcard.Type = WINBIO_ID_TYPE_WILDCARD;
    wildcard.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    other = sid_identity( system_sid, sizeof(system_sid) );

    hr = WinBioRemoveAllCredentials();
    ok( hr == S_OK, "WinBioRemoveAllCredentials returned %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );
    hr = WinBioRemoveCredential( user, WINBIO_CREDENTIAL_PASSWORD );
    ok( hr == WINBIO_E_CRED_PROV_NO_CREDENTIAL, "nothing stored: got %#lx\n", hr );

    /* a credential is for a user who enrolled: Wine's tests enroll only on this unit */
    delete_user_templates( session, image_unit );
    check_factors( &user, 0 );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == WINBIO_E_UNKNOWN_ID, "not enrolled: got %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );

    if (!enroll_finger( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm",
                        IMAGE_ENROLL_STAGES, NULL ))
        return;
    check_factors( &user, WINBIO_TYPE_FINGERPRINT );
    check_factors( &wildcard, WINBIO_TYPE_FINGERPRINT );
    check_factors( &other, 0 );

    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == S_OK, "WinBioSetCredential returned %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_SET );
    check_state( &other, WINBIO_CREDENTIAL_NOT_SET );
    check_file_has_no_password();

    /* another one replaces it, in whatever format */
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)packed, sizeof(packed), WINBIO_PASSWORD_PACKED );
    ok( hr == S_OK, "packed: got %#lx\n", hr );
    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)packed, sizeof(packed),
                              WINBIO_PASSWORD_PROTECTED );
    ok( hr == S_OK, "protected: got %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_SET );
    hr = WinBioRemoveCredential( user, WINBIO_CREDENTIAL_PASSWORD );
    ok( hr == S_OK, "WinBioRemoveCredential returned %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );
    hr = WinBioRemoveCredential( user, WINBIO_CREDENTIAL_PASSWORD );
    ok( hr == WINBIO_E_CRED_PROV_NO_CREDENTIAL, "removed twice: got %#lx\n", hr );

    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == S_OK, "WinBioSetCredential returned %#lx\n", hr );
    test_non_admin();

    /* the prefix is in no domain: its local account's credential stays */
    hr = WinBioRemoveAllDomainCredentials();
    ok( hr == S_OK, "WinBioRemoveAllDomainCredentials returned %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_SET );

    /* removing a credential leaves the enrollment */
    hr = WinBioRemoveCredential( user, WINBIO_CREDENTIAL_ALL );
    ok( hr == S_OK, "all types: got %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );
    check_factors( &user, WINBIO_TYPE_FINGERPRINT );

    hr = WinBioSetCredential( WINBIO_CREDENTIAL_PASSWORD, (UCHAR *)password, sizeof(password),
                              WINBIO_PASSWORD_GENERIC );
    ok( hr == S_OK, "WinBioSetCredential returned %#lx\n", hr );
    hr = WinBioRemoveAllCredentials();
    ok( hr == S_OK, "WinBioRemoveAllCredentials returned %#lx\n", hr );
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );

    /* writers on several threads: every call succeeds, nothing is left half */
    for (i = 0; i < ARRAY_SIZE(threads); i++) threads[i] = CreateThread( NULL, 0, store_thread, &user, 0, NULL );
    for (i = 0; i < ARRAY_SIZE(threads); i++)
    {
        ok( !WaitForSingleObject( threads[i], 60000 ), "thread %u still runs\n", i );
        CloseHandle( threads[i] );
    }
    check_state( &user, WINBIO_CREDENTIAL_NOT_SET );

    test_damaged_store();

    /* without enrollments the user has no factor left */
    delete_user_templates( session, image_unit );
    check_factors( &user, 0 );
}

/* Identifies once with a touch of pgm. */
static HRESULT identify( WINBIO_SESSION_HANDLE session, const char *pgm )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    struct touch touch;
    HRESULT hr;

    touch_async( &touch, pgm );
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    touch_join( &touch );
    return hr;
}

static void test_logon_args(void)
{
    HRESULT hr;

    hr = WinBioLogonIdentifiedUser( 0 );
    ok( hr == E_HANDLE, "no handle: got %#lx\n", hr );
    hr = WinBioLogonIdentifiedUser( 0xdead );
    ok( hr == E_HANDLE, "bogus handle: got %#lx\n", hr );
}

static void CALLBACK ignore_result( WINBIO_ASYNC_RESULT *result )
{
    WinBioFree( result );
}

/*
 * A Wine prefix has one logon, its user's.  An identification of that user
 * is good for a logon for 5 seconds, as on Windows by default: the call
 * then has nothing to do, S_FALSE as documented for the user already
 * logged on.  Without one, or after, there is nobody to log on.
 */
static void test_logon( WINBIO_SESSION_HANDLE session )
{
    WINBIO_FRAMEWORK_HANDLE framework = 0;
    WINBIO_SESSION_HANDLE async = 0;
    HRESULT hr;

    hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, ignore_result, NULL, FALSE, &framework );
    ok( hr == S_OK, "WinBioAsyncOpenFramework returned %#lx\n", hr );
    hr = WinBioLogonIdentifiedUser( framework );
    ok( hr == E_HANDLE, "framework handle: got %#lx\n", hr );
    WinBioCloseFramework( framework );

    hr = WinBioLogonIdentifiedUser( session );
    ok( hr == E_ACCESSDENIED, "nobody identified: got %#lx\n", hr );

    hr = identify( session, "tented-arch.pgm" );
    ok( hr == WINBIO_E_UNKNOWN_ID, "unknown finger: got %#lx\n", hr );
    hr = WinBioLogonIdentifiedUser( session );
    ok( hr == E_ACCESSDENIED, "unknown finger identified: got %#lx\n", hr );

    hr = identify( session, "whorl-rot4.pgm" );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    hr = WinBioLogonIdentifiedUser( session );
    ok( hr == S_FALSE, "user identified: got %#lx\n", hr );
    /* nothing happened, so it can be asked again */
    hr = WinBioLogonIdentifiedUser( session );
    ok( hr == S_FALSE, "asked again: got %#lx\n", hr );

    /* the identification is the session's */
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                 WINBIO_DB_DEFAULT, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, ignore_result, NULL,
                                 FALSE, &async );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    hr = WinBioLogonIdentifiedUser( async );
    ok( hr == E_ACCESSDENIED, "other session: got %#lx\n", hr );
    WinBioCloseSession( async );

    Sleep( 5200 );
    hr = WinBioLogonIdentifiedUser( session );
    ok( hr == E_ACCESSDENIED, "identified too long ago: got %#lx\n", hr );
}

START_TEST(credential)
{
    WINBIO_SESSION_HANDLE session = 0;
    HRESULT hr;

    p_wine_get_unix_file_name = (void *)GetProcAddress( GetModuleHandleA( "kernel32.dll" ),
                                                        "wine_get_unix_file_name" );
    test_enrolled_factors_args();
    test_credential_args();
    test_logon_args();

    if (!is_wine())
    {
        skip( "the user's enrollments and credentials are changed under Wine only\n" );
        return;
    }
    if (!have_virtual_sensors()) return;
    image_unit = find_unit( L"virtual_image" );
    ok( image_unit != 0, "no virtual_image unit\n" );
    if (!image_unit) return;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    test_store( session );
    if (enroll_finger( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm",
                       IMAGE_ENROLL_STAGES, NULL ))
    {
        test_logon( session );
        delete_user_templates( session, image_unit );
    }
    WinBioCloseSession( session );
}
