/*
 * Biometric sessions and their handles
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
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/*
 * Handles are numbers from a process-wide counter, so a closed handle is not
 * handed out again for four billion opens.  The table is small (sessions
 * a process has open) and searched linearly.
 */
static SRWLOCK handles_lock = SRWLOCK_INIT;
static struct session **sessions;
static SIZE_T sessions_count, sessions_capacity;
static WINBIO_SESSION_HANDLE next_handle = 1;

struct session *session_addref( struct session *session )
{
    InterlockedIncrement( &session->refcount );
    return session;
}

/* The session no longer keeps its units' devices open, nor a private pool's units. */
static void stop_using_units( struct session *session )
{
    SIZE_T i;

    if (!session->using_units) return;
    session->using_units = FALSE;
    if (session->pool == WINBIO_POOL_PRIVATE) pool_release_units( session, session->unit_count );
    for (i = 0; i < session->unit_count; i++) device_remove_user( session->units[i] );
}

void session_release( struct session *session )
{
    if (InterlockedDecrement( &session->refcount )) return;
    stop_using_units( session );
    if (session->db) storage_close( session->db );
    DeleteCriticalSection( &session->cs );
    winbio_free( session->units );
    winbio_free( session );
}

struct session *session_alloc( enum session_kind kind )
{
    struct session *session;

    if (!(session = winbio_alloc( sizeof(*session) ))) return NULL;
    session->refcount = 1;
    session->kind = kind;
    InitializeCriticalSection( &session->cs );
    InitializeConditionVariable( &session->idle );
    InitializeConditionVariable( &session->queued );
    /* the open is number 1, whether or not it is reported */
    session->sequence = 1;
    return session;
}

HRESULT session_insert( struct session *session )
{
    HRESULT hr = S_OK;

    AcquireSRWLockExclusive( &handles_lock );
    if (sessions_count == sessions_capacity)
    {
        SIZE_T capacity = max( 16, sessions_capacity * 2 );
        struct session **grown = sessions ? HeapReAlloc( GetProcessHeap(), 0, sessions, capacity * sizeof(*sessions) )
                                          : HeapAlloc( GetProcessHeap(), 0, capacity * sizeof(*sessions) );
        if (grown)
        {
            sessions = grown;
            sessions_capacity = capacity;
        }
        else hr = E_OUTOFMEMORY;
    }
    if (SUCCEEDED(hr))
    {
        if (!next_handle) next_handle++;
        session->handle = next_handle++;
        sessions[sessions_count++] = session;
    }
    ReleaseSRWLockExclusive( &handles_lock );
    return hr;
}

/* Takes the session out of the table; the caller gets the table's reference. */
struct session *session_remove( WINBIO_SESSION_HANDLE handle )
{
    struct session *ret = NULL;
    SIZE_T i;

    AcquireSRWLockExclusive( &handles_lock );
    for (i = 0; i < sessions_count; i++)
    {
        if (sessions[i]->handle != handle) continue;
        ret = sessions[i];
        sessions[i] = sessions[--sessions_count];
        break;
    }
    ReleaseSRWLockExclusive( &handles_lock );
    return ret;
}

struct session *session_grab( WINBIO_SESSION_HANDLE handle )
{
    struct session *ret = NULL;
    SIZE_T i;

    if (!handle) return NULL;
    AcquireSRWLockShared( &handles_lock );
    for (i = 0; i < sessions_count; i++)
    {
        if (sessions[i]->handle != handle) continue;
        ret = session_addref( sessions[i] );
        break;
    }
    ReleaseSRWLockShared( &handles_lock );
    return ret;
}

HRESULT session_get_monitors( struct session ***list, SIZE_T *count )
{
    SIZE_T i;

    *count = 0;
    AcquireSRWLockShared( &handles_lock );
    if ((*list = winbio_alloc( max( sessions_count, 1 ) * sizeof(**list) )))
    {
        for (i = 0; i < sessions_count; i++)
            if (sessions[i]->kind == SESSION_FRAMEWORK && sessions[i]->monitor)
                (*list)[(*count)++] = session_addref( sessions[i] );
    }
    ReleaseSRWLockShared( &handles_lock );
    return *list ? S_OK : E_OUTOFMEMORY;
}

/*
 * The synchronous call a thread is making: its session and the session's
 * cancel epoch when it began.  A WinBioCancel made after that ends the
 * call wherever it is, even before its libfprint operation has started;
 * one made before it does not.  Calls of an asynchronous handle run on
 * its worker and go by their job's epoch instead (async.c).
 */
static DWORD call_session_tls = TLS_OUT_OF_INDEXES, call_epoch_tls = TLS_OUT_OF_INDEXES;

static BOOL WINAPI alloc_call_tls( INIT_ONCE *once, void *param, void **context )
{
    call_session_tls = TlsAlloc();
    call_epoch_tls = TlsAlloc();
    return call_session_tls != TLS_OUT_OF_INDEXES && call_epoch_tls != TLS_OUT_OF_INDEXES;
}

static BOOL have_call_tls(void)
{
    static INIT_ONCE once = INIT_ONCE_STATIC_INIT;

    return InitOnceExecuteOnce( &once, alloc_call_tls, NULL, NULL );
}

/* Called with session->cs held. */
static void begin_call( struct session *session )
{
    if (async_in_job( session ) || !have_call_tls() || TlsGetValue( call_session_tls )) return;
    TlsSetValue( call_session_tls, session );
    TlsSetValue( call_epoch_tls, (void *)(ULONG_PTR)(ULONG)session->cancel_epoch );
}

static void end_call( struct session *session )
{
    if (call_session_tls == TLS_OUT_OF_INDEXES || TlsGetValue( call_session_tls ) != session) return;
    TlsSetValue( call_session_tls, NULL );
}

/* Whether the calling thread's call on the session is to end as cancelled.
 * Reads without session->cs, so that it may be called with a unit's lock
 * held; whoever cancels wakes the waiters afterwards (async_cancel). */
BOOL session_call_canceled( struct session *session )
{
    if (session->closing) return TRUE;
    if (async_in_job( session )) return async_job_canceled( session );
    if (call_session_tls == TLS_OUT_OF_INDEXES || TlsGetValue( call_session_tls ) != session) return FALSE;
    return (ULONG)(ULONG_PTR)TlsGetValue( call_epoch_tls ) != (ULONG)ReadAcquire( &session->cancel_epoch );
}

HRESULT session_start( struct session *session, struct session **ret )
{
    HRESULT hr = S_OK;

    EnterCriticalSection( &session->cs );
    if (session->kind == SESSION_FRAMEWORK) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    /* the event monitor has the session to itself (it runs on the worker) */
    else if (session->event_callback && !async_in_job( session )) hr = WINBIO_E_EVENT_MONITOR_ACTIVE;
    else
    {
        session->operations++;
        begin_call( session );
    }
    LeaveCriticalSection( &session->cs );
    if (FAILED(hr))
    {
        session_release( session );
        return hr;
    }
    *ret = session;
    return S_OK;
}

HRESULT session_begin( WINBIO_SESSION_HANDLE handle, struct session **ret )
{
    struct session *session;

    if (!(session = session_grab( handle ))) return E_HANDLE;
    return session_start( session, ret );
}

void session_end( struct session *session )
{
    end_call( session );
    EnterCriticalSection( &session->cs );
    if (!--session->operations) WakeAllConditionVariable( &session->idle );
    LeaveCriticalSection( &session->cs );
    session_release( session );
}

struct unit *session_find_unit( struct session *session, WINBIO_UNIT_ID id )
{
    struct unit *ret = NULL;
    SIZE_T i;

    /* an asynchronous open fills the list in on the worker */
    EnterCriticalSection( &session->cs );
    for (i = 0; !ret && i < session->unit_count; i++)
        if (session->units[i]->id == id) ret = session->units[i];
    LeaveCriticalSection( &session->cs );
    return ret;
}

HRESULT session_get_unit( struct session *session, WINBIO_UNIT_ID id, struct unit **unit )
{
    struct unit *known;

    if (!(*unit = session_find_unit( session, id )))
    {
        /* a unit that a private pool has is not in the system pool */
        known = unit_from_id( id );
        return known && pool_of_unit( known ) == WINBIO_POOL_PRIVATE ? WINBIO_E_INCORRECT_SENSOR_POOL
                                                                           : WINBIO_E_INVALID_UNIT;
    }
    /* a unit a private pool took after the session was opened */
    if (!pool_may_use( session, *unit ))
    {
        *unit = NULL;
        return WINBIO_E_INCORRECT_SENSOR_POOL;
    }
    return S_OK;
}

/* Cancels the libfprint operations the session has running now. */
void session_cancel_running( struct session *session )
{
    struct op_params params;
    UINT32 i;

    EnterCriticalSection( &session->cs );
    for (i = 0; i < session->running_count; i++)
    {
        params.op = session->running[i];
        UNIX_CALL( op_cancel, &params );
    }
    LeaveCriticalSection( &session->cs );
}

static BOOL is_sentinel_database( const GUID *id )
{
    return id == WINBIO_DB_DEFAULT || id == WINBIO_DB_BOOTSTRAP || id == WINBIO_DB_ONCHIP;
}

static HRESULT check_flags( WINBIO_POOL_TYPE pool, WINBIO_SESSION_FLAGS flags )
{
    WINBIO_SESSION_FLAGS config = flags & ~(WINBIO_FLAG_RAW | WINBIO_FLAG_MAINTENANCE);

    /* exactly one configuration flag: DEFAULT (0), BASIC or ADVANCED */
    if (config != WINBIO_FLAG_DEFAULT && config != WINBIO_FLAG_BASIC && config != WINBIO_FLAG_ADVANCED)
        return E_INVALIDARG;
    if (pool == WINBIO_POOL_SYSTEM && config != WINBIO_FLAG_DEFAULT) return E_INVALIDARG;
    /* raw samples and maintenance are for Administrators and Local System
     * (whose token has the Administrators group); Wine gives programs
     * administrator rights unless they run with a restricted token */
    if ((flags & (WINBIO_FLAG_RAW | WINBIO_FLAG_MAINTENANCE)) && !identity_caller_is_admin()) return E_ACCESSDENIED;
    return S_OK;
}

/* The units of a new session: every unit for the system pool, the listed ones for a private pool. */
static HRESULT get_pool_units( WINBIO_POOL_TYPE pool, const WINBIO_UNIT_ID *ids, SIZE_T count,
                               struct unit ***units, SIZE_T *unit_count )
{
    struct unit **present;
    SIZE_T present_count, i, j;
    HRESULT hr;

    if (FAILED(hr = units_get_all( &present, &present_count ))) return hr;
    if (pool == WINBIO_POOL_SYSTEM)
    {
        /* without the units private pools have now */
        for (i = j = 0; i < present_count; i++)
            if (pool_of_unit( present[i] ) == WINBIO_POOL_SYSTEM) present[j++] = present[i];
        *units = present;
        *unit_count = j;
        return S_OK;
    }

    if (!(*units = winbio_alloc( count * sizeof(**units) )))
    {
        winbio_free( present );
        return E_OUTOFMEMORY;
    }
    for (i = 0; SUCCEEDED(hr) && i < count; i++)
    {
        if (!ids[i] || !((*units)[i] = unit_from_id( ids[i] ))) hr = WINBIO_E_INVALID_UNIT;
        for (j = 0; SUCCEEDED(hr) && j < i; j++) if (ids[j] == ids[i]) hr = E_INVALIDARG;
        if (SUCCEEDED(hr))
        {
            for (j = 0; j < present_count; j++) if (present[j] == (*units)[i]) break;
            if (j == present_count) hr = WINBIO_E_SENSOR_UNAVAILABLE;
        }
    }
    winbio_free( present );
    if (FAILED(hr))
    {
        winbio_free( *units );
        *units = NULL;
        return hr;
    }
    *unit_count = count;
    return S_OK;
}

/* No machine has this many sensors; a private pool of more units than that
 * must name one twice or one that does not exist. */
#define MAX_POOL_UNITS 256

/* The checks WinBioOpenSession and WinBioAsyncOpenSession share. */
static HRESULT check_open_arguments( WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool, WINBIO_SESSION_FLAGS flags,
                                     const WINBIO_UNIT_ID *unit_array, SIZE_T unit_count, const GUID *database_id,
                                     GUID *database )
{
    HRESULT hr;

    if (!factor || (factor & ~WINBIO_TYPE_ANY)) return E_INVALIDARG;
    if (factor != WINBIO_TYPE_FINGERPRINT) return WINBIO_E_UNSUPPORTED_FACTOR;
    if (FAILED(hr = check_flags( pool, flags ))) return hr;

    switch (pool)
    {
    case WINBIO_POOL_SYSTEM:
        /* Microsoft's own samples pass NULL as often as WINBIO_DB_DEFAULT */
        if (unit_array || unit_count) return E_INVALIDARG;
        if (database_id && database_id != WINBIO_DB_DEFAULT) return E_INVALIDARG;
        *database = winbio_system_database;
        return S_OK;
    case WINBIO_POOL_PRIVATE:
        if (!unit_array || !unit_count) return E_INVALIDARG;
        /* checked before the array is copied: a huge count would overflow its size */
        if (unit_count > MAX_POOL_UNITS) return E_INVALIDARG;
        if (!database_id || is_sentinel_database( database_id )) return E_INVALIDARG;
        if (!database_is_installed( database_id )) return WINBIO_E_DATABASE_CANT_FIND;
        *database = *database_id;
        return S_OK;
    default:
        return E_INVALIDARG;
    }
}

/* A new session of the given pool, not yet connected to its units. */
static HRESULT create_session( enum session_kind kind, WINBIO_POOL_TYPE pool, WINBIO_SESSION_FLAGS flags,
                               const WINBIO_UNIT_ID *unit_array, SIZE_T unit_count, const GUID *database,
                               struct session **ret )
{
    struct session *session;

    if (!(session = session_alloc( kind ))) return E_OUTOFMEMORY;
    session->pool = pool;
    session->flags = flags;
    session->database_id = *database;
    if (unit_count && !(session->units = winbio_alloc( unit_count * sizeof(*session->units) )))
    {
        session_release( session );
        return E_OUTOFMEMORY;
    }
    /* until the session is connected, units[] holds the requested ids */
    memcpy( session->units, unit_array, unit_count * sizeof(*unit_array) );
    session->unit_count = unit_count;
    *ret = session;
    return S_OK;
}

/* Finds the session's units and opens its database: the work of the open. */
HRESULT session_connect( struct session *session )
{
    WINBIO_UNIT_ID ids[WINBIO_UNIX_MAX_WAIT], *requested = NULL;
    SIZE_T count = session->unit_count, i;
    struct unit **units;
    HRESULT hr;

    if (count)
    {
        if (count <= ARRAY_SIZE(ids)) requested = ids;
        else if (!(requested = winbio_alloc( count * sizeof(*requested) ))) return E_OUTOFMEMORY;
        memcpy( requested, session->units, count * sizeof(*requested) );
    }
    EnterCriticalSection( &session->cs );
    winbio_free( session->units );
    session->units = NULL;
    session->unit_count = 0;
    LeaveCriticalSection( &session->cs );
    hr = get_pool_units( session->pool, requested, count, &units, &count );
    if (requested != ids) winbio_free( requested );
    if (FAILED(hr)) return hr;
    EnterCriticalSection( &session->cs );
    session->units = units;
    session->unit_count = count;
    LeaveCriticalSection( &session->cs );
    if (session->pool == WINBIO_POOL_PRIVATE && FAILED(hr = pool_claim_units( session ))) return hr;
    for (i = 0; i < count; i++) device_add_user( units[i] );
    session->using_units = TRUE;
    return database_open( &session->database_id, &session->db );
}

/***********************************************************************
 *      WinBioOpenSession (winbio.@)
 */
HRESULT WINAPI WinBioOpenSession( WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool,
                                  WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *unit_array,
                                  SIZE_T unit_count, GUID *database_id,
                                  WINBIO_SESSION_HANDLE *handle )
{
    struct session *session;
    GUID database;
    HRESULT hr;

    TRACE( "%#lx, %lu, %#lx, %p, %Iu, %s, %p\n", factor, pool, flags, unit_array, unit_count,
           is_sentinel_database( database_id ) ? wine_dbg_sprintf( "%p", database_id ) : debugstr_guid(database_id),
           handle );

    if (!handle) return E_POINTER;
    *handle = 0;
    if (FAILED(hr = check_open_arguments( factor, pool, flags, unit_array, unit_count, database_id, &database )))
        return hr;
    if (FAILED(hr = create_session( SESSION_SYNC, pool, flags, unit_array, unit_count, &database, &session )))
        return hr;
    if (FAILED(hr = session_connect( session )) || FAILED(hr = session_insert( session )))
    {
        session_release( session );
        return hr;
    }
    *handle = session->handle;
    TRACE( "session %lu with %Iu unit(s)\n", session->handle, session->unit_count );
    return S_OK;
}

/***********************************************************************
 *      WinBioAsyncOpenSession (winbio.@)
 */
HRESULT WINAPI WinBioAsyncOpenSession( WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool,
                                       WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *unit_array,
                                       SIZE_T unit_count, GUID *database_id,
                                       WINBIO_ASYNC_NOTIFICATION_METHOD method, HWND window,
                                       UINT message, PWINBIO_ASYNC_COMPLETION_CALLBACK callback,
                                       void *user_data, BOOL async_open,
                                       WINBIO_SESSION_HANDLE *handle )
{
    struct async_notify notify = { method, window, message, callback, user_data };
    struct async_call open = { WINBIO_OPERATION_OPEN };
    struct session *session;
    GUID database;
    HRESULT hr;

    TRACE( "%#lx, %lu, %#lx, %p, %Iu, %s, %d, %p, %#x, %p, %p, %d, %p\n", factor, pool, flags, unit_array,
           unit_count, is_sentinel_database( database_id ) ? wine_dbg_sprintf( "%p", database_id )
                                                           : debugstr_guid(database_id),
           method, window, message, callback, user_data, async_open, handle );

    if (!handle) return E_POINTER;
    *handle = 0;
    if (FAILED(hr = async_check_notify( &notify ))) return hr;
    if (FAILED(hr = check_open_arguments( factor, pool, flags, unit_array, unit_count, database_id, &database )))
        return hr;
    if (FAILED(hr = create_session( SESSION_ASYNC, pool, flags, unit_array, unit_count, &database, &session )))
        return hr;
    session->notify = notify;

    if (!async_open)
    {
        if (FAILED(hr = session_connect( session )) || FAILED(hr = session_insert( session )))
        {
            session_release( session );
            return hr;
        }
        *handle = session->handle;
        TRACE( "session %lu with %Iu unit(s)\n", session->handle, session->unit_count );
        return S_OK;
    }

    /* the handle comes with the WINBIO_OPERATION_OPEN result */
    if (SUCCEEDED(hr = session_insert( session ))) hr = async_queue_session( session, &open );
    if (FAILED(hr)) session_release( session_remove( session->handle ) );
    return hr;
}

/* Ends the session's work and gives its units back; the handle is already gone. */
void session_teardown( struct session *session )
{
    SIZE_T i;

    EnterCriticalSection( &session->cs );
    session->closing = TRUE;
    /* calls waiting for their turn on the session see the close */
    WakeAllConditionVariable( &session->idle );
    LeaveCriticalSection( &session->cs );
    session_cancel_running( session );
    EnterCriticalSection( &session->cs );
    while (session->operations) SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    LeaveCriticalSection( &session->cs );

    /* no call is left: what follows has the session to itself */
    enrollment_discard( session );
    EnterCriticalSection( &session->cs );
    session->locked = NULL;
    for (i = 0; i < session->unit_count; i++) device_set_owner( session->units[i], session, OWNER_NONE );
    LeaveCriticalSection( &session->cs );
    stop_using_units( session );
}

/***********************************************************************
 *      WinBioCloseSession (winbio.@)
 */
HRESULT WINAPI WinBioCloseSession( WINBIO_SESSION_HANDLE handle )
{
    struct async_call close = { WINBIO_OPERATION_CLOSE };
    struct session *session;
    HRESULT hr = S_OK;

    TRACE( "%lu\n", handle );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (session->kind == SESSION_FRAMEWORK)
    {
        session_release( session );
        return WINBIO_E_INCORRECT_SESSION_TYPE;
    }
    session_release( session );
    if (!(session = session_remove( handle ))) return E_HANDLE;

    /* pending calls end as cancelled; an asynchronous close is the last result */
    EnterCriticalSection( &session->cs );
    session->closing = TRUE;
    WakeAllConditionVariable( &session->queued );
    LeaveCriticalSection( &session->cs );
    async_cancel( session );
    if (session->kind == SESSION_ASYNC) hr = async_queue_session( session, &close );
    else
    {
        session_teardown( session );
        async_wait( session );
    }
    session_release( session );
    return hr;
}

/***********************************************************************
 *      WinBioCancel (winbio.@)
 */
HRESULT WINAPI WinBioCancel( WINBIO_SESSION_HANDLE handle )
{
    struct async_call cancel = { WINBIO_OPERATION_NONE };
    struct session *session;

    TRACE( "%lu\n", handle );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    /* on a framework handle this stops the change monitor */
    if (session->kind == SESSION_FRAMEWORK)
    {
        EnterCriticalSection( &session->cs );
        session->monitor = 0;
        LeaveCriticalSection( &session->cs );
    }
    async_cancel( session );
    /* as documented, the cancel of an asynchronous session has its own
     * result; no operation code is given for it, so it has none */
    if (session->kind == SESSION_ASYNC) async_queue_session( session, &cancel );
    session_release( session );
    return S_OK;
}

/***********************************************************************
 *      WinBioWait (winbio.@)
 */
HRESULT WINAPI WinBioWait( WINBIO_SESSION_HANDLE handle )
{
    struct session *session;

    TRACE( "%lu\n", handle );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    EnterCriticalSection( &session->cs );
    while (session->operations) SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    LeaveCriticalSection( &session->cs );
    async_wait( session );
    session_release( session );
    return S_OK;
}

/* The common start of WinBioLockUnit and WinBioUnlockUnit: the call is
 * queued on an asynchronous handle (*session stays NULL), or the session
 * is begun and the unit found; end it with session_end(). */
static HRESULT begin_unit_call( WINBIO_SESSION_HANDLE handle, WINBIO_OPERATION_TYPE operation,
                                WINBIO_UNIT_ID unit_id, struct session **session, struct unit **unit )
{
    struct async_call call = { operation };
    HRESULT hr;

    call.unit_id = unit_id;
    if (FAILED(hr = async_begin( handle, &call, session )) || !*session) return hr;
    if (!unit_id) hr = E_INVALIDARG;
    else hr = session_get_unit( *session, unit_id, unit );
    if (FAILED(hr))
    {
        session_end( *session );
        *session = NULL;
    }
    return hr;
}

/* Makes the session's lock request for the unit, or joins the one another
 * thread of the session made for it.  Called with session->cs held. */
static HRESULT request_lock( struct session *session, struct unit *unit )
{
    if (session->enrollment) return WINBIO_E_ENROLLMENT_IN_PROGRESS;
    if (session->locked) return session->locked == unit ? S_OK : WINBIO_E_LOCK_VIOLATION;
    if (session->lock_pending && session->lock_pending != unit) return WINBIO_E_LOCK_VIOLATION;
    if (!session->lock_waiters++)
    {
        session->lock_pending = unit;
        session->lock_withdrawn = FALSE;
    }
    return S_FALSE;
}

/***********************************************************************
 *      WinBioLockUnit (winbio.@)
 */
HRESULT WINAPI WinBioLockUnit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id )
{
    struct session *session;
    struct unit *unit;
    HRESULT hr;

    TRACE( "%lu, %lu\n", handle, unit_id );

    if (FAILED(hr = begin_unit_call( handle, WINBIO_OPERATION_LOCK_UNIT, unit_id, &session, &unit )) || !session)
        return hr;
    EnterCriticalSection( &session->cs );
    hr = request_lock( session, unit );
    LeaveCriticalSection( &session->cs );
    if (hr == S_FALSE)
    {
        /* as documented, this waits while another session holds the unit;
         * WinBioUnlockUnit withdraws the request, WinBioCancel cancels it */
        hr = device_wait_owner( unit, session );
        EnterCriticalSection( &session->cs );
        if (SUCCEEDED(hr)) session->locked = unit;
        if (!--session->lock_waiters) session->lock_pending = NULL;
        LeaveCriticalSection( &session->cs );
    }
    session_end( session );
    return hr;
}

/***********************************************************************
 *      WinBioUnlockUnit (winbio.@)
 */
HRESULT WINAPI WinBioUnlockUnit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id )
{
    struct session *session;
    struct unit *unit, *pending;
    HRESULT hr;

    TRACE( "%lu, %lu\n", handle, unit_id );

    if (FAILED(hr = begin_unit_call( handle, WINBIO_OPERATION_UNLOCK_UNIT, unit_id, &session, &unit )) || !session)
        return hr;
    EnterCriticalSection( &session->cs );
    if ((pending = session->lock_pending)) session->lock_withdrawn = TRUE;
    else if (session->locked != unit) hr = WINBIO_E_LOCK_VIOLATION;
    else
    {
        session->locked = NULL;
        /* an enrollment on the unit keeps it */
        device_set_owner( unit, session, enrollment_unit( session ) == unit ?
                          OWNER_ENROLL : OWNER_NONE );
    }
    LeaveCriticalSection( &session->cs );
    /* as documented, this cancels a pending lock request */
    if (pending) device_wake_waiters( pending );
    session_end( session );
    return hr;
}
