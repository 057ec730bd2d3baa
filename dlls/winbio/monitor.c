/*
 * Window focus, event monitors and presence monitoring
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
