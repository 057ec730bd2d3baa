/*
 * Asynchronous calls: the worker thread of a session and result delivery
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
 * Every asynchronous handle, and every synchronous session that has a
 * Windows 7 style *WithCallback call pending, has one worker thread.  A
 * call on such a handle is checked, copied into a job and queued; the
 * worker takes the jobs in order and runs each through the same exported
 * function a synchronous caller uses (on the worker, the handle behaves as
 * a synchronous one), then delivers the outcome: a WINBIO_ASYNC_RESULT to
 * the completion callback or the window's message queue, or the arguments
 * of the legacy callback.  So the sequence numbers follow the order of the
 * calls, a callback never runs on the caller's thread, and a callback may
 * call back into the API: nothing is locked while it runs.
 *
 * WinBioCancel moves the session to a new "cancel epoch": queued jobs of an
 * older epoch end with WINBIO_E_CANCELED without running, and the job that
 * runs has its libfprint operation cancelled.
 */

#include "winbio_private.h"
#include "winuser.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

struct async_job
{
    struct async_job *next;
    struct async_call call;
    LONG epoch;                     /* the session's cancel epoch when queued */
    HANDLE token;                   /* the caller's impersonation token, if it had one */
    BOOL legacy;
    WINBIO_ASYNC_RESULT result;     /* filled in as the job runs */
};

HRESULT async_check_notify( const struct async_notify *notify )
{
    switch (notify->method)
    {
    case WINBIO_ASYNC_NOTIFY_CALLBACK:
        return notify->callback ? S_OK : E_POINTER;
    case WINBIO_ASYNC_NOTIFY_MESSAGE:
        if (!notify->window || notify->window == HWND_BROADCAST || !notify->message) return E_INVALIDARG;
        if (notify->message < WM_APP || notify->message > 0xbfff) return E_INVALIDARG;
        return S_OK;
    default:
        return E_INVALIDARG;
    }
}

BOOL async_is_worker( const struct session *session )
{
    return session->worker_tid == GetCurrentThreadId();
}

/* TRUE while the worker runs a job: its calls on the handle are synchronous.
 * Calls made from a completion callback are queued like any other. */
BOOL async_in_job( const struct session *session )
{
    return async_is_worker( session ) && session->job;
}

/* Called with the session's lock held, when a libfprint operation starts. */
BOOL async_job_canceled( struct session *session )
{
    if (!async_in_job( session )) return FALSE;
    if (session->job->call.operation == WINBIO_OPERATION_GET_EVENT &&
        session->job->call.event_epoch != session->event_epoch) return TRUE;
    return session->job->epoch != session->cancel_epoch;
}

static void free_job( struct async_job *job )
{
    if (job->token) CloseHandle( job->token );
    winbio_free( job->call.buffer );
    winbio_free( job );
}

/* What a property result reports of its call (GetProperty and SetProperty have the same fields). */
static void report_property( const struct async_call *call, WINBIO_PROPERTY_TYPE *type, WINBIO_PROPERTY_ID *id,
                             WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE *subfactor )
{
    *type = call->property_type;
    *id = call->property_id;
    *identity = call->identity;
    *subfactor = call->subfactor;
}

/* Runs the call through the synchronous API; the handle is synchronous on this thread.
 * The result already names the call's unit (queue_job); calls that find
 * the unit themselves write it over. */
static HRESULT run_job( struct session *session, struct async_job *job )
{
    WINBIO_ASYNC_RESULT *res = &job->result;
    struct async_call *call = &job->call;
    WINBIO_SESSION_HANDLE handle = session->handle;

    switch (call->operation)
    {
    case WINBIO_OPERATION_OPEN:
    case WINBIO_OPERATION_CLOSE:
    case WINBIO_OPERATION_NONE:
        return S_OK;  /* done by the worker itself */
    case WINBIO_OPERATION_VERIFY:
        res->Parameters.Verify.RejectDetail = 0;
        return WinBioVerify( handle, &call->identity, call->subfactor, &res->UnitId,
                             &res->Parameters.Verify.Match, &res->Parameters.Verify.RejectDetail );
    case WINBIO_OPERATION_IDENTIFY:
        return WinBioIdentify( handle, &res->UnitId, &res->Parameters.Identify.Identity,
                               &res->Parameters.Identify.SubFactor, &res->Parameters.Identify.RejectDetail );
    case WINBIO_OPERATION_LOCATE_SENSOR:
        return WinBioLocateSensor( handle, &res->UnitId );
    case WINBIO_OPERATION_ENROLL_BEGIN:
        res->Parameters.EnrollBegin.SubFactor = call->subfactor;
        return WinBioEnrollBegin( handle, call->subfactor, call->unit_id );
    case WINBIO_OPERATION_ENROLL_CAPTURE:
        return WinBioEnrollCapture( handle, &res->Parameters.EnrollCapture.RejectDetail );
    case WINBIO_OPERATION_ENROLL_COMMIT:
        return WinBioEnrollCommit( handle, &res->Parameters.EnrollCommit.Identity,
                                   &res->Parameters.EnrollCommit.IsNewTemplate );
    case WINBIO_OPERATION_ENROLL_DISCARD:
        return WinBioEnrollDiscard( handle );
    case WINBIO_OPERATION_ENROLL_SELECT:
        res->Parameters.EnrollSelect.SelectorValue = call->selector;
        return WinBioEnrollSelect( handle, call->selector );
    case WINBIO_OPERATION_ENUM_ENROLLMENTS:
        res->Parameters.EnumEnrollments.Identity = call->identity;
        return WinBioEnumEnrollments( handle, call->unit_id, &call->identity,
                                      &res->Parameters.EnumEnrollments.SubFactorArray,
                                      &res->Parameters.EnumEnrollments.SubFactorCount );
    case WINBIO_OPERATION_DELETE_TEMPLATE:
        res->Parameters.DeleteTemplate.Identity = call->identity;
        res->Parameters.DeleteTemplate.SubFactor = call->subfactor;
        return WinBioDeleteTemplate( handle, call->unit_id, &call->identity, call->subfactor );
    case WINBIO_OPERATION_CAPTURE_SAMPLE:
        return WinBioCaptureSample( handle, call->purpose, call->flags, &res->UnitId,
                                    &res->Parameters.CaptureSample.Sample,
                                    &res->Parameters.CaptureSample.SampleSize,
                                    &res->Parameters.CaptureSample.RejectDetail );
    case WINBIO_OPERATION_GET_PROPERTY:
        report_property( call, &res->Parameters.GetProperty.PropertyType, &res->Parameters.GetProperty.PropertyId,
                         &res->Parameters.GetProperty.Identity, &res->Parameters.GetProperty.SubFactor );
        return WinBioGetProperty( handle, call->property_type, call->property_id, call->unit_id,
                                  call->identity.Type ? &call->identity : NULL, call->subfactor,
                                  &res->Parameters.GetProperty.PropertyBuffer,
                                  &res->Parameters.GetProperty.PropertyBufferSize );
    case WINBIO_OPERATION_SET_PROPERTY:
        report_property( call, &res->Parameters.SetProperty.PropertyType, &res->Parameters.SetProperty.PropertyId,
                         &res->Parameters.SetProperty.Identity, &res->Parameters.SetProperty.SubFactor );
        return WinBioSetProperty( handle, call->property_type, call->property_id, call->unit_id,
                                  call->identity.Type ? &call->identity : NULL, call->subfactor,
                                  call->buffer, call->buffer_size );
    case WINBIO_OPERATION_CONTROL_UNIT:
    case WINBIO_OPERATION_CONTROL_UNIT_PRIVILEGED:
        res->Parameters.ControlUnit.Component = call->control.component;
        res->Parameters.ControlUnit.ControlCode = call->control.code;
        res->Parameters.ControlUnit.SendBuffer = call->control.send;
        res->Parameters.ControlUnit.SendBufferSize = call->control.send_size;
        res->Parameters.ControlUnit.ReceiveBuffer = call->control.receive;
        res->Parameters.ControlUnit.ReceiveBufferSize = call->control.receive_size;
        return control_unit( handle, call->unit_id, call->control.component, call->control.code,
                             call->control.send, call->control.send_size, call->control.receive,
                             call->control.receive_size, &res->Parameters.ControlUnit.ReceiveDataSize,
                             &res->Parameters.ControlUnit.OperationStatus,
                             call->operation == WINBIO_OPERATION_CONTROL_UNIT_PRIVILEGED );
    case WINBIO_OPERATION_LOCK_UNIT:
        return WinBioLockUnit( handle, call->unit_id );
    case WINBIO_OPERATION_UNLOCK_UNIT:
        return WinBioUnlockUnit( handle, call->unit_id );
    case WINBIO_OPERATION_MONITOR_PRESENCE:
        return session_find_unit( session, call->unit_id ) ? WINBIO_E_UNSUPPORTED_FACTOR : WINBIO_E_INVALID_UNIT;
    case WINBIO_OPERATION_OPEN_FRAMEWORK:
    case WINBIO_OPERATION_CLOSE_FRAMEWORK:
    case WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS:
    case WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS:
    case WINBIO_OPERATION_ENUM_DATABASES:
    case WINBIO_OPERATION_UNIT_ARRIVAL:
    case WINBIO_OPERATION_UNIT_REMOVAL:
        return framework_run( session, call, res );
    default:
        FIXME( "operation %lu\n", call->operation );
        return E_NOTIMPL;
    }
}

/* Where a result's nested data live, so that it can be moved into the result's block. */
static void **nested_data( WINBIO_ASYNC_RESULT *res, SIZE_T *size )
{
    switch (res->Operation)
    {
    case WINBIO_OPERATION_ENUM_ENROLLMENTS:
        *size = res->Parameters.EnumEnrollments.SubFactorCount * sizeof(WINBIO_BIOMETRIC_SUBTYPE);
        return (void **)&res->Parameters.EnumEnrollments.SubFactorArray;
    case WINBIO_OPERATION_CAPTURE_SAMPLE:
        *size = res->Parameters.CaptureSample.SampleSize;
        return (void **)&res->Parameters.CaptureSample.Sample;
    case WINBIO_OPERATION_GET_PROPERTY:
        *size = res->Parameters.GetProperty.PropertyBufferSize;
        return &res->Parameters.GetProperty.PropertyBuffer;
    case WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS:
        *size = res->Parameters.EnumServiceProviders.BspCount * sizeof(WINBIO_BSP_SCHEMA);
        return (void **)&res->Parameters.EnumServiceProviders.BspSchemaArray;
    case WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS:
    case WINBIO_OPERATION_UNIT_ARRIVAL:
    case WINBIO_OPERATION_UNIT_REMOVAL:
        *size = res->Parameters.EnumBiometricUnits.UnitCount * sizeof(WINBIO_UNIT_SCHEMA);
        return (void **)&res->Parameters.EnumBiometricUnits.UnitSchemaArray;
    case WINBIO_OPERATION_ENUM_DATABASES:
        *size = res->Parameters.EnumDatabases.StorageCount * sizeof(WINBIO_STORAGE_SCHEMA);
        return (void **)&res->Parameters.EnumDatabases.StorageSchemaArray;
    default:
        *size = 0;
        return NULL;
    }
}

/* The result as the client gets it: one block, freed with one WinBioFree. */
static WINBIO_ASYNC_RESULT *pack_result( WINBIO_ASYNC_RESULT *res )
{
    const SIZE_T header = (sizeof(*res) + 15) & ~(SIZE_T)15;
    WINBIO_ASYNC_RESULT *ret;
    void **nested, *data;
    SIZE_T size;

    nested = nested_data( res, &size );
    data = nested ? *nested : NULL;
    if (!data) size = 0;
    if ((ret = winbio_alloc( header + size )))
    {
        *ret = *res;
        if (data)
        {
            memcpy( (BYTE *)ret + header, data, size );
            *nested_data( ret, &size ) = (BYTE *)ret + header;
        }
    }
    winbio_free( data );
    return ret;
}

static void deliver_legacy( struct async_job *job )
{
    const WINBIO_ASYNC_RESULT *res = &job->result;
    void *context = job->call.legacy_context;
    WINBIO_BIR *sample;

    switch (job->call.operation)
    {
    case WINBIO_OPERATION_VERIFY:
        ((PWINBIO_VERIFY_CALLBACK)job->call.legacy_callback)( context, res->ApiStatus, res->UnitId,
                res->Parameters.Verify.Match, res->Parameters.Verify.RejectDetail );
        break;
    case WINBIO_OPERATION_IDENTIFY:
        ((PWINBIO_IDENTIFY_CALLBACK)job->call.legacy_callback)( context, res->ApiStatus, res->UnitId,
                (WINBIO_IDENTITY *)&res->Parameters.Identify.Identity, res->Parameters.Identify.SubFactor,
                res->Parameters.Identify.RejectDetail );
        break;
    case WINBIO_OPERATION_LOCATE_SENSOR:
        ((PWINBIO_LOCATE_SENSOR_CALLBACK)job->call.legacy_callback)( context, res->ApiStatus, res->UnitId );
        break;
    case WINBIO_OPERATION_ENROLL_CAPTURE:
        ((PWINBIO_ENROLL_CAPTURE_CALLBACK)job->call.legacy_callback)( context, res->ApiStatus,
                res->Parameters.EnrollCapture.RejectDetail );
        break;
    case WINBIO_OPERATION_CAPTURE_SAMPLE:
        /* the sample is the client's, to free with WinBioFree */
        sample = res->Parameters.CaptureSample.Sample;
        ((PWINBIO_CAPTURE_CALLBACK)job->call.legacy_callback)( context, res->ApiStatus, res->UnitId, sample,
                res->Parameters.CaptureSample.SampleSize, res->Parameters.CaptureSample.RejectDetail );
        break;
    default:
        ERR( "no legacy callback for operation %lu\n", job->call.operation );
        break;
    }
}

static void deliver( struct session *session, struct async_job *job )
{
    WINBIO_ASYNC_RESULT *res;

    TRACE( "session %lu: operation %lu, sequence %I64u, status %#lx\n", job->result.SessionHandle,
           job->result.Operation, job->result.SequenceNumber, job->result.ApiStatus );

    if (job->legacy)
    {
        deliver_legacy( job );
        return;
    }
    if (!(res = pack_result( &job->result )))
    {
        ERR( "out of memory, result of operation %lu lost\n", job->result.Operation );
        return;
    }
    if (session->notify.method == WINBIO_ASYNC_NOTIFY_CALLBACK)
        session->notify.callback( res );
    else if (!PostMessageW( session->notify.window, session->notify.message, 0, (LPARAM)res ))
    {
        WARN( "cannot post to window %p, error %lu\n", session->notify.window, GetLastError() );
        /* the handle of an asynchronous open comes only with its result:
         * lost, nobody could ever close it, and its worker would stay */
        if (SUCCEEDED(res->ApiStatus) && res->Operation == WINBIO_OPERATION_OPEN)
            WinBioCloseSession( res->SessionHandle );
        else if (SUCCEEDED(res->ApiStatus) && res->Operation == WINBIO_OPERATION_OPEN_FRAMEWORK)
            WinBioCloseFramework( res->SessionHandle );
        winbio_free( res );
    }
}

/* The worker's part of an open: a failed open takes the handle away again. */
static HRESULT run_open( struct session *session )
{
    HRESULT hr;

    if (FAILED(hr = session_connect( session )))
    {
        session_release( session_remove( session->handle ) );
        EnterCriticalSection( &session->cs );
        session->closing = TRUE;
        LeaveCriticalSection( &session->cs );
    }
    return hr;
}

static DWORD WINAPI worker_proc( void *param )
{
    struct session *session = param;
    struct async_job *job;
    HMODULE module = NULL;
    BOOL done = FALSE;

    GetModuleHandleExW( GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)worker_proc, &module );
    SetThreadDescription( GetCurrentThread(), L"winbio_worker" );

    while (!done)
    {
        EnterCriticalSection( &session->cs );
        while (!session->queue_head && !session->closing)
            SleepConditionVariableCS( &session->queued, &session->cs, INFINITE );
        if (!(job = session->queue_head))
        {
            /* closing, and nothing left to report */
            session->worker_tid = 0;
            LeaveCriticalSection( &session->cs );
            break;
        }
        if (!(session->queue_head = job->next)) session->queue_tail = NULL;
        session->job = job;
        LeaveCriticalSection( &session->cs );

        switch (job->call.operation)
        {
        case WINBIO_OPERATION_OPEN:
            job->result.ApiStatus = run_open( session );
            break;
        case WINBIO_OPERATION_CLOSE:
        case WINBIO_OPERATION_CLOSE_FRAMEWORK:
            if (session->kind == SESSION_ASYNC) session_teardown( session );
            job->result.ApiStatus = S_OK;
            break;
        case WINBIO_OPERATION_GET_EVENT:
            /* delivers events itself until the monitor ends; no result */
            monitor_run_events( session, &job->call );
            break;
        default:
            if (job->epoch != session->cancel_epoch) job->result.ApiStatus = WINBIO_E_CANCELED;
            else
            {
                if (job->token && !SetThreadToken( NULL, job->token ))
                    WARN( "cannot act as the caller, error %lu\n", GetLastError() );
                job->result.ApiStatus = run_job( session, job );
                if (job->token) RevertToSelf();
            }
            break;
        }

        EnterCriticalSection( &session->cs );
        session->job = NULL;
        LeaveCriticalSection( &session->cs );

        if (job->call.operation != WINBIO_OPERATION_GET_EVENT) deliver( session, job );

        EnterCriticalSection( &session->cs );
        if (!--session->pending) WakeAllConditionVariable( &session->idle );
        if (job->call.operation == WINBIO_OPERATION_CLOSE || job->call.operation == WINBIO_OPERATION_CLOSE_FRAMEWORK)
        {
            session->worker_tid = 0;
            done = TRUE;
        }
        LeaveCriticalSection( &session->cs );
        free_job( job );
    }

    session_release( session );
    if (module) FreeLibraryAndExitThread( module, 0 );
    return 0;
}

/* Queues a job; starts the session's worker when it has none. */
static HRESULT queue_job( struct session *session, const struct async_call *call, BOOL legacy )
{
    struct async_job *job;
    FILETIME now;
    HANDLE thread;
    HRESULT hr = S_OK;

    if (!(job = winbio_alloc( sizeof(*job) ))) return E_OUTOFMEMORY;
    job->call = *call;
    job->legacy = legacy;
    /* The job runs as its caller, as the service would see the client of
     * the call: the identity of an enrollment and the administrator check
     * of a delete are those of the thread that called, impersonating or
     * not.  A thread that does not impersonate has no token: the worker
     * then acts as the process, as the caller did. */
    if (!OpenThreadToken( GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE, &job->token ))
        job->token = NULL;
    job->result.SessionHandle = session->handle;
    job->result.Operation = call->operation;
    job->result.UnitId = call->unit_id;
    job->result.UserData = session->notify.user_data;
    GetSystemTimeAsFileTime( &now );
    job->result.TimeStamp = ((LONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime;

    EnterCriticalSection( &session->cs );
    /* the worker ends with the close, whose result is the last one: a call
     * queued after it (a cancel made as another thread closed) would never
     * be reported, and WinBioWait would wait for it forever */
    if (session->close_queued) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    else if (!session->worker_tid)
    {
        if ((thread = CreateThread( NULL, 0, worker_proc, session_addref( session ), CREATE_SUSPENDED,
                                    &session->worker_tid )))
        {
            ResumeThread( thread );
            CloseHandle( thread );
        }
        else
        {
            ERR( "cannot start a worker thread, error %lu\n", GetLastError() );
            session->worker_tid = 0;
            session_release( session );
            hr = E_OUTOFMEMORY;
        }
    }
    if (SUCCEEDED(hr))
    {
        /* the open is number 1 */
        job->result.SequenceNumber = call->operation == WINBIO_OPERATION_OPEN ||
                                     call->operation == WINBIO_OPERATION_OPEN_FRAMEWORK ? 1 : ++session->sequence;
        job->epoch = session->cancel_epoch;
        if (call->operation == WINBIO_OPERATION_CLOSE || call->operation == WINBIO_OPERATION_CLOSE_FRAMEWORK)
            session->close_queued = TRUE;
        if (session->queue_tail) session->queue_tail->next = job;
        else session->queue_head = job;
        session->queue_tail = job;
        session->pending++;
        WakeAllConditionVariable( &session->queued );
    }
    LeaveCriticalSection( &session->cs );

    if (FAILED(hr))
    {
        job->call.buffer = NULL;  /* still the caller's */
        free_job( job );
    }
    return hr;
}

HRESULT async_queue_session( struct session *session, const struct async_call *call )
{
    return queue_job( session, call, FALSE );
}

static HRESULT copy_buffer( struct async_call *call )
{
    void *copy;

    if (!call->buffer) return S_OK;
    if (!(copy = winbio_alloc( max( call->buffer_size, 1 ) ))) return E_OUTOFMEMORY;
    memcpy( copy, call->buffer, call->buffer_size );
    call->buffer = copy;
    return S_OK;
}

HRESULT async_begin( WINBIO_SESSION_HANDLE handle, const struct async_call *call, struct session **ret )
{
    struct async_call copy = *call;
    struct session *session;
    HRESULT hr;

    *ret = NULL;
    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (session->kind == SESSION_FRAMEWORK) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else if (session->kind != SESSION_ASYNC || async_in_job( session ))
    {
        if (FAILED(call->outputs)) hr = call->outputs;
        else return session_start( session, ret );  /* the reference is the call's now */
    }
    else if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    else if (FAILED(call->check)) hr = call->check;
    else if (SUCCEEDED(hr = copy_buffer( &copy )) && FAILED(hr = queue_job( session, &copy, FALSE )))
        winbio_free( copy.buffer );
    session_release( session );
    return hr;
}

HRESULT async_queue_legacy( WINBIO_SESSION_HANDLE handle, const struct async_call *call )
{
    struct session *session;
    HRESULT hr;

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (!call->legacy_callback) hr = E_POINTER;
    /* the Windows 7 style calls are for synchronous sessions */
    else if (session->kind != SESSION_SYNC) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    /* refused at once, as the page of WinBioCaptureSampleWithCallback says */
    else if (call->operation == WINBIO_OPERATION_CAPTURE_SAMPLE && !(session->flags & WINBIO_FLAG_RAW))
        hr = E_ACCESSDENIED;
    else hr = queue_job( session, call, TRUE );
    session_release( session );
    return hr;
}

/* Ends what the session has queued or running with WINBIO_E_CANCELED. */
void async_cancel( struct session *session )
{
    struct unit **units;
    SIZE_T count, i;

    EnterCriticalSection( &session->cs );
    session->cancel_epoch++;
    /* calls waiting for their turn on the session see the new epoch */
    WakeAllConditionVariable( &session->idle );
    LeaveCriticalSection( &session->cs );
    session_cancel_running( session );
    /* calls still waiting for a unit see the new epoch (every unit: the
     * session's own list may still be filled in by an asynchronous open) */
    if (SUCCEEDED(units_get_all( &units, &count )))
    {
        for (i = 0; i < count; i++) device_wake_waiters( units[i] );
        winbio_free( units );
    }
}

/* Waits until every queued call has been reported; not from the worker itself. */
void async_wait( struct session *session )
{
    if (async_is_worker( session ))
    {
        WARN( "called from a completion callback, not waiting for it\n" );
        return;
    }
    EnterCriticalSection( &session->cs );
    while (session->pending) SleepConditionVariableCS( &session->idle, &session->cs, INFINITE );
    LeaveCriticalSection( &session->cs );
}
