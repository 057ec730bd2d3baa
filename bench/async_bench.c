/*
 * Benchmark of asynchronous delivery, under Wine, on the virtual sensors
 *
 * Latency: a call that needs no sensor (WinBioGetProperty) is made
 * synchronously and asynchronously, side by side; what the asynchronous
 * call takes beyond the synchronous one, up to the moment the completion
 * callback runs or the window message is read, is the cost of the queue,
 * the worker and the delivery.  Throughput: captures on the image sensor,
 * one touch each, through the synchronous call and through an asynchronous
 * session.  Cancel: from WinBioCancel to the result of a capture that was
 * waiting for a finger.
 *
 * Output: one line per figure, "<name> <value>", medians in microseconds.
 *
 * Copyright the winbio project developers
 *
 * This program is free software; you can redistribute it and/or
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

#include <stdio.h>
#include <stdlib.h>

#include "vsensor.h"
#include <winbio.h>

#include "bench.h"

#define WM_RESULT (WM_APP + 1)

static double delivered_at;
static HANDLE delivered;         /* released once per result delivered */


static void fail( const char *what, HRESULT hr )
{
    fprintf( stderr, "async_bench: %s failed: %#lx\n", what, hr );
    exit( 1 );
}

static void CALLBACK completion( WINBIO_ASYNC_RESULT *result )
{
    delivered_at = now_us();
    if (FAILED(result->ApiStatus)) fail( "the asynchronous call", result->ApiStatus );
    WinBioFree( result );
    ReleaseSemaphore( delivered, 1, NULL );
}

/* Results of a session whose calls are cancelled: the first is the capture. */
static void CALLBACK cancelled( WINBIO_ASYNC_RESULT *result )
{
    if (result->Operation == WINBIO_OPERATION_CAPTURE_SAMPLE)
    {
        delivered_at = now_us();
        if (result->ApiStatus != WINBIO_E_CANCELED) fail( "the cancelled capture", result->ApiStatus );
    }
    WinBioFree( result );
    ReleaseSemaphore( delivered, 1, NULL );
}

static HRESULT get_hint( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, void **buffer, SIZE_T *size )
{
    return WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                              WINBIO_SUBTYPE_NO_INFORMATION, buffer, size );
}

static double sync_call( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    double start = now_us();
    void *buffer;
    SIZE_T size;
    HRESULT hr;

    if (FAILED(hr = get_hint( session, unit, &buffer, &size ))) fail( "WinBioGetProperty", hr );
    start = now_us() - start;
    WinBioFree( buffer );
    return start;
}

static double callback_call( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    double start = now_us();
    HRESULT hr;

    if (FAILED(hr = get_hint( session, unit, NULL, NULL ))) fail( "WinBioGetProperty", hr );
    WaitForSingleObject( delivered, INFINITE );
    return delivered_at - start;
}

static double message_call( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    double start = now_us(), ret;
    HRESULT hr;
    MSG msg;

    if (FAILED(hr = get_hint( session, unit, NULL, NULL ))) fail( "WinBioGetProperty", hr );
    while (GetMessageW( &msg, NULL, 0, 0 ))
    {
        if (msg.message != WM_RESULT)
        {
            DispatchMessageW( &msg );
            continue;
        }
        ret = now_us() - start;
        WinBioFree( (void *)msg.lParam );
        return ret;
    }
    fail( "GetMessage", E_FAIL );
    return 0;
}

/* The three kinds of call, interleaved so that they see the same machine. */
static void latency( WINBIO_UNIT_ID unit, HWND window, int repeat )
{
    WINBIO_SESSION_HANDLE sync, callback, message;
    double *sync_us = calloc( repeat, sizeof(double) );
    double *callback_us = calloc( repeat, sizeof(double) );
    double *message_us = calloc( repeat, sizeof(double) );
    double base;
    HRESULT hr;
    int i;

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                       NULL, &sync ))) fail( "WinBioOpenSession", hr );
    if (FAILED(hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL,
                                            0, NULL, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, NULL,
                                            FALSE, &callback ))) fail( "WinBioAsyncOpenSession", hr );
    if (FAILED(hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL,
                                            0, NULL, WINBIO_ASYNC_NOTIFY_MESSAGE, window, WM_RESULT, NULL, NULL,
                                            FALSE, &message ))) fail( "WinBioAsyncOpenSession", hr );
    for (i = 0; i < 20; i++)  /* warm up: workers started, caches filled */
    {
        sync_call( sync, unit );
        callback_call( callback, unit );
        message_call( message, unit );
    }
    for (i = 0; i < repeat; i++)
    {
        sync_us[i] = sync_call( sync, unit );
        callback_us[i] = callback_call( callback, unit );
        message_us[i] = message_call( message, unit );
    }
    base = median( sync_us, repeat );
    printf( "sync_call %.1f\n", base );
    printf( "callback_call %.1f\n", median( callback_us, repeat ) );
    printf( "message_call %.1f\n", median( message_us, repeat ) );
    printf( "callback_latency %.1f\n", median( callback_us, repeat ) - base );
    printf( "message_latency %.1f\n", median( message_us, repeat ) - base );
    WinBioCloseSession( sync );
    WinBioCloseSession( callback );
    WaitForSingleObject( delivered, INFINITE );  /* its WINBIO_OPERATION_CLOSE */
    WinBioCloseSession( message );
    free( sync_us );
    free( callback_us );
    free( message_us );
}

static DWORD WINAPI touch_thread( void *print )
{
    return !vsensor_touch_image( print );
}

/* Captures per second on the image sensor, each with one touch. */
static void throughput( int count )
{
    WINBIO_SESSION_HANDLE sync, async;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    SIZE_T size;
    WINBIO_BIR *sample;
    double start = 0, sync_s, async_s;
    HANDLE thread;
    HRESULT hr;
    int i;

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0, NULL,
                                       &sync ))) fail( "WinBioOpenSession", hr );
    if (FAILED(hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                                            NULL, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, completion, NULL, FALSE,
                                            &async ))) fail( "WinBioAsyncOpenSession", hr );
    /* the first capture opens the device (the driver sleeps 100 ms in it): not timed */
    for (i = -1; i < count; i++)
    {
        if (!i) start = now_us();
        thread = CreateThread( NULL, 0, touch_thread, (void *)"whorl.pgm", 0, NULL );
        if (FAILED(hr = WinBioCaptureSample( sync, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample,
                                             &size, &reject ))) fail( "WinBioCaptureSample", hr );
        WinBioFree( sample );
        WaitForSingleObject( thread, INFINITE );
        CloseHandle( thread );
    }
    sync_s = (now_us() - start) / 1e6;
    for (i = -1; i < count; i++)
    {
        if (!i) start = now_us();
        /* the touch comes the same way for both */
        thread = CreateThread( NULL, 0, touch_thread, (void *)"whorl.pgm", 0, NULL );
        if (FAILED(hr = WinBioCaptureSample( async, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL,
                                             NULL, NULL ))) fail( "WinBioCaptureSample", hr );
        WaitForSingleObject( delivered, INFINITE );
        WaitForSingleObject( thread, INFINITE );
        CloseHandle( thread );
    }
    async_s = (now_us() - start) / 1e6;
    printf( "sync_captures_per_s %.2f\n", count / sync_s );
    printf( "async_captures_per_s %.2f\n", count / async_s );
    WinBioCloseSession( sync );
    WinBioCloseSession( async );
    WaitForSingleObject( delivered, INFINITE );
}

/* From WinBioCancel to the callback of a capture that waits for a finger. */
static void cancel_latency( int count )
{
    double *cancel_us = calloc( count, sizeof(double) );
    WINBIO_SESSION_HANDLE async;
    double start;
    HRESULT hr;
    int i;

    if (FAILED(hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                                            NULL, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, cancelled, NULL, FALSE,
                                            &async ))) fail( "WinBioAsyncOpenSession", hr );
    for (i = 0; i < count; i++)
    {
        if (FAILED(hr = WinBioCaptureSample( async, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, NULL, NULL,
                                             NULL, NULL ))) fail( "WinBioCaptureSample", hr );
        Sleep( 200 );  /* the capture waits for the finger by now */
        start = now_us();
        if (FAILED(hr = WinBioCancel( async ))) fail( "WinBioCancel", hr );
        WaitForSingleObject( delivered, INFINITE );
        cancel_us[i] = delivered_at - start;
        WaitForSingleObject( delivered, INFINITE );  /* the cancel's own result */
    }
    printf( "cancel_latency %.1f\n", median( cancel_us, count ) );
    WinBioCloseSession( async );
    WaitForSingleObject( delivered, INFINITE );
    free( cancel_us );
}

int main( int argc, char **argv )
{
    int repeat = argc > 1 ? atoi( argv[1] ) : 1000;
    int captures = argc > 2 ? atoi( argv[2] ) : 20;
    WNDCLASSW cls = { 0 };
    WINBIO_UNIT_ID unit;
    HWND window;

    /* a count, not an event: a cancelled capture's result and the cancel's
     * own come one right after the other */
    delivered = CreateSemaphoreW( NULL, 0, 1000, NULL );
    if (!vsensor_init() || !(unit = image_unit())) fail( "finding the virtual image sensor", E_FAIL );

    cls.lpfnWndProc = DefWindowProcW;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"async_bench";
    RegisterClassW( &cls );
    window = CreateWindowExW( 0, cls.lpszClassName, NULL, 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, cls.hInstance, NULL );
    if (!window) fail( "CreateWindowEx", HRESULT_FROM_WIN32( GetLastError() ) );

    latency( unit, window, repeat );
    throughput( captures );
    cancel_latency( captures );
    return 0;
}
