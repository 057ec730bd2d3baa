/*
 * winbio.dll: logon credentials and biometric settings
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
 * Wine has no biometric credential provider and cannot log users on with a
 * fingerprint.  The credential functions therefore answer the way Windows
 * does when that provider is switched off, and the logon settings report
 * biometric logon as not allowed.  The framework itself is usable, so the
 * "enabled" setting is on.
 */

static void report_setting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source, BOOLEAN enabled )
{
    if (value) *value = enabled;
    if (source) *source = WINBIO_SETTING_SOURCE_DEFAULT;
}

/***********************************************************************
 *      WinBioGetEnabledSetting (winbio.@)
 */
void WINAPI WinBioGetEnabledSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, TRUE );
}

/***********************************************************************
 *      WinBioGetLogonSetting (winbio.@)
 */
void WINAPI WinBioGetLogonSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, FALSE );
}

/***********************************************************************
 *      WinBioGetDomainLogonSetting (winbio.@)
 */
void WINAPI WinBioGetDomainLogonSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, FALSE );
}

/***********************************************************************
 *      WinBioGetCredentialState (winbio.@)
 *
 * The identity is passed by value.  On i386 the caller pushes the whole
 * 76-byte WINBIO_IDENTITY, so winbio.spec spells it as 19 longs there (the
 * stdcall decoration is @84); on 64-bit targets a structure that large is
 * passed as a pointer to the caller's copy, hence ptr.
 */
HRESULT WINAPI WinBioGetCredentialState( WINBIO_IDENTITY identity, WINBIO_CREDENTIAL_TYPE type,
                                         WINBIO_CREDENTIAL_STATE *state )
{
    FIXME( "identity type %lu, %d, %p stub\n", identity.Type, type, state );
    return WINBIO_E_CRED_PROV_DISABLED;
}

/***********************************************************************
 *      WinBioSetCredential (winbio.@)
 */
HRESULT WINAPI WinBioSetCredential( WINBIO_CREDENTIAL_TYPE type, UCHAR *credential, SIZE_T size,
                                    WINBIO_CREDENTIAL_FORMAT format )
{
    /* never print the credential itself */
    FIXME( "%d, %p, %Iu, %d stub\n", type, credential, size, format );
    return WINBIO_E_CRED_PROV_DISABLED;
}

/***********************************************************************
 *      WinBioRemoveCredential (winbio.@)
 *
 * The identity is passed by value, spelled in winbio.spec as for
 * WinBioGetCredentialState (@80 on i386).
 */
HRESULT WINAPI WinBioRemoveCredential( WINBIO_IDENTITY identity, WINBIO_CREDENTIAL_TYPE type )
{
    FIXME( "identity type %lu, %d stub\n", identity.Type, type );
    return WINBIO_E_CRED_PROV_NO_CREDENTIAL;
}

/***********************************************************************
 *      WinBioRemoveAllCredentials (winbio.@)
 */
HRESULT WINAPI WinBioRemoveAllCredentials(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioRemoveAllDomainCredentials (winbio.@)
 */
HRESULT WINAPI WinBioRemoveAllDomainCredentials(void)
{
    FIXME( "stub\n" );
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioGetEnrolledFactors (winbio.@)
 */
HRESULT WINAPI WinBioGetEnrolledFactors( WINBIO_IDENTITY *account_owner,
                                         WINBIO_BIOMETRIC_TYPE *enrolled_factors )
{
    FIXME( "%p, %p stub\n", account_owner, enrolled_factors );

    if (!account_owner || !enrolled_factors) return E_POINTER;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioLogonIdentifiedUser (winbio.@)
 */
HRESULT WINAPI WinBioLogonIdentifiedUser( WINBIO_SESSION_HANDLE session )
{
    FIXME( "%lu stub\n", session );

    if (!session) return E_HANDLE;
    return WINBIO_E_CRED_PROV_DISABLED;
}
