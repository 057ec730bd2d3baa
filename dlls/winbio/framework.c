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
 * A framework handle is an asynchronous handle without units: its calls
 * run the synchronous enumerations on the handle's worker (async.c) and
 * report them as WINBIO_ASYNC_RESULTs.  Unit arrival and removal come from
 * libfprint's hotplug signals, read by one thread that lives in the Unix
 * call wait_device_change and queues a result on every framework handle
 * that monitors changes.
 */

static INIT_ONCE watcher_once = INIT_ONCE_STATIC_INIT;

void framework_unit_changed( WINBIO_UNIT_ID id, BOOL arrived )
{
    struct async_call call = { arrived ? WINBIO_OPERATION_UNIT_ARRIVAL : WINBIO_OPERATION_UNIT_REMOVAL };
    struct session **monitors;
    SIZE_T i, count;

    TRACE( "unit %lu %s\n", id, arrived ? "arrived" : "removed" );
    call.unit_id = id;
    if (FAILED(session_get_monitors( &monitors, &count ))) return;
    for (i = 0; i < count; i++)
    {
        if (monitors[i]->monitor & WINBIO_FRAMEWORK_CHANGE_UNIT) async_queue_session( monitors[i], &call );
        session_release( monitors[i] );
    }
    winbio_free( monitors );
}

static DWORD WINAPI watcher_proc( void *module )
{
    struct device_change_params change;
    struct unit **present, *unit;
    SIZE_T count;

    SetThreadDescription( GetCurrentThread(), L"winbio_hotplug" );
    for (;;)
    {
        if (UNIX_CALL( wait_device_change, &change )) break;
        /* a new device gets its unit when the units are listed */
        if (change.added && SUCCEEDED(units_get_all( &present, &count ))) winbio_free( present );
        if ((unit = unit_from_device( change.device ))) framework_unit_changed( unit->id, change.added );
    }
    FreeLibraryAndExitThread( module, 0 );
}

static BOOL WINAPI start_watcher( INIT_ONCE *once, void *param, void **context )
{
    struct unit **present;
    HMODULE module;
    HANDLE thread;
    SIZE_T count;

    /* changes are reported from the first enumeration on */
    if (FAILED(units_get_all( &present, &count ))) return FALSE;
    winbio_free( present );
    /* without winbio.so there are no devices, and none can arrive */
    if (winbio_no_unix()) return TRUE;
    if (!GetModuleHandleExW( GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (const WCHAR *)start_watcher, &module ))
        return FALSE;
    if (!(thread = CreateThread( NULL, 0, watcher_proc, module, 0, NULL )))
    {
        FreeLibrary( module );
        return FALSE;
    }
    CloseHandle( thread );
    return TRUE;
}

static HRESULT get_unit_schema( WINBIO_UNIT_ID id, WINBIO_ASYNC_RESULT *result )
{
    WINBIO_UNIT_SCHEMA *schema;
    struct unit *unit;

    if (!(unit = unit_from_id( id ))) return WINBIO_E_INVALID_UNIT;
    if (!(schema = winbio_alloc( sizeof(*schema) ))) return E_OUTOFMEMORY;
    unit_get_schema( unit, schema );
    result->Parameters.EnumBiometricUnits.UnitSchemaArray = schema;
    result->Parameters.EnumBiometricUnits.UnitCount = 1;
    return S_OK;
}

HRESULT framework_run( struct session *session, const struct async_call *call, WINBIO_ASYNC_RESULT *result )
{
    switch (call->operation)
    {
    case WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS:
        return WinBioEnumServiceProviders( call->factor, &result->Parameters.EnumServiceProviders.BspSchemaArray,
                                           &result->Parameters.EnumServiceProviders.BspCount );
    case WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS:
        return WinBioEnumBiometricUnits( call->factor, &result->Parameters.EnumBiometricUnits.UnitSchemaArray,
                                         &result->Parameters.EnumBiometricUnits.UnitCount );
    case WINBIO_OPERATION_ENUM_DATABASES:
        return WinBioEnumDatabases( call->factor, &result->Parameters.EnumDatabases.StorageSchemaArray,
                                    &result->Parameters.EnumDatabases.StorageCount );
    case WINBIO_OPERATION_UNIT_ARRIVAL:
    case WINBIO_OPERATION_UNIT_REMOVAL:
        /* no member is documented for these; the unit's schema goes where
         * WinBioAsyncEnumBiometricUnits puts its units */
        return get_unit_schema( call->unit_id, result );
    default:
        return S_OK;
    }
}

/* A framework handle the call may use, with a reference. */
static HRESULT grab_framework( WINBIO_FRAMEWORK_HANDLE handle, struct session **ret )
{
    struct session *session;
    HRESULT hr = S_OK;

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (session->kind != SESSION_FRAMEWORK) hr = WINBIO_E_INCORRECT_SESSION_TYPE;
    else if (session->closing) hr = WINBIO_E_SESSION_HANDLE_CLOSED;
    if (FAILED(hr))
    {
        session_release( session );
        return hr;
    }
    *ret = session;
    return S_OK;
}

static HRESULT queue_enum( WINBIO_FRAMEWORK_HANDLE handle, WINBIO_OPERATION_TYPE operation,
                           WINBIO_BIOMETRIC_TYPE factor )
{
    struct async_call call = { operation };
    struct session *session;
    HRESULT hr;

    if (FAILED(hr = grab_framework( handle, &session ))) return hr;
    /* the rule of the synchronous enumerations */
    if (factor & ~WINBIO_TYPE_ANY) hr = E_INVALIDARG;
    else
    {
        call.factor = factor;
        hr = async_queue_session( session, &call );
    }
    session_release( session );
    return hr;
}

/***********************************************************************
 *      WinBioAsyncOpenFramework (winbio.@)
 */
HRESULT WINAPI WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFICATION_METHOD method, HWND window,
                                         UINT message, PWINBIO_ASYNC_COMPLETION_CALLBACK callback,
                                         void *user_data, BOOL async_open,
                                         WINBIO_FRAMEWORK_HANDLE *handle )
{
    struct async_notify notify = { method, window, message, callback, user_data };
    struct async_call open = { WINBIO_OPERATION_OPEN_FRAMEWORK };
    struct session *session;
    HRESULT hr;

    TRACE( "%d, %p, %#x, %p, %p, %d, %p\n", method, window, message, callback, user_data, async_open, handle );

    if (!handle) return E_POINTER;
    *handle = 0;
    if (FAILED(hr = async_check_notify( &notify ))) return hr;
    if (!(session = session_alloc( SESSION_FRAMEWORK ))) return E_OUTOFMEMORY;
    session->notify = notify;
    if (FAILED(hr = session_insert( session )))
    {
        session_release( session );
        return hr;
    }
    if (!async_open)
    {
        *handle = session->handle;
        return S_OK;
    }
    /* the handle comes with the WINBIO_OPERATION_OPEN_FRAMEWORK result */
    if (FAILED(hr = async_queue_session( session, &open ))) session_release( session_remove( session->handle ) );
    return hr;
}

/***********************************************************************
 *      WinBioCloseFramework (winbio.@)
 */
HRESULT WINAPI WinBioCloseFramework( WINBIO_FRAMEWORK_HANDLE handle )
{
    struct async_call close = { WINBIO_OPERATION_CLOSE_FRAMEWORK };
    struct session *session;
    HRESULT hr;

    TRACE( "%lu\n", handle );

    if (FAILED(hr = grab_framework( handle, &session ))) return hr;
    session_release( session );
    if (!(session = session_remove( handle ))) return E_HANDLE;

    /* as documented, this does not wait: pending calls end as cancelled */
    EnterCriticalSection( &session->cs );
    session->closing = TRUE;
    session->monitor = 0;
    LeaveCriticalSection( &session->cs );
    async_cancel( session );
    hr = async_queue_session( session, &close );
    session_release( session );
    return hr;
}

/***********************************************************************
 *      WinBioAsyncEnumServiceProviders (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumServiceProviders( WINBIO_FRAMEWORK_HANDLE handle, WINBIO_BIOMETRIC_TYPE factor )
{
    TRACE( "%lu, %#lx\n", handle, factor );
    return queue_enum( handle, WINBIO_OPERATION_ENUM_SERVICE_PROVIDERS, factor );
}

/***********************************************************************
 *      WinBioAsyncEnumBiometricUnits (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumBiometricUnits( WINBIO_FRAMEWORK_HANDLE handle, WINBIO_BIOMETRIC_TYPE factor )
{
    TRACE( "%lu, %#lx\n", handle, factor );
    return queue_enum( handle, WINBIO_OPERATION_ENUM_BIOMETRIC_UNITS, factor );
}

/***********************************************************************
 *      WinBioAsyncEnumDatabases (winbio.@)
 */
HRESULT WINAPI WinBioAsyncEnumDatabases( WINBIO_FRAMEWORK_HANDLE handle, WINBIO_BIOMETRIC_TYPE factor )
{
    TRACE( "%lu, %#lx\n", handle, factor );
    return queue_enum( handle, WINBIO_OPERATION_ENUM_DATABASES, factor );
}

/***********************************************************************
 *      WinBioAsyncMonitorFrameworkChanges (winbio.@)
 */
HRESULT WINAPI WinBioAsyncMonitorFrameworkChanges( WINBIO_FRAMEWORK_HANDLE handle,
                                                   WINBIO_FRAMEWORK_CHANGE_TYPE change_types )
{
    struct session *session;
    HRESULT hr;

    TRACE( "%lu, %#lx\n", handle, change_types );

    if (FAILED(hr = grab_framework( handle, &session ))) return hr;
    if (!change_types || (change_types & ~(WINBIO_FRAMEWORK_CHANGE_UNIT | WINBIO_FRAMEWORK_CHANGE_UNIT_STATUS)))
        hr = E_INVALIDARG;
    else if (!InitOnceExecuteOnce( &watcher_once, start_watcher, NULL, NULL )) hr = WINBIO_E_DEVICE_FAILURE;
    else
    {
        /* unit status changes are not something libfprint reports */
        if (change_types & WINBIO_FRAMEWORK_CHANGE_UNIT_STATUS) FIXME( "unit status changes not reported\n" );
        session->monitor = change_types;
    }
    session_release( session );
    return hr;
}
