/*
 * Biometric units: libfprint devices and their WinBio unit ids
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

#include <stdlib.h>

#include "winbio_private.h"
#include "winreg.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/*
 * Unit ids belong to devices (driver + libfprint device id): the first
 * process to see a device gives it the next free id and records it in the
 * registry, and every process after it, in the same prefix, uses the same
 * id for it, whatever else is plugged in.
 */
static CRITICAL_SECTION units_cs;
static CRITICAL_SECTION_DEBUG units_cs_debug =
{
    0, 0, &units_cs,
    { &units_cs_debug.ProcessLocksList, &units_cs_debug.ProcessLocksList },
      0, 0, { (DWORD_PTR)(__FILE__ ": units_cs") }
};
static CRITICAL_SECTION units_cs = { &units_cs_debug, -1, 0, 0, 0, 0 };

static const WCHAR units_key[] = L"System\\CurrentControlSet\\Services\\WbioSrvc\\Units";
static const WCHAR next_id_value[] = L"NextUnitId";   /* device keys always contain a '/' */

static struct unit **units;          /* never freed: sessions keep pointers to them */
static SIZE_T units_count, units_capacity;
static WINBIO_UNIT_ID next_unit_id = 1;

static BOOL same_device( const struct winbio_unix_device *a, const struct winbio_unix_device *b )
{
    return !strcmp( a->driver, b->driver ) && !strcmp( a->device_id, b->device_id );
}

static int compare_devices( const void *a, const void *b )
{
    const struct winbio_unix_device *da = a, *db = b;
    int ret = strcmp( da->driver, db->driver );
    return ret ? ret : strcmp( da->device_id, db->device_id );
}

/* The id the device has in this prefix, given now if it never had one; 0 on failure. */
static WINBIO_UNIT_ID persistent_unit_id( const char *key )
{
    DWORD id = 0, next = 1, size;
    WCHAR name[256];
    HANDLE mutex;
    HKEY hkey;

    if (!MultiByteToWideChar( CP_UTF8, 0, key, -1, name, ARRAY_SIZE(name) )) return 0;
    if (!(mutex = CreateMutexW( NULL, FALSE, L"Global\\WinBioUnitIds" ))) return 0;
    WaitForSingleObject( mutex, INFINITE );
    if (!RegCreateKeyExW( HKEY_LOCAL_MACHINE, units_key, 0, NULL, 0, KEY_QUERY_VALUE | KEY_SET_VALUE, NULL,
                          &hkey, NULL ))
    {
        size = sizeof(id);
        if (RegQueryValueExW( hkey, name, NULL, NULL, (BYTE *)&id, &size ) || size != sizeof(id)) id = 0;
        if (!id)
        {
            size = sizeof(next);
            if (RegQueryValueExW( hkey, next_id_value, NULL, NULL, (BYTE *)&next, &size ) || !next) next = 1;
            id = next++;
            if (RegSetValueExW( hkey, name, 0, REG_DWORD, (const BYTE *)&id, sizeof(id) ) ||
                RegSetValueExW( hkey, next_id_value, 0, REG_DWORD, (const BYTE *)&next, sizeof(next) ))
                id = 0;
        }
        RegCloseKey( hkey );
    }
    ReleaseMutex( mutex );
    CloseHandle( mutex );
    return id;
}

/* index of the unit for this device, a new one if it was never seen; -1 when out of memory */
static SSIZE_T get_unit( const struct winbio_unix_device *device )
{
    SIZE_T i;

    struct unit *unit;

    for (i = 0; i < units_count; i++)
        if (same_device( &units[i]->device, device ))
        {
            units[i]->device.id = device->id;
            return i;
        }

    if (units_count == units_capacity)
    {
        SIZE_T capacity = max( 4, units_capacity * 2 );
        struct unit **grown = units ? HeapReAlloc( GetProcessHeap(), 0, units, capacity * sizeof(*units) )
                                    : HeapAlloc( GetProcessHeap(), 0, capacity * sizeof(*units) );
        if (!grown) return -1;
        units = grown;
        units_capacity = capacity;
    }
    if (!(unit = winbio_alloc( sizeof(*unit) ))) return -1;
    unit->device = *device;
    snprintf( unit->key, sizeof(unit->key), "%s/%s", device->driver, device->device_id );
    /* without the registry, ids from a range of their own keep units apart */
    if (!(unit->id = persistent_unit_id( unit->key ))) unit->id = 0x80000000 | next_unit_id++;
    InitializeCriticalSection( &unit->cs );
    InitializeConditionVariable( &unit->changed );
    TRACE( "unit %lu is %s\n", unit->id, debugstr_a(unit->key) );
    config_register_unit( unit );
    units[units_count] = unit;
    return units_count++;
}

/* Ask the Unix side for the current device list; the caller frees it. */
static NTSTATUS get_devices( struct winbio_unix_device **devices, UINT32 *count )
{
    struct enum_devices_params params = { 0 };
    NTSTATUS status;

    *devices = NULL;
    for (;;)
    {
        params.devices = (ULONG_PTR)*devices;
        status = UNIX_CALL( enum_devices, &params );
        if (status != STATUS_BUFFER_TOO_SMALL) break;
        winbio_free( *devices );
        if (!(*devices = winbio_alloc( params.count * sizeof(**devices) ))) return STATUS_NO_MEMORY;
        params.capacity = params.count;
    }
    if (status)
    {
        winbio_free( *devices );
        *devices = NULL;
        return status;
    }
    *count = params.count;
    return STATUS_SUCCESS;
}

static void utf8_to_string( WINBIO_STRING dst, const char *src )
{
    if (!MultiByteToWideChar( CP_UTF8, 0, src, -1, dst, WINBIO_MAX_STRING_LEN ))
        dst[WINBIO_MAX_STRING_LEN - 1] = 0;
}

/* What a unit can do, from its device's libfprint features. */
WINBIO_CAPABILITIES unit_capabilities( const struct unit *unit )
{
    const struct winbio_unix_device *device = &unit->device;
    WINBIO_CAPABILITIES caps = WINBIO_CAPABILITY_SENSOR;

    if (device->features & (WINBIO_UNIX_FEATURE_VERIFY | WINBIO_UNIX_FEATURE_IDENTIFY))
        caps |= WINBIO_CAPABILITY_MATCHING;
    if (device->features & WINBIO_UNIX_FEATURE_STORAGE) caps |= WINBIO_CAPABILITY_DATABASE;
    /* image sensors hand us pictures that the host turns into templates */
    if (device->features & WINBIO_UNIX_FEATURE_CAPTURE) caps |= WINBIO_CAPABILITY_PROCESSING;
    if (device->device_type == WINBIO_UNIX_DEVICE_VIRTUAL) caps |= WINBIO_CAPABILITY_VIRTUAL_SENSOR;
    return caps;
}

/* Where the vendor ends in a libfprint device name: after the first word,
 * unless the vendor's name has several. */
static size_t vendor_length( const char *name )
{
    static const char * const vendors[] =
    {
        "Digital Persona ",
        "Egis Technology Inc. (aka. LighTuning) ",
        "LighTuning Technology Inc. ",
        "Validity Sensors ",
    };
    const char *space = strchr( name, ' ' );
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(vendors); i++)
        if (!strncmp( name, vendors[i], strlen( vendors[i] ) )) return strlen( vendors[i] ) - 1;
    return space ? space - name : 0;
}

/* A serial number Windows would take as the instance id: printable, no
 * separators. */
static BOOL is_instance_serial( const char *serial )
{
    if (!*serial) return FALSE;
    for (; *serial; serial++) if (*serial <= ' ' || *serial > '~' || *serial == ',' || *serial == '\\') return FALSE;
    return TRUE;
}

/*
 * A USB sensor is USB\VID_xxxx&PID_xxxx\<instance>, as on Windows: its
 * serial number when it has a usable one, else an id made from the port it
 * is plugged into (Windows' form, "<n>&<hash of the hub>&0&<port>"), the
 * same for as long as it stays in that port.  The others (virtual and SPI
 * sensors, or a USB one sysfs does not show) are LIBFPRINT\<driver>\<id>,
 * which libfprint keeps from run to run.
 */
void unit_get_instance_id( const struct unit *unit, WCHAR *id, SIZE_T len )
{
    const struct winbio_unix_device *device = &unit->device;
    char buffer[WINBIO_MAX_STRING_LEN * 2], hub[32];
    const char *port;
    unsigned int hash = 2166136261u, i;

    if (!device->usb_vendor && !device->usb_product)
        snprintf( buffer, sizeof(buffer), "LIBFPRINT\\%s\\%s", device->driver, device->device_id );
    else if (is_instance_serial( device->usb_serial ))
        snprintf( buffer, sizeof(buffer), "USB\\VID_%04X&PID_%04X\\%s", device->usb_vendor, device->usb_product,
                  device->usb_serial );
    else
    {
        /* "1-2.3" is port 3 of the hub at "1-2" */
        lstrcpynA( hub, device->usb_port, sizeof(hub) );
        if ((port = strrchr( device->usb_port, '.' )) || (port = strrchr( device->usb_port, '-' ))) port++;
        else port = device->usb_port;
        hub[port - device->usb_port] = 0;
        for (i = 0; hub[i]; i++) hash = (hash ^ (unsigned char)hub[i]) * 16777619u;
        snprintf( buffer, sizeof(buffer), "USB\\VID_%04X&PID_%04X\\6&%X&0&%u", device->usb_vendor,
                  device->usb_product, hash, atoi( port ) );
    }
    if (!MultiByteToWideChar( CP_UTF8, 0, buffer, -1, id, len )) id[len - 1] = 0;
}

void unit_get_schema( const struct unit *unit, WINBIO_UNIT_SCHEMA *schema )
{
    const struct winbio_unix_device *device = &unit->device;
    char buffer[WINBIO_MAX_STRING_LEN * 2];
    size_t vendor;

    schema->UnitId = unit->id;
    schema->PoolType = pool_of_unit( unit );
    schema->BiometricFactor = WINBIO_TYPE_FINGERPRINT;
    schema->SensorSubType = device->scan_type == WINBIO_UNIX_SCAN_SWIPE ? WINBIO_FP_SENSOR_SUBTYPE_SWIPE
                                                                        : WINBIO_FP_SENSOR_SUBTYPE_TOUCH;
    schema->Capabilities = unit_capabilities( unit );

    unit_get_instance_id( unit, schema->DeviceInstanceId, ARRAY_SIZE(schema->DeviceInstanceId) );
    utf8_to_string( schema->Description, device->name );

    /* libfprint names its devices "<vendor> <model>"; its test drivers have
     * no vendor, so they are reported as libfprint's own. */
    if (device->device_type == WINBIO_UNIX_DEVICE_VIRTUAL || !(vendor = vendor_length( device->name )))
    {
        utf8_to_string( schema->Manufacturer, "libfprint" );
        utf8_to_string( schema->Model, device->device_type == WINBIO_UNIX_DEVICE_VIRTUAL ?
                        device->driver : device->name );
    }
    else
    {
        snprintf( buffer, sizeof(buffer), "%.*s", (int)vendor, device->name );
        utf8_to_string( schema->Manufacturer, buffer );
        utf8_to_string( schema->Model, device->name + vendor + 1 );
    }
    /* libfprint reports neither; a USB device's descriptor has them */
    utf8_to_string( schema->SerialNumber, device->usb_serial );
    schema->FirmwareVersion.MajorVersion = device->usb_release_major;
    schema->FirmwareVersion.MinorVersion = device->usb_release_minor;
}

/* The units present now, in the order of their devices. */
HRESULT units_get_all( struct unit ***present, SIZE_T *count )
{
    struct winbio_unix_device *devices;
    UINT32 i, device_count = 0;
    NTSTATUS status;
    SSIZE_T index;
    HRESULT hr = S_OK;

    *present = NULL;
    *count = 0;
    if (!winbio_init()) return winbio_no_unix() ? S_OK : WINBIO_E_DEVICE_FAILURE;
    /* the configurations written for new units name the system database */
    database_register_system();
    if ((status = get_devices( &devices, &device_count )))
        return status == STATUS_NO_MEMORY ? E_OUTOFMEMORY : HRESULT_FROM_NT( status );

    qsort( devices, device_count, sizeof(*devices), compare_devices );
    if (device_count && !(*present = winbio_alloc( device_count * sizeof(**present) ))) hr = E_OUTOFMEMORY;

    EnterCriticalSection( &units_cs );
    for (i = 0; hr == S_OK && i < device_count; i++)
    {
        if ((index = get_unit( &devices[i] )) < 0) hr = E_OUTOFMEMORY;
        else (*present)[i] = units[index];
    }
    LeaveCriticalSection( &units_cs );

    winbio_free( devices );
    if (hr != S_OK)
    {
        winbio_free( *present );
        *present = NULL;
        return hr;
    }
    *count = device_count;
    return S_OK;
}

/* A unit seen earlier in this process, whether or not it is still present. */
struct unit *unit_from_id( WINBIO_UNIT_ID id )
{
    struct unit *ret = NULL;
    SIZE_T i;

    EnterCriticalSection( &units_cs );
    for (i = 0; i < units_count; i++) if (units[i]->id == id) ret = units[i];
    LeaveCriticalSection( &units_cs );
    return ret;
}

/* The unit of a libfprint device, if it has one. */
struct unit *unit_from_device( UINT64 device_id )
{
    struct unit *ret = NULL;
    SIZE_T i;

    EnterCriticalSection( &units_cs );
    for (i = 0; i < units_count; i++) if (units[i]->device.id == device_id) ret = units[i];
    LeaveCriticalSection( &units_cs );
    return ret;
}

/* Current units as a WinBioFree()-able array of schemas. */
HRESULT units_get_schemas( WINBIO_UNIT_SCHEMA **schemas, SIZE_T *count )
{
    struct unit **present;
    SIZE_T i, unit_count;
    HRESULT hr;

    *schemas = NULL;
    *count = 0;
    if (FAILED(hr = units_get_all( &present, &unit_count )) || !unit_count) return hr;
    if (!(*schemas = winbio_alloc( unit_count * sizeof(**schemas) )))
    {
        winbio_free( present );
        return E_OUTOFMEMORY;
    }
    for (i = 0; i < unit_count; i++) unit_get_schema( present[i], &(*schemas)[i] );
    winbio_free( present );
    *count = unit_count;
    return S_OK;
}
