/*
 * Setting up a private pool: the registry keys and values a client writes
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
 * Written from the registry layout Microsoft's private-pool pages
 * describe: databases under the WbioSrvc service key (the key name in
 * braces, Format and DatabaseId without), unit configurations under the
 * unit's Enum key.  Shared by tests/system/privatepool.c and the replay
 * client tests/replay/moc.c; plain mingw, no test harness.  Include after
 * <windows.h> and <winbio.h>.
 */

#ifndef __WINBIO_TESTS_SYSTEM_POOLSETUP_H
#define __WINBIO_TESTS_SYSTEM_POOLSETUP_H

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static const WCHAR databases_path[] = L"System\\CurrentControlSet\\Services\\WbioSrvc\\Databases";

static inline void guid_string( const GUID *id, WCHAR *buffer, SIZE_T len, BOOL braces )
{
    swprintf( buffer, len, braces ? L"{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}"
                                  : L"%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X",
              id->Data1, id->Data2, id->Data3, id->Data4[0], id->Data4[1], id->Data4[2],
              id->Data4[3], id->Data4[4], id->Data4[5], id->Data4[6], id->Data4[7] );
}

/* A GUID as the registry holds it, with or without braces, in any case. */
static inline BOOL is_guid_string( const WCHAR *value, const GUID *id )
{
    WCHAR plain[40], braces[40];

    guid_string( id, plain, ARRAYSIZE(plain), FALSE );
    guid_string( id, braces, ARRAYSIZE(braces), TRUE );
    return !wcsicmp( value, plain ) || !wcsicmp( value, braces );
}

static inline DWORD get_dword( HKEY key, const WCHAR *name )
{
    DWORD value = 0xdeadbeef, size = sizeof(value);

    if (RegGetValueW( key, NULL, name, RRF_RT_REG_DWORD, NULL, &value, &size )) return 0xdeadbeef;
    return value;
}

static inline BOOL get_string( HKEY key, const WCHAR *name, WCHAR *value, DWORD len )
{
    DWORD size = len * sizeof(WCHAR);

    value[0] = 0;
    return !RegGetValueW( key, NULL, name, RRF_RT_REG_SZ, NULL, value, &size );
}

static inline LONG set_dword( HKEY key, const WCHAR *name, DWORD value )
{
    return RegSetValueExW( key, name, 0, REG_DWORD, (const BYTE *)&value, sizeof(value) );
}

static inline LONG set_string( HKEY key, const WCHAR *name, const WCHAR *value )
{
    return RegSetValueExW( key, name, 0, REG_SZ, (const BYTE *)value, (lstrlenW( value ) + 1) * sizeof(WCHAR) );
}

static inline void configurations_path( const WINBIO_UNIT_SCHEMA *unit, WCHAR *path, SIZE_T len )
{
    swprintf( path, len, L"System\\CurrentControlSet\\Enum\\%ls\\Device Parameters\\WinBio\\Configurations",
              unit->DeviceInstanceId );
}

/* The registered database with this id (or, with id NULL, the one a
 * registry value names), as WinBioEnumDatabases lists it. */
static inline BOOL find_database_by( const GUID *id, const WCHAR *value, WINBIO_STORAGE_SCHEMA *schema )
{
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    SIZE_T count = 0, i;
    BOOL found = FALSE;

    if (WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count ) != S_OK) return FALSE;
    for (i = 0; i < count && !found; i++)
    {
        if (id ? !IsEqualGUID( &databases[i].DatabaseId, id ) : !is_guid_string( value, &databases[i].DatabaseId ))
            continue;
        *schema = databases[i];
        found = TRUE;
    }
    WinBioFree( databases );
    return found;
}

static inline BOOL find_database( const GUID *id, WINBIO_STORAGE_SCHEMA *schema )
{
    return find_database_by( id, NULL, schema );
}

/*
 * The unit's system configuration: a numbered subkey with SystemSensor 1,
 * naming a registered database.  A private configuration copies its mode
 * and adapters, and its database's format and attributes.
 */
struct configuration
{
    WCHAR name[16];                 /* its key */
    DWORD mode;
    WCHAR sensor[MAX_PATH], engine[MAX_PATH], storage[MAX_PATH];
    WCHAR database_id[64];          /* as the key has it */
    BOOL database_found;            /* listed by WinBioEnumDatabases */
    WINBIO_STORAGE_SCHEMA database;
};

/* How many system configurations the unit has; config is the last one. */
static inline DWORD find_system_configuration( const WINBIO_UNIT_SCHEMA *unit, struct configuration *config )
{
    WCHAR path[512], name[16];
    DWORD index, systems = 0;
    HKEY list, key;

    memset( config, 0, sizeof(*config) );
    configurations_path( unit, path, ARRAYSIZE(path) );
    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &list )) return 0;
    for (index = 0; !RegEnumKeyW( list, index, name, ARRAYSIZE(name) ); index++)
    {
        if (RegOpenKeyExW( list, name, 0, KEY_READ, &key )) continue;
        if (get_dword( key, L"SystemSensor" ) == 1)
        {
            systems++;
            lstrcpyW( config->name, name );
            config->mode = get_dword( key, L"SensorMode" );
            get_string( key, L"DatabaseId", config->database_id, ARRAYSIZE(config->database_id) );
            config->database_found = find_database_by( NULL, config->database_id, &config->database );
            get_string( key, L"SensorAdapterBinary", config->sensor, MAX_PATH );
            get_string( key, L"EngineAdapterBinary", config->engine, MAX_PATH );
            get_string( key, L"StorageAdapterBinary", config->storage, MAX_PATH );
        }
        RegCloseKey( key );
    }
    RegCloseKey( list );
    return systems;
}

/* What an installer writes to register a database; FilePath empty, so that
 * the service names the file, unless file names one.  ERROR_ALREADY_EXISTS
 * when it is registered already. */
static inline LONG register_database_file( const GUID *id, const GUID *format, DWORD attributes, const WCHAR *file )
{
    WCHAR name[40], value[40];
    HKEY list, key;
    DWORD disposition = 0;
    LONG ret;

    /* opened, not created: the key is the service's */
    if ((ret = RegOpenKeyExW( HKEY_LOCAL_MACHINE, databases_path, 0, KEY_WRITE, &list ))) return ret;
    guid_string( id, name, ARRAYSIZE(name), TRUE );
    ret = RegCreateKeyExW( list, name, 0, NULL, 0, KEY_WRITE, NULL, &key, &disposition );
    RegCloseKey( list );
    if (ret) return ret;
    guid_string( format, value, ARRAYSIZE(value), FALSE );
    if (disposition != REG_CREATED_NEW_KEY) ret = ERROR_ALREADY_EXISTS;
    else if (!(ret = set_dword( key, L"Attributes", attributes )) && !(ret = set_dword( key, L"AutoCreate", 1 )) &&
             !(ret = set_dword( key, L"AutoName", 1 )) &&
             !(ret = set_dword( key, L"BiometricType", WINBIO_TYPE_FINGERPRINT )) &&
             !(ret = set_string( key, L"ConnectionString", L"" )) && !(ret = set_string( key, L"FilePath", file )) &&
             !(ret = set_string( key, L"Format", value )))
        ret = set_dword( key, L"InitialSize", 32 );
    RegCloseKey( key );
    return ret;
}

static inline void unregister_database( const GUID *id )
{
    WCHAR path[256];

    swprintf( path, ARRAYSIZE(path), L"%ls\\", databases_path );
    guid_string( id, path + lstrlenW( path ), 39, TRUE );
    RegDeleteTreeW( HKEY_LOCAL_MACHINE, path );
}

/* A private configuration for the database, after the unit's others. */
static inline LONG add_configuration( const WINBIO_UNIT_SCHEMA *unit, const struct configuration *config,
                                      DWORD mode, const GUID *database )
{
    WCHAR path[512], name[16], value[40];
    DWORD index, highest = 0;
    HKEY list, key;
    LONG ret;

    configurations_path( unit, path, ARRAYSIZE(path) );
    if ((ret = RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_READ | KEY_WRITE, &list ))) return ret;
    for (index = 0; !RegEnumKeyW( list, index, name, ARRAYSIZE(name) ); index++)
        if (wcstoul( name, NULL, 10 ) > highest) highest = wcstoul( name, NULL, 10 );
    swprintf( name, ARRAYSIZE(name), L"%lu", highest + 1 );
    ret = RegCreateKeyExW( list, name, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL );
    RegCloseKey( list );
    if (ret) return ret;
    guid_string( database, value, ARRAYSIZE(value), FALSE );
    if (!(ret = set_dword( key, L"SensorMode", mode )) && !(ret = set_dword( key, L"SystemSensor", 0 )) &&
        !(ret = set_string( key, L"DatabaseId", value )) &&
        !(ret = set_string( key, L"SensorAdapterBinary", config->sensor )) &&
        !(ret = set_string( key, L"EngineAdapterBinary", config->engine )))
        ret = set_string( key, L"StorageAdapterBinary", config->storage );
    RegCloseKey( key );
    return ret;
}

/* Removes the unit's configurations of the database; how many there were. */
static inline DWORD remove_configurations( const WINBIO_UNIT_SCHEMA *unit, const GUID *database )
{
    WCHAR path[512], name[16], value[64];
    DWORD index = 0, removed = 0;
    HKEY list, key;
    BOOL ours;

    configurations_path( unit, path, ARRAYSIZE(path) );
    if (RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_READ | KEY_WRITE, &list )) return 0;
    while (!RegEnumKeyW( list, index, name, ARRAYSIZE(name) ))
    {
        ours = FALSE;
        if (!RegOpenKeyExW( list, name, 0, KEY_READ, &key ))
        {
            ours = get_string( key, L"DatabaseId", value, ARRAYSIZE(value) ) && is_guid_string( value, database );
            RegCloseKey( key );
        }
        if (ours && !RegDeleteTreeW( list, name )) removed++;
        else index++;
    }
    RegCloseKey( list );
    return removed;
}

#endif /* __WINBIO_TESTS_SYSTEM_POOLSETUP_H */
