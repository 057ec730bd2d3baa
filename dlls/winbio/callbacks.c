/*
 * The Windows 7 style *WithCallback functions
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
 * The Windows 7 style calls check their arguments, queue the operation on
 * the session's worker thread (async.c) and return; the worker runs it as
 * a synchronous call and hands the outcome to the callback.
 */

static HRESULT queue_legacy( WINBIO_SESSION_HANDLE handle, WINBIO_OPERATION_TYPE operation, void *callback,
                             void *context, struct async_call *call )
{
    call->operation = operation;
    call->legacy_callback = callback;
    call->legacy_context = context;
    return async_queue_legacy( handle, call );
}

/***********************************************************************
 *      WinBioVerifyWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioVerifyWithCallback( WINBIO_SESSION_HANDLE handle, WINBIO_IDENTITY *identity,
                                         WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                         PWINBIO_VERIFY_CALLBACK callback, void *context )
{
    struct async_call call = { 0 };

    TRACE( "%lu, %s, %#x, %p, %p\n", handle, debugstr_identity( identity ), subfactor, callback, context );

    if (!identity) return E_POINTER;
    if (subfactor != WINBIO_SUBTYPE_ANY && !is_finger_subfactor( subfactor )) return E_INVALIDARG;
    call.identity = *identity;
    call.subfactor = subfactor;
    return queue_legacy( handle, WINBIO_OPERATION_VERIFY, callback, context, &call );
}

/***********************************************************************
 *      WinBioIdentifyWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioIdentifyWithCallback( WINBIO_SESSION_HANDLE handle,
                                           PWINBIO_IDENTIFY_CALLBACK callback, void *context )
{
    struct async_call call = { 0 };

    TRACE( "%lu, %p, %p\n", handle, callback, context );

    return queue_legacy( handle, WINBIO_OPERATION_IDENTIFY, callback, context, &call );
}

/***********************************************************************
 *      WinBioEnrollCaptureWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCaptureWithCallback( WINBIO_SESSION_HANDLE handle,
                                                PWINBIO_ENROLL_CAPTURE_CALLBACK callback,
                                                void *context )
{
    struct async_call call = { 0 };

    TRACE( "%lu, %p, %p\n", handle, callback, context );

    return queue_legacy( handle, WINBIO_OPERATION_ENROLL_CAPTURE, callback, context, &call );
}

/***********************************************************************
 *      WinBioCaptureSampleWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioCaptureSampleWithCallback( WINBIO_SESSION_HANDLE handle,
                                                WINBIO_BIR_PURPOSE purpose,
                                                WINBIO_BIR_DATA_FLAGS flags,
                                                PWINBIO_CAPTURE_CALLBACK callback, void *context )
{
    struct async_call call = { 0 };

    TRACE( "%lu, %#x, %#x, %p, %p\n", handle, purpose, flags, callback, context );

    call.purpose = purpose;
    call.flags = flags;
    return queue_legacy( handle, WINBIO_OPERATION_CAPTURE_SAMPLE, callback, context, &call );
}

/***********************************************************************
 *      WinBioLocateSensorWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioLocateSensorWithCallback( WINBIO_SESSION_HANDLE handle,
                                               PWINBIO_LOCATE_SENSOR_CALLBACK callback,
                                               void *context )
{
    struct async_call call = { 0 };

    TRACE( "%lu, %p, %p\n", handle, callback, context );

    return queue_legacy( handle, WINBIO_OPERATION_LOCATE_SENSOR, callback, context, &call );
}
