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

static struct session *grab_session( struct session *session )
{
    InterlockedIncrement( &session->refcount );
    return session;
}

static void release_session( struct session *session )
{
    if (InterlockedDecrement( &session->refcount )) return;
    if (session->db) storage_close( session->db );
    session->cs.DebugInfo->Spare[0] = 0;
    DeleteCriticalSection( &session->cs );
    winbio_free( session->units );
    winbio_free( session );
}

static HRESULT insert_session( struct session *session )
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
static struct session *remove_session( WINBIO_SESSION_HANDLE handle )
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

static struct session *find_session( WINBIO_SESSION_HANDLE handle )
{
    struct session *ret = NULL;
    SIZE_T i;

    AcquireSRWLockShared( &handles_lock );
    for (i = 0; i < sessions_count; i++)
    {
        if (sessions[i]->handle != handle) continue;
        ret = grab_session( sessions[i] );
        break;
    }
    ReleaseSRWLockShared( &handles_lock );
    return ret;
}

HRESULT session_begin( WINBIO_SESSION_HANDLE handle, struct session **ret )
{
    struct session *session;
    HRESULT hr = S_OK;

    if (!handle || !(session = find_session( handle ))) return E_HANDLE;
    EnterCriticalSection( &session->cs );
    if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    else session->operations++;
    LeaveCriticalSection( &session->cs );
    if (FAILED(hr))
    {
        release_session( session );
        return hr;
    }
    *ret = session;
    return S_OK;
}

void session_end( struct session *session )
{
    EnterCriticalSection( &session->cs );
    if (!--session->operations) WakeAllConditionVariable( &session->idle );
    LeaveCriticalSection( &session->cs );
    release_session( session );
}

struct unit *session_find_unit( struct session *session, WINBIO_UNIT_ID id )
{
    SIZE_T i;

    for (i = 0; i < session->unit_count; i++)
        if (session->units[i]->id == id) return session->units[i];
    return NULL;
}

/* Cancels the libfprint operations the session has running now. */
static void cancel_running( struct session *session )
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
    /* Wine runs programs with administrator rights, which RAW and
     * MAINTENANCE access require on Windows. */
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
        *units = present;
        *unit_count = present_count;
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

    TRACE( "(%#lx, %lu, %#lx, %p, %Iu, %s, %p)\n", factor, pool, flags, unit_array, unit_count,
           is_sentinel_database( database_id ) ? wine_dbg_sprintf( "%p", database_id ) : debugstr_guid(database_id),
           handle );

    if (!handle) return E_POINTER;
    *handle = 0;

    if (!factor || (factor & ~WINBIO_TYPE_ANY)) return E_INVALIDARG;
    if (factor != WINBIO_TYPE_FINGERPRINT) return WINBIO_E_UNSUPPORTED_FACTOR;
    if (FAILED(hr = check_flags( pool, flags ))) return hr;

    switch (pool)
    {
    case WINBIO_POOL_SYSTEM:
        /* Microsoft's own samples pass NULL as often as WINBIO_DB_DEFAULT */
        if (unit_array || unit_count) return E_INVALIDARG;
        if (database_id && database_id != WINBIO_DB_DEFAULT) return E_INVALIDARG;
        database = winbio_system_database;
        break;
    case WINBIO_POOL_PRIVATE:
        if (!unit_array || !unit_count) return E_INVALIDARG;
        if (!database_id || is_sentinel_database( database_id )) return E_INVALIDARG;
        if (!database_is_installed( database_id )) return WINBIO_E_DATABASE_CANT_FIND;
        database = *database_id;
        break;
    default:
        return E_INVALIDARG;
    }

    if (!(session = winbio_alloc( sizeof(*session) ))) return E_OUTOFMEMORY;
    session->refcount = 1;
    session->pool = pool;
    session->flags = flags;
    session->database_id = database;
    InitializeCriticalSection( &session->cs );
    session->cs.DebugInfo->Spare[0] = (DWORD_PTR)(__FILE__ ": session.cs");
    InitializeConditionVariable( &session->idle );

    if (FAILED(hr = get_pool_units( pool, unit_array, unit_count, &session->units, &session->unit_count )) ||
        FAILED(hr = storage_open( &database, &session->db )) ||
        FAILED(hr = insert_session( session )))
    {
        release_session( session );
        return hr;
    }
    *handle = session->handle;
    TRACE( "session %lu with %Iu unit(s)\n", session->handle, session->unit_count );
    return S_OK;
}

/***********************************************************************
 *      WinBioCloseSession (winbio.@)
 */
HRESULT WINAPI WinBioCloseSession( WINBIO_SESSION_HANDLE handle )
{
    struct session *session;
    SIZE_T i;

    TRACE( "(%lu)\n", handle );

    if (!handle || !(session = remove_session( handle ))) return E_HANDLE;

    /* end the session's work in flight, then wait for its calls to return */
    EnterCriticalSection( &session->cs );
    session->closing = TRUE;
    LeaveCriticalSection( &session->cs );
    cancel_running( session );
    EnterCriticalSection( &session->cs );
    while (session->operations) SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    LeaveCriticalSection( &session->cs );

    enrollment_discard( session );
    for (i = 0; i < session->unit_count; i++) device_set_owner( session->units[i], session, FALSE );
    release_session( session );
    return S_OK;
}

/***********************************************************************
 *      WinBioCancel (winbio.@)
 */
HRESULT WINAPI WinBioCancel( WINBIO_SESSION_HANDLE handle )
{
    struct session *session;

    TRACE( "(%lu)\n", handle );

    if (!handle || !(session = find_session( handle ))) return E_HANDLE;
    cancel_running( session );
    release_session( session );
    return S_OK;
}

/***********************************************************************
 *      WinBioWait (winbio.@)
 */
HRESULT WINAPI WinBioWait( WINBIO_SESSION_HANDLE handle )
{
    struct session *session;

    TRACE( "(%lu)\n", handle );

    if (!handle || !(session = find_session( handle ))) return E_HANDLE;
    EnterCriticalSection( &session->cs );
    while (session->operations) SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    LeaveCriticalSection( &session->cs );
    release_session( session );
    return S_OK;
}

/***********************************************************************
 *      WinBioLockUnit (winbio.@)
 */
HRESULT WINAPI WinBioLockUnit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id )
{
    struct session *session;
    struct unit *unit;
    HRESULT hr;

    TRACE( "(%lu, %lu)\n", handle, unit_id );

    if (FAILED(hr = session_begin( handle, &session ))) return hr;
    if (!unit_id) hr = E_INVALIDARG;
    else if (!(unit = session_find_unit( session, unit_id ))) hr = WINBIO_E_INVALID_UNIT;
    else if (session->enrollment) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    else if (session->locked && session->locked != unit) hr = WINBIO_E_LOCK_VIOLATION;
    else if (!session->locked)
    {
        /* as documented, this waits while another session holds the unit */
        device_wait_owner( unit, session );
        session->locked = unit;
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
    struct unit *unit;
    HRESULT hr;

    TRACE( "(%lu, %lu)\n", handle, unit_id );

    if (FAILED(hr = session_begin( handle, &session ))) return hr;
    if (!unit_id) hr = E_INVALIDARG;
    else if (!(unit = session_find_unit( session, unit_id ))) hr = WINBIO_E_INVALID_UNIT;
    else if (session->locked != unit) hr = WINBIO_E_LOCK_VIOLATION;
    else
    {
        device_set_owner( unit, session, FALSE );
        session->locked = NULL;
    }
    session_end( session );
    return hr;
}
