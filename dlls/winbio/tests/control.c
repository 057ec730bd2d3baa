/*
 * WinBioControlUnit and WinBioControlUnitPrivileged
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
 * The pages give the errors in this order: a bad handle, a NULL pointer,
 * a unit this session has not locked, no right to the privileged call,
 * and a control code the unit does not know.  Control codes are the
 * vendor's; libfprint's drivers have none, so every code is unknown here.
 * A code is harmless to send: a unit that knew one would answer it.
 */

#include <stdarg.h>
#include <stdio.h>

#include "windef.h"
#include "winbase.h"
#include "winuser.h"
#include "winbio.h"

#include "wine/test.h"
#include "async_test.h"

typedef HRESULT (WINAPI *control_func)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID, WINBIO_COMPONENT, ULONG,
                                        UCHAR *, SIZE_T, UCHAR *, SIZE_T, SIZE_T *, ULONG * );

static const struct
{
    const char *name;
    control_func func;
    WINBIO_OPERATION_TYPE operation;
}
calls[] =
{
    { "WinBioControlUnit", WinBioControlUnit, WINBIO_OPERATION_CONTROL_UNIT },
    { "WinBioControlUnitPrivileged", WinBioControlUnitPrivileged, WINBIO_OPERATION_CONTROL_UNIT_PRIVILEGED },
};

static UCHAR send_buffer[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static UCHAR receive_buffer[16];

/* Calls with the unit, component and code given and valid buffers; checks
 * that nothing was received and the buffer is untouched. */
static HRESULT control( unsigned int i, WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit,
                        WINBIO_COMPONENT component, ULONG code )
{
    SIZE_T received = 0xdeadbeef;
    ULONG status = 0xdeadbeef;
    unsigned int j;
    HRESULT hr;

    memset( receive_buffer, 0xcc, sizeof(receive_buffer) );
    hr = calls[i].func( session, unit, component, code, send_buffer, sizeof(send_buffer), receive_buffer,
                        sizeof(receive_buffer), &received, &status );
    ok( received == 0, "%s: received %Iu\n", calls[i].name, received );
    ok( status == 0, "%s: operation status %#lx\n", calls[i].name, status );
    for (j = 0; j < sizeof(receive_buffer); j++) if (receive_buffer[j] != 0xcc) break;
    ok( j == sizeof(receive_buffer), "%s: receive buffer written\n", calls[i].name );
    return hr;
}

static void test_arguments( unsigned int i, WINBIO_SESSION_HANDLE session )
{
    SIZE_T received;
    ULONG status;
    HRESULT hr;

    /* E_HANDLE before anything else, the NULL pointers included */
    hr = calls[i].func( 0, image_unit, WINBIO_COMPONENT_SENSOR, 1, NULL, 0, NULL, 0, NULL, NULL );
    ok( hr == E_HANDLE, "%s: no handle: got %#lx\n", calls[i].name, hr );
    hr = calls[i].func( 0xdead, image_unit, WINBIO_COMPONENT_SENSOR, 1, NULL, 0, NULL, 0, NULL, NULL );
    ok( hr == E_HANDLE, "%s: bogus handle: got %#lx\n", calls[i].name, hr );
    hr = control( i, 0, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == E_HANDLE, "%s: got %#lx\n", calls[i].name, hr );

    /* then each pointer, before the lock is looked at */
    hr = calls[i].func( session, image_unit, WINBIO_COMPONENT_SENSOR, 1, NULL, 0, receive_buffer,
                        sizeof(receive_buffer), &received, &status );
    ok( hr == E_POINTER, "%s: no send buffer: got %#lx\n", calls[i].name, hr );
    hr = calls[i].func( session, image_unit, WINBIO_COMPONENT_SENSOR, 1, send_buffer, sizeof(send_buffer),
                        NULL, 0, &received, &status );
    ok( hr == E_POINTER, "%s: no receive buffer: got %#lx\n", calls[i].name, hr );
    hr = calls[i].func( session, image_unit, WINBIO_COMPONENT_SENSOR, 1, send_buffer, sizeof(send_buffer),
                        receive_buffer, sizeof(receive_buffer), NULL, &status );
    ok( hr == E_POINTER, "%s: no data size: got %#lx\n", calls[i].name, hr );
    hr = calls[i].func( session, image_unit, WINBIO_COMPONENT_SENSOR, 1, send_buffer, sizeof(send_buffer),
                        receive_buffer, sizeof(receive_buffer), &received, NULL );
    ok( hr == E_POINTER, "%s: no operation status: got %#lx\n", calls[i].name, hr );

    /* a component that is none of the three */
    hr = control( i, session, image_unit, 0, 1 );
    ok( hr == E_INVALIDARG, "%s: component 0: got %#lx\n", calls[i].name, hr );
    hr = control( i, session, image_unit, WINBIO_COMPONENT_STORAGE + 1, 1 );
    ok( hr == E_INVALIDARG, "%s: component 4: got %#lx\n", calls[i].name, hr );
}

static void test_sync(void)
{
    WINBIO_SESSION_HANDLE session = 0, maintenance = 0;
    unsigned int i;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_MAINTENANCE, NULL, 0,
                            WINBIO_DB_DEFAULT, &maintenance );
    ok( hr == S_OK, "maintenance WinBioOpenSession returned %#lx\n", hr );
    if (!session || !maintenance) return;

    for (i = 0; i < ARRAY_SIZE(calls); i++)
    {
        test_arguments( i, session );

        /* nothing locked: a lock violation, whatever the code */
        hr = control( i, session, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
        ok( hr == WINBIO_E_LOCK_VIOLATION, "%s: not locked: got %#lx\n", calls[i].name, hr );
        hr = control( i, maintenance, image_unit, WINBIO_COMPONENT_ENGINE, 0x12345678 );
        ok( hr == WINBIO_E_LOCK_VIOLATION, "%s: not locked: got %#lx\n", calls[i].name, hr );
        hr = control( i, session, 0, WINBIO_COMPONENT_SENSOR, 1 );
        ok( hr == WINBIO_E_LOCK_VIOLATION, "%s: unit 0: got %#lx\n", calls[i].name, hr );
    }

    hr = WinBioLockUnit( session, image_unit );
    ok( hr == S_OK, "WinBioLockUnit returned %#lx\n", hr );

    /* the pointers are still checked first */
    for (i = 0; i < ARRAY_SIZE(calls); i++) test_arguments( i, session );

    /* locked: no libfprint unit has a control code, for any component */
    hr = control( 0, session, image_unit, WINBIO_COMPONENT_SENSOR, 0 );
    ok( hr == WINBIO_E_INVALID_CONTROL_CODE, "code 0: got %#lx\n", hr );
    hr = control( 0, session, image_unit, WINBIO_COMPONENT_ENGINE, 1 );
    ok( hr == WINBIO_E_INVALID_CONTROL_CODE, "engine: got %#lx\n", hr );
    hr = control( 0, session, image_unit, WINBIO_COMPONENT_STORAGE, 0xffffffff );
    ok( hr == WINBIO_E_INVALID_CONTROL_CODE, "storage: got %#lx\n", hr );

    /* another unit than the locked one */
    if (device_unit)
    {
        hr = control( 0, session, device_unit, WINBIO_COMPONENT_SENSOR, 1 );
        ok( hr == WINBIO_E_LOCK_VIOLATION, "other unit: got %#lx\n", hr );
    }

    /* the privileged call wants a session opened for maintenance */
    hr = control( 1, session, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == E_ACCESSDENIED, "privileged without maintenance: got %#lx\n", hr );

    hr = WinBioUnlockUnit( session, image_unit );
    ok( hr == S_OK, "WinBioUnlockUnit returned %#lx\n", hr );
    hr = control( 0, session, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == WINBIO_E_LOCK_VIOLATION, "unlocked: got %#lx\n", hr );

    hr = WinBioLockUnit( maintenance, image_unit );
    ok( hr == S_OK, "WinBioLockUnit returned %#lx\n", hr );
    hr = control( 1, maintenance, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == WINBIO_E_INVALID_CONTROL_CODE, "privileged: got %#lx\n", hr );
    hr = control( 0, maintenance, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == WINBIO_E_INVALID_CONTROL_CODE, "maintenance session: got %#lx\n", hr );

    /* the lock is this session's: the other one may not use it */
    hr = control( 0, session, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == WINBIO_E_LOCK_VIOLATION, "locked by another session: got %#lx\n", hr );

    /* and without the Administrators group, no right to the privileged call */
    if (impersonate_non_admin())
    {
        hr = control( 1, maintenance, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
        ok( hr == E_ACCESSDENIED, "privileged, not an administrator: got %#lx\n", hr );
        RevertToSelf();
    }
    else skip( "cannot drop the Administrators group\n" );

    hr = WinBioUnlockUnit( maintenance, image_unit );
    ok( hr == S_OK, "WinBioUnlockUnit returned %#lx\n", hr );
    WinBioCloseSession( maintenance );
    WinBioCloseSession( session );
}

/* The result of an asynchronous call repeats what it was asked. */
static void check_control_result( WINBIO_ASYNC_RESULT *result, WINBIO_COMPONENT component, ULONG code )
{
    if (!result) return;
    ok( result->Parameters.ControlUnit.Component == component, "component %lu\n",
        result->Parameters.ControlUnit.Component );
    ok( result->Parameters.ControlUnit.ControlCode == code, "code %#lx\n", result->Parameters.ControlUnit.ControlCode );
    ok( result->Parameters.ControlUnit.SendBuffer == send_buffer, "send buffer %p\n",
        result->Parameters.ControlUnit.SendBuffer );
    ok( result->Parameters.ControlUnit.SendBufferSize == sizeof(send_buffer), "send size %Iu\n",
        result->Parameters.ControlUnit.SendBufferSize );
    ok( result->Parameters.ControlUnit.ReceiveBuffer == receive_buffer, "receive buffer %p\n",
        result->Parameters.ControlUnit.ReceiveBuffer );
    ok( result->Parameters.ControlUnit.ReceiveBufferSize == sizeof(receive_buffer), "receive size %Iu\n",
        result->Parameters.ControlUnit.ReceiveBufferSize );
    ok( result->Parameters.ControlUnit.ReceiveDataSize == 0, "received %Iu\n",
        result->Parameters.ControlUnit.ReceiveDataSize );
    ok( result->Parameters.ControlUnit.OperationStatus == 0, "operation status %#lx\n",
        result->Parameters.ControlUnit.OperationStatus );
    WinBioFree( result );
}

static void test_async( WINBIO_SESSION_FLAGS flags )
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_ASYNC_RESULT *result;
    ULONGLONG sequence;
    HRESULT hr;

    handle = open_system( flags, &sequence );
    if (!handle) return;

    /* the input is checked at once; sizes and status come in the result */
    hr = WinBioControlUnit( handle, image_unit, WINBIO_COMPONENT_SENSOR, 1, NULL, 0, receive_buffer,
                            sizeof(receive_buffer), NULL, NULL );
    ok( hr == E_POINTER, "no send buffer: got %#lx\n", hr );
    hr = WinBioControlUnit( handle, image_unit, WINBIO_COMPONENT_SENSOR, 1, send_buffer, sizeof(send_buffer),
                            NULL, 0, NULL, NULL );
    ok( hr == E_POINTER, "no receive buffer: got %#lx\n", hr );
    hr = WinBioControlUnit( handle, image_unit, 7, 1, send_buffer, sizeof(send_buffer), receive_buffer,
                            sizeof(receive_buffer), NULL, NULL );
    ok( hr == E_INVALIDARG, "bad component: got %#lx\n", hr );
    ok( !pending_results(), "%u results for calls refused at once\n", pending_results() );

    /* the lock is looked at when the call runs, after the calls before it */
    hr = WinBioControlUnit( handle, image_unit, WINBIO_COMPONENT_SENSOR, 1, send_buffer, sizeof(send_buffer),
                            receive_buffer, sizeof(receive_buffer), NULL, NULL );
    ok( hr == S_OK, "got %#lx\n", hr );
    result = expect_result( handle, WINBIO_OPERATION_CONTROL_UNIT, WINBIO_E_LOCK_VIOLATION, &sequence );
    check_control_result( result, WINBIO_COMPONENT_SENSOR, 1 );

    hr = WinBioLockUnit( handle, image_unit );
    ok( hr == S_OK, "WinBioLockUnit returned %#lx\n", hr );
    hr = WinBioControlUnit( handle, image_unit, WINBIO_COMPONENT_ENGINE, 0x42, send_buffer, sizeof(send_buffer),
                            receive_buffer, sizeof(receive_buffer), NULL, NULL );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioControlUnitPrivileged( handle, image_unit, WINBIO_COMPONENT_STORAGE, 0x43, send_buffer,
                                      sizeof(send_buffer), receive_buffer, sizeof(receive_buffer), NULL, NULL );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioUnlockUnit( handle, image_unit );
    ok( hr == S_OK, "WinBioUnlockUnit returned %#lx\n", hr );

    if ((result = expect_result( handle, WINBIO_OPERATION_LOCK_UNIT, S_OK, &sequence ))) WinBioFree( result );
    result = expect_result( handle, WINBIO_OPERATION_CONTROL_UNIT, WINBIO_E_INVALID_CONTROL_CODE, &sequence );
    check_control_result( result, WINBIO_COMPONENT_ENGINE, 0x42 );
    result = expect_result( handle, WINBIO_OPERATION_CONTROL_UNIT_PRIVILEGED,
                            flags & WINBIO_FLAG_MAINTENANCE ? WINBIO_E_INVALID_CONTROL_CODE : E_ACCESSDENIED,
                            &sequence );
    check_control_result( result, WINBIO_COMPONENT_STORAGE, 0x43 );
    if ((result = expect_result( handle, WINBIO_OPERATION_UNLOCK_UNIT, S_OK, &sequence ))) WinBioFree( result );

    close_async( handle, &sequence );
}

static void test_framework_handle(void)
{
    WINBIO_FRAMEWORK_HANDLE framework = 0;
    WINBIO_ASYNC_RESULT *result;
    HRESULT hr;

    hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, user_data, FALSE,
                                   &framework );
    ok( hr == S_OK, "WinBioAsyncOpenFramework returned %#lx\n", hr );
    if (hr != S_OK) return;
    hr = control( 0, framework, image_unit, WINBIO_COMPONENT_SENSOR, 1 );
    ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "framework handle: got %#lx\n", hr );
    WinBioCloseFramework( framework );
    if ((result = expect_result( framework, WINBIO_OPERATION_CLOSE_FRAMEWORK, S_OK, NULL ))) WinBioFree( result );
}

START_TEST(control)
{
    if (!async_test_init()) return;
    use_method( WINBIO_ASYNC_NOTIFY_CALLBACK );
    test_sync();
    test_async( WINBIO_FLAG_DEFAULT );
    use_method( WINBIO_ASYNC_NOTIFY_MESSAGE );
    test_async( WINBIO_FLAG_MAINTENANCE );
    use_method( WINBIO_ASYNC_NOTIFY_CALLBACK );
    test_framework_handle();
    async_test_cleanup();
}
