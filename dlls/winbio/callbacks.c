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

/***********************************************************************
 *      WinBioVerifyWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioVerifyWithCallback( WINBIO_SESSION_HANDLE session, WINBIO_IDENTITY *identity,
                                         WINBIO_BIOMETRIC_SUBTYPE sub_factor,
                                         PWINBIO_VERIFY_CALLBACK callback, void *context )
{
    FIXME( "(%lu, %p, %#x, %p, %p) stub\n", session, identity, sub_factor, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioIdentifyWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioIdentifyWithCallback( WINBIO_SESSION_HANDLE session,
                                           PWINBIO_IDENTIFY_CALLBACK callback, void *context )
{
    FIXME( "(%lu, %p, %p) stub\n", session, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollCaptureWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCaptureWithCallback( WINBIO_SESSION_HANDLE session,
                                                PWINBIO_ENROLL_CAPTURE_CALLBACK callback,
                                                void *context )
{
    FIXME( "(%lu, %p, %p) stub\n", session, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioCaptureSampleWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioCaptureSampleWithCallback( WINBIO_SESSION_HANDLE session,
                                                WINBIO_BIR_PURPOSE purpose,
                                                WINBIO_BIR_DATA_FLAGS flags,
                                                PWINBIO_CAPTURE_CALLBACK callback, void *context )
{
    FIXME( "(%lu, %#x, %#x, %p, %p) stub\n", session, purpose, flags, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}
/***********************************************************************
 *      WinBioLocateSensorWithCallback (winbio.@)
 */
HRESULT WINAPI WinBioLocateSensorWithCallback( WINBIO_SESSION_HANDLE session,
                                               PWINBIO_LOCATE_SENSOR_CALLBACK callback,
                                               void *context )
{
    FIXME( "(%lu, %p, %p) stub\n", session, callback, context );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}
