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
 * is to show that every export can be called (none of them is a spec-file
 * "stub" that raises an exception) and what it answers today.
 */

#include <stdarg.h>
#include <stdio.h>

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
 * One caller per export.  Each casts the address it gets to the exact
 * prototype and returns what the function returned; extra checks on the
 * out-parameters are done inside.  The exports without a public prototype
 * are called as HRESULT CDECL (void), which is how winbio declares them.
 */

typedef HRESULT (*export_caller)( FARPROC proc );

static const WINBIO_IDENTITY empty_identity;

static HRESULT call_undocumented( FARPROC proc )
{
    HRESULT (CDECL *func)(void) = (void *)proc;
    return func();
}

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
 */
static const struct
{
    const char *name;     /* NULL for the ordinal-only exports */
    WORD ordinal;
    export_caller call;
    HRESULT expect;
}
stub_calls[] =
{
    /* sessions, units, properties, monitors */
    { "WinBioAsyncOpenSession",             0, call_async_open_session,           E_POINTER },
    { "WinBioCloseSession",                 0, call_handle_only,                  E_HANDLE },
    { "WinBioCancel",                       0, call_handle_only,                  E_HANDLE },
    { "WinBioWait",                         0, call_handle_only,                  E_HANDLE },
    { "WinBioLockUnit",                     0, call_session_unit,                 E_HANDLE },
    { "WinBioUnlockUnit",                   0, call_session_unit,                 E_HANDLE },
    /* Local System only, which no test runs as */
    { "WinBioAcquireFocus",                 0, call_no_args,                      E_ACCESSDENIED },
    { "WinBioReleaseFocus",                 0, call_no_args,                      E_ACCESSDENIED },
    { "WinBioGetProperty",                  0, call_get_property,                 E_HANDLE },
    { "WinBioSetProperty",                  0, call_set_property,                 E_HANDLE },
    { "WinBioControlUnit",                  0, call_control_unit,                 E_HANDLE },
    { "WinBioControlUnitPrivileged",        0, call_control_unit,                 E_HANDLE },
    { "WinBioRegisterEventMonitor",         0, call_register_event_monitor,       E_HANDLE },
    { "WinBioUnregisterEventMonitor",       0, call_handle_only,                  E_HANDLE },
    { "WinBioMonitorPresence",              0, call_session_unit,                 E_HANDLE },
    /* framework handles */
    { "WinBioAsyncOpenFramework",           0, call_async_open_framework,         E_POINTER },
    { "WinBioCloseFramework",               0, call_handle_only,                  E_HANDLE },
    { "WinBioAsyncEnumServiceProviders",    0, call_framework_factor,             E_HANDLE },
    { "WinBioAsyncEnumBiometricUnits",      0, call_framework_factor,             E_HANDLE },
    { "WinBioAsyncEnumDatabases",           0, call_framework_factor,             E_HANDLE },
    { "WinBioAsyncMonitorFrameworkChanges", 0, call_monitor_framework_changes,    E_HANDLE },
    /* enrollment */
    { "WinBioEnrollBegin",                  0, call_enroll_begin,                 E_HANDLE },
    { "WinBioEnrollCapture",                0, call_enroll_capture,               E_HANDLE },
    { "WinBioEnrollCaptureWithCallback",    0, call_enroll_capture_with_callback, E_HANDLE },
    { "WinBioEnrollCommit",                 0, call_enroll_commit,                E_HANDLE },
    { "WinBioEnrollDiscard",                0, call_handle_only,                  E_HANDLE },
    { "WinBioEnrollSelect",                 0, call_enroll_select,                E_HANDLE },
    { "WinBioEnumEnrollments",              0, call_enum_enrollments,             E_HANDLE },
    { "WinBioDeleteTemplate",               0, call_delete_template,              E_HANDLE },
    /* recognition and capture */
    { "WinBioVerify",                       0, call_verify,                       E_HANDLE },
    { "WinBioVerifyWithCallback",           0, call_verify_with_callback,         E_HANDLE },
    { "WinBioIdentify",                     0, call_identify,                     E_HANDLE },
    { "WinBioIdentifyWithCallback",         0, call_identify_with_callback,       E_HANDLE },
    { "WinBioLocateSensor",                 0, call_locate_sensor,                E_HANDLE },
    { "WinBioLocateSensorWithCallback",     0, call_locate_sensor_with_callback,  E_HANDLE },
    { "WinBioCaptureSample",                0, call_capture_sample,               E_HANDLE },
    { "WinBioCaptureSampleWithCallback",    0, call_capture_sample_with_callback, E_HANDLE },
    /* credentials and settings */
    { "WinBioLogonIdentifiedUser",          0, call_handle_only,                  E_HANDLE },
    { "WinBioGetEnabledSetting",            0, call_get_setting,                  S_OK },
    { "WinBioGetLogonSetting",              0, call_get_setting,                  S_FALSE },
    { "WinBioGetDomainLogonSetting",        0, call_get_setting,                  S_FALSE },
    /* no public prototype */
    { NULL,                                 1, call_undocumented,                 E_NOTIMPL },
    { NULL,                                 2, call_undocumented,                 E_NOTIMPL },
    { "WinBioDiscardTicket",                0, call_undocumented,                 E_NOTIMPL },
    { "WinBioEnrollAuthorize",              0, call_undocumented,                 E_NOTIMPL },
    { "WinBioEnrollRevoke",                 0, call_undocumented,                 E_NOTIMPL },
    { "WinBioGetCredentialWithTicket",      0, call_undocumented,                 E_NOTIMPL },
    { "WinBioGetGestureMetadata",           0, call_undocumented,                 E_NOTIMPL },
    { "WinBioGetLastBioUseTime",            0, call_undocumented,                 E_NOTIMPL },
    { "WinBioGetPolicyProtectionSupport",   0, call_undocumented,                 E_NOTIMPL },
    { "WinBioGetProtectionPolicy",          0, call_undocumented,                 E_NOTIMPL },
    { "WinBioIdentifyAndReleaseTicket",     0, call_undocumented,                 E_NOTIMPL },
    { "WinBioNgcAuthorizeEnrollment",       0, call_undocumented,                 E_NOTIMPL },
    { "WinBioNgcCloseAuthorizationSession", 0, call_undocumented,                 E_NOTIMPL },
    { "WinBioNgcGetAuthorizationWithTicket", 0, call_undocumented,                E_NOTIMPL },
    { "WinBioNgcOpenAuthorizationSession",  0, call_undocumented,                 E_NOTIMPL },
    { "WinBioProtectData",                  0, call_undocumented,                 E_NOTIMPL },
    { "WinBioProtectDataWithPolicy",        0, call_undocumented,                 E_NOTIMPL },
    { "WinBioRegisterServiceMonitor",       0, call_undocumented,                 E_NOTIMPL },
    { "WinBioSetMSACredential",             0, call_undocumented,                 E_NOTIMPL },
    { "WinBioUnprotectData",                0, call_undocumented,                 E_NOTIMPL },
    { "WinBioUnregisterServiceMonitor",     0, call_undocumented,                 E_NOTIMPL },
    { "WinBioVerifyAndReleaseTicket",       0, call_undocumented,                 E_NOTIMPL },
};

static void test_stub_calls(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(stub_calls); i++)
    {
        const char *name = stub_calls[i].name;
        char ordinal_name[16];
        FARPROC proc;
        HRESULT hr;

        if (name)
            proc = GetProcAddress( winbio, name );
        else
        {
            sprintf( ordinal_name, "ordinal %u", stub_calls[i].ordinal );
            name = ordinal_name;
            proc = GetProcAddress( winbio, MAKEINTRESOURCEA(stub_calls[i].ordinal) );
        }

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
