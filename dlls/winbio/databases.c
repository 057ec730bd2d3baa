/*
 * Biometric databases: the system database and installed private ones
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

/*
 * The system pool keeps its templates in one database with a fixed GUID.
 * Private pools use databases that an installer (or the client itself)
 * registers under the WbioSrvc service key, as on Windows.
 */

#include "winbio_private.h"
#include "winreg.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/* {6C1E3F0A-8B4D-4C2E-9A7F-2D5B8E1C4A93} */
const GUID winbio_system_database =
    { 0x6c1e3f0a, 0x8b4d, 0x4c2e, { 0x9a, 0x7f, 0x2d, 0x5b, 0x8e, 0x1c, 0x4a, 0x93 } };

/* {3F6A9B2C-1D7E-4F80-B5C4-6E9D0A1B2C3D}: libfprint's serialized FpPrint */
const GUID winbio_template_format =
    { 0x3f6a9b2c, 0x1d7e, 0x4f80, { 0xb5, 0xc4, 0x6e, 0x9d, 0x0a, 0x1b, 0x2c, 0x3d } };

static const WCHAR databases_key[] = L"System\\CurrentControlSet\\Services\\WbioSrvc\\Databases";

static HKEY open_database_key( const GUID *id )
{
    WCHAR name[ARRAY_SIZE(databases_key) + 40];
    HKEY key;

    swprintf( name, ARRAY_SIZE(name), L"%s\\{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", databases_key,
              id->Data1, id->Data2, id->Data3, id->Data4[0], id->Data4[1], id->Data4[2], id->Data4[3],
              id->Data4[4], id->Data4[5], id->Data4[6], id->Data4[7] );
    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, name, 0, KEY_READ, &key )) return NULL;
    return key;
}

BOOL database_is_installed( const GUID *id )
{
    HKEY key;

    if (IsEqualGUID( id, &winbio_system_database )) return TRUE;
    if (!(key = open_database_key( id ))) return FALSE;
    RegCloseKey( key );
    return TRUE;
}

/* Only the exact form {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}: swscanf alone
 * would take spaces, signs and short fields, and name a database that
 * cannot be opened under the key it came from. */
static BOOL parse_guid( const WCHAR *str, GUID *guid )
{
    unsigned int d[11];
    int i;

    if (lstrlenW( str ) != 38 || str[0] != '{' || str[37] != '}') return FALSE;
    for (i = 1; i < 37; i++)
    {
        if (i == 9 || i == 14 || i == 19 || i == 24)
        {
            if (str[i] != '-') return FALSE;
        }
        else if (!iswxdigit( str[i] )) return FALSE;
    }
    if (swscanf( str, L"{%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x}", &d[0], &d[1], &d[2], &d[3], &d[4],
                 &d[5], &d[6], &d[7], &d[8], &d[9], &d[10] ) != 11)
        return FALSE;
    guid->Data1 = d[0];
    guid->Data2 = d[1];
    guid->Data3 = d[2];
    for (i = 0; i < 8; i++) guid->Data4[i] = d[3 + i];
    return TRUE;
}

/* A REG_DWORD value of exactly four bytes; anything else is as if absent. */
static BOOL query_dword( HKEY key, const WCHAR *name, DWORD *value )
{
    DWORD type, size = sizeof(*value), data;

    if (RegQueryValueExW( key, name, NULL, &type, (BYTE *)&data, &size )) return FALSE;
    if (type != REG_DWORD || size != sizeof(data))
    {
        WARN( "ignoring %s: type %lu, %lu bytes\n", debugstr_w( name ), type, size );
        return FALSE;
    }
    *value = data;
    return TRUE;
}

static void fill_schema( WINBIO_STORAGE_SCHEMA *schema, const GUID *id, HKEY key )
{
    DWORD size, value;

    schema->BiometricFactor = WINBIO_TYPE_FINGERPRINT;
    schema->DatabaseId = *id;
    schema->DataFormat = winbio_template_format;
    schema->Attributes = WINBIO_DATABASE_TYPE_FILE;
    storage_get_path( id, schema->FilePath, ARRAY_SIZE(schema->FilePath) );
    if (!key) return;

    if (query_dword( key, L"Attributes", &value )) schema->Attributes = value;
    size = sizeof(schema->ConnectionString) - sizeof(WCHAR);
    RegQueryValueExW( key, L"ConnectionString", NULL, NULL, (BYTE *)schema->ConnectionString, &size );
}

HRESULT databases_get_schemas( WINBIO_STORAGE_SCHEMA **schemas, SIZE_T *count )
{
    WCHAR name[64];
    DWORD index, factor, subkeys = 0;
    HKEY root = NULL, key;
    GUID id;
    SIZE_T n = 0;

    if (!RegOpenKeyExW( HKEY_LOCAL_MACHINE, databases_key, 0, KEY_READ, &root ))
        RegQueryInfoKeyW( root, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL, NULL );

    if (!(*schemas = winbio_alloc( (subkeys + 1) * sizeof(**schemas) )))
    {
        if (root) RegCloseKey( root );
        return E_OUTOFMEMORY;
    }
    fill_schema( &(*schemas)[n++], &winbio_system_database, NULL );

    for (index = 0; root && index < subkeys; index++)
    {
        if (RegEnumKeyW( root, index, name, ARRAY_SIZE(name) )) break;
        if (!parse_guid( name, &id ) || IsEqualGUID( &id, &winbio_system_database )) continue;
        if (RegOpenKeyExW( root, name, 0, KEY_READ, &key )) continue;
        /* only databases of the one factor libfprint provides */
        if (!query_dword( key, L"BiometricType", &factor ) || factor == WINBIO_TYPE_FINGERPRINT)
            fill_schema( &(*schemas)[n++], &id, key );
        RegCloseKey( key );
    }
    if (root) RegCloseKey( root );
    *count = n;
    return S_OK;
}
