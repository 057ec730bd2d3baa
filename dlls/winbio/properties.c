/*
 * Unit and account properties, vendor control operations
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
#include "winreg.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

static const WCHAR anti_spoof_key[] = L"System\\CurrentControlSet\\Services\\WbioSrvc\\Parameters\\AntiSpoof";

static HRESULT get_anti_spoof_policy( const WINBIO_IDENTITY *identity, WINBIO_ANTI_SPOOF_POLICY *policy )
{
    DWORD action, size = sizeof(action);
    WCHAR *name;
    HRESULT hr;

    if (FAILED(hr = identity_account_name( identity, &name ))) return hr;
    /* libfprint detects no spoofing: unless the account asked otherwise, it is off */
    policy->Action = WINBIO_ANTI_SPOOF_DISABLE;
    policy->Source = WINBIO_POLICY_DEFAULT;
    if (!RegGetValueW( HKEY_LOCAL_MACHINE, anti_spoof_key, name, RRF_RT_REG_DWORD, NULL, &action, &size ))
    {
        policy->Action = action;
        policy->Source = WINBIO_POLICY_LOCAL;
    }
    LocalFree( name );
    return S_OK;
}

static HRESULT set_anti_spoof_policy( const WINBIO_IDENTITY *identity, const WINBIO_ANTI_SPOOF_POLICY *policy )
{
    DWORD action = policy->Action;
    WCHAR *name;
    HKEY key;
    HRESULT hr;
    LSTATUS ret;

    if (action != WINBIO_ANTI_SPOOF_DISABLE && action != WINBIO_ANTI_SPOOF_ENABLE &&
        action != WINBIO_ANTI_SPOOF_REMOVE)
        return E_INVALIDARG;
    if (FAILED(hr = identity_account_name( identity, &name ))) return hr;
    if (!(ret = RegCreateKeyExW( HKEY_LOCAL_MACHINE, anti_spoof_key, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL )))
    {
        if (action == WINBIO_ANTI_SPOOF_REMOVE) RegDeleteValueW( key, name );
        else ret = RegSetValueExW( key, name, 0, REG_DWORD, (const BYTE *)&action, sizeof(action) );
        RegCloseKey( key );
    }
    LocalFree( name );
    return ret ? HRESULT_FROM_WIN32( ret ) : S_OK;
}

/* The value of a unit property, in a WinBioFree()-able buffer. */
static HRESULT get_unit_property( struct session *session, struct unit *unit, WINBIO_PROPERTY_ID id,
                                  void **buffer, SIZE_T *size )
{
    union
    {
        ULONG sample_hint;
        WINBIO_EXTENDED_SENSOR_INFO sensor;
        WINBIO_EXTENDED_ENGINE_INFO engine;
        WINBIO_EXTENDED_STORAGE_INFO storage;
        WINBIO_EXTENDED_ENROLLMENT_STATUS enrollment;
        WINBIO_EXTENDED_UNIT_STATUS status;
        WINBIO_UNIT_SECURITY_LEVEL level;
        WINBIO_FP_BU_STATE bu_state;
    } value;
    SIZE_T len;

    memset( &value, 0, sizeof(value) );
    switch (id)
    {
    case WINBIO_PROPERTY_SAMPLE_HINT:
        /* the number of touches an enrollment takes */
        value.sample_hint = unit->device.enroll_stages;
        len = sizeof(value.sample_hint);
        break;
    case WINBIO_PROPERTY_EXTENDED_SENSOR_INFO:
        value.sensor.GenericSensorCapabilities = unit_capabilities( unit );
        value.sensor.Factor = WINBIO_TYPE_FINGERPRINT;
        len = sizeof(value.sensor);
        break;
    case WINBIO_PROPERTY_EXTENDED_ENGINE_INFO:
        value.engine.GenericEngineCapabilities = unit_capabilities( unit );
        value.engine.Factor = WINBIO_TYPE_FINGERPRINT;
        value.engine.Specific.Fingerprint.EnrollmentRequirements.GeneralSamples = unit->device.enroll_stages;
        len = sizeof(value.engine);
        break;
    case WINBIO_PROPERTY_EXTENDED_STORAGE_INFO:
        value.storage.GenericStorageCapabilities = unit_capabilities( unit );
        value.storage.Factor = WINBIO_TYPE_FINGERPRINT;
        len = sizeof(value.storage);
        break;
    case WINBIO_PROPERTY_EXTENDED_ENROLLMENT_STATUS:
        enrollment_get_status( session, unit, &value.enrollment );
        len = sizeof(value.enrollment);
        break;
    case WINBIO_PROPERTY_EXTENDED_UNIT_STATUS:
        value.status.Availability = WINBIO_SENSOR_AVAILABLE;
        len = sizeof(value.status);
        break;
    case WINBIO_PROPERTY_UNIT_SECURITY_LEVEL:
        value.level = WINBIO_UNIT_SECURITY_LEVEL_NORMAL;
        len = sizeof(value.level);
        break;
    case WINBIO_PROPERTY_FP_BU_STATE:
        value.bu_state.SensorAttached = TRUE;
        value.bu_state.CreationResult = S_OK;
        len = sizeof(value.bu_state);
        break;
    case WINBIO_PROPERTY_FP_IS_IMPROVING:
        return WINBIO_E_UNSUPPORTED_PROPERTY;
    default:
        return WINBIO_E_INVALID_PROPERTY_ID;
    }
    if (!(*buffer = winbio_alloc( len ))) return E_OUTOFMEMORY;
    memcpy( *buffer, &value, len );
    *size = len;
    return S_OK;
}

/* async_begin() for a property call */
static HRESULT begin_property( WINBIO_SESSION_HANDLE handle, WINBIO_OPERATION_TYPE operation,
                               WINBIO_PROPERTY_TYPE type, WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                               const WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                               void *buffer, SIZE_T size, HRESULT check, HRESULT outputs,
                               struct session **session )
{
    struct async_call call = { operation };

    call.property_type = type;
    call.property_id = id;
    call.unit_id = unit_id;
    if (identity) call.identity = *identity;
    call.subfactor = subfactor;
    call.buffer = buffer;
    call.buffer_size = size;
    call.check = check;
    call.outputs = outputs;
    return async_begin( handle, &call, session );
}

/***********************************************************************
 *      WinBioGetProperty (winbio.@)
 */
HRESULT WINAPI WinBioGetProperty( WINBIO_SESSION_HANDLE handle, WINBIO_PROPERTY_TYPE type,
                                  WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                                  WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                  void **buffer, SIZE_T *size )
{
    WINBIO_ANTI_SPOOF_POLICY *policy;
    struct session *session;
    struct unit *unit;
    HRESULT hr;

    TRACE( "%lu, %lu, %lu, %lu, %s, %#x, %p, %p\n", handle, type, id, unit_id,
           debugstr_identity( identity ), subfactor, buffer, size );

    if (FAILED(hr = begin_property( handle, WINBIO_OPERATION_GET_PROPERTY, type, id, unit_id, identity, subfactor,
                                    NULL, 0, S_OK, buffer && size ? S_OK : E_POINTER, &session )) || !session)
        return hr;
    *buffer = NULL;
    *size = 0;

    if (type == WINBIO_PROPERTY_TYPE_ACCOUNT)
    {
        if (id != WINBIO_PROPERTY_ANTI_SPOOF_POLICY) hr = WINBIO_E_INVALID_PROPERTY_ID;
        else if (!identity) hr = E_POINTER;
        else if (unit_id || subfactor != WINBIO_SUBTYPE_NO_INFORMATION) hr = E_INVALIDARG;
        else if (!(policy = winbio_alloc( sizeof(*policy) ))) hr = E_OUTOFMEMORY;
        else if (FAILED(hr = get_anti_spoof_policy( identity, policy ))) winbio_free( policy );
        else
        {
            *buffer = policy;
            *size = sizeof(*policy);
        }
    }
    else if (type == WINBIO_PROPERTY_TYPE_UNIT)
    {
        /* the pages want Identity NULL here; a pointer to an empty identity is tolerated */
        if (!unit_id || subfactor != WINBIO_SUBTYPE_NO_INFORMATION) hr = E_INVALIDARG;
        else if (!(unit = session_find_unit( session, unit_id ))) hr = WINBIO_E_INVALID_UNIT;
        else hr = get_unit_property( session, unit, id, buffer, size );
    }
    else hr = WINBIO_E_INVALID_PROPERTY_TYPE;

    session_end( session );
    return hr;
}

/* WinBioSetProperty's arguments.  Every unit property is read-only; the
 * anti-spoof policy is the one setting.  The page gives E_INVALIDARG for a
 * type, id or size of 0. */
static HRESULT check_set_property( WINBIO_PROPERTY_TYPE type, WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                                   const WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                   const void *buffer, SIZE_T size )
{
    if (!type || !id) return E_INVALIDARG;
    if (type != WINBIO_PROPERTY_TYPE_ACCOUNT) return WINBIO_E_INVALID_PROPERTY_TYPE;
    if (id != WINBIO_PROPERTY_ANTI_SPOOF_POLICY) return WINBIO_E_INVALID_PROPERTY_ID;
    if (!identity || !buffer) return E_POINTER;
    if (unit_id || subfactor != WINBIO_SUBTYPE_NO_INFORMATION || size != sizeof(WINBIO_ANTI_SPOOF_POLICY))
        return E_INVALIDARG;
    return S_OK;
}

/***********************************************************************
 *      WinBioSetProperty (winbio.@)
 */
HRESULT WINAPI WinBioSetProperty( WINBIO_SESSION_HANDLE handle, WINBIO_PROPERTY_TYPE type,
                                  WINBIO_PROPERTY_ID id, WINBIO_UNIT_ID unit_id,
                                  WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                  void *buffer, SIZE_T size )
{
    struct session *session;
    HRESULT hr, check;

    TRACE( "%lu, %lu, %lu, %lu, %s, %#x, %p, %Iu\n", handle, type, id, unit_id,
           debugstr_identity( identity ), subfactor, buffer, size );

    /* checked before an asynchronous call copies the buffer */
    check = check_set_property( type, id, unit_id, identity, subfactor, buffer, size );
    if (FAILED(hr = begin_property( handle, WINBIO_OPERATION_SET_PROPERTY, type, id, unit_id, identity, subfactor,
                                    buffer, size, check, S_OK, &session )) || !session)
        return hr;
    if (FAILED(check)) hr = check;
    else hr = set_anti_spoof_policy( identity, buffer );
    session_end( session );
    return hr;
}

/*
 * Vendor control operations.  libfprint gives its drivers no such entry
 * point, so no unit has a control code: once the call may run, the answer
 * is WINBIO_E_INVALID_CONTROL_CODE, and neither buffer is read or written.
 * The checks come first, in the documented order: the handle, the
 * pointers and the component, the unit's lock, the right.
 */
HRESULT control_unit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id, WINBIO_COMPONENT component,
                      ULONG code, UCHAR *send, SIZE_T send_size, UCHAR *receive, SIZE_T receive_size,
                      SIZE_T *received, ULONG *status, BOOL privileged )
{
    struct async_call call = { privileged ? WINBIO_OPERATION_CONTROL_UNIT_PRIVILEGED
                                          : WINBIO_OPERATION_CONTROL_UNIT };
    struct session *session;
    struct unit *unit;
    HRESULT hr;

    if (received) *received = 0;
    if (status) *status = 0;

    /* an asynchronous call reports the sizes and status in its result */
    if (!send || !receive) call.check = E_POINTER;
    else if (component != WINBIO_COMPONENT_SENSOR && component != WINBIO_COMPONENT_ENGINE &&
             component != WINBIO_COMPONENT_STORAGE)
        call.check = E_INVALIDARG;
    call.unit_id = unit_id;
    call.control.component = component;
    call.control.code = code;
    call.control.send = send;
    call.control.send_size = send_size;
    call.control.receive = receive;
    call.control.receive_size = receive_size;
    if (FAILED(hr = async_begin( handle, &call, &session )) || !session) return hr;
    if (!send || !receive || !received || !status) hr = E_POINTER;
    else if (FAILED(call.check)) hr = call.check;
    else if (!unit_id || !(unit = session_find_unit( session, unit_id )) || session->locked != unit)
        hr = WINBIO_E_LOCK_VIOLATION;
    else if (privileged && (!(session->flags & WINBIO_FLAG_MAINTENANCE) || !identity_caller_is_admin()))
        hr = E_ACCESSDENIED;
    else
    {
        TRACE( "unit %lu has no control code %#lx\n", unit_id, code );
        hr = WINBIO_E_INVALID_CONTROL_CODE;
    }
    session_end( session );
    return hr;
}

/***********************************************************************
 *      WinBioControlUnit (winbio.@)
 */
HRESULT WINAPI WinBioControlUnit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id,
                                  WINBIO_COMPONENT component, ULONG control_code,
                                  UCHAR *send_buffer, SIZE_T send_size, UCHAR *receive_buffer,
                                  SIZE_T receive_size, SIZE_T *received, ULONG *status )
{
    TRACE( "%lu, %lu, %lu, %#lx, %p, %Iu, %p, %Iu, %p, %p\n", handle, unit_id, component, control_code,
           send_buffer, send_size, receive_buffer, receive_size, received, status );

    return control_unit( handle, unit_id, component, control_code, send_buffer, send_size,
                         receive_buffer, receive_size, received, status, FALSE );
}

/***********************************************************************
 *      WinBioControlUnitPrivileged (winbio.@)
 */
HRESULT WINAPI WinBioControlUnitPrivileged( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id,
                                            WINBIO_COMPONENT component, ULONG control_code,
                                            UCHAR *send_buffer, SIZE_T send_size,
                                            UCHAR *receive_buffer, SIZE_T receive_size,
                                            SIZE_T *received, ULONG *status )
{
    TRACE( "%lu, %lu, %lu, %#lx, %p, %Iu, %p, %Iu, %p, %p\n", handle, unit_id, component, control_code,
           send_buffer, send_size, receive_buffer, receive_size, received, status );

    return control_unit( handle, unit_id, component, control_code, send_buffer, send_size,
                         receive_buffer, receive_size, received, status, TRUE );
}
