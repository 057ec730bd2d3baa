/*
 * Tests for callbacks that call back into the API, and for the Windows 7
 * style *WithCallback calls
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
#include "prints.h"

/*
 * A completion callback that calls back into the API: it starts the next
 * call, and closes the session from the last one.
 */
static struct
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_OPERATION_TYPE seen[8];
    HRESULT calls[8];
    LONG count;
    HANDLE done;
} chain;

static void CALLBACK chain_callback( WINBIO_ASYNC_RESULT *result )
{
    LONG n = chain.count++;

    if (n < ARRAY_SIZE(chain.seen)) chain.seen[n] = result->Operation;
    switch (result->Operation)
    {
    case WINBIO_OPERATION_ENROLL_BEGIN:
        chain.calls[n] = WinBioEnrollDiscard( chain.handle );
        break;
    case WINBIO_OPERATION_ENROLL_DISCARD:
        /* WinBioWait from a callback would wait for itself */
        chain.calls[n] = WinBioWait( chain.handle );
        if (SUCCEEDED(chain.calls[n])) chain.calls[n] = WinBioCloseSession( chain.handle );
        break;
    default:
        SetEvent( chain.done );
        break;
    }
    WinBioFree( result );
}

/* With a unit, the chain begins with an enrollment on it; with no sensor, with
 * the discard, which needs no unit: either way the callback makes the calls. */
static void test_reentrant( WINBIO_UNIT_ID unit )
{
    static const WINBIO_OPERATION_TYPE with_unit[] =
        { WINBIO_OPERATION_ENROLL_BEGIN, WINBIO_OPERATION_ENROLL_DISCARD, WINBIO_OPERATION_CLOSE };
    const WINBIO_OPERATION_TYPE *expect = unit ? with_unit : with_unit + 1;
    LONG expect_count = unit ? 3 : 2;
    HRESULT hr;

    memset( &chain, 0, sizeof(chain) );
    chain.done = CreateEventW( NULL, TRUE, FALSE, NULL );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, chain_callback, NULL, FALSE, &chain.handle );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    if (hr != S_OK)
    {
        CloseHandle( chain.done );
        return;
    }
    if (unit)
    {
        hr = WinBioEnrollBegin( chain.handle, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, unit );
        ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    }
    else
    {
        hr = WinBioEnrollDiscard( chain.handle );
        ok( hr == S_OK, "WinBioEnrollDiscard returned %#lx\n", hr );
    }
    ok( !WaitForSingleObject( chain.done, 10000 ), "the chain did not end\n" );
    ok( chain.count == expect_count, "%ld results\n", chain.count );
    ok( chain.seen[0] == expect[0] && chain.seen[1] == expect[1] && (!unit || chain.seen[2] == expect[2]),
        "operations %lu %lu %lu\n", chain.seen[0], chain.seen[1], chain.seen[2] );
    if (unit) ok( chain.calls[0] == S_OK, "discard from the callback: %#lx\n", chain.calls[0] );
    ok( chain.calls[expect_count - 2] == S_OK, "wait and close from the callback: %#lx\n",
        chain.calls[expect_count - 2] );
    CloseHandle( chain.done );
}

/* The Windows 7 style callbacks: on another thread, with the documented arguments. */
static struct
{
    HANDLE done;
    DWORD thread;
    HRESULT status;
    WINBIO_UNIT_ID unit;
    WINBIO_IDENTITY identity;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    BOOLEAN match;
    WINBIO_BIR *sample;
    SIZE_T sample_size;
    void *context;
} legacy;

static void legacy_done( void *context, HRESULT status, WINBIO_UNIT_ID unit )
{
    legacy.thread = GetCurrentThreadId();
    legacy.context = context;
    legacy.status = status;
    legacy.unit = unit;
    SetEvent( legacy.done );
}

static void CALLBACK identify_callback( void *context, HRESULT status, WINBIO_UNIT_ID unit,
                                        WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                        WINBIO_REJECT_DETAIL reject )
{
    legacy.identity = *identity;
    legacy.subfactor = subfactor;
    legacy.reject = reject;
    legacy_done( context, status, unit );
}

static void CALLBACK verify_callback( void *context, HRESULT status, WINBIO_UNIT_ID unit, BOOLEAN match,
                                      WINBIO_REJECT_DETAIL reject )
{
    legacy.match = match;
    legacy.reject = reject;
    legacy_done( context, status, unit );
}

static void CALLBACK enroll_callback( void *context, HRESULT status, WINBIO_REJECT_DETAIL reject )
{
    legacy.reject = reject;
    legacy_done( context, status, 0 );
}

static void CALLBACK capture_callback( void *context, HRESULT status, WINBIO_UNIT_ID unit, WINBIO_BIR *sample,
                                       SIZE_T size, WINBIO_REJECT_DETAIL reject )
{
    legacy.sample = sample;
    legacy.sample_size = size;
    legacy.reject = reject;
    legacy_done( context, status, unit );
}

static void CALLBACK locate_callback( void *context, HRESULT status, WINBIO_UNIT_ID unit )
{
    legacy_done( context, status, unit );
}

static BOOL wait_legacy( const char *pgm )
{
    if (pgm) ok( vsensor_touch_image( pgm ), "touch with %s failed\n", pgm );
    if (WaitForSingleObject( legacy.done, 30000 ))
    {
        ok( 0, "no callback\n" );
        return FALSE;
    }
    ResetEvent( legacy.done );
    ok( legacy.thread && legacy.thread != test_thread, "the callback ran on the calling thread\n" );
    ok( legacy.context == user_data, "context %p\n", legacy.context );
    return TRUE;
}

/*
 * What the Windows 7 style calls check before they need a sensor: the
 * codes of nf-winbio-winbioidentifywithcallback.md, ...verifywithcallback.md,
 * ...enrollcapturewithcallback.md, ...locatesensorwithcallback.md and
 * ...capturesamplewithcallback.md.  No call here starts anything.
 */
static void test_legacy_arguments(void)
{
    WINBIO_SESSION_HANDLE handle, async;
    WINBIO_IDENTITY identity;
    ULONGLONG sequence;
    HRESULT hr;

    get_user_identity( &identity );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    hr = WinBioIdentifyWithCallback( handle, NULL, user_data );
    ok( hr == E_POINTER, "no callback: got %#lx\n", hr );
    hr = WinBioVerifyWithCallback( handle, NULL, WINBIO_SUBTYPE_ANY, verify_callback, user_data );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioVerifyWithCallback( handle, &identity, WINBIO_SUBTYPE_ANY, NULL, user_data );
    ok( hr == E_POINTER, "no callback: got %#lx\n", hr );
    hr = WinBioVerifyWithCallback( handle, &identity, 0x42, verify_callback, user_data );
    ok( hr == E_INVALIDARG, "bad subfactor: got %#lx\n", hr );
    hr = WinBioEnrollCaptureWithCallback( handle, NULL, user_data );
    ok( hr == E_POINTER, "no callback: got %#lx\n", hr );
    hr = WinBioLocateSensorWithCallback( handle, NULL, user_data );
    ok( hr == E_POINTER, "no callback: got %#lx\n", hr );

    hr = WinBioIdentifyWithCallback( 0xdeadbeef, identify_callback, user_data );
    ok( hr == E_HANDLE, "bad handle: got %#lx\n", hr );
    hr = WinBioVerifyWithCallback( 0xdeadbeef, &identity, WINBIO_SUBTYPE_ANY, verify_callback, user_data );
    ok( hr == E_HANDLE, "bad handle: got %#lx\n", hr );
    hr = WinBioEnrollCaptureWithCallback( 0xdeadbeef, enroll_callback, user_data );
    ok( hr == E_HANDLE, "bad handle: got %#lx\n", hr );
    hr = WinBioLocateSensorWithCallback( 0xdeadbeef, locate_callback, user_data );
    ok( hr == E_HANDLE, "bad handle: got %#lx\n", hr );
    hr = WinBioCaptureSampleWithCallback( 0xdeadbeef, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW,
                                          capture_callback, user_data );
    ok( hr == E_HANDLE, "bad handle: got %#lx\n", hr );
    /* raw captures need a session opened for them: the call itself says so
     * (nf-winbio-winbiocapturesamplewithcallback.md), and no callback comes */
    memset( &legacy, 0, sizeof(legacy) );
    legacy.done = CreateEventW( NULL, TRUE, FALSE, NULL );
    hr = WinBioCaptureSampleWithCallback( handle, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW,
                                          capture_callback, user_data );
    ok( hr == E_ACCESSDENIED, "without WINBIO_FLAG_RAW: got %#lx\n", hr );
    ok( WaitForSingleObject( legacy.done, 200 ) == WAIT_TIMEOUT, "the callback was called\n" );
    CloseHandle( legacy.done );
    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );

    /* the Windows 7 style calls are for synchronous sessions (named on
     * nf-winbio-winbioasyncopensession.md) */
    if ((async = open_system( WINBIO_FLAG_DEFAULT, &sequence )))
    {
        hr = WinBioIdentifyWithCallback( async, identify_callback, user_data );
        ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "on an async session: got %#lx\n", hr );
        close_async( async, &sequence );
    }
}

static void test_legacy(void)
{
    WINBIO_SESSION_HANDLE handle, raw;
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    unsigned int i;
    HRESULT hr;

    memset( &legacy, 0, sizeof(legacy) );
    legacy.done = CreateEventW( NULL, TRUE, FALSE, NULL );
    get_user_identity( &identity );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    WinBioDeleteTemplate( handle, image_unit, &identity, WINBIO_SUBTYPE_ANY );
    hr = WinBioEnrollBegin( handle, WINBIO_ANSI_381_POS_LH_MIDDLE_FINGER, image_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    for (i = 0; i < IMAGE_ENROLL_STAGES; i++)
    {
        hr = WinBioEnrollCaptureWithCallback( handle, enroll_callback, user_data );
        ok( hr == S_OK, "WinBioEnrollCaptureWithCallback returned %#lx\n", hr );
        if (!wait_legacy( "whorl.pgm" )) break;
        ok( legacy.status == (i + 1 < IMAGE_ENROLL_STAGES ? WINBIO_I_MORE_DATA : S_OK), "capture %u: %#lx\n",
            i, legacy.status );
    }
    hr = WinBioEnrollCommit( handle, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );

    hr = WinBioIdentifyWithCallback( handle, identify_callback, user_data );
    ok( hr == S_OK, "WinBioIdentifyWithCallback returned %#lx\n", hr );
    if (wait_legacy( "whorl.pgm" ))
    {
        ok( legacy.status == S_OK, "identify: %#lx\n", legacy.status );
        ok( legacy.unit == image_unit, "unit %lu\n", legacy.unit );
        ok( is_user( &legacy.identity ), "not the user\n" );
        ok( legacy.subfactor == WINBIO_ANSI_381_POS_LH_MIDDLE_FINGER, "subfactor %#x\n", legacy.subfactor );
    }
    hr = WinBioVerifyWithCallback( handle, &identity, WINBIO_ANSI_381_POS_LH_MIDDLE_FINGER, verify_callback,
                                   user_data );
    ok( hr == S_OK, "WinBioVerifyWithCallback returned %#lx\n", hr );
    if (wait_legacy( "whorl.pgm" ))
    {
        ok( legacy.status == S_OK, "verify: %#lx\n", legacy.status );
        ok( legacy.match == TRUE, "no match\n" );
    }
    hr = WinBioLocateSensorWithCallback( handle, locate_callback, user_data );
    ok( hr == S_OK, "WinBioLocateSensorWithCallback returned %#lx\n", hr );
    if (wait_legacy( "arch.pgm" ))
    {
        ok( legacy.status == S_OK, "locate: %#lx\n", legacy.status );
        ok( legacy.unit == image_unit, "unit %lu\n", legacy.unit );
    }

    /* cancelled, and closed with a call pending */
    hr = WinBioIdentifyWithCallback( handle, identify_callback, user_data );
    ok( hr == S_OK, "WinBioIdentifyWithCallback returned %#lx\n", hr );
    ok( vsensor_wait_image_capture(), "the identify never waited for a finger: %s\n", vsensor_last_reply );
    hr = WinBioCancel( handle );
    ok( hr == S_OK, "WinBioCancel returned %#lx\n", hr );
    if (wait_legacy( NULL )) ok( legacy.status == WINBIO_E_CANCELED, "cancelled identify: %#lx\n", legacy.status );
    hr = WinBioIdentifyWithCallback( handle, identify_callback, user_data );
    ok( hr == S_OK, "WinBioIdentifyWithCallback returned %#lx\n", hr );
    ok( vsensor_wait_image_capture(), "the identify never waited for a finger: %s\n", vsensor_last_reply );
    WinBioDeleteTemplate( handle, image_unit, &identity, WINBIO_SUBTYPE_ANY );
    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    /* the callback has run by the time the close returns */
    ok( !WaitForSingleObject( legacy.done, 0 ), "no callback when the close returned\n" );
    if (wait_legacy( NULL )) ok( legacy.status == WINBIO_E_CANCELED, "identify at close: %#lx\n", legacy.status );

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0, NULL, &raw );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    hr = WinBioCaptureSampleWithCallback( raw, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, capture_callback,
                                          user_data );
    ok( hr == S_OK, "WinBioCaptureSampleWithCallback returned %#lx\n", hr );
    if (wait_legacy( "loop-right.pgm" ))
    {
        ok( legacy.status == S_OK, "capture: %#lx\n", legacy.status );
        ok( sample_is_print( legacy.sample, legacy.sample_size, "loop-right.pgm" ),
            "sample %p, %Iu bytes, is not loop-right.pgm\n", legacy.sample, legacy.sample_size );
        /* the sample is the client's */
        if (legacy.sample) ok( WinBioFree( legacy.sample ) == S_OK, "WinBioFree failed\n" );
    }
    WinBioCloseSession( raw );
    CloseHandle( legacy.done );
}

START_TEST(callback)
{
    BOOL sensors;

    /* enrollments and matches are made on the project's virtual sensors
     * only; with no sensor, what needs none */
    sensors = async_test_init();
    use_method( WINBIO_ASYNC_NOTIFY_CALLBACK );
    test_legacy_arguments();
    test_reentrant( sensors ? image_unit : 0 );
    if (sensors) test_legacy();
    async_test_cleanup();
}
