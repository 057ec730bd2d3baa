/*
 * Private pools: which units they hold, in this process and in others
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
 * Private pools.  As documented, a unit in a private pool is for the
 * application that made the pool alone: this process's private sessions
 * of that database share it (unit->pool_users of them), the system pool
 * leaves it out, and the sessions that still list it get
 * WINBIO_E_INCORRECT_SENSOR_POOL when they name it.  A named event per
 * unit tells the other processes of the prefix; it goes away with the
 * process that holds it, whatever way that ends.
 */
static SRWLOCK pools_lock = SRWLOCK_INIT;

static void pool_claim_name( const struct unit *unit, WCHAR *name, SIZE_T len )
{
    swprintf( name, len, L"WinBioPrivatePool-%lu", unit->id );
}

/* Whether another process has the unit in a private pool. */
static BOOL claimed_elsewhere( const struct unit *unit )
{
    WCHAR name[48];
    HANDLE event;

    pool_claim_name( unit, name, ARRAY_SIZE(name) );
    if (!(event = OpenEventW( SYNCHRONIZE, FALSE, name ))) return FALSE;
    CloseHandle( event );
    return TRUE;
}

WINBIO_POOL_TYPE pool_of_unit( const struct unit *unit )
{
    BOOL private;

    AcquireSRWLockShared( &pools_lock );
    private = unit->pool_users != 0;
    ReleaseSRWLockShared( &pools_lock );
    return private || claimed_elsewhere( unit ) ? WINBIO_POOL_PRIVATE : WINBIO_POOL_SYSTEM;
}

BOOL pool_may_use( const struct session *session, const struct unit *unit )
{
    BOOL mine = FALSE, taken;

    AcquireSRWLockShared( &pools_lock );
    if ((taken = unit->pool_users != 0))
        mine = session->pool == WINBIO_POOL_PRIVATE && IsEqualGUID( &session->database_id, &unit->pool_database );
    ReleaseSRWLockShared( &pools_lock );
    if (taken) return mine;
    return !claimed_elsewhere( unit );
}

/* The unit leaves a private pool of this process. */
static void release_pool_unit( struct unit *unit )
{
    AcquireSRWLockExclusive( &pools_lock );
    if (!--unit->pool_users)
    {
        CloseHandle( unit->pool_claim );
        unit->pool_claim = NULL;
    }
    ReleaseSRWLockExclusive( &pools_lock );
}

/* The first count units of the session leave its private pool. */
void pool_release_units( struct session *session, SIZE_T count )
{
    SIZE_T i;

    for (i = 0; i < count; i++) release_pool_unit( session->units[i] );
}

/* One unit joins a private pool.  It may be neither in another pool's
 * hands (a private pool of another database or process) nor taken by a
 * session of the system pool (an enrollment or WinBioLockUnit), and needs
 * a configuration for the pool. */
static HRESULT claim_pool_unit( struct session *session, struct unit *unit )
{
    WCHAR name[48];
    HRESULT hr = S_OK;

    pool_claim_name( unit, name, ARRAY_SIZE(name) );
    /* unit->cs first, as device_set_owner() takes them */
    EnterCriticalSection( &unit->cs );
    AcquireSRWLockExclusive( &pools_lock );
    if (unit->pool_users)
    {
        if (!IsEqualGUID( &session->database_id, &unit->pool_database )) hr = WINBIO_E_SENSOR_UNAVAILABLE;
    }
    else if (unit->owner) hr = WINBIO_E_DEVICE_BUSY;
    else if (!(unit->pool_claim = CreateEventW( NULL, TRUE, FALSE, name ))) hr = HRESULT_FROM_WIN32( GetLastError() );
    else if (GetLastError() == ERROR_ALREADY_EXISTS)
    {
        CloseHandle( unit->pool_claim );
        unit->pool_claim = NULL;
        hr = WINBIO_E_SENSOR_UNAVAILABLE;
    }
    else unit->pool_database = session->database_id;
    if (SUCCEEDED(hr)) unit->pool_users++;
    ReleaseSRWLockExclusive( &pools_lock );
    LeaveCriticalSection( &unit->cs );

    if (SUCCEEDED(hr) && FAILED(hr = config_check_private( unit, &session->database_id, session->flags )))
        release_pool_unit( unit );
    if (FAILED(hr)) WARN( "unit %lu: %#lx\n", unit->id, hr );
    return hr;
}

HRESULT pool_claim_units( struct session *session )
{
    HRESULT hr = S_OK;
    SIZE_T i;

    for (i = 0; i < session->unit_count; i++)
        if (FAILED(hr = claim_pool_unit( session, session->units[i] ))) break;
    if (FAILED(hr)) pool_release_units( session, i );
    return hr;
}
