/*
 * Sensor ownership: opening, sharing and running libfprint operations
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

/*
 * Opening a libfprint device is slow (100 ms and more) and exclusive, and a
 * match-on-chip sensor expects one open for a whole conversation.  So a
 * device is opened when an operation first needs it and stays open while a
 * session of the process includes its unit; it is closed when the last such
 * session closes, when the sensor turns out to be unplugged, or when another
 * process asks for it while it is idle.
 *
 * While it is open the process holds a lock on a per-device file in the
 * prefix.  Another Wine process that wants the device sets a named event
 * and waits for the lock, with a bound after which it gets
 * WINBIO_E_DEVICE_BUSY.  A file lock, unlike a mutex, belongs to no thread
 * and goes away with the process.
 *
 * Within the process a unit runs one operation at a time; libfprint itself
 * only ever runs on the Unix side's loop thread.
 */

#include "winbio_private.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

#define CLAIM_TIMEOUT_MS  5000
#define CLAIM_POLL_MS     20

HRESULT map_unix_result( UINT32 result )
{
    switch (result)
    {
    case WINBIO_UNIX_OK:             return S_OK;
    case WINBIO_UNIX_CANCELED:       return WINBIO_E_CANCELED;
    case WINBIO_UNIX_RETRY:          return WINBIO_E_BAD_CAPTURE;
    case WINBIO_UNIX_NOT_SUPPORTED:  return E_NOTIMPL;
    case WINBIO_UNIX_BUSY:           return WINBIO_E_DEVICE_BUSY;
    case WINBIO_UNIX_TOO_HOT:        return WINBIO_E_DEVICE_BUSY;
    case WINBIO_UNIX_DATA_NOT_FOUND: return WINBIO_E_DATABASE_NO_SUCH_RECORD;
    case WINBIO_UNIX_DATA_FULL:      return WINBIO_E_DATABASE_FULL;
    case WINBIO_UNIX_DATA_DUPLICATE: return WINBIO_E_DUPLICATE_TEMPLATE;
    case WINBIO_UNIX_REMOVED:        return WINBIO_E_SENSOR_UNAVAILABLE;
    case WINBIO_UNIX_PERMISSION:     return E_ACCESSDENIED;
    default:                         return WINBIO_E_DEVICE_FAILURE;
    }
}

/* libfprint's reasons for a bad touch, as WinBio fingerprint reject details */
WINBIO_REJECT_DETAIL map_retry( UINT32 retry )
{
    switch (retry)
    {
    case WINBIO_UNIX_RETRY_TOO_SHORT:     return WINBIO_FP_TOO_SHORT;
    case WINBIO_UNIX_RETRY_CENTER_FINGER: return WINBIO_FP_TOO_SKEWED;
    case WINBIO_UNIX_RETRY_REMOVE_FINGER: return WINBIO_FP_TOO_FAST;
    default:                              return WINBIO_FP_POOR_QUALITY;
    }
}

/* Starts one libfprint operation and waits for its end, ignoring progress. */
static UINT32 run_op( struct unit *unit, UINT32 type )
{
    struct op_start_params start = { 0 };
    struct op_wait_params wait = { { 0 } };
    struct op_params free_params;

    start.device = unit->device.id;
    start.type = type;
    if (UNIX_CALL( op_start, &start )) return WINBIO_UNIX_FAILED;
    wait.ops[0] = start.op;
    wait.count = 1;
    do UNIX_CALL( op_wait, &wait ); while (wait.event != WINBIO_UNIX_EVENT_DONE);
    free_params.op = start.op;
    UNIX_CALL( op_free, &free_params );
    return wait.result;
}

/* The unit's key as part of a file or object name. */
static void unit_name( const struct unit *unit, WCHAR *name, int size )
{
    WCHAR *p;

    MultiByteToWideChar( CP_UTF8, 0, unit->key, -1, name, size );
    name[size - 1] = 0;
    for (p = name; *p; p++) if (wcschr( L"\\/:*?\"<>|", *p )) *p = '_';
}

static HANDLE open_claim_file( struct unit *unit )
{
    WCHAR path[MAX_PATH];
    HANDLE file;
    int len;

    /* beside the databases, where 64-bit and 32-bit processes meet */
    if (!storage_get_folder( path, MAX_PATH - 64 )) return INVALID_HANDLE_VALUE;
    storage_create_folder( path );
    lstrcatW( path, L"\\" );
    len = lstrlenW( path );
    unit_name( unit, path + len, MAX_PATH - len - 6 );
    lstrcatW( path, L".lock" );
    file = CreateFileW( path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL );
    if (file != INVALID_HANDLE_VALUE) storage_make_private( path, FALSE );
    return file;
}

/* The event through which processes ask each other for the device. */
static HANDLE get_want_event( struct unit *unit )
{
    WCHAR name[300];
    HANDLE event;

    if (unit->want_event) return unit->want_event;
    lstrcpyW( name, L"Local\\winbio-want-" );
    unit_name( unit, name + lstrlenW( name ), ARRAY_SIZE(name) - lstrlenW( name ) );
    if (!(event = CreateEventW( NULL, FALSE, FALSE, name )))
        WARN( "cannot create the event of %s, error %lu\n", debugstr_a(unit->key), GetLastError() );
    else if (InterlockedCompareExchangePointer( &unit->want_event, event, NULL )) CloseHandle( event );
    return unit->want_event;
}

/* Waits (bounded) until no other process has the device open. */
static HRESULT claim_device( struct unit *unit )
{
    OVERLAPPED overlapped = { 0 };
    ULONGLONG start = GetTickCount64();
    HANDLE file, want = get_want_event( unit );

    if ((file = open_claim_file( unit )) == INVALID_HANDLE_VALUE)
    {
        ERR( "cannot create the lock file of %s, error %lu\n", debugstr_a(unit->key), GetLastError() );
        return WINBIO_E_DEVICE_FAILURE;
    }
    while (!LockFileEx( file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &overlapped ))
    {
        if (GetTickCount64() - start >= CLAIM_TIMEOUT_MS)
        {
            WARN( "%s is held by another process\n", debugstr_a(unit->key) );
            CloseHandle( file );
            return WINBIO_E_DEVICE_BUSY;
        }
        /* the holder lets go as soon as it is idle */
        if (want) SetEvent( want );
        Sleep( CLAIM_POLL_MS );
    }
    /* what is still signalled was meant for the previous holder */
    if (want) ResetEvent( want );
    unit->claim = file;
    return S_OK;
}

static void unclaim_device( struct unit *unit )
{
    OVERLAPPED overlapped = { 0 };

    UnlockFileEx( unit->claim, 0, 1, 0, &overlapped );
    CloseHandle( unit->claim );
    unit->claim = NULL;
}

static void close_if_unused( struct unit *unit );

/* Another process asks for the device. */
static void CALLBACK want_callback( TP_CALLBACK_INSTANCE *instance, void *context, TP_WAIT *wait,
                                    TP_WAIT_RESULT result )
{
    struct unit *unit = context;

    EnterCriticalSection( &unit->cs );
    if (unit->open)
    {
        TRACE( "another process wants %s\n", debugstr_a(unit->key) );
        unit->wanted = TRUE;
        close_if_unused( unit );
    }
    LeaveCriticalSection( &unit->cs );
}

static void watch_wants( struct unit *unit, BOOL watch )
{
    if (!unit->want_event) return;
    if (!unit->want_wait && !(unit->want_wait = CreateThreadpoolWait( want_callback, unit, NULL ))) return;
    SetThreadpoolWait( unit->want_wait, watch ? unit->want_event : NULL, NULL );
}

static HRESULT open_device( struct unit *unit )
{
    ULONGLONG start = GetTickCount64();
    struct unit **present;
    SIZE_T count;
    UINT32 result;
    HRESULT hr;

    /* A sensor unplugged and plugged in again is a new libfprint device:
     * listing the devices gives the unit the handle of the current one. */
    if (SUCCEEDED(units_get_all( &present, &count ))) winbio_free( present );
    if (FAILED(hr = claim_device( unit ))) return hr;
    TRACE( "opening %s\n", debugstr_a(unit->key) );
    /* a program outside Wine (fprintd) may have it: wait a while for that too */
    while ((result = run_op( unit, WINBIO_UNIX_OP_OPEN )) == WINBIO_UNIX_BUSY &&
           GetTickCount64() - start < CLAIM_TIMEOUT_MS)
        Sleep( 200 );
    if (result != WINBIO_UNIX_OK)
    {
        WARN( "cannot open %s: result %u\n", debugstr_a(unit->key), result );
        unclaim_device( unit );
        return result == WINBIO_UNIX_BUSY ? WINBIO_E_DEVICE_BUSY : map_unix_result( result );
    }
    return S_OK;
}

static void close_device( struct unit *unit )
{
    TRACE( "closing %s\n", debugstr_a(unit->key) );
    watch_wants( unit, FALSE );
    run_op( unit, WINBIO_UNIX_OP_CLOSE );
    unclaim_device( unit );
}

/* Closes the device when nothing keeps it open any more.  Called with
 * unit->cs held, which is left while the device closes. */
static void close_if_unused( struct unit *unit )
{
    if (!unit->open || unit->busy || unit->owner) return;
    if (unit->users && !unit->wanted && !unit->gone) return;
    unit->busy = TRUE;
    LeaveCriticalSection( &unit->cs );
    close_device( unit );
    EnterCriticalSection( &unit->cs );
    unit->open = unit->busy = unit->wanted = unit->gone = FALSE;
    WakeAllConditionVariable( &unit->changed );
}

void device_add_user( struct unit *unit )
{
    EnterCriticalSection( &unit->cs );
    unit->users++;
    LeaveCriticalSection( &unit->cs );
}

void device_remove_user( struct unit *unit )
{
    EnterCriticalSection( &unit->cs );
    unit->users--;
    close_if_unused( unit );
    LeaveCriticalSection( &unit->cs );
}

/* Why another session's hold on the unit is in the way.  Called with unit->cs held. */
static HRESULT owner_error( const struct unit *unit )
{
    return unit->owner_enrolls ? WINBIO_E_ENROLLMENT_IN_PROGRESS : WINBIO_E_LOCK_VIOLATION;
}

HRESULT device_acquire( struct unit *unit, struct session *session )
{
    HRESULT hr = S_OK;

    if (!pool_may_use( session, unit )) return WINBIO_E_INCORRECT_SENSOR_POOL;
    EnterCriticalSection( &unit->cs );
    for (;;)
    {
        if (unit->owner && unit->owner != session)
        {
            hr = owner_error( unit );
            break;
        }
        if (!unit->busy) break;
        /* another session of the process uses it: a cancel ends the wait */
        if (session_call_canceled( session ))
        {
            hr = WINBIO_E_CANCELED;
            break;
        }
        SleepConditionVariableCS( &unit->changed, &unit->cs, INFINITE );
    }
    if (SUCCEEDED(hr)) unit->busy = TRUE;
    LeaveCriticalSection( &unit->cs );
    if (FAILED(hr)) return hr;

    if (!unit->open)
    {
        if (FAILED(hr = open_device( unit )))
        {
            device_release( unit );
            return hr;
        }
        unit->open = TRUE;
        watch_wants( unit, TRUE );
    }
    return S_OK;
}

void device_release( struct unit *unit )
{
    EnterCriticalSection( &unit->cs );
    unit->busy = FALSE;
    WakeAllConditionVariable( &unit->changed );
    close_if_unused( unit );
    LeaveCriticalSection( &unit->cs );
}

HRESULT device_wait_owner( struct unit *unit, struct session *session )
{
    HRESULT hr = S_OK;

    EnterCriticalSection( &unit->cs );
    while (unit->owner && unit->owner != session)
    {
        /* whoever sets these wakes us afterwards, under unit->cs */
        if (session->lock_withdrawn || session_call_canceled( session ))
        {
            hr = WINBIO_E_CANCELED;
            break;
        }
        SleepConditionVariableCS( &unit->changed, &unit->cs, INFINITE );
    }
    if (SUCCEEDED(hr))
    {
        unit->owner = session;
        unit->owner_enrolls = FALSE;
    }
    LeaveCriticalSection( &unit->cs );
    return hr;
}

void device_wake_waiters( struct unit *unit )
{
    EnterCriticalSection( &unit->cs );
    WakeAllConditionVariable( &unit->changed );
    LeaveCriticalSection( &unit->cs );
}

/* WINBIO_E_ENROLLMENT_IN_PROGRESS when another session enrolls on the unit. */
HRESULT device_check_enrollment( struct unit *unit, struct session *session )
{
    HRESULT hr = S_OK;

    EnterCriticalSection( &unit->cs );
    if (unit->owner && unit->owner != session && unit->owner_enrolls) hr = WINBIO_E_ENROLLMENT_IN_PROGRESS;
    LeaveCriticalSection( &unit->cs );
    return hr;
}

/* Reserves the unit for one session (enrollment, WinBioLockUnit), or gives it back. */
HRESULT device_set_owner( struct unit *unit, struct session *session, enum device_owner how )
{
    HRESULT hr = S_OK;

    EnterCriticalSection( &unit->cs );
    if (how != OWNER_NONE)
    {
        if (!pool_may_use( session, unit )) hr = WINBIO_E_INCORRECT_SENSOR_POOL;
        else if (unit->owner && unit->owner != session) hr = owner_error( unit );
        else
        {
            unit->owner = session;
            unit->owner_enrolls = how == OWNER_ENROLL;
        }
    }
    else if (unit->owner == session)
    {
        unit->owner = NULL;
        unit->owner_enrolls = FALSE;
        close_if_unused( unit );
    }
    WakeAllConditionVariable( &unit->changed );
    LeaveCriticalSection( &unit->cs );
    return hr;
}

/* Lets WinBioCancel and WinBioCloseSession find the operation; one started
 * while the session closes is cancelled at once. */
static void add_running( struct session *session, UINT64 op )
{
    struct op_params params;
    BOOL closing;

    EnterCriticalSection( &session->cs );
    if (session->running_count < WINBIO_UNIX_MAX_WAIT) session->running[session->running_count++] = op;
    /* a WinBioCancel may have come before the operation could be cancelled */
    closing = session_call_canceled( session );
    LeaveCriticalSection( &session->cs );
    if (!closing) return;
    params.op = op;
    UNIX_CALL( op_cancel, &params );
}

static void remove_running( struct session *session, UINT64 op )
{
    UINT32 i;

    EnterCriticalSection( &session->cs );
    for (i = 0; i < session->running_count; i++)
    {
        if (session->running[i] != op) continue;
        session->running[i] = session->running[--session->running_count];
        break;
    }
    LeaveCriticalSection( &session->cs );
}

HRESULT device_start( struct session *session, struct device_op *op )
{
    NTSTATUS status;

    op->start.device = op->unit->device.id;
    if ((status = UNIX_CALL( op_start, &op->start )))
    {
        ERR( "cannot start operation %u, status %#lx\n", op->start.type, status );
        return WINBIO_E_DEVICE_FAILURE;
    }
    op->started = TRUE;
    add_running( session, op->start.op );
    return S_OK;
}

/* A sensor found unplugged is closed once its operation ends: libfprint
 * only forgets a removed device that is closed. */
static void note_result( struct unit *unit, const struct op_wait_params *event )
{
    if (event->event != WINBIO_UNIX_EVENT_DONE || event->result != WINBIO_UNIX_REMOVED) return;
    EnterCriticalSection( &unit->cs );
    unit->gone = TRUE;
    LeaveCriticalSection( &unit->cs );
}

HRESULT device_wait( struct session *session, struct device_op *op, struct op_wait_params *event )
{
    memset( event, 0, sizeof(*event) );
    event->ops[0] = op->start.op;
    event->count = 1;
    if (UNIX_CALL( op_wait, event )) return WINBIO_E_DEVICE_FAILURE;
    note_result( op->unit, event );
    return S_OK;
}

void device_finish( struct session *session, struct device_op *op )
{
    struct op_params params;

    if (!op->started) return;
    remove_running( session, op->start.op );
    params.op = op->start.op;
    UNIX_CALL( op_free, &params );
    op->started = FALSE;
}

/* A copy of one item of an operation's result data, freed with winbio_free. */
void *device_get_data( UINT64 op, UINT32 item, UINT32 *size )
{
    struct op_get_data_params params = { 0 };
    void *data;

    params.op = op;
    params.item = item;
    if (UNIX_CALL( op_get_data, &params ) != STATUS_BUFFER_TOO_SMALL && params.size) return NULL;
    if (!(data = winbio_alloc( max( params.size, 1 ) ))) return NULL;
    params.buffer = (ULONG_PTR)data;
    if (UNIX_CALL( op_get_data, &params ))
    {
        winbio_free( data );
        return NULL;
    }
    *size = params.size;
    return data;
}

HRESULT device_run_first( struct session *session, struct device_op *ops, SIZE_T count, SIZE_T *winner )
{
    struct op_wait_params wait;
    SIZE_T index[WINBIO_UNIX_MAX_WAIT];
    SIZE_T i, pending = 0;
    struct op_params cancel;
    HRESULT hr = S_OK;

    *winner = count;
    if (count > WINBIO_UNIX_MAX_WAIT) count = WINBIO_UNIX_MAX_WAIT;
    for (i = 0; i < count; i++)
    {
        if (FAILED(hr = device_start( session, &ops[i] ))) break;
        index[pending++] = i;
    }
    if (FAILED(hr))
    {
        for (i = 0; i < count; i++)
        {
            if (!ops[i].started) continue;
            cancel.op = ops[i].start.op;
            UNIX_CALL( op_cancel, &cancel );
        }
    }

    while (pending)
    {
        memset( &wait, 0, sizeof(wait) );
        for (i = 0; i < pending; i++) wait.ops[i] = ops[index[i]].start.op;
        wait.count = pending;
        if (UNIX_CALL( op_wait, &wait )) return WINBIO_E_DEVICE_FAILURE;
        if (wait.event != WINBIO_UNIX_EVENT_DONE) continue;

        i = index[wait.index];
        ops[i].result = wait;
        note_result( ops[i].unit, &wait );
        index[wait.index] = index[--pending];
        if (*winner < count || FAILED(hr)) continue;

        /* The first unit to finish decides; the others only wait for a touch
         * that will not come, so they are cancelled. */
        *winner = i;
        for (i = 0; i < pending; i++)
        {
            cancel.op = ops[index[i]].start.op;
            UNIX_CALL( op_cancel, &cancel );
        }
    }
    if (SUCCEEDED(hr) && *winner == count) hr = WINBIO_E_CANCELED;
    return hr;
}
