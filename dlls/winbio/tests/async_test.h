/*
 * Helpers shared by the tests of asynchronous delivery: a queue of
 * WINBIO_ASYNC_RESULTs filled by a completion callback or a window's
 * message queue, and checks of the fields every result has
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

#ifndef __WINBIO_TESTS_ASYNC_TEST_H
#define __WINBIO_TESTS_ASYNC_TEST_H

#include "winbio_test.h"

#define IMAGE_ENROLL_STAGES 5
#define RESULT_MESSAGE (WM_APP + 7)
#define QUEUE_SIZE 256
#define ANY_STATUS ((HRESULT)0x7fffffff)

static WINBIO_UNIT_ID image_unit, device_unit;
static DWORD test_thread;

/*
 * Results arrive at the completion callback on a framework thread, or as a
 * message to a message-only window of the test thread; both end up in one
 * queue that the test reads in order.
 */
static struct
{
    WINBIO_ASYNC_NOTIFICATION_METHOD method;
    HWND window;
    CRITICAL_SECTION cs;
    HANDLE event;
    WINBIO_ASYNC_RESULT *queue[QUEUE_SIZE];
    unsigned int head, tail;
    LONG on_test_thread;        /* callbacks that ran on the caller's thread */
    LONG lost;                  /* results that did not fit */
} results;

static inline void push_result( WINBIO_ASYNC_RESULT *result )
{
    EnterCriticalSection( &results.cs );
    if (results.tail - results.head < QUEUE_SIZE) results.queue[results.tail++ % QUEUE_SIZE] = result;
    else
    {
        results.lost++;
        WinBioFree( result );
    }
    LeaveCriticalSection( &results.cs );
    SetEvent( results.event );
}

static void CALLBACK completion( WINBIO_ASYNC_RESULT *result )
{
    if (GetCurrentThreadId() == test_thread) InterlockedIncrement( &results.on_test_thread );
    push_result( result );
}

static LRESULT CALLBACK result_wndproc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    if (msg == RESULT_MESSAGE)
    {
        push_result( (WINBIO_ASYNC_RESULT *)lparam );
        return 0;
    }
    return DefWindowProcW( hwnd, msg, wparam, lparam );
}

static inline WINBIO_ASYNC_RESULT *pop_result(void)
{
    WINBIO_ASYNC_RESULT *ret = NULL;

    EnterCriticalSection( &results.cs );
    if (results.head != results.tail) ret = results.queue[results.head++ % QUEUE_SIZE];
    LeaveCriticalSection( &results.cs );
    return ret;
}

/* The next result, pumping the test thread's messages while waiting. */
static inline WINBIO_ASYNC_RESULT *wait_result( DWORD timeout )
{
    DWORD start = GetTickCount(), elapsed;
    WINBIO_ASYNC_RESULT *ret;
    MSG msg;

    for (;;)
    {
        while (PeekMessageW( &msg, NULL, 0, 0, PM_REMOVE )) DispatchMessageW( &msg );
        if ((ret = pop_result())) return ret;
        if ((elapsed = GetTickCount() - start) >= timeout) return NULL;
        MsgWaitForMultipleObjects( 1, &results.event, FALSE, timeout - elapsed, QS_ALLINPUT );
    }
}

static inline unsigned int pending_results(void)
{
    unsigned int ret;

    EnterCriticalSection( &results.cs );
    ret = results.tail - results.head;
    LeaveCriticalSection( &results.cs );
    return ret;
}

static inline void drain_results(void)
{
    WINBIO_ASYNC_RESULT *result;

    while ((result = wait_result( 0 ))) WinBioFree( result );
}

static inline void use_method( WINBIO_ASYNC_NOTIFICATION_METHOD method )
{
    drain_results();
    results.method = method;
}

static void *user_data = (void *)(ULONG_PTR)0x5eed;

/* A result of the expected kind, with the fields every result has. */
#define expect_result(a, b, c, d) expect_result_( __LINE__, a, b, c, d )
static inline WINBIO_ASYNC_RESULT *expect_result_( int line, WINBIO_SESSION_HANDLE handle, WINBIO_OPERATION_TYPE operation,
                                            HRESULT status, ULONGLONG *sequence )
{
    WINBIO_ASYNC_RESULT *result = wait_result( 30000 );
    FILETIME now;
    LONGLONG time;

    ok_(__FILE__, line)( result != NULL, "no result for operation %lu\n", operation );
    if (!result) return NULL;
    ok_(__FILE__, line)( result->Operation == operation, "operation %lu, expected %lu\n", result->Operation, operation );
    ok_(__FILE__, line)( status == ANY_STATUS || result->ApiStatus == status, "operation %lu: status %#lx, expected %#lx\n",
                         result->Operation, result->ApiStatus, status );
    if (handle) ok_(__FILE__, line)( result->SessionHandle == handle, "handle %lu, expected %lu\n",
                                     result->SessionHandle, handle );
    ok_(__FILE__, line)( result->UserData == user_data, "user data %p\n", result->UserData );
    if (sequence)
    {
        ok_(__FILE__, line)( result->SequenceNumber == *sequence + 1, "sequence %I64u, expected %I64u\n",
                             result->SequenceNumber, *sequence + 1 );
        *sequence = result->SequenceNumber;
    }
    GetSystemTimeAsFileTime( &now );
    time = ((LONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime;
    /* when the operation started: in the last minute */
    ok_(__FILE__, line)( result->TimeStamp <= time && result->TimeStamp > time - 60 * 10000000LL,
                         "time stamp %I64d, now %I64d\n", result->TimeStamp, time );
    return result;
}

/*
 * TRUE when a pointer of the result lies inside the result's own block.
 * ns-winbio-winbio_async_result.md only says that one WinBioFree releases the
 * result with everything it points to.  That this is one block of the
 * process heap, whose size HeapSize() tells, is how this implementation
 * does it; Windows' own allocator is not documented, and HeapSize() on a
 * block that is not the process heap's is not safe to ask.  So elsewhere
 * the pointer only has to be there.
 */
static inline BOOL in_block( const WINBIO_ASYNC_RESULT *result, const void *ptr, SIZE_T size )
{
    SIZE_T block;

    if (!running_on_wine()) return ptr != NULL;
    block = HeapSize( GetProcessHeap(), 0, result );
    return block != (SIZE_T)-1 && (const BYTE *)ptr >= (const BYTE *)(result + 1) &&
           (const BYTE *)ptr + size <= (const BYTE *)result + block;
}

static inline HRESULT open_async( WINBIO_POOL_TYPE pool, WINBIO_SESSION_FLAGS flags, BOOL async_open,
                           WINBIO_SESSION_HANDLE *handle )
{
    return WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, pool, flags, NULL, 0, WINBIO_DB_DEFAULT,
                                   results.method, results.window, RESULT_MESSAGE, completion, user_data,
                                   async_open, handle );
}

/* An open system-pool session, whose open was number 1. */
static inline WINBIO_SESSION_HANDLE open_system( WINBIO_SESSION_FLAGS flags, ULONGLONG *sequence )
{
    WINBIO_SESSION_HANDLE handle = 0;
    HRESULT hr;

    hr = open_async( WINBIO_POOL_SYSTEM, flags, FALSE, &handle );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    *sequence = 1;
    return handle;
}

static inline void close_async( WINBIO_SESSION_HANDLE handle, ULONGLONG *sequence )
{
    WINBIO_ASYNC_RESULT *result;
    HRESULT hr;

    hr = WinBioCloseSession( handle );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    if ((result = expect_result( handle, WINBIO_OPERATION_CLOSE, S_OK, sequence ))) WinBioFree( result );
}

/* Touches the image sensor with a print once the call that waits for it is queued. */
static inline WINBIO_ASYNC_RESULT *touched_result( WINBIO_SESSION_HANDLE handle, WINBIO_OPERATION_TYPE operation,
                                            HRESULT status, ULONGLONG *sequence, const char *pgm )
{
    ok( vsensor_touch_image( pgm ), "touch with %s failed\n", pgm );
    return expect_result( handle, operation, status, sequence );
}


/* Sets up result delivery, which the tests with no sensor use too, and finds
 * the virtual sensors' units; FALSE when there are no virtual sensors. */
static inline BOOL async_test_init(void)
{
    WNDCLASSW cls = { 0 };

    test_thread = GetCurrentThreadId();
    InitializeCriticalSection( &results.cs );
    results.event = CreateEventW( NULL, FALSE, FALSE, NULL );
    cls.lpfnWndProc = result_wndproc;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"winbio_async_test";
    RegisterClassW( &cls );
    results.window = CreateWindowExW( 0, cls.lpszClassName, NULL, 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                                      cls.hInstance, NULL );
    ok( results.window != NULL, "CreateWindowEx failed, error %lu\n", GetLastError() );
    if (!have_virtual_sensors()) return FALSE;
    image_unit = find_unit( L"virtual_image" );
    device_unit = find_unit( L"virtual_device" );
    ok( image_unit != 0, "no virtual_image unit\n" );
    return image_unit != 0;
}

static inline void async_test_cleanup(void)
{
    drain_results();
    DestroyWindow( results.window );
}

#endif /* __WINBIO_TESTS_ASYNC_TEST_H */
