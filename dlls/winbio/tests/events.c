/*
 * Tests for event monitors, focus, presence and unit changes
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
#include "winuser.h"
#include "winbio.h"

#include "wine/test.h"
#include "async_test.h"

static struct
{
    HANDLE event;
    LONG count;
    DWORD thread;
    void *context;
    HRESULT status;
    WINBIO_EVENT last;
} events;

static void CALLBACK event_callback( void *context, HRESULT status, WINBIO_EVENT *event )
{
    events.thread = GetCurrentThreadId();
    events.context = context;
    events.status = status;
    if (event)
    {
        events.last = *event;
        WinBioFree( event );
    }
    InterlockedIncrement( &events.count );
    SetEvent( events.event );
}

static BOOL wait_event( const char *pgm )
{
    /* touch once the monitor's capture waits, as the other tests do: a
     * touch sent earlier was lost once on a loaded machine (no event) */
    ok( vsensor_wait_image_capture(), "the monitor never waited for a finger: %s\n", vsensor_last_reply );
    ok( vsensor_touch_image( pgm ), "touch with %s failed\n", pgm );
    if (WaitForSingleObject( events.event, 30000 ))
    {
        ok( 0, "no event\n" );
        return FALSE;
    }
    ok( events.thread != test_thread, "the event came on the calling thread\n" );
    ok( events.context == user_data, "context %p\n", events.context );
    ok( events.status == S_OK, "status %#lx\n", events.status );
    return TRUE;
}

/*
 * What needs no sensor: the arguments of WinBioRegisterEventMonitor
 * (nf-winbio-winbioregistereventmonitor.md), one monitor per session, focus
 * (nf-winbio-winbioacquirefocus.md: Local System only, which no test runs
 * as) and the arguments of WinBioMonitorPresence
 * (nf-winbio-winbiomonitorpresence.md: asynchronous sessions, a unit).
 */
static void test_event_arguments(void)
{
    WINBIO_SESSION_HANDLE handle, async;
    ULONGLONG sequence;
    HRESULT hr;

    memset( &events, 0, sizeof(events) );
    events.event = CreateEventW( NULL, FALSE, FALSE, NULL );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED, NULL, user_data );
    ok( hr == E_POINTER, "no callback: got %#lx\n", hr );
    hr = WinBioRegisterEventMonitor( handle, 0, event_callback, user_data );
    ok( hr == E_INVALIDARG, "no event type: got %#lx\n", hr );
    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED | WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY,
                                     event_callback, user_data );
    ok( hr == E_INVALIDARG, "both event types: got %#lx\n", hr );
    hr = WinBioRegisterEventMonitor( 0, WINBIO_EVENT_FP_UNCLAIMED, event_callback, user_data );
    ok( hr == E_HANDLE, "handle 0: got %#lx\n", hr );
    hr = WinBioUnregisterEventMonitor( 0 );
    ok( hr == E_HANDLE, "handle 0: got %#lx\n", hr );

    /* one monitor at a time, with or without a sensor to watch */
    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED, event_callback, user_data );
    ok( hr == S_OK, "WinBioRegisterEventMonitor returned %#lx\n", hr );
    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY, event_callback, user_data );
    ok( hr == WINBIO_E_EVENT_MONITOR_ACTIVE, "second monitor: got %#lx\n", hr );
    hr = WinBioUnregisterEventMonitor( handle );
    ok( hr == S_OK, "WinBioUnregisterEventMonitor returned %#lx\n", hr );
    ok( !events.count, "%ld events with nobody touching a sensor\n", events.count );
    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    CloseHandle( events.event );

    hr = WinBioAcquireFocus();
    ok( hr == E_ACCESSDENIED, "WinBioAcquireFocus returned %#lx\n", hr );
    hr = WinBioReleaseFocus();
    ok( hr == E_ACCESSDENIED, "WinBioReleaseFocus returned %#lx\n", hr );

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr == S_OK)
    {
        hr = WinBioMonitorPresence( handle, ANY_UNIT_ID );
        ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "on a synchronous session: got %#lx\n", hr );
        WinBioCloseSession( handle );
    }
    hr = WinBioMonitorPresence( 0, ANY_UNIT_ID );
    ok( hr == E_HANDLE, "handle 0: got %#lx\n", hr );
    if ((async = open_system( WINBIO_FLAG_DEFAULT, &sequence )))
    {
        hr = WinBioMonitorPresence( async, 0 );
        ok( hr == E_INVALIDARG, "unit 0: got %#lx\n", hr );
        close_async( async, &sequence );
    }
}

static void test_events(void)
{
    WINBIO_SESSION_HANDLE handle, async;
    WINBIO_ASYNC_RESULT *result;
    WINBIO_IDENTITY identity;
    SIZE_T count;
    ULONGLONG sequence;
    WINBIO_BIOMETRIC_SUBTYPE *array;
    HRESULT hr;

    memset( &events, 0, sizeof(events) );
    events.event = CreateEventW( NULL, FALSE, FALSE, NULL );
    get_user_identity( &identity );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY, event_callback, user_data );
    ok( hr == S_OK, "WinBioRegisterEventMonitor returned %#lx\n", hr );
    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED, event_callback, user_data );
    ok( hr == WINBIO_E_EVENT_MONITOR_ACTIVE, "second monitor: got %#lx\n", hr );
    /* the pages say the session runs nothing else meanwhile; the code is the monitor's */
    hr = WinBioEnumEnrollments( handle, image_unit, &identity, &array, &count );
    ok( hr == WINBIO_E_EVENT_MONITOR_ACTIVE, "a call during the monitor: got %#lx\n", hr );
    /* a finger nobody enrolled is an event too, with no identity */
    if (wait_event( "arch.pgm" ))
    {
        ok( events.last.Type == WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY, "event type %lu\n", events.last.Type );
        ok( events.last.Parameters.UnclaimedIdentify.UnitId == image_unit, "unit %lu\n",
            events.last.Parameters.UnclaimedIdentify.UnitId );
        ok( events.last.Parameters.UnclaimedIdentify.Identity.Type != WINBIO_ID_TYPE_SID, "identified\n" );
    }
    /* and the monitor goes on */
    if (wait_event( "arch.pgm" )) ok( events.count == 2, "%ld events\n", events.count );
    hr = WinBioUnregisterEventMonitor( handle );
    ok( hr == S_OK, "WinBioUnregisterEventMonitor returned %#lx\n", hr );
    /* the session is free again */
    hr = WinBioEnumEnrollments( handle, image_unit, &identity, &array, &count );
    ok( hr == S_OK || hr == WINBIO_E_UNKNOWN_ID, "after the monitor: got %#lx\n", hr );
    if (hr == S_OK) WinBioFree( array );

    hr = WinBioRegisterEventMonitor( handle, WINBIO_EVENT_FP_UNCLAIMED, event_callback, user_data );
    ok( hr == S_OK, "WinBioRegisterEventMonitor returned %#lx\n", hr );
    if (wait_event( "loop-right.pgm" ))
    {
        ok( events.last.Type == WINBIO_EVENT_FP_UNCLAIMED, "event type %lu\n", events.last.Type );
        ok( events.last.Parameters.Unclaimed.UnitId == image_unit, "unit %lu\n",
            events.last.Parameters.Unclaimed.UnitId );
    }
    /* closing ends the monitor too */
    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    CloseHandle( events.event );

    /*
     * Presence is a face and iris feature (nf-winbio-winbiomonitorpresence.md),
     * which a fingerprint unit does not see.  The page names no code for
     * that; WINBIO_E_UNSUPPORTED_FACTOR in the result is this
     * implementation's answer, checked here on the virtual sensors, that is
     * on Wine only.
     */
    if ((async = open_system( WINBIO_FLAG_DEFAULT, &sequence )))
    {
        hr = WinBioMonitorPresence( async, image_unit );
        ok( hr == S_OK, "WinBioMonitorPresence returned %#lx\n", hr );
        if ((result = expect_result( async, WINBIO_OPERATION_MONITOR_PRESENCE, WINBIO_E_UNSUPPORTED_FACTOR,
                                     &sequence )))
            WinBioFree( result );
        close_async( async, &sequence );
    }
}

/* Last: a sensor unplugged is reported to a framework monitor, and then is gone. */
static void test_unit_removal(void)
{
    WINBIO_FRAMEWORK_HANDLE framework;
    WINBIO_SESSION_HANDLE session;
    WINBIO_ASYNC_RESULT *result;
    WINBIO_REJECT_DETAIL reject;
    ULONGLONG sequence = 1;
    struct touch touch;
    HRESULT hr;

    if (!device_unit)
    {
        skip( "no virtual_device unit\n" );
        return;
    }
    hr = WinBioAsyncOpenFramework( results.method, results.window, RESULT_MESSAGE, completion, user_data, FALSE,
                                   &framework );
    ok( hr == S_OK, "WinBioAsyncOpenFramework returned %#lx\n", hr );
    hr = WinBioAsyncMonitorFrameworkChanges( framework, WINBIO_FRAMEWORK_CHANGE_UNIT );
    ok( hr == S_OK, "WinBioAsyncMonitorFrameworkChanges returned %#lx\n", hr );

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_RING_FINGER, device_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    start_touch( &touch, "DEVICE", "UNPLUG", 0 );
    hr = WinBioEnrollCapture( session, &reject );
    touch_join( &touch );
    ok( hr == WINBIO_E_SENSOR_UNAVAILABLE, "capture on an unplugged sensor: got %#lx\n", hr );
    WinBioEnrollDiscard( session );
    WinBioCloseSession( session );

    /* libfprint reports the removal once the device is closed, as soon as the failed call is over */
    if ((result = expect_result( framework, WINBIO_OPERATION_UNIT_REMOVAL, S_OK, &sequence )))
    {
        ok( result->UnitId == device_unit, "unit %lu, expected %lu\n", result->UnitId, device_unit );
        ok( result->Parameters.EnumBiometricUnits.UnitCount == 1, "%Iu schemas\n",
            result->Parameters.EnumBiometricUnits.UnitCount );
        if (in_block( result, result->Parameters.EnumBiometricUnits.UnitSchemaArray, sizeof(WINBIO_UNIT_SCHEMA) ))
            ok( result->Parameters.EnumBiometricUnits.UnitSchemaArray[0].UnitId == device_unit, "wrong schema\n" );
        WinBioFree( result );
    }
    ok( !find_unit( L"virtual_device" ), "the unplugged sensor is still listed\n" );

    /* a cancel stops the monitor */
    hr = WinBioCancel( framework );
    ok( hr == S_OK, "WinBioCancel returned %#lx\n", hr );
    hr = WinBioCloseFramework( framework );
    ok( hr == S_OK, "WinBioCloseFramework returned %#lx\n", hr );
    if ((result = expect_result( framework, WINBIO_OPERATION_CLOSE_FRAMEWORK, S_OK, &sequence ))) WinBioFree( result );
}

START_TEST(events)
{
    BOOL sensors;

    /* events need touches, which only the project's virtual sensors get here */
    sensors = async_test_init();
    use_method( WINBIO_ASYNC_NOTIFY_MESSAGE );
    test_event_arguments();
    if (sensors)
    {
        test_events();
        test_unit_removal();
    }
    async_test_cleanup();
}
