/*
 * winbio.dll: asynchronous framework handles
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

/*
 * No framework handle can be opened yet.  A zero handle is refused with
 * E_HANDLE as the documentation asks; every other handle gets E_NOTIMPL.
 */

/***********************************************************************
 *      WinBioAsyncOpenFramework (winbio.@)
 */
HRESULT WINAPI WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFICATION_METHOD method, HWND window,
                                         UINT message, PWINBIO_ASYNC_COMPLETION_CALLBACK callback,
                                         void *user_data, BOOL async_open,
                                         WINBIO_FRAMEWORK_HANDLE *framework_handle )
{
    FIXME( "(%d, %p, %#x, %p, %p, %d, %p) stub\n", method, window, message, callback, user_data,
           async_open, framework_handle );

    if (!framework_handle) return E_POINTER;
    *framework_handle = 0;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioCloseFramework (winbio.@)
 */
HRESULT WINAPI WinBioCloseFramework( WINBIO_FRAMEWORK_HANDLE framework )
{
    FIXME( "(%lu) stub\n", framework );

    if (!framework) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioAsyncEnumServiceProviders (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumServiceProviders( WINBIO_FRAMEWORK_HANDLE framework,
                                                WINBIO_BIOMETRIC_TYPE factor )
{
    FIXME( "(%lu, %#lx) stub\n", framework, factor );

    if (!framework) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioAsyncEnumBiometricUnits (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumBiometricUnits( WINBIO_FRAMEWORK_HANDLE framework,
                                              WINBIO_BIOMETRIC_TYPE factor )
{
    FIXME( "(%lu, %#lx) stub\n", framework, factor );

    if (!framework) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioAsyncEnumDatabases (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumDatabases( WINBIO_FRAMEWORK_HANDLE framework,
                                         WINBIO_BIOMETRIC_TYPE factor )
{
    FIXME( "(%lu, %#lx) stub\n", framework, factor );

    if (!framework) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioAsyncMonitorFrameworkChanges (winbio.@)
 */
HRESULT WINAPI WinBioAsyncMonitorFrameworkChanges( WINBIO_FRAMEWORK_HANDLE framework,
                                                   WINBIO_FRAMEWORK_CHANGE_TYPE change_types )
{
    FIXME( "(%lu, %#lx) stub\n", framework, change_types );

    if (!framework) return E_HANDLE;
    return E_NOTIMPL;
}
/***********************************************************************
 *      WinBioAsyncOpenSession (winbio.@)
 */
HRESULT WINAPI WinBioAsyncOpenSession( WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool_type,
                                       WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *unit_array,
                                       SIZE_T unit_count, GUID *database_id,
                                       WINBIO_ASYNC_NOTIFICATION_METHOD method, HWND window,
                                       UINT message, PWINBIO_ASYNC_COMPLETION_CALLBACK callback,
                                       void *user_data, BOOL async_open,
                                       WINBIO_SESSION_HANDLE *session_handle )
{
    FIXME( "(%#lx, %lu, %#lx, %p, %Iu, %s, %d, %p, %#x, %p, %p, %d, %p) stub\n", factor,
           pool_type, flags, unit_array, unit_count, debugstr_guid(database_id), method, window,
           message, callback, user_data, async_open, session_handle );

    if (!session_handle) return E_POINTER;
    *session_handle = 0;
    return E_NOTIMPL;
}

