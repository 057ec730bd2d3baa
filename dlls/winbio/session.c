/*
 * winbio.dll: biometric sessions, units, properties and monitors
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
 * None of the functions below can create a session yet, so no handle is
 * valid.  A zero handle is rejected with E_HANDLE, which is also what the
 * finished implementation must do; anything else is reported as not
 * implemented.
 */

/***********************************************************************
 *      WinBioOpenSession (winbio.@)
 */
HRESULT WINAPI WinBioOpenSession( WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool_type,
                                  WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *unit_array,
                                  SIZE_T unit_count, GUID *database_id,
                                  WINBIO_SESSION_HANDLE *session_handle )
{
    FIXME( "(%#lx, %lu, %#lx, %p, %Iu, %s, %p) stub\n", factor, pool_type, flags, unit_array,
           unit_count, debugstr_guid(database_id), session_handle );

    if (!session_handle) return E_POINTER;
    *session_handle = 0;
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

/***********************************************************************
 *      WinBioCloseSession (winbio.@)
 */
HRESULT WINAPI WinBioCloseSession( WINBIO_SESSION_HANDLE session )
{
    FIXME( "(%lu) stub\n", session );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioCancel (winbio.@)
 */
HRESULT WINAPI WinBioCancel( WINBIO_SESSION_HANDLE session )
{
    FIXME( "(%lu) stub\n", session );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioWait (winbio.@)
 */
HRESULT WINAPI WinBioWait( WINBIO_SESSION_HANDLE session )
{
    FIXME( "(%lu) stub\n", session );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioLockUnit (winbio.@)
 */
HRESULT WINAPI WinBioLockUnit( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id )
{
    FIXME( "(%lu, %lu) stub\n", session, unit_id );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioUnlockUnit (winbio.@)
 */
HRESULT WINAPI WinBioUnlockUnit( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id )
{
    FIXME( "(%lu, %lu) stub\n", session, unit_id );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioAcquireFocus (winbio.@)
 */
HRESULT WINAPI WinBioAcquireFocus(void)
{
    FIXME( "() stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioReleaseFocus (winbio.@)
 */
HRESULT WINAPI WinBioReleaseFocus(void)
{
    FIXME( "() stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetProperty (winbio.@)
 */
HRESULT WINAPI WinBioGetProperty( WINBIO_SESSION_HANDLE session, WINBIO_PROPERTY_TYPE type,
                                  WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                                  WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE sub_factor,
                                  void **buffer, SIZE_T *buffer_size )
{
    FIXME( "(%lu, %lu, %lu, %lu, %p, %#x, %p, %p) stub\n", session, type, id, unit_id, identity,
           sub_factor, buffer, buffer_size );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioSetProperty (winbio.@)
 */
HRESULT WINAPI WinBioSetProperty( WINBIO_SESSION_HANDLE session, WINBIO_PROPERTY_TYPE type,
                                  WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                                  WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE sub_factor,
                                  void *buffer, SIZE_T buffer_size )
{
    FIXME( "(%lu, %lu, %lu, %lu, %p, %#x, %p, %Iu) stub\n", session, type, id, unit_id, identity,
           sub_factor, buffer, buffer_size );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioControlUnit (winbio.@)
 */
HRESULT WINAPI WinBioControlUnit( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id,
                                  WINBIO_COMPONENT component, ULONG control_code,
                                  UCHAR *send_buffer, SIZE_T send_size, UCHAR *receive_buffer,
                                  SIZE_T receive_size, SIZE_T *received, ULONG *status )
{
    FIXME( "(%lu, %lu, %lu, %#lx, %p, %Iu, %p, %Iu, %p, %p) stub\n", session, unit_id, component,
           control_code, send_buffer, send_size, receive_buffer, receive_size, received, status );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioControlUnitPrivileged (winbio.@)
 */
HRESULT WINAPI WinBioControlUnitPrivileged( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id,
                                            WINBIO_COMPONENT component, ULONG control_code,
                                            UCHAR *send_buffer, SIZE_T send_size,
                                            UCHAR *receive_buffer, SIZE_T receive_size,
                                            SIZE_T *received, ULONG *status )
{
    FIXME( "(%lu, %lu, %lu, %#lx, %p, %Iu, %p, %Iu, %p, %p) stub\n", session, unit_id, component,
           control_code, send_buffer, send_size, receive_buffer, receive_size, received, status );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioRegisterEventMonitor (winbio.@)
 */
HRESULT WINAPI WinBioRegisterEventMonitor( WINBIO_SESSION_HANDLE session, WINBIO_EVENT_TYPE mask,
                                           PWINBIO_EVENT_CALLBACK callback, void *context )
{
    FIXME( "(%lu, %#lx, %p, %p) stub\n", session, mask, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioUnregisterEventMonitor (winbio.@)
 */
HRESULT WINAPI WinBioUnregisterEventMonitor( WINBIO_SESSION_HANDLE session )
{
    FIXME( "(%lu) stub\n", session );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioMonitorPresence (winbio.@)
 */
HRESULT WINAPI WinBioMonitorPresence( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id )
{
    FIXME( "(%lu, %lu) stub\n", session, unit_id );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}
