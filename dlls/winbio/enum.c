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

/* {B1A6D3E2-4C5F-4A7B-8E9D-0F1A2B3C4D5E} */
static const GUID winbio_fingerprint_provider =
    { 0xb1a6d3e2, 0x4c5f, 0x4a7b, { 0x8e, 0x9d, 0x0f, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e } };

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
    TRACE( "%#lx, %p, %p\n", factor, units, count );

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
    WINBIO_BSP_SCHEMA *schema;

    TRACE( "%#lx, %p, %p\n", factor, providers, count );

    if (!providers || !count) return E_POINTER;
    *providers = NULL;
    *count = 0;
    if (!valid_factor( factor )) return E_INVALIDARG;
    if (!(factor & WINBIO_TYPE_FINGERPRINT)) return S_OK;

    /* one provider: the fingerprint support built on libfprint */
    if (!(schema = winbio_alloc( sizeof(*schema) ))) return E_OUTOFMEMORY;
    schema->BiometricFactor = WINBIO_TYPE_FINGERPRINT;
    schema->BspId = winbio_fingerprint_provider;
    lstrcpyW( schema->Description, L"Wine fingerprint service provider (libfprint)" );
    lstrcpyW( schema->Vendor, L"The Wine project" );
    schema->Version.MajorVersion = 1;
    schema->Version.MinorVersion = 94;
    *providers = schema;
    *count = 1;
    return S_OK;
}

/***********************************************************************
 *      WinBioEnumDatabases (winbio.@)
 */
HRESULT WINAPI WinBioEnumDatabases( WINBIO_BIOMETRIC_TYPE factor, WINBIO_STORAGE_SCHEMA **databases,
                                    SIZE_T *count )
{
    TRACE( "%#lx, %p, %p\n", factor, databases, count );

    if (!databases || !count) return E_POINTER;
    *databases = NULL;
    *count = 0;
    if (!valid_factor( factor )) return E_INVALIDARG;
    if (!(factor & WINBIO_TYPE_FINGERPRINT)) return S_OK;
    return databases_get_schemas( databases, count );
}
