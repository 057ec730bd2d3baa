/*
 * A client the way Windows programs with a user interface are written: one
 * window, one message loop, and every WinBio call made on an asynchronous
 * session whose results arrive as window messages.  It enrolls a finger,
 * identifies it, removes it and closes, each step started by the result of
 * the one before.  Built with plain mingw against the public headers.
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

#include "vsensor.h"
#include <winbio.h>

#include "wine/test.h"

#define WM_BIOMETRIC   (WM_APP + 1)
#define TIMEOUT_TIMER  1

static struct
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID unit;
    WINBIO_IDENTITY enrolled;
    unsigned int captures;
    WINBIO_OPERATION_TYPE last;
    ULONGLONG sequence;
    BOOL identified, closed;
} app;

/* The person at the sensor, in a thread of its own as a person would be. */
static DWORD WINAPI finger_thread( void *arg )
{
    if (!vsensor_command( NULL, 0, "IMAGE %s", (const char *)arg ))
        trace( "the touch with %s was not made\n", (const char *)arg );
    return 0;
}

static void touch( const char *print )
{
    HANDLE thread = CreateThread( NULL, 0, finger_thread, (void *)print, 0, NULL );

    if (thread) CloseHandle( thread );
}

static void fail( const char *what, HRESULT hr )
{
    ok( 0, "%s: %#lx\n", what, hr );
    if (app.session) WinBioCloseSession( app.session );
    else PostQuitMessage( 1 );
}

/* Each result starts the next step. */
static void on_result( HWND hwnd, WINBIO_ASYNC_RESULT *result )
{
    HRESULT hr = S_OK;

    ok( result->SequenceNumber == app.sequence + 1, "result %I64u after %I64u\n", result->SequenceNumber,
        app.sequence );
    app.sequence = result->SequenceNumber;
    app.last = result->Operation;

    switch (result->Operation)
    {
    case WINBIO_OPERATION_OPEN:
        if (FAILED(result->ApiStatus)) { fail( "open", result->ApiStatus ); return; }
        app.session = result->SessionHandle;
        trace( "session open, enrolling\n" );
        hr = WinBioEnrollBegin( app.session, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER, app.unit );
        break;
    case WINBIO_OPERATION_ENROLL_BEGIN:
        if (FAILED(result->ApiStatus)) { fail( "enroll begin", result->ApiStatus ); return; }
        /* fall through */
    case WINBIO_OPERATION_ENROLL_CAPTURE:
        if (result->Operation == WINBIO_OPERATION_ENROLL_CAPTURE)
        {
            if (FAILED(result->ApiStatus)) { fail( "capture", result->ApiStatus ); return; }
            app.captures++;
            if (result->ApiStatus == S_OK)
            {
                trace( "template complete after %u touches\n", app.captures );
                hr = WinBioEnrollCommit( app.session, NULL, NULL );
                break;
            }
        }
        hr = WinBioEnrollCapture( app.session, NULL );
        touch( "tented-arch.pgm" );
        break;
    case WINBIO_OPERATION_ENROLL_COMMIT:
        if (FAILED(result->ApiStatus)) { fail( "commit", result->ApiStatus ); return; }
        app.enrolled = result->Parameters.EnrollCommit.Identity;
        trace( "enrolled, identifying\n" );
        hr = WinBioIdentify( app.session, NULL, NULL, NULL, NULL );
        touch( "tented-arch-rot4.pgm" );
        break;
    case WINBIO_OPERATION_IDENTIFY:
        ok( result->ApiStatus == S_OK, "identify: %#lx\n", result->ApiStatus );
        app.identified = result->ApiStatus == S_OK &&
                         result->Parameters.Identify.SubFactor == WINBIO_ANSI_381_POS_LH_LITTLE_FINGER &&
                         result->Parameters.Identify.Identity.Type == app.enrolled.Type &&
                         !memcmp( &result->Parameters.Identify.Identity, &app.enrolled, sizeof(app.enrolled) );
        ok( app.identified, "identified someone else (subfactor %#x)\n", result->Parameters.Identify.SubFactor );
        hr = WinBioDeleteTemplate( app.session, app.unit, &app.enrolled, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER );
        break;
    case WINBIO_OPERATION_DELETE_TEMPLATE:
        ok( result->ApiStatus == S_OK, "delete: %#lx\n", result->ApiStatus );
        hr = WinBioCloseSession( app.session );
        break;
    case WINBIO_OPERATION_CLOSE:
        app.closed = TRUE;
        PostQuitMessage( 0 );
        break;
    default:
        ok( 0, "unexpected operation %lu\n", result->Operation );
        break;
    }
    if (FAILED(hr)) fail( "call", hr );
}

static LRESULT CALLBACK wndproc( HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam )
{
    switch (msg)
    {
    case WM_BIOMETRIC:
        on_result( hwnd, (WINBIO_ASYNC_RESULT *)lparam );
        WinBioFree( (void *)lparam );
        return 0;
    case WM_TIMER:
        ok( 0, "no progress after operation %lu\n", app.last );
        if (app.session) WinBioCloseSession( app.session );
        PostQuitMessage( 1 );
        return 0;
    }
    return DefWindowProcW( hwnd, msg, wparam, lparam );
}

static WINBIO_UNIT_ID image_unit(void)
{
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_UNIT_ID ret = 0;
    SIZE_T count, i;

    if (FAILED(WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ))) return 0;
    for (i = 0; i < count; i++) if (!wcscmp( units[i].Model, L"virtual_image" )) ret = units[i].UnitId;
    WinBioFree( units );
    return ret;
}

START_TEST(asyncapp)
{
    WNDCLASSW cls = { 0 };
    HWND hwnd;
    MSG msg;
    HRESULT hr;

    if (!vsensor_init() || !GetEnvironmentVariableA( "FP_VIRTUAL_IMAGE", NULL, 0 ))
    {
        skip( "no virtual sensors\n" );
        return;
    }
    if (!(app.unit = image_unit()))
    {
        ok( 0, "no virtual_image unit\n" );
        return;
    }

    cls.lpfnWndProc = wndproc;
    cls.hInstance = GetModuleHandleW( NULL );
    cls.lpszClassName = L"winbio_async_app";
    RegisterClassW( &cls );
    /* a program's main window would do as well; a message-only one needs no
     * display, which the test machines do not have */
    hwnd = CreateWindowExW( 0, cls.lpszClassName, L"Fingerprint", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                            cls.hInstance, NULL );
    ok( hwnd != NULL, "CreateWindowEx failed, error %lu\n", GetLastError() );
    if (!hwnd) return;
    SetTimer( hwnd, TIMEOUT_TIMER, 60000, NULL );

    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                 WINBIO_DB_DEFAULT, WINBIO_ASYNC_NOTIFY_MESSAGE, hwnd, WM_BIOMETRIC, NULL, NULL,
                                 TRUE, &app.session );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    while (GetMessageW( &msg, NULL, 0, 0 ))
    {
        TranslateMessage( &msg );
        DispatchMessageW( &msg );
    }
    ok( msg.wParam == 0, "the program ended with %Iu\n", msg.wParam );
    ok( app.captures == 5, "%u enrollment touches\n", app.captures );
    ok( app.identified, "the finger was not identified\n" );
    ok( app.closed, "the session was not closed\n" );
    DestroyWindow( hwnd );
}
