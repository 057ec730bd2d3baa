/*
 * Tests for asynchronous sessions and framework handles: results through a
 * completion callback or a window message, their order and fields, cancel,
 * wait and close
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

static void test_arguments(void)
{
    WINBIO_FRAMEWORK_HANDLE framework;
    WINBIO_SESSION_HANDLE handle;
    HRESULT hr;

    handle = 0xdeadbeef;
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_MESSAGE, NULL, RESULT_MESSAGE, NULL, NULL, FALSE, &handle );
    ok( hr == E_INVALIDARG, "message without a window: got %#lx\n", hr );
    ok( !handle, "handle %#lx\n", handle );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_MESSAGE, HWND_BROADCAST, RESULT_MESSAGE, NULL, NULL, FALSE,
                                 &handle );
    ok( hr == E_INVALIDARG, "HWND_BROADCAST: got %#lx\n", hr );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_MESSAGE, results.window, 0, NULL, NULL, FALSE, &handle );
    ok( hr == E_INVALIDARG, "message 0: got %#lx\n", hr );
    /* the page asks for a code from WM_APP to 0xbfff */
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_MESSAGE, results.window, WM_USER, NULL, NULL, FALSE, &handle );
    ok( hr == E_INVALIDARG, "WM_USER: got %#lx\n", hr );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, NULL, NULL, FALSE, &handle );
    ok( hr == E_POINTER, "callback method without a callback: got %#lx\n", hr );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_NONE, NULL, 0, completion, NULL, FALSE, &handle );
    ok( hr == E_INVALIDARG, "no method: got %#lx\n", hr );
    /* the open's own rules apply before anything is queued */
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FACIAL_FEATURES, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                 NULL, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, NULL, TRUE, &handle );
    ok( hr == WINBIO_E_UNSUPPORTED_FACTOR, "face: got %#lx\n", hr );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_BASIC, NULL, 0, NULL,
                                 WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, NULL, TRUE, &handle );
    ok( hr == E_INVALIDARG, "system pool with WINBIO_FLAG_BASIC: got %#lx\n", hr );
    ok( !handle, "handle %#lx\n", handle );

    framework = 0xdeadbeef;
    hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_MESSAGE, NULL, RESULT_MESSAGE, NULL, NULL, FALSE, &framework );
    ok( hr == E_INVALIDARG, "message without a window: got %#lx\n", hr );
    ok( !framework, "handle %#lx\n", framework );
    hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, NULL, NULL, FALSE, &framework );
    ok( hr == E_POINTER, "callback method without a callback: got %#lx\n", hr );
    hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, NULL, FALSE, NULL );
    ok( hr == E_POINTER, "no handle: got %#lx\n", hr );
    ok( !pending_results(), "%u results from failed calls\n", pending_results() );
}

static void test_open_close(void)
{
    WINBIO_ASYNC_RESULT *result;
    WINBIO_SESSION_HANDLE handle;
    ULONGLONG sequence = 0;
    HRESULT hr;

    /* AsynchronousOpen: the open is the first result, and brings the handle */
    handle = 0xdeadbeef;
    hr = open_async( WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, TRUE, &handle );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    ok( !handle, "handle %#lx before the open completed\n", handle );
    result = expect_result( 0, WINBIO_OPERATION_OPEN, S_OK, &sequence );
    if (!result) return;
    handle = result->SessionHandle;
    ok( handle != 0, "no handle in the open's result\n" );
    WinBioFree( result );
    close_async( handle, &sequence );
    ok( sequence == 2, "close was number %I64u\n", sequence );
    hr = WinBioCloseSession( handle );
    ok( hr == E_HANDLE, "closing again: got %#lx\n", hr );

    /* a blocking open is not reported, but still is number 1 */
    handle = open_system( WINBIO_FLAG_DEFAULT, &sequence );
    ok( handle != 0, "no handle\n" );
    ok( !pending_results(), "the blocking open was reported\n" );
    close_async( handle, &sequence );
    ok( sequence == 2, "close was number %I64u\n", sequence );
    ok( !results.on_test_thread, "%ld callbacks on the calling thread\n", results.on_test_thread );
}

static void test_enroll_identify(void)
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_ASYNC_RESULT *result;
    WINBIO_IDENTITY identity, everyone;
    ULONGLONG sequence;
    unsigned int i;
    HRESULT hr;

    get_user_identity( &identity );
    if (!(handle = open_system( WINBIO_FLAG_DEFAULT, &sequence ))) return;
    /* whatever an earlier run left behind */
    hr = WinBioDeleteTemplate( handle, image_unit, &identity, WINBIO_SUBTYPE_ANY );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_DELETE_TEMPLATE, ANY_STATUS, &sequence )))
        WinBioFree( result );

    /* out parameters are not needed: the results carry everything */
    hr = WinBioEnrollBegin( handle, WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, image_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENROLL_BEGIN, S_OK, &sequence )))
    {
        ok( result->UnitId == image_unit, "unit %lu\n", result->UnitId );
        ok( result->Parameters.EnrollBegin.SubFactor == WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, "subfactor %#x\n",
            result->Parameters.EnrollBegin.SubFactor );
        WinBioFree( result );
    }
    for (i = 0; i < IMAGE_ENROLL_STAGES; i++)
    {
        hr = WinBioEnrollCapture( handle, NULL );
        ok( hr == S_OK, "WinBioEnrollCapture returned %#lx\n", hr );
        result = touched_result( handle, WINBIO_OPERATION_ENROLL_CAPTURE,
                                 i + 1 < IMAGE_ENROLL_STAGES ? WINBIO_I_MORE_DATA : S_OK, &sequence, "whorl.pgm" );
        if (!result) break;
        ok( !result->Parameters.EnrollCapture.RejectDetail, "reject detail %lu\n",
            result->Parameters.EnrollCapture.RejectDetail );
        WinBioFree( result );
    }
    hr = WinBioEnrollCommit( handle, NULL, NULL );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENROLL_COMMIT, S_OK, &sequence )))
    {
        ok( is_user( &result->Parameters.EnrollCommit.Identity ), "not the user's identity\n" );
        ok( result->Parameters.EnrollCommit.IsNewTemplate == TRUE, "not new\n" );
        WinBioFree( result );
    }

    hr = WinBioIdentify( handle, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_IDENTIFY, S_OK, &sequence, "whorl.pgm" )))
    {
        ok( result->UnitId == image_unit, "unit %lu\n", result->UnitId );
        ok( is_user( &result->Parameters.Identify.Identity ), "not the user's identity\n" );
        ok( result->Parameters.Identify.SubFactor == WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, "subfactor %#x\n",
            result->Parameters.Identify.SubFactor );
        WinBioFree( result );
    }
    hr = WinBioVerify( handle, &identity, WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioVerify returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_VERIFY, S_OK, &sequence, "whorl.pgm" )))
    {
        ok( result->Parameters.Verify.Match == TRUE, "no match\n" );
        ok( result->UnitId == image_unit, "unit %lu\n", result->UnitId );
        WinBioFree( result );
    }
    /* a finger that does not match is an error result, not an error return */
    hr = WinBioVerify( handle, &identity, WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioVerify returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_VERIFY, WINBIO_E_NO_MATCH, &sequence, "arch.pgm" )))
    {
        ok( !result->Parameters.Verify.Match, "match\n" );
        WinBioFree( result );
    }
    /* argument errors are still returned at once */
    hr = WinBioVerify( handle, NULL, WINBIO_SUBTYPE_ANY, NULL, NULL, NULL );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioVerify( handle, &identity, 0x42, NULL, NULL, NULL );
    ok( hr == E_INVALIDARG, "bad subfactor: got %#lx\n", hr );

    hr = WinBioEnumEnrollments( handle, image_unit, &identity, NULL, NULL );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENUM_ENROLLMENTS, S_OK, &sequence )))
    {
        ok( result->Parameters.EnumEnrollments.SubFactorCount == 1, "%Iu subfactors\n",
            result->Parameters.EnumEnrollments.SubFactorCount );
        ok( in_block( result, result->Parameters.EnumEnrollments.SubFactorArray, sizeof(WINBIO_BIOMETRIC_SUBTYPE) ),
            "the array is not part of the result\n" );
        if (result->Parameters.EnumEnrollments.SubFactorCount)
            ok( result->Parameters.EnumEnrollments.SubFactorArray[0] == WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER,
                "subfactor %#x\n", result->Parameters.EnumEnrollments.SubFactorArray[0] );
        WinBioFree( result );
    }
    /* A call runs as the thread that made it, even once that thread has
     * stopped impersonating: deleting everyone's templates is refused to a
     * caller that is not an administrator, and nothing is deleted. */
    ok( impersonate_non_admin(), "cannot act as a non-administrator, error %lu\n", GetLastError() );
    everyone.Type = WINBIO_ID_TYPE_WILDCARD;
    everyone.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    hr = WinBioDeleteTemplate( handle, image_unit, &everyone, WINBIO_SUBTYPE_ANY );
    RevertToSelf();
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_DELETE_TEMPLATE, E_ACCESSDENIED, &sequence )))
        WinBioFree( result );
    hr = WinBioEnumEnrollments( handle, image_unit, &identity, NULL, NULL );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENUM_ENROLLMENTS, S_OK, &sequence )))
    {
        ok( result->Parameters.EnumEnrollments.SubFactorCount == 1, "%Iu subfactors after the refusal\n",
            result->Parameters.EnumEnrollments.SubFactorCount );
        WinBioFree( result );
    }

    hr = WinBioGetProperty( handle, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, image_unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, NULL, NULL );
    ok( hr == S_OK, "WinBioGetProperty returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_GET_PROPERTY, S_OK, &sequence )))
    {
        ok( result->Parameters.GetProperty.PropertyBufferSize == sizeof(ULONG), "size %Iu\n",
            result->Parameters.GetProperty.PropertyBufferSize );
        ok( in_block( result, result->Parameters.GetProperty.PropertyBuffer, sizeof(ULONG) ),
            "the buffer is not part of the result\n" );
        if (in_block( result, result->Parameters.GetProperty.PropertyBuffer, sizeof(ULONG) ))
            ok( *(ULONG *)result->Parameters.GetProperty.PropertyBuffer == IMAGE_ENROLL_STAGES, "hint %lu\n",
                *(ULONG *)result->Parameters.GetProperty.PropertyBuffer );
        WinBioFree( result );
    }
    hr = WinBioLocateSensor( handle, NULL );
    ok( hr == S_OK, "WinBioLocateSensor returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_LOCATE_SENSOR, S_OK, &sequence, "arch.pgm" )))
    {
        ok( result->UnitId == image_unit, "unit %lu\n", result->UnitId );
        WinBioFree( result );
    }

    hr = WinBioDeleteTemplate( handle, image_unit, &identity, WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_DELETE_TEMPLATE, S_OK, &sequence )))
    {
        ok( result->Parameters.DeleteTemplate.SubFactor == WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, "subfactor %#x\n",
            result->Parameters.DeleteTemplate.SubFactor );
        ok( is_user( &result->Parameters.DeleteTemplate.Identity ), "not the user's identity\n" );
        WinBioFree( result );
    }
    hr = WinBioEnumEnrollments( handle, image_unit, &identity, NULL, NULL );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENUM_ENROLLMENTS, WINBIO_E_UNKNOWN_ID, &sequence )))
    {
        ok( !result->Parameters.EnumEnrollments.SubFactorArray, "array %p\n",
            result->Parameters.EnumEnrollments.SubFactorArray );
        WinBioFree( result );
    }
    close_async( handle, &sequence );
    ok( !results.on_test_thread, "%ld callbacks on the calling thread\n", results.on_test_thread );
}

static void test_capture(void)
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_ASYNC_RESULT *result;
    ULONGLONG sequence;
    WINBIO_BIR *bir;
    HRESULT hr;

    if (!(handle = open_system( WINBIO_FLAG_RAW, &sequence ))) return;
    hr = WinBioCaptureSample( handle, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioCaptureSample returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_CAPTURE_SAMPLE, S_OK, &sequence, "loop-right.pgm" )))
    {
        bir = result->Parameters.CaptureSample.Sample;
        ok( result->UnitId == image_unit, "unit %lu\n", result->UnitId );
        ok( result->Parameters.CaptureSample.SampleSize > sizeof(*bir), "size %Iu\n",
            result->Parameters.CaptureSample.SampleSize );
        ok( in_block( result, bir, result->Parameters.CaptureSample.SampleSize ),
            "the sample is not part of the result\n" );
        if (in_block( result, bir, result->Parameters.CaptureSample.SampleSize ))
            ok( sample_is_print( bir, result->Parameters.CaptureSample.SampleSize, "loop-right.pgm" ),
                "the sample is not loop-right.pgm\n" );
        WinBioFree( result );
    }
    close_async( handle, &sequence );
}

/* Cancel ends what runs and what is queued, promptly and in order. */
static void test_cancel(void)
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_ASYNC_RESULT *result;
    ULONGLONG sequence;
    HRESULT hr;

    if (!(handle = open_system( WINBIO_FLAG_RAW, &sequence ))) return;
    hr = WinBioIdentify( handle, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    hr = WinBioCaptureSample( handle, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioCaptureSample returned %#lx\n", hr );
    hr = WinBioLocateSensor( handle, NULL );
    ok( hr == S_OK, "WinBioLocateSensor returned %#lx\n", hr );
    ok( vsensor_wait_image_capture(), "the identify never waited for a finger: %s\n", vsensor_last_reply );
    ok( !pending_results(), "%u results before any touch\n", pending_results() );

    /* how soon is bench/'s to measure */
    hr = WinBioCancel( handle );
    ok( hr == S_OK, "WinBioCancel returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_IDENTIFY, WINBIO_E_CANCELED, &sequence )))
        WinBioFree( result );
    if ((result = expect_result( handle, WINBIO_OPERATION_CAPTURE_SAMPLE, WINBIO_E_CANCELED, &sequence )))
    {
        ok( !result->Parameters.CaptureSample.Sample, "sample %p\n", result->Parameters.CaptureSample.Sample );
        WinBioFree( result );
    }
    if ((result = expect_result( handle, WINBIO_OPERATION_LOCATE_SENSOR, WINBIO_E_CANCELED, &sequence )))
        WinBioFree( result );
    /* nf-winbio-winbiocancel.md gives the cancel a result of its own but no
     * operation code: this implementation sends it last, as
     * WINBIO_OPERATION_NONE.  What Windows sends is not known, but this runs
     * only on the project's virtual sensors, that is on Wine. */
    if ((result = expect_result( handle, WINBIO_OPERATION_NONE, S_OK, &sequence ))) WinBioFree( result );

    /* the session goes on working after a cancel */
    hr = WinBioCaptureSample( handle, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioCaptureSample returned %#lx\n", hr );
    if ((result = touched_result( handle, WINBIO_OPERATION_CAPTURE_SAMPLE, S_OK, &sequence, "loop-right.pgm" )))
    {
        ok( sample_is_print( result->Parameters.CaptureSample.Sample, result->Parameters.CaptureSample.SampleSize,
                             "loop-right.pgm" ), "the sample after the cancel is not loop-right.pgm\n" );
        WinBioFree( result );
    }

    /* closing with calls pending cancels them, and the close comes last */
    hr = WinBioIdentify( handle, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    hr = WinBioEnumEnrollments( handle, image_unit, &(WINBIO_IDENTITY){ WINBIO_ID_TYPE_WILDCARD }, NULL, NULL );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    ok( vsensor_wait_image_capture(), "the identify never waited for a finger: %s\n", vsensor_last_reply );
    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    hr = WinBioIdentify( handle, NULL, NULL, NULL, NULL );
    ok( hr == E_HANDLE, "identify after close: got %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_IDENTIFY, WINBIO_E_CANCELED, &sequence )))
        WinBioFree( result );
    if ((result = expect_result( handle, WINBIO_OPERATION_ENUM_ENROLLMENTS, WINBIO_E_CANCELED, &sequence )))
        WinBioFree( result );
    if ((result = expect_result( handle, WINBIO_OPERATION_CLOSE, S_OK, &sequence ))) WinBioFree( result );
    ok( !wait_result( 500 ), "a result after the close\n" );
}

/* WinBioWait returns once every result has been delivered. */
static void test_wait(void)
{
    WINBIO_SESSION_HANDLE handle;
    WINBIO_ASYNC_RESULT *result;
    ULONGLONG sequence;
    struct touch touch;
    HRESULT hr;

    if (!(handle = open_system( WINBIO_FLAG_RAW, &sequence ))) return;
    hr = WinBioCaptureSample( handle, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL, NULL, NULL );
    ok( hr == S_OK, "WinBioCaptureSample returned %#lx\n", hr );
    start_touch( &touch, "IMAGE", "loop-right.pgm", 0 );
    hr = WinBioWait( handle );
    ok( hr == S_OK, "WinBioWait returned %#lx\n", hr );
    touch_join( &touch );
    /* delivered: in the queue, or posted to the window */
    result = wait_result( 0 );
    ok( result != NULL, "no result when the wait returned\n" );
    if (result)
    {
        ok( result->Operation == WINBIO_OPERATION_CAPTURE_SAMPLE, "operation %lu\n", result->Operation );
        ok( result->ApiStatus == S_OK, "status %#lx\n", result->ApiStatus );
        ok( sample_is_print( result->Parameters.CaptureSample.Sample, result->Parameters.CaptureSample.SampleSize,
                             "loop-right.pgm" ), "the waited-for sample is not loop-right.pgm\n" );
        WinBioFree( result );
    }
    sequence++;
    /* nothing pending: at once */
    hr = WinBioWait( handle );
    ok( hr == S_OK, "WinBioWait returned %#lx\n", hr );
    close_async( handle, &sequence );
}

static SIZE_T busy_blocks(void)
{
    PROCESS_HEAP_ENTRY entry;
    SIZE_T count = 0;

    entry.lpData = NULL;
    HeapLock( GetProcessHeap() );
    while (HeapWalk( GetProcessHeap(), &entry ))
        if (entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) count++;
    HeapUnlock( GetProcessHeap() );
    return count;
}

/* Many calls on several sessions at once: every result arrives, in order, and none leaks. */
static void test_many(void)
{
    static const unsigned int calls = 60;
    WINBIO_SESSION_HANDLE handles[3];
    ULONGLONG expected[3], sequences[3];
    WINBIO_ASYNC_RESULT *result;
    WINBIO_IDENTITY identity;
    SIZE_T before, after;
    unsigned int i, j, lost = 0, disorder = 0;
    HRESULT hr;

    get_user_identity( &identity );
    for (j = 0; j < ARRAY_SIZE(handles); j++) handles[j] = open_system( WINBIO_FLAG_DEFAULT, &sequences[j] );
    /* warm up, so that lazily made state does not count as a leak */
    for (j = 0; j < ARRAY_SIZE(handles); j++)
    {
        WinBioEnumEnrollments( handles[j], image_unit, &identity, NULL, NULL );
        if ((result = wait_result( 10000 ))) WinBioFree( result );
        sequences[j]++;
        expected[j] = sequences[j];
    }

    before = busy_blocks();
    for (i = 0; i < calls; i++)
    {
        for (j = 0; j < ARRAY_SIZE(handles); j++)
        {
            if (i % 2) hr = WinBioEnumEnrollments( handles[j], image_unit, &identity, NULL, NULL );
            else hr = WinBioGetProperty( handles[j], WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT,
                                         image_unit, NULL, WINBIO_SUBTYPE_NO_INFORMATION, NULL, NULL );
            if (hr != S_OK) ok( 0, "call %u on session %u: %#lx\n", i, j, hr );
        }
    }
    for (i = 0; i < calls * ARRAY_SIZE(handles); i++)
    {
        if (!(result = wait_result( 10000 )))
        {
            lost = calls * ARRAY_SIZE(handles) - i;
            break;
        }
        for (j = 0; j < ARRAY_SIZE(handles); j++)
        {
            if (result->SessionHandle != handles[j]) continue;
            if (result->SequenceNumber != ++expected[j]) disorder++;
        }
        WinBioFree( result );
    }
    ok( !lost, "%u results lost\n", lost );
    ok( !disorder, "%u results out of order\n", disorder );
    ok( !results.lost, "the test's queue overflowed\n" );
    after = busy_blocks();
    /* one block per result would be 180 */
    ok( after < before + calls / 2, "%Iu heap blocks before, %Iu after %u results\n", before, after,
        calls * (unsigned int)ARRAY_SIZE(handles) );
    for (j = 0; j < ARRAY_SIZE(handles); j++)
    {
        sequences[j] = expected[j];
        close_async( handles[j], &sequences[j] );
    }
}

/* How many units, providers or databases the synchronous enumeration of
 * an asynchronous operation lists, for fingerprints. */
static SIZE_T sync_count( WINBIO_OPERATION_TYPE operation )
{
    SIZE_T count = 0;
    void *array = NULL;
    HRESULT hr;

    if (operation == WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS)
        hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, (WINBIO_UNIT_SCHEMA **)&array, &count );
    else if (operation == WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS)
        hr = WinBioEnumServiceProviders( WINBIO_TYPE_FINGERPRINT, (WINBIO_BSP_SCHEMA **)&array, &count );
    else
        hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, (WINBIO_STORAGE_SCHEMA **)&array, &count );
    ok( hr == S_OK, "synchronous enumeration for operation %lu returned %#lx\n", operation, hr );
    if (hr == S_OK && array) WinBioFree( array );
    return hr == S_OK ? count : 0;
}

static void test_framework(void)
{
    WINBIO_FRAMEWORK_HANDLE framework;
    WINBIO_SESSION_HANDLE session;
    WINBIO_ASYNC_RESULT *result;
    ULONGLONG sequence = 0, session_sequence;
    SIZE_T i, count;
    BOOL found = FALSE;
    HRESULT hr;

    framework = 0xdeadbeef;
    hr = WinBioAsyncOpenFramework( results.method, results.window, RESULT_MESSAGE, completion, user_data, TRUE,
                                   &framework );
    ok( hr == S_OK, "WinBioAsyncOpenFramework returned %#lx\n", hr );
    ok( !framework, "handle %#lx before the open completed\n", framework );
    if (!(result = expect_result( 0, WINBIO_OPERATION_OPEN_FRAMEWORK, S_OK, &sequence ))) return;
    framework = result->SessionHandle;
    WinBioFree( result );

    /* each enumeration lists what its synchronous counterpart lists, which
     * with no sensor is no unit at all */
    hr = WinBioAsyncEnumBiometricUnits( framework, WINBIO_TYPE_FINGERPRINT );
    ok( hr == S_OK, "WinBioAsyncEnumBiometricUnits returned %#lx\n", hr );
    if ((result = expect_result( framework, WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS, S_OK, &sequence )))
    {
        const WINBIO_UNIT_SCHEMA *units = result->Parameters.EnumBiometricUnits.UnitSchemaArray;

        count = sync_count( WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS );
        ok( result->Parameters.EnumBiometricUnits.UnitCount == count, "%Iu units, %Iu listed synchronously\n",
            result->Parameters.EnumBiometricUnits.UnitCount, count );
        if (result->Parameters.EnumBiometricUnits.UnitCount)
            ok( in_block( result, units, result->Parameters.EnumBiometricUnits.UnitCount * sizeof(*units) ),
                "the units are not part of the result\n" );
        if (image_unit)
        {
            ok( result->Parameters.EnumBiometricUnits.UnitCount >= 3, "%Iu units\n",
                result->Parameters.EnumBiometricUnits.UnitCount );
            for (i = 0; i < result->Parameters.EnumBiometricUnits.UnitCount; i++)
                if (units[i].UnitId == image_unit) found = !wcscmp( units[i].Model, L"virtual_image" );
            ok( found, "no virtual_image unit\n" );
        }
        WinBioFree( result );
    }
    hr = WinBioAsyncEnumServiceProviders( framework, WINBIO_TYPE_FINGERPRINT );
    ok( hr == S_OK, "WinBioAsyncEnumServiceProviders returned %#lx\n", hr );
    if ((result = expect_result( framework, WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS, S_OK, &sequence )))
    {
        count = sync_count( WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS );
        ok( result->Parameters.EnumServiceProviders.BspCount == count, "%Iu providers, %Iu listed synchronously\n",
            result->Parameters.EnumServiceProviders.BspCount, count );
        /* One provider, the libfprint one, is this implementation's; the
         * page (nf-winbio-winbioasyncenumserviceproviders.md) names no
         * number, and Windows lists the providers installed. */
        ok( result->Parameters.EnumServiceProviders.BspCount == 1 ||
            broken( result->Parameters.EnumServiceProviders.BspCount != 1 ), "%Iu providers\n",
            result->Parameters.EnumServiceProviders.BspCount );
        if (result->Parameters.EnumServiceProviders.BspCount)
            ok( in_block( result, result->Parameters.EnumServiceProviders.BspSchemaArray, sizeof(WINBIO_BSP_SCHEMA) ),
                "the providers are not part of the result\n" );
        WinBioFree( result );
    }
    hr = WinBioAsyncEnumDatabases( framework, WINBIO_TYPE_FINGERPRINT );
    ok( hr == S_OK, "WinBioAsyncEnumDatabases returned %#lx\n", hr );
    if ((result = expect_result( framework, WINBIO_OPERATION_ENUM_DATABASES, S_OK, &sequence )))
    {
        count = sync_count( WINBIO_OPERATION_ENUM_DATABASES );
        ok( result->Parameters.EnumDatabases.StorageCount == count, "%Iu databases, %Iu listed synchronously\n",
            result->Parameters.EnumDatabases.StorageCount, count );
        /* this implementation always has the system pool's database; a
         * Windows machine that never had a sensor may have none */
        ok( result->Parameters.EnumDatabases.StorageCount >= 1 ||
            broken( !result->Parameters.EnumDatabases.StorageCount ), "%Iu databases\n",
            result->Parameters.EnumDatabases.StorageCount );
        WinBioFree( result );
    }

    /* each kind of handle for its own calls */
    hr = WinBioAsyncEnumBiometricUnits( framework, 0x01000000 );
    ok( hr == E_INVALIDARG, "bad factor: got %#lx\n", hr );
    hr = WinBioAsyncMonitorFrameworkChanges( framework, 0x100 );
    ok( hr == E_INVALIDARG, "bad change type: got %#lx\n", hr );
    hr = WinBioIdentify( framework, NULL, NULL, NULL, NULL );
    ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "identify on a framework handle: got %#lx\n", hr );
    hr = WinBioCloseSession( framework );
    ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "WinBioCloseSession on a framework handle: got %#lx\n", hr );
    if ((session = open_system( WINBIO_FLAG_DEFAULT, &session_sequence )))
    {
        hr = WinBioAsyncEnumBiometricUnits( session, WINBIO_TYPE_FINGERPRINT );
        ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "enum on a session handle: got %#lx\n", hr );
        hr = WinBioCloseFramework( session );
        ok( hr == WINBIO_E_INCORRECT_SESSION_TYPE, "WinBioCloseFramework on a session: got %#lx\n", hr );
        close_async( session, &session_sequence );
    }
    hr = WinBioAsyncEnumBiometricUnits( 0, WINBIO_TYPE_FINGERPRINT );
    ok( hr == E_HANDLE, "handle 0: got %#lx\n", hr );

    hr = WinBioCloseFramework( framework );
    ok( hr == S_OK, "WinBioCloseFramework returned %#lx\n", hr );
    if ((result = expect_result( framework, WINBIO_OPERATION_CLOSE_FRAMEWORK, S_OK, &sequence ))) WinBioFree( result );
    hr = WinBioAsyncEnumDatabases( framework, WINBIO_TYPE_FINGERPRINT );
    ok( hr == E_HANDLE, "after the close: got %#lx\n", hr );
}

/*
 * Each test runs once with results delivered to a completion callback and
 * once through the window's message queue.  libfprint's heat model stops a
 * sensor that has been waiting for fingers for three minutes in one
 * process, hence the other asynchronous tests run in processes of their own.
 */
START_TEST(async)
{
    static const WINBIO_ASYNC_NOTIFICATION_METHOD methods[] = { WINBIO_ASYNC_NOTIFY_CALLBACK,
                                                                WINBIO_ASYNC_NOTIFY_MESSAGE };
    unsigned int i;
    BOOL sensors;

    /* with no sensor, what needs none: arguments, handles, enumerations */
    sensors = async_test_init();
    test_arguments();
    for (i = 0; i < ARRAY_SIZE(methods); i++)
    {
        winetest_push_context( "%s", methods[i] == WINBIO_ASYNC_NOTIFY_CALLBACK ? "callback" : "message" );
        use_method( methods[i] );
        test_open_close();
        if (sensors)
        {
            test_enroll_identify();
            test_capture();
            test_cancel();
            test_wait();
            test_many();
        }
        test_framework();
        winetest_pop_context();
    }
    async_test_cleanup();
}
