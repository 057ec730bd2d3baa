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

static HKEY open_database_key( const GUID *id, REGSAM access )
{
    WCHAR name[ARRAY_SIZE(databases_key) + 40];
    HKEY key;

    lstrcpyW( name, databases_key );
    lstrcatW( name, L"\\" );
    storage_format_guid( name + lstrlenW( name ), 39, id, TRUE );
    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, name, 0, access, &key )) return NULL;
    return key;
}

BOOL database_is_installed( const GUID *id )
{
    HKEY key;

    if (IsEqualGUID( id, &winbio_system_database )) return TRUE;
    if (!(key = open_database_key( id, KEY_READ ))) return FALSE;
    RegCloseKey( key );
    return TRUE;
}

/* Only the exact forms {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX} and, as the
 * registry's DatabaseId and Format values have it, the same without braces:
 * swscanf alone would take spaces, signs and short fields. */
BOOL database_parse_guid( const WCHAR *str, GUID *guid )
{
    WCHAR plain[37];
    unsigned int d[11];
    int i, len = lstrlenW( str );

    if (len == 38 && str[0] == '{' && str[37] == '}') str++;
    else if (len != 36) return FALSE;
    for (i = 0; i < 36; i++)
    {
        if (i == 8 || i == 13 || i == 18 || i == 23)
        {
            if (str[i] != '-') return FALSE;
        }
        else if (!iswxdigit( str[i] )) return FALSE;
        plain[i] = str[i];
    }
    plain[36] = 0;
    if (swscanf( plain, L"%8x-%4x-%4x-%2x%2x-%2x%2x%2x%2x%2x%2x", &d[0], &d[1], &d[2], &d[3], &d[4],
                 &d[5], &d[6], &d[7], &d[8], &d[9], &d[10] ) != 11)
        return FALSE;
    guid->Data1 = d[0];
    guid->Data2 = d[1];
    guid->Data3 = d[2];
    for (i = 0; i < 8; i++) guid->Data4[i] = d[3 + i];
    return TRUE;
}

/* A REG_DWORD value of exactly four bytes; anything else is as if absent. */
BOOL reg_get_dword( HKEY key, const WCHAR *name, DWORD *value )
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

/* A REG_SZ value that fits, NUL-terminated; anything else is as if absent. */
BOOL reg_get_string( HKEY key, const WCHAR *name, WCHAR *value, DWORD len )
{
    DWORD type, size = (len - 1) * sizeof(WCHAR);

    if (RegQueryValueExW( key, name, NULL, &type, (BYTE *)value, &size ) || type != REG_SZ) return FALSE;
    value[size / sizeof(WCHAR)] = 0;
    return TRUE;
}

BOOL reg_set_dword( HKEY key, const WCHAR *name, DWORD value )
{
    return !RegSetValueExW( key, name, 0, REG_DWORD, (const BYTE *)&value, sizeof(value) );
}

BOOL reg_set_string( HKEY key, const WCHAR *name, const WCHAR *value )
{
    return !RegSetValueExW( key, name, 0, REG_SZ, (const BYTE *)value, (lstrlenW( value ) + 1) * sizeof(WCHAR) );
}

/* The data format a registration names; a registration without one is in ours. */
static BOOL get_format( HKEY key, GUID *format )
{
    WCHAR value[40];

    *format = winbio_template_format;
    if (!reg_get_string( key, L"Format", value, ARRAY_SIZE(value) )) return TRUE;
    return database_parse_guid( value, format );
}

static void fill_schema( WINBIO_STORAGE_SCHEMA *schema, const GUID *id, HKEY key )
{
    WCHAR value_path[MAX_PATH];
    DWORD value;

    schema->BiometricFactor = WINBIO_TYPE_FINGERPRINT;
    schema->DatabaseId = *id;
    schema->DataFormat = winbio_template_format;
    schema->Attributes = WINBIO_DATABASE_TYPE_FILE;
    storage_get_path( id, schema->FilePath, ARRAY_SIZE(schema->FilePath) );
    if (!key) return;

    if (reg_get_dword( key, L"Attributes", &value )) schema->Attributes = value;
    if (!get_format( key, &schema->DataFormat )) memset( &schema->DataFormat, 0, sizeof(schema->DataFormat) );
    reg_get_string( key, L"ConnectionString", schema->ConnectionString, ARRAY_SIZE(schema->ConnectionString) );
    /* an empty FilePath gets the default name at the first open, written
     * back as the service does: that is the name a client sees until then */
    if (!reg_get_string( key, L"FilePath", value_path, ARRAY_SIZE(value_path) ) || !value_path[0]) return;
    lstrcpynW( schema->FilePath, value_path, ARRAY_SIZE(schema->FilePath) );
}

/*
 * The system database's registration, as Windows' service keeps it and
 * programs that set up private pools read it (they copy its Format).
 * There is no service here: the dll writes it, with the units'
 * configurations, the first time a process lists databases or units.
 */
void database_register_system(void)
{
    static LONG done;
    WCHAR name[ARRAY_SIZE(databases_key) + 40], value[MAX_PATH];
    HKEY key;
    BOOL ok;

    if (InterlockedCompareExchange( &done, 1, 0 )) return;
    lstrcpyW( name, databases_key );
    lstrcatW( name, L"\\" );
    storage_format_guid( name + lstrlenW( name ), 39, &winbio_system_database, TRUE );
    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, name, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL ))
    {
        WARN( "cannot create %s\n", debugstr_w( name ) );
        return;
    }
    ok = reg_set_dword( key, L"Attributes", WINBIO_DATABASE_TYPE_FILE ) &&
         reg_set_dword( key, L"AutoCreate", 1 ) &&
         /* named already: the service resets AutoName once it named the file */
         reg_set_dword( key, L"AutoName", 0 ) &&
         reg_set_dword( key, L"BiometricType", WINBIO_TYPE_FINGERPRINT ) &&
         reg_set_string( key, L"ConnectionString", L"" ) &&
         reg_set_dword( key, L"InitialSize", 32 );
    storage_format_guid( value, ARRAY_SIZE(value), &winbio_template_format, FALSE );
    ok = ok && reg_set_string( key, L"Format", value );
    if (ok && SUCCEEDED(storage_get_path( &winbio_system_database, value, ARRAY_SIZE(value) )))
        ok = reg_set_string( key, L"FilePath", value );
    if (!ok) WARN( "cannot write the system database's registration\n" );
    RegCloseKey( key );
}

/* A registration's file must be in the prefix: on the system drive, with
 * no way up out of the folder it names. */
static BOOL path_in_prefix( const WCHAR *path )
{
    WCHAR system[MAX_PATH];

    if (!GetSystemDirectoryW( system, ARRAY_SIZE(system) )) return FALSE;
    if (towupper( path[0] ) != towupper( system[0] ) || path[1] != ':' || path[2] != '\\') return FALSE;
    return !wcsstr( path, L"\\..\\" ) && !wcsstr( path, L"/" ) &&
           wcscmp( path + lstrlenW( path ) - 3, L"\\.." );
}

/* The registration's FilePath; empty when there is none yet.  One that is
 * there but no string of a path is an error, never replaced: it may name
 * a file with templates in it. */
static HRESULT get_file_path( HKEY key, WCHAR *path, DWORD len )
{
    DWORD type, size;

    path[0] = 0;
    if (RegQueryValueExW( key, L"FilePath", NULL, &type, NULL, &size ) == ERROR_FILE_NOT_FOUND) return S_OK;
    return reg_get_string( key, L"FilePath", path, len ) ? S_OK : WINBIO_E_DATABASE_CANT_OPEN;
}

/*
 * Opens the template database of a session.  A registered database is
 * read from the registry at every open, so one a program registered
 * while this process runs is there at once (Windows' service reads them
 * when it starts).  Its file is the one FilePath names; an empty FilePath
 * gets the default name, written back as the service does (AutoName 0).
 * Templates are libfprint's: any other Format is refused.
 */
HRESULT database_open( const GUID *id, struct winbio_database **db )
{
    WCHAR path[MAX_PATH];
    GUID format;
    HRESULT hr;
    HKEY key;

    if (IsEqualGUID( id, &winbio_system_database )) return storage_open( id, db );
    /* read only, the name it gets is not written back */
    if (!(key = open_database_key( id, KEY_QUERY_VALUE | KEY_SET_VALUE )) &&
        !(key = open_database_key( id, KEY_QUERY_VALUE )))
        return WINBIO_E_DATABASE_CANT_FIND;
    if (!get_format( key, &format ) || !IsEqualGUID( &format, &winbio_template_format ))
    {
        WARN( "%s: data format %s is not libfprint's\n", debugstr_guid( id ), debugstr_guid( &format ) );
        hr = WINBIO_E_UNSUPPORTED_DATA_FORMAT;
    }
    else if (FAILED(hr = get_file_path( key, path, ARRAY_SIZE(path) )))
        WARN( "%s: FilePath is no path\n", debugstr_guid( id ) );
    else if (path[0])
    {
        if (path_in_prefix( path )) hr = storage_open_file( id, path, db );
        else
        {
            WARN( "%s: %s is not a file in the prefix\n", debugstr_guid( id ), debugstr_w( path ) );
            hr = WINBIO_E_DATABASE_CANT_OPEN;
        }
    }
    else if (SUCCEEDED(hr = storage_open( id, db )) &&
             SUCCEEDED(storage_get_path( id, path, ARRAY_SIZE(path) )))
    {
        reg_set_string( key, L"FilePath", path );
        reg_set_dword( key, L"AutoName", 0 );
    }
    RegCloseKey( key );
    return hr;
}

HRESULT databases_get_schemas( WINBIO_STORAGE_SCHEMA **schemas, SIZE_T *count )
{
    WCHAR name[64];
    DWORD index, factor, subkeys = 0;
    HKEY root = NULL, key;
    GUID id;
    SIZE_T n = 0;

    database_register_system();
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
        if (name[0] != '{' || !database_parse_guid( name, &id ) || IsEqualGUID( &id, &winbio_system_database ))
            continue;
        if (RegOpenKeyExW( root, name, 0, KEY_READ, &key )) continue;
        /* only databases of the one factor libfprint provides */
        if (!reg_get_dword( key, L"BiometricType", &factor ) || factor == WINBIO_TYPE_FINGERPRINT)
            fill_schema( &(*schemas)[n++], &id, key );
        RegCloseKey( key );
    }
    if (root) RegCloseKey( root );
    *count = n;
    return S_OK;
}
