/*
 * Export table and stub conformance tests for winbio.dll
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
 * Everything is looked up with GetProcAddress(), so the test needs no
 * import library.  The calls made here use harmless arguments only: zero
 * session and framework handles, NULL or local out-pointers.  Their purpose
 * is to show that every documented export can be called (none of them is a
 * spec-file "stub" that raises an exception) and what it answers today.
 *
 * The exports with no public prototype are only looked up, never called:
 * on Windows they are real functions that take arguments, so a call with
 * none could crash or, from 32-bit code, leave the caller's stack off.
 */

#include <stdarg.h>
#include <string.h>

#include "windef.h"
#include "winbase.h"
#include "winuser.h"
#include "winbio.h"

#include "wine/test.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))
#endif

static HMODULE winbio;

/* every export that has a name, as listed in the export table of Windows 10 */
static const char * const named_exports[] =
{
    "WinBioAcquireFocus",
    "WinBioAsyncEnumBiometricUnits",
    "WinBioAsyncEnumDatabases",
    "WinBioAsyncEnumServiceProviders",
    "WinBioAsyncMonitorFrameworkChanges",
    "WinBioAsyncOpenFramework",
    "WinBioAsyncOpenSession",
    "WinBioCancel",
    "WinBioCaptureSample",
    "WinBioCaptureSampleWithCallback",
    "WinBioCloseFramework",
    "WinBioCloseSession",
    "WinBioControlUnit",
    "WinBioControlUnitPrivileged",
    "WinBioDeleteTemplate",
    "WinBioDiscardTicket",
    "WinBioEnrollAuthorize",
    "WinBioEnrollBegin",
    "WinBioEnrollCapture",
    "WinBioEnrollCaptureWithCallback",
    "WinBioEnrollCommit",
    "WinBioEnrollDiscard",
    "WinBioEnrollRevoke",
    "WinBioEnrollSelect",
    "WinBioEnumBiometricUnits",
    "WinBioEnumDatabases",
    "WinBioEnumEnrollments",
    "WinBioEnumServiceProviders",
    "WinBioFree",
    "WinBioGetCredentialState",
    "WinBioGetCredentialWithTicket",
    "WinBioGetDomainLogonSetting",
    "WinBioGetEnabledSetting",
    "WinBioGetEnrolledFactors",
    "WinBioGetGestureMetadata",
    "WinBioGetLastBioUseTime",
    "WinBioGetLogonSetting",
    "WinBioGetPolicyProtectionSupport",
    "WinBioGetProperty",
    "WinBioGetProtectionPolicy",
    "WinBioIdentify",
    "WinBioIdentifyAndReleaseTicket",
    "WinBioIdentifyWithCallback",
    "WinBioLocateSensor",
    "WinBioLocateSensorWithCallback",
    "WinBioLockUnit",
    "WinBioLogonIdentifiedUser",
    "WinBioMonitorPresence",
    "WinBioNgcAuthorizeEnrollment",
    "WinBioNgcCloseAuthorizationSession",
    "WinBioNgcGetAuthorizationWithTicket",
    "WinBioNgcOpenAuthorizationSession",
    "WinBioOpenSession",
    "WinBioProtectData",
    "WinBioProtectDataWithPolicy",
    "WinBioRegisterEventMonitor",
    "WinBioRegisterServiceMonitor",
    "WinBioReleaseFocus",
    "WinBioRemoveAllCredentials",
    "WinBioRemoveAllDomainCredentials",
    "WinBioRemoveCredential",
    "WinBioSetCredential",
    "WinBioSetMSACredential",
    "WinBioSetProperty",
    "WinBioUnlockUnit",
    "WinBioUnprotectData",
    "WinBioUnregisterEventMonitor",
    "WinBioUnregisterServiceMonitor",
    "WinBioVerify",
    "WinBioVerifyAndReleaseTicket",
    "WinBioVerifyWithCallback",
    "WinBioWait",
};

/* exports that only have an ordinal; the names are the ones Wine uses */
static const struct
{
    WORD ordinal;
    const char *name;
}
ordinal_exports[] =
{
    { 1, "WinBioNotifyPasswordChange" },
    { 2, "_BioLogonIdentifiedUser" },
};

static void test_named_exports(void)
{
    unsigned int i;

    ok( ARRAY_SIZE(named_exports) == 72, "got %u names\n", (unsigned int)ARRAY_SIZE(named_exports) );

    for (i = 0; i < ARRAY_SIZE(named_exports); i++)
        ok( GetProcAddress( winbio, named_exports[i] ) != NULL, "%s is not exported\n", named_exports[i] );
}

static void test_ordinal_exports(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(ordinal_exports); i++)
    {
        FARPROC by_ordinal = GetProcAddress( winbio, MAKEINTRESOURCEA(ordinal_exports[i].ordinal) );
        FARPROC by_name = GetProcAddress( winbio, ordinal_exports[i].name );

        ok( by_ordinal != NULL, "ordinal %u is not exported\n", ordinal_exports[i].ordinal );
        ok( by_name == NULL, "%s should not be exported by name\n", ordinal_exports[i].name );
    }
}

/*
 * One caller per documented export.  Each casts the address it gets to the
 * exact prototype and returns what the function returned; extra checks on
 * the out-parameters are done inside.
 */

typedef HRESULT (*export_caller)( FARPROC proc );

static const WINBIO_IDENTITY empty_identity;

static void CALLBACK async_callback( WINBIO_ASYNC_RESULT *result )
{
    ok( 0, "unexpected completion callback\n" );
}

static HRESULT call_async_open_session( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_BIOMETRIC_TYPE, WINBIO_POOL_TYPE, WINBIO_SESSION_FLAGS,
                            WINBIO_UNIT_ID *, SIZE_T, GUID *, WINBIO_ASYNC_NOTIFICATION_METHOD,
                            HWND, UINT, PWINBIO_ASYNC_COMPLETION_CALLBACK, PVOID, BOOL,
                            WINBIO_SESSION_HANDLE * ) = (void *)proc;
    WINBIO_SESSION_HANDLE session = 0xdeadbeef;
    HRESULT hr;

    hr = func( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
               WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, async_callback, NULL, FALSE, NULL );
    ok( hr == E_POINTER, "NULL handle pointer: got %#lx\n", hr );

    /* the callback method without a callback */
    hr = func( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
               WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, NULL, NULL, FALSE, &session );
    ok( !session, "session handle %#lx after a failure\n", session );
    return hr;
}

static HRESULT call_async_open_framework( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_ASYNC_NOTIFICATION_METHOD, HWND, UINT,
                            PWINBIO_ASYNC_COMPLETION_CALLBACK, PVOID, BOOL,
                            WINBIO_FRAMEWORK_HANDLE * ) = (void *)proc;
    WINBIO_FRAMEWORK_HANDLE framework = 0xdeadbeef;
    HRESULT hr;

    hr = func( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, async_callback, NULL, FALSE, NULL );
    ok( hr == E_POINTER, "NULL handle pointer: got %#lx\n", hr );

    hr = func( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, NULL, NULL, FALSE, &framework );
    ok( !framework, "framework handle %#lx after a failure\n", framework );
    return hr;
}

/* the functions whose only parameter is a session or framework handle */
static HRESULT call_handle_only( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE ) = (void *)proc;
    return func( 0 );
}

static HRESULT call_no_args( FARPROC proc )
{
    HRESULT (WINAPI *func)(void) = (void *)proc;
    return func();
}

static HRESULT call_session_unit( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID ) = (void *)proc;
    return func( 0, 1 );
}

static HRESULT call_framework_factor( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_FRAMEWORK_HANDLE, WINBIO_BIOMETRIC_TYPE ) = (void *)proc;
    return func( 0, WINBIO_TYPE_FINGERPRINT );
}

static HRESULT call_monitor_framework_changes( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_FRAMEWORK_HANDLE, WINBIO_FRAMEWORK_CHANGE_TYPE ) = (void *)proc;
    return func( 0, WINBIO_FRAMEWORK_CHANGE_UNIT );
}

static HRESULT call_get_property( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_PROPERTY_TYPE, WINBIO_PROPERTY_ID,
                            WINBIO_UNIT_ID, WINBIO_IDENTITY *, WINBIO_BIOMETRIC_SUBTYPE,
                            PVOID *, SIZE_T * ) = (void *)proc;
    void *buffer = NULL;
    SIZE_T size = 0;

    return func( 0, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, 1, NULL,
                 WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
}

static HRESULT call_set_property( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_PROPERTY_TYPE, WINBIO_PROPERTY_ID,
                            WINBIO_UNIT_ID, WINBIO_IDENTITY *, WINBIO_BIOMETRIC_SUBTYPE,
                            PVOID, SIZE_T ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;

    return func( 0, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, &identity,
                 WINBIO_SUBTYPE_NO_INFORMATION, NULL, 0 );
}

/* WinBioControlUnit and WinBioControlUnitPrivileged */
static HRESULT call_control_unit( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID, WINBIO_COMPONENT, ULONG,
                            UCHAR *, SIZE_T, UCHAR *, SIZE_T, SIZE_T *, ULONG * ) = (void *)proc;
    UCHAR send[4] = {0}, receive[4];
    SIZE_T received = 0;
    ULONG status = 0;

    return func( 0, 1, WINBIO_COMPONENT_SENSOR, 0, send, sizeof(send), receive, sizeof(receive),
                 &received, &status );
}

static HRESULT call_register_event_monitor( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_EVENT_TYPE, PWINBIO_EVENT_CALLBACK,
                            PVOID ) = (void *)proc;
    return func( 0, WINBIO_EVENT_FP_UNCLAIMED, NULL, NULL );
}

static HRESULT call_enroll_begin( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_BIOMETRIC_SUBTYPE, WINBIO_UNIT_ID ) = (void *)proc;
    return func( 0, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, 1 );
}

static HRESULT call_enroll_capture( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_REJECT_DETAIL * ) = (void *)proc;
    WINBIO_REJECT_DETAIL reject = 0;

    return func( 0, &reject );
}

static HRESULT call_enroll_capture_with_callback( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, PWINBIO_ENROLL_CAPTURE_CALLBACK, PVOID ) = (void *)proc;
    return func( 0, NULL, NULL );
}

static HRESULT call_enroll_commit( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_IDENTITY *, BOOLEAN * ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;
    BOOLEAN is_new = FALSE;

    return func( 0, &identity, &is_new );
}

static HRESULT call_enroll_select( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, ULONGLONG ) = (void *)proc;
    return func( 0, 1 );
}

static HRESULT call_enum_enrollments( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID, WINBIO_IDENTITY *,
                            WINBIO_BIOMETRIC_SUBTYPE **, SIZE_T * ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;
    WINBIO_BIOMETRIC_SUBTYPE *array = (void *)0xdeadbeef;
    SIZE_T count = 0xdeadbeef;
    HRESULT hr;

    hr = func( 0, 1, &identity, &array, &count );
    ok( !array, "got array %p after a failure\n", array );
    ok( !count, "got count %lu after a failure\n", (ULONG)count );
    return hr;
}

static HRESULT call_delete_template( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID, WINBIO_IDENTITY *,
                            WINBIO_BIOMETRIC_SUBTYPE ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;

    return func( 0, 1, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
}

static HRESULT call_verify( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_IDENTITY *, WINBIO_BIOMETRIC_SUBTYPE,
                            WINBIO_UNIT_ID *, BOOLEAN *, WINBIO_REJECT_DETAIL * ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_UNIT_ID unit = 0;
    BOOLEAN match = FALSE;

    return func( 0, &identity, WINBIO_SUBTYPE_ANY, &unit, &match, &reject );
}

static HRESULT call_verify_with_callback( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_IDENTITY *, WINBIO_BIOMETRIC_SUBTYPE,
                            PWINBIO_VERIFY_CALLBACK, PVOID ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;

    return func( 0, &identity, WINBIO_SUBTYPE_ANY, NULL, NULL );
}

static HRESULT call_identify( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID *, WINBIO_IDENTITY *,
                            WINBIO_BIOMETRIC_SUBTYPE *, WINBIO_REJECT_DETAIL * ) = (void *)proc;
    WINBIO_IDENTITY identity = empty_identity;
    WINBIO_BIOMETRIC_SUBTYPE sub_factor = 0;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_UNIT_ID unit = 0;

    return func( 0, &unit, &identity, &sub_factor, &reject );
}

static HRESULT call_identify_with_callback( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, PWINBIO_IDENTIFY_CALLBACK, PVOID ) = (void *)proc;
    return func( 0, NULL, NULL );
}

static HRESULT call_locate_sensor( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID * ) = (void *)proc;
    WINBIO_UNIT_ID unit = 0;

    return func( 0, &unit );
}

static HRESULT call_locate_sensor_with_callback( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, PWINBIO_LOCATE_SENSOR_CALLBACK, PVOID ) = (void *)proc;
    return func( 0, NULL, NULL );
}

static HRESULT call_capture_sample( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_BIR_PURPOSE, WINBIO_BIR_DATA_FLAGS,
                            WINBIO_UNIT_ID *, WINBIO_BIR **, SIZE_T *,
                            WINBIO_REJECT_DETAIL * ) = (void *)proc;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_BIR *sample = NULL;
    WINBIO_UNIT_ID unit = 0;
    SIZE_T size = 0;

    return func( 0, WINBIO_PURPOSE_VERIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, &reject );
}

static HRESULT call_capture_sample_with_callback( FARPROC proc )
{
    HRESULT (WINAPI *func)( WINBIO_SESSION_HANDLE, WINBIO_BIR_PURPOSE, WINBIO_BIR_DATA_FLAGS,
                            PWINBIO_CAPTURE_CALLBACK, PVOID ) = (void *)proc;
    return func( 0, WINBIO_PURPOSE_VERIFY, WINBIO_DATA_FLAG_RAW, NULL, NULL );
}

/* the identity is passed by value: this also checks the stack use on i386 */
/*
 * WinBioGetEnabledSetting, WinBioGetLogonSetting and WinBioGetDomainLogonSetting
 * return nothing.  The expected answer is encoded in the table's "expect"
 * column: S_OK for a setting reported as on, S_FALSE for one reported as off.
 */
static HRESULT call_get_setting( FARPROC proc )
{
    void (WINAPI *func)( BOOLEAN *, WINBIO_SETTING_SOURCE_TYPE * ) = (void *)proc;
    WINBIO_SETTING_SOURCE_TYPE source = 0xdeadbeef;
    BOOLEAN value = 0xcc;

    func( NULL, NULL );
    func( &value, &source );
    ok( value == TRUE || value == FALSE, "got value %#x\n", value );
    ok( source == WINBIO_SETTING_SOURCE_DEFAULT, "got source %lu\n", source );
    return value ? S_OK : S_FALSE;
}

/*
 * Exports that do not do their real work yet, with what they return for the
 * arguments above.  Implementing a function means updating or removing its
 * row.  WinBioFree and the three synchronous enumeration functions are
 * covered by their own tests.
 *
 * Rows marked wine_only are called on Wine only: the expected answer is
 * this implementation's and no page documents it (the settings come from
 * their defaults).  The credential calls have their own test, credential.c.
 */
static const struct
{
    const char *name;
    export_caller call;
    HRESULT expect;
    BOOL wine_only;
}
stub_calls[] =
{
    /* sessions, units, properties, monitors */
    { "WinBioAsyncOpenSession",             call_async_open_session,           E_POINTER, FALSE },
    { "WinBioCloseSession",                 call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioCancel",                       call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioWait",                         call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioLockUnit",                     call_session_unit,                 E_HANDLE, FALSE },
    { "WinBioUnlockUnit",                   call_session_unit,                 E_HANDLE, FALSE },
    /* Local System only, which no test runs as */
    { "WinBioAcquireFocus",                 call_no_args,                      E_ACCESSDENIED, FALSE },
    { "WinBioReleaseFocus",                 call_no_args,                      E_ACCESSDENIED, FALSE },
    { "WinBioGetProperty",                  call_get_property,                 E_HANDLE, FALSE },
    { "WinBioSetProperty",                  call_set_property,                 E_HANDLE, FALSE },
    { "WinBioControlUnit",                  call_control_unit,                 E_HANDLE, FALSE },
    { "WinBioControlUnitPrivileged",        call_control_unit,                 E_HANDLE, FALSE },
    { "WinBioRegisterEventMonitor",         call_register_event_monitor,       E_HANDLE, FALSE },
    { "WinBioUnregisterEventMonitor",       call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioMonitorPresence",              call_session_unit,                 E_HANDLE, FALSE },
    /* framework handles */
    { "WinBioAsyncOpenFramework",           call_async_open_framework,         E_POINTER, FALSE },
    { "WinBioCloseFramework",               call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioAsyncEnumServiceProviders",    call_framework_factor,             E_HANDLE, FALSE },
    { "WinBioAsyncEnumBiometricUnits",      call_framework_factor,             E_HANDLE, FALSE },
    { "WinBioAsyncEnumDatabases",           call_framework_factor,             E_HANDLE, FALSE },
    { "WinBioAsyncMonitorFrameworkChanges", call_monitor_framework_changes,    E_HANDLE, FALSE },
    /* enrollment */
    { "WinBioEnrollBegin",                  call_enroll_begin,                 E_HANDLE, FALSE },
    { "WinBioEnrollCapture",                call_enroll_capture,               E_HANDLE, FALSE },
    { "WinBioEnrollCaptureWithCallback",    call_enroll_capture_with_callback, E_HANDLE, FALSE },
    { "WinBioEnrollCommit",                 call_enroll_commit,                E_HANDLE, FALSE },
    { "WinBioEnrollDiscard",                call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioEnrollSelect",                 call_enroll_select,                E_HANDLE, FALSE },
    { "WinBioEnumEnrollments",              call_enum_enrollments,             E_HANDLE, FALSE },
    { "WinBioDeleteTemplate",               call_delete_template,              E_HANDLE, FALSE },
    /* recognition and capture */
    { "WinBioVerify",                       call_verify,                       E_HANDLE, FALSE },
    { "WinBioVerifyWithCallback",           call_verify_with_callback,         E_HANDLE, FALSE },
    { "WinBioIdentify",                     call_identify,                     E_HANDLE, FALSE },
    { "WinBioIdentifyWithCallback",         call_identify_with_callback,       E_HANDLE, FALSE },
    { "WinBioLocateSensor",                 call_locate_sensor,                E_HANDLE, FALSE },
    { "WinBioLocateSensorWithCallback",     call_locate_sensor_with_callback,  E_HANDLE, FALSE },
    { "WinBioCaptureSample",                call_capture_sample,               E_HANDLE, FALSE },
    { "WinBioCaptureSampleWithCallback",    call_capture_sample_with_callback, E_HANDLE, FALSE },
    /* logon and settings */
    { "WinBioLogonIdentifiedUser",          call_handle_only,                  E_HANDLE, FALSE },
    { "WinBioGetEnabledSetting",            call_get_setting,                  S_OK, TRUE },
    { "WinBioGetLogonSetting",              call_get_setting,                  S_FALSE, TRUE },
    { "WinBioGetDomainLogonSetting",        call_get_setting,                  S_FALSE, TRUE },
};

static void test_stub_calls(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(stub_calls); i++)
    {
        const char *name = stub_calls[i].name;
        FARPROC proc;
        HRESULT hr;

        if (stub_calls[i].wine_only && strcmp( winetest_platform, "wine" ))
        {
            skip( "%s: not called outside Wine\n", name );
            continue;
        }
        proc = GetProcAddress( winbio, name );
        if (!proc)
        {
            skip( "%s is not exported\n", name );
            continue;
        }

        hr = stub_calls[i].call( proc );
        ok( hr == stub_calls[i].expect, "%s: got %#lx, expected %#lx\n", name, hr, stub_calls[i].expect );
    }
}

START_TEST(exports)
{
    winbio = LoadLibraryA( "winbio.dll" );
    if (!winbio)
    {
        win_skip( "winbio.dll is not available\n" );
        return;
    }

    test_named_exports();
    test_ordinal_exports();
    test_stub_calls();

    FreeLibrary( winbio );
}
