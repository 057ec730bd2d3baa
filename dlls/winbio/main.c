/*
 * winbio.dll entry points, Unix side start-up and memory release
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

#include "winbio_private.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

static INIT_ONCE init_once = INIT_ONCE_STATIC_INIT;
static BOOL unix_missing;

/*
 * The thread that owns libfprint.  It lives inside the Unix call
 * unix_loop_run until the process ends; it holds its own reference on the
 * module so that a FreeLibrary() by the application cannot unmap the code
 * it is running.
 */
static DWORD WINAPI loop_thread_proc( void *module )
{
    NTSTATUS status;

    SetThreadDescription( GetCurrentThread(), L"winbio_libfprint" );
    if ((status = UNIX_CALL( loop_run, NULL ))) ERR( "libfprint loop failed, status %#lx\n", status );
    FreeLibraryAndExitThread( module, status );
}

static BOOL WINAPI init_unix( INIT_ONCE *once, void *param, void **context )
{
    HMODULE module;
    NTSTATUS status;
    HANDLE thread;

    if ((status = __wine_init_unix_call()))
    {
        /* winbio.so without a call table: Wine was built without libfprint */
        ERR( "no libfprint support in winbio.so (status %#lx): no biometric units\n", status );
        unix_missing = TRUE;
        return FALSE;
    }
    if (!GetModuleHandleExW( GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)init_unix, &module ))
        return FALSE;
    if (!(thread = CreateThread( NULL, 0, loop_thread_proc, module, 0, NULL )))
    {
        ERR( "cannot start the libfprint thread, error %lu\n", GetLastError() );
        FreeLibrary( module );
        return FALSE;
    }
    CloseHandle( thread );

    /* fail here, once, rather than leave every later request waiting */
    if ((status = UNIX_CALL( loop_wait_ready, NULL )))
    {
        ERR( "libfprint thread did not start, status %#lx\n", status );
        return FALSE;
    }
    TRACE( "Unix side ready\n" );
    return TRUE;
}

/* Start the Unix side on first use, so that loading winbio.dll costs nothing. */
BOOL winbio_init(void)
{
    return InitOnceExecuteOnce( &init_once, init_unix, NULL, NULL );
}

/* TRUE when winbio.so could not be used at all: then there are no units. */
BOOL winbio_no_unix(void)
{
    return !winbio_init() && unix_missing;
}

BOOL WINAPI DllMain( HINSTANCE instance, DWORD reason, void *reserved )
{
    TRACE( "%p, %lu, %p\n", instance, reason, reserved );

    if (reason == DLL_PROCESS_ATTACH) DisableThreadLibraryCalls( instance );
    /* DLL_PROCESS_DETACH cannot happen while the libfprint thread runs (it
     * holds a module reference), and at process exit libfprint's state goes
     * away with the process: there is nothing to undo. */
    return TRUE;
}

/***********************************************************************
 *      WinBioFree (winbio.@)
 */
HRESULT WINAPI WinBioFree( void *address )
{
    TRACE( "%p\n", address );

    if (!address) return E_POINTER;
    winbio_free( address );
    return S_OK;
}
