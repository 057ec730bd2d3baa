/*
 * Enumeration of service providers, biometric units and databases
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

/* Factor bits the API knows; anything else is rejected with E_INVALIDARG. */
static BOOL valid_factor( WINBIO_BIOMETRIC_TYPE factor )
{
    return !(factor & ~WINBIO_TYPE_ANY);
}

/***********************************************************************
 *      WinBioEnumBiometricUnits (winbio.@)
 */
HRESULT WINAPI WinBioEnumBiometricUnits( WINBIO_BIOMETRIC_TYPE factor, WINBIO_UNIT_SCHEMA **units,
                                         SIZE_T *count )
{
    TRACE( "(%#lx, %p, %p)\n", factor, units, count );

    if (!units || !count) return E_POINTER;
    *units = NULL;
    *count = 0;
    if (!valid_factor( factor )) return E_INVALIDARG;
    /* only fingerprint sensors exist here; other factors simply have none */
    if (!(factor & WINBIO_TYPE_FINGERPRINT)) return S_OK;

    return units_get_schemas( units, count );
}

/***********************************************************************
 *      WinBioEnumServiceProviders (winbio.@)
 */
HRESULT WINAPI WinBioEnumServiceProviders( WINBIO_BIOMETRIC_TYPE factor, WINBIO_BSP_SCHEMA **providers,
                                           SIZE_T *count )
{
    FIXME( "(%#lx, %p, %p) stub\n", factor, providers, count );

    if (providers) *providers = NULL;
    if (count) *count = 0;
    return E_NOTIMPL;
}

/***********************************************************************
 *      WinBioEnumDatabases (winbio.@)
 */
HRESULT WINAPI WinBioEnumDatabases( WINBIO_BIOMETRIC_TYPE factor, WINBIO_STORAGE_SCHEMA **databases,
                                    SIZE_T *count )
{
    FIXME( "(%#lx, %p, %p) stub\n", factor, databases, count );

    if (databases) *databases = NULL;
    if (count) *count = 0;
    return E_NOTIMPL;
}
