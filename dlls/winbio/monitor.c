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

/*
 * The event monitor watches for touches that no call asked for.  libfprint
 * only sees a finger while an operation runs, so the monitor is a job on
 * the session's worker (async.c) that keeps one recognition running: a
 * locate for WINBIO_EVENT_FP_UNCLAIMED, an identify for
 * WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY.  Each touch becomes an event; a
 * failure of the sensor becomes WINBIO_EVENT_ERROR and ends the monitor.
 * As on Windows, the session runs nothing else meanwhile.
 */

/* The monitor ends when it is unregistered (a new event epoch), cancelled or closed. */
static BOOL monitor_active( struct session *session, LONG epoch, LONG event_epoch, PWINBIO_EVENT_CALLBACK *callback,
                            void **context, WINBIO_EVENT_TYPE *mask )
{
    BOOL ret;

    EnterCriticalSection( &session->cs );
    ret = session->event_callback && !session->closing && session->cancel_epoch == epoch &&
          session->event_epoch == event_epoch;
    *callback = session->event_callback;
    *context = session->event_context;
    *mask = session->event_mask;
    LeaveCriticalSection( &session->cs );
    return ret;
}

static void send_event( PWINBIO_EVENT_CALLBACK callback, void *context, const WINBIO_EVENT *event )
{
    WINBIO_EVENT *copy;

    /* each event is the client's, to free with WinBioFree */
    if (!(copy = winbio_alloc( sizeof(*copy) ))) return;
    *copy = *event;
    callback( context, S_OK, copy );
}

void monitor_run_events( struct session *session, const struct async_call *call )
{
    PWINBIO_EVENT_CALLBACK callback;
    WINBIO_EVENT_TYPE mask;
    WINBIO_EVENT event;
    void *context;
    LONG epoch, event_epoch = call->event_epoch;
    HRESULT hr;

    EnterCriticalSection( &session->cs );
    epoch = session->cancel_epoch;
    LeaveCriticalSection( &session->cs );

    while (monitor_active( session, epoch, event_epoch, &callback, &context, &mask ))
    {
        memset( &event, 0, sizeof(event) );
        if (mask & WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY)
        {
            event.Type = WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY;
            hr = WinBioIdentify( session->handle, &event.Parameters.UnclaimedIdentify.UnitId,
                                 &event.Parameters.UnclaimedIdentify.Identity,
                                 &event.Parameters.UnclaimedIdentify.SubFactor,
                                 &event.Parameters.UnclaimedIdentify.RejectDetail );
            /* a finger nobody enrolled is still a touch */
            if (hr == WINBIO_E_UNKNOWN_ID || hr == WINBIO_E_BAD_CAPTURE) hr = S_OK;
        }
        else
        {
            event.Type = WINBIO_EVENT_FP_UNCLAIMED;
            hr = WinBioLocateSensor( session->handle, &event.Parameters.Unclaimed.UnitId );
        }
        if (!monitor_active( session, epoch, event_epoch, &callback, &context, &mask )) break;
        if (FAILED(hr))
        {
            WARN( "event monitor of session %lu ends: %#lx\n", session->handle, hr );
            memset( &event, 0, sizeof(event) );
            event.Type = WINBIO_EVENT_ERROR;
            event.Parameters.Error.ErrorCode = hr;
            send_event( callback, context, &event );
            break;
        }
        send_event( callback, context, &event );
    }
    EnterCriticalSection( &session->cs );
    /* ended by itself: a new monitor may be registered */
    if (session->event_epoch == event_epoch) session->event_callback = NULL;
    LeaveCriticalSection( &session->cs );
}

/* The calling user (an impersonated client included) is Local System. */
static BOOL is_local_system(void)
{
    WINBIO_IDENTITY user;

    return SUCCEEDED(identity_get_current_user( &user )) &&
           IsWellKnownSid( (PSID)user.Value.AccountSid.Data, WinLocalSystemSid );
}

/***********************************************************************
 *      WinBioAcquireFocus (winbio.@)
 *
 * Focus is how Windows picks the one application that gets the touches of
 * the system pool.  Here every process reaches the sensors, whichever
 * window is active, so focus only needs the documented right to ask for it.
 */
HRESULT WINAPI WinBioAcquireFocus(void)
{
    TRACE( "\n" );
    return is_local_system() ? S_OK : E_ACCESSDENIED;
}

/***********************************************************************
 *      WinBioReleaseFocus (winbio.@)
 */
HRESULT WINAPI WinBioReleaseFocus(void)
{
    TRACE( "\n" );
    return is_local_system() ? S_OK : E_ACCESSDENIED;
}

/***********************************************************************
 *      WinBioRegisterEventMonitor (winbio.@)
 */
HRESULT WINAPI WinBioRegisterEventMonitor( WINBIO_SESSION_HANDLE handle, WINBIO_EVENT_TYPE mask,
                                           PWINBIO_EVENT_CALLBACK callback, void *context )
{
    struct async_call call = { WINBIO_OPERATION_GET_EVENT };
    struct session *session;
    HRESULT hr = S_OK;

    TRACE( "%lu, %#lx, %p, %p\n", handle, mask, callback, context );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (!callback) hr = E_POINTER;
    else if (mask != WINBIO_EVENT_FP_UNCLAIMED && mask != WINBIO_EVENT_FP_UNCLAIMED_IDENTIFY) hr = E_INVALIDARG;
    else if (session->kind != SESSION_SYNC && session->kind != SESSION_ASYNC) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    /* the events are those of the system pool */
    else if (session->pool != WINBIO_POOL_SYSTEM) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else
    {
        EnterCriticalSection( &session->cs );
        if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
        else if (session->event_callback) hr = WINBIO_E_EVENT_MONITOR_ACTIVE;
        else
        {
            session->event_callback = callback;
            session->event_context = context;
            session->event_mask = mask;
            call.event_epoch = ++session->event_epoch;
        }
        LeaveCriticalSection( &session->cs );
        if (SUCCEEDED(hr) && FAILED(hr = async_queue_session( session, &call )))
        {
            EnterCriticalSection( &session->cs );
            session->event_callback = NULL;
            LeaveCriticalSection( &session->cs );
        }
    }
    session_release( session );
    return hr;
}

/***********************************************************************
 *      WinBioUnregisterEventMonitor (winbio.@)
 */
HRESULT WINAPI WinBioUnregisterEventMonitor( WINBIO_SESSION_HANDLE handle )
{
    struct session *session;
    BOOL active;

    TRACE( "%lu\n", handle );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    EnterCriticalSection( &session->cs );
    active = session->event_callback != NULL;
    session->event_callback = NULL;
    session->event_epoch++;
    LeaveCriticalSection( &session->cs );
    /* ends the recognition the monitor waits in */
    if (active) session_cancel_running( session );
    session_release( session );
    return S_OK;
}

/***********************************************************************
 *      WinBioMonitorPresence (winbio.@)
 *
 * Presence is what face and iris sensors see; libfprint's sensors only
 * know about a finger while an operation runs, so a fingerprint unit
 * answers the monitor once, with WINBIO_E_UNSUPPORTED_FACTOR.
 */
HRESULT WINAPI WinBioMonitorPresence( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id )
{
    struct async_call call = { WINBIO_OPERATION_MONITOR_PRESENCE };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu, %lu\n", handle, unit_id );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (!unit_id) hr = E_INVALIDARG;
    else if (session->kind != SESSION_ASYNC) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else
    {
        call.unit_id = unit_id;
        hr = async_queue_session( session, &call );
    }
    session_release( session );
    return hr;
}
