/*
 * winbio.dll: exports without a public prototype
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
 * Nothing public describes the arguments of these functions.  They are
 * declared cdecl without parameters, here and in winbio.spec: with cdecl the
 * caller pops whatever it pushed, so on i386 the stack stays balanced no
 * matter how many arguments the real callers pass.  The arguments are not
 * looked at and cannot be traced.
 */

/***********************************************************************
 *      WinBioNotifyPasswordChange (winbio.1)
 */
HRESULT CDECL WinBioNotifyPasswordChange(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      _BioLogonIdentifiedUser (winbio.2)
 */
HRESULT CDECL _BioLogonIdentifiedUser(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioDiscardTicket (winbio.@)
 */
HRESULT CDECL WinBioDiscardTicket(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollAuthorize (winbio.@)
 */
HRESULT CDECL WinBioEnrollAuthorize(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnrollRevoke (winbio.@)
 */
HRESULT CDECL WinBioEnrollRevoke(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetCredentialWithTicket (winbio.@)
 */
HRESULT CDECL WinBioGetCredentialWithTicket(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetGestureMetadata (winbio.@)
 */
HRESULT CDECL WinBioGetGestureMetadata(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetLastBioUseTime (winbio.@)
 */
HRESULT CDECL WinBioGetLastBioUseTime(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetPolicyProtectionSupport (winbio.@)
 */
HRESULT CDECL WinBioGetPolicyProtectionSupport(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetProtectionPolicy (winbio.@)
 */
HRESULT CDECL WinBioGetProtectionPolicy(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioIdentifyAndReleaseTicket (winbio.@)
 */
HRESULT CDECL WinBioIdentifyAndReleaseTicket(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioNgcAuthorizeEnrollment (winbio.@)
 */
HRESULT CDECL WinBioNgcAuthorizeEnrollment(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioNgcCloseAuthorizationSession (winbio.@)
 */
HRESULT CDECL WinBioNgcCloseAuthorizationSession(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioNgcGetAuthorizationWithTicket (winbio.@)
 */
HRESULT CDECL WinBioNgcGetAuthorizationWithTicket(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioNgcOpenAuthorizationSession (winbio.@)
 */
HRESULT CDECL WinBioNgcOpenAuthorizationSession(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioProtectData (winbio.@)
 */
HRESULT CDECL WinBioProtectData(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioProtectDataWithPolicy (winbio.@)
 */
HRESULT CDECL WinBioProtectDataWithPolicy(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioRegisterServiceMonitor (winbio.@)
 */
HRESULT CDECL WinBioRegisterServiceMonitor(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioSetMSACredential (winbio.@)
 */
HRESULT CDECL WinBioSetMSACredential(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioUnprotectData (winbio.@)
 */
HRESULT CDECL WinBioUnprotectData(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioUnregisterServiceMonitor (winbio.@)
 */
HRESULT CDECL WinBioUnregisterServiceMonitor(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioVerifyAndReleaseTicket (winbio.@)
 */
HRESULT CDECL WinBioVerifyAndReleaseTicket(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}
