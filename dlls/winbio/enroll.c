/*
 * winbio.dll: enrollment and template management
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
 *      WinBioEnrollBegin (winbio.@)
 */
HRESULT WINAPI WinBioEnrollBegin( WINBIO_SESSION_HANDLE session,
                                  WINBIO_BIOMETRIC_SUBTYPE sub_factor, WINBIO_UNIT_ID unit_id )
{
    FIXME( "(%lu, %#x, %lu) stub\n", session, sub_factor, unit_id );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollCapture (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCapture( WINBIO_SESSION_HANDLE session,
                                    WINBIO_REJECT_DETAIL *reject_detail )
{
    FIXME( "(%lu, %p) stub\n", session, reject_detail );

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
 *      WinBioEnrollCommit (winbio.@)
 */
HRESULT WINAPI WinBioEnrollCommit( WINBIO_SESSION_HANDLE session, WINBIO_IDENTITY *identity,
                                   BOOLEAN *is_new_template )
{
    FIXME( "(%lu, %p, %p) stub\n", session, identity, is_new_template );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollDiscard (winbio.@)
 */
HRESULT WINAPI WinBioEnrollDiscard( WINBIO_SESSION_HANDLE session )
{
    FIXME( "(%lu) stub\n", session );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollSelect (winbio.@)
 */
HRESULT WINAPI WinBioEnrollSelect( WINBIO_SESSION_HANDLE session, ULONGLONG selector )
{
    FIXME( "(%lu, %#I64x) stub\n", session, selector );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnumEnrollments (winbio.@)
 */
HRESULT WINAPI WinBioEnumEnrollments( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id,
                                      WINBIO_IDENTITY *identity,
                                      WINBIO_BIOMETRIC_SUBTYPE **sub_factor_array,
                                      SIZE_T *sub_factor_count )
{
    FIXME( "(%lu, %lu, %p, %p, %p) stub\n", session, unit_id, identity, sub_factor_array,
           sub_factor_count );

    /* documented: a failed call leaves an empty result behind */
    if (sub_factor_array) *sub_factor_array = NULL;
    if (sub_factor_count) *sub_factor_count = 0;

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioDeleteTemplate (winbio.@)
 */
HRESULT WINAPI WinBioDeleteTemplate( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit_id,
                                     WINBIO_IDENTITY *identity,
                                     WINBIO_BIOMETRIC_SUBTYPE sub_factor )
{
    FIXME( "(%lu, %lu, %p, %#x) stub\n", session, unit_id, identity, sub_factor );

    if (!session) return E_HANDLE;
    return E_NOTIMPL;
}
