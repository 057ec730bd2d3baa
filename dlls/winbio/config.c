/*
 * Biometric unit configurations in the registry
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
 * On Windows each unit's configurations live under its device key,
 * HKLM\System\CurrentControlSet\Enum\<DeviceInstanceId>\Device Parameters\
 * WinBio\Configurations\<n>: the system one, written when the sensor is
 * installed, and the private ones that programs add beside it (reading
 * the system one to copy its mode and adapters).  Wine has no biometric
 * service and no driver install for a libfprint sensor, so the dll writes
 * the system configuration itself the first time a process sees the unit,
 * and refreshes it there after, leaving every other configuration alone.
 */

#include <stdlib.h>

#include "winbio_private.h"
#include "winreg.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

#define CONFIGS_PATH_MAX (WINBIO_MAX_STRING_LEN + 96)

static BOOL get_configs_path( const struct unit *unit, WCHAR *path, SIZE_T len )
{
    WCHAR instance[WINBIO_MAX_STRING_LEN];

    unit_get_instance_id( unit, instance, ARRAY_SIZE(instance) );
    return swprintf( path, len, L"System\\CurrentControlSet\\Enum\\%s\\Device Parameters\\WinBio\\Configurations",
                     instance ) > 0;
}

/* Configurations are the subkeys named by a number, as on Windows. */
static BOOL is_config_name( const WCHAR *name )
{
    if (!*name) return FALSE;
    for (; *name; name++) if (*name < '0' || *name > '9') return FALSE;
    return TRUE;
}

/* Image sensors capture and leave matching to the host: basic mode.  The
 * others match (and may store) on the device: advanced mode. */
static DWORD sensor_mode( const struct unit *unit )
{
    return unit->device.features & WINBIO_UNIX_FEATURE_CAPTURE ? WINBIO_SENSOR_BASIC_MODE
                                                                : WINBIO_SENSOR_ADVANCED_MODE;
}

/* The system configuration's values.  The adapters are no Windows dlls:
 * the names say which part of libfprint (or of winbio) does the work. */
static BOOL write_system_config( HKEY key, const struct unit *unit )
{
    WCHAR value[WINBIO_MAX_STRING_LEN];
    BOOL ok;

    ok = reg_set_dword( key, L"SensorMode", sensor_mode( unit ) ) &&
         reg_set_dword( key, L"SystemSensor", 1 );
    storage_format_guid( value, ARRAY_SIZE(value), &winbio_system_database, FALSE );
    ok = ok && reg_set_string( key, L"DatabaseId", value );
    swprintf( value, ARRAY_SIZE(value), L"libfprint:%S", unit->device.driver );
    ok = ok && reg_set_string( key, L"SensorAdapterBinary", value );
    /* image sensors' prints are matched by libfprint on the host */
    if (sensor_mode( unit ) == WINBIO_SENSOR_BASIC_MODE) lstrcpyW( value, L"libfprint:host" );
    ok = ok && reg_set_string( key, L"EngineAdapterBinary", value );
    /* the template database says whose each print is, on-chip ones too */
    ok = ok && reg_set_string( key, L"StorageAdapterBinary", L"winbio.dll" );
    return ok;
}

void config_register_unit( const struct unit *unit )
{
    WCHAR path[CONFIGS_PATH_MAX], name[16];
    HKEY list, key;
    DWORD index, system, highest = 0;
    BOOL found = FALSE, any = FALSE;

    if (!get_configs_path( unit, path, ARRAY_SIZE(path) )) return;
    if (RegCreateKeyExW( HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_READ | KEY_WRITE, NULL, &list, NULL ))
    {
        WARN( "cannot create %s\n", debugstr_w( path ) );
        return;
    }
    /* the system configuration is kept up to date wherever it is */
    for (index = 0; !found && !RegEnumKeyW( list, index, name, ARRAY_SIZE(name) ); index++)
    {
        if (!is_config_name( name ) || RegOpenKeyExW( list, name, 0, KEY_READ | KEY_WRITE, &key )) continue;
        if (!any || wcstoul( name, NULL, 10 ) > highest) highest = wcstoul( name, NULL, 10 );
        any = TRUE;
        if (reg_get_dword( key, L"SystemSensor", &system ) && system)
        {
            found = TRUE;
            if (!write_system_config( key, unit ))
                WARN( "cannot update %s\\%s\n", debugstr_w( path ), debugstr_w( name ) );
        }
        RegCloseKey( key );
    }
    /* a new one at 0, or after what programs put there */
    if (!found)
    {
        swprintf( name, ARRAY_SIZE(name), L"%lu", any ? highest + 1 : 0 );
        if (RegCreateKeyExW( list, name, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL ) ||
            !write_system_config( key, unit ))
            WARN( "cannot write %s\\%s\n", debugstr_w( path ), debugstr_w( name ) );
        else TRACE( "unit %lu: system configuration %s\n", unit->id, debugstr_w( name ) );
        RegCloseKey( key );
    }
    RegCloseKey( list );
}

/*
 * A private pool opens a unit only in a configuration a program added for
 * it: the pool's database and the mode its flag asks for.  WINBIO_FLAG_DEFAULT
 * names no mode, so any configuration of the database does.
 */
HRESULT config_check_private( const struct unit *unit, const GUID *database, WINBIO_SESSION_FLAGS flags )
{
    WINBIO_SESSION_FLAGS config = flags & ~(WINBIO_FLAG_RAW | WINBIO_FLAG_MAINTENANCE);
    WCHAR path[CONFIGS_PATH_MAX], name[16], value[40];
    DWORD index, mode;
    BOOL found = FALSE;
    HKEY list, key;
    GUID id;

    if (!get_configs_path( unit, path, ARRAY_SIZE(path) ) ||
        RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &list ))
        return WINBIO_E_CONFIGURATION_FAILURE;
    for (index = 0; !found && !RegEnumKeyW( list, index, name, ARRAY_SIZE(name) ); index++)
    {
        if (!is_config_name( name ) || RegOpenKeyExW( list, name, 0, KEY_READ, &key )) continue;
        if (reg_get_string( key, L"DatabaseId", value, ARRAY_SIZE(value) ) && database_parse_guid( value, &id ) &&
            IsEqualGUID( &id, database ) && reg_get_dword( key, L"SensorMode", &mode ))
            /* WINBIO_FLAG_BASIC and _ADVANCED are the sensor modes shifted */
            found = config == WINBIO_FLAG_DEFAULT || config == (WINBIO_SESSION_FLAGS)mode << 16;
        RegCloseKey( key );
    }
    RegCloseKey( list );
    TRACE( "unit %lu, %s, flags %#lx: %s\n", unit->id, debugstr_guid( database ), flags,
           found ? "configured" : "no configuration" );
    return found ? S_OK : WINBIO_E_CONFIGURATION_FAILURE;
}
