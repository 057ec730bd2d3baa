/*
 * winbio.dll: identification, verification, sensor location and capture
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
 * Sessions cannot be opened yet: a zero session handle gives E_HANDLE,
 * any other one E_NOTIMPL.
 */

/***********************************************************************
 *      WinBioVerify (winbio.@)
 */
HRESULT WINAPI WinBioVerify( WINBIO_SESSION_HANDLE session, WINBIO_IDENTITY *identity,
                             WINBIO_BIOMETRIC_SUBTYPE sub_factor, WINBIO_UNIT_ID *unit_id,
                             BOOLEAN *match, WINBIO_REJECT_DETAIL *reject_detail )
{
    FIXME( "(%lu, %p, %#x, %p, %p, %p) stub\n", session, identity, sub_factor, unit_id, match,
           reject_detail );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

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
 *      WinBioIdentify (winbio.@)
 */
HRESULT WINAPI WinBioIdentify( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID *unit_id,
                               WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE *sub_factor,
                               WINBIO_REJECT_DETAIL *reject_detail )
{
    FIXME( "(%lu, %p, %p, %p, %p) stub\n", session, unit_id, identity, sub_factor, reject_detail );

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
 *      WinBioLocateSensor (winbio.@)
 */
HRESULT WINAPI WinBioLocateSensor( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID *unit_id )
{
    FIXME( "(%lu, %p) stub\n", session, unit_id );

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

/***********************************************************************
 *      WinBioCaptureSample (winbio.@)
 */
HRESULT WINAPI WinBioCaptureSample( WINBIO_SESSION_HANDLE session, WINBIO_BIR_PURPOSE purpose,
                                    WINBIO_BIR_DATA_FLAGS flags, WINBIO_UNIT_ID *unit_id,
                                    WINBIO_BIR **sample, SIZE_T *sample_size,
                                    WINBIO_REJECT_DETAIL *reject_detail )
{
    FIXME( "(%lu, %#x, %#x, %p, %p, %p, %p) stub\n", session, purpose, flags, unit_id, sample,
           sample_size, reject_detail );

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
