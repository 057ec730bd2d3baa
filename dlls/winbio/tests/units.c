/*
 * Tests for biometric unit enumeration
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "windef.h"
#include "winbase.h"
#include "winnls.h"
#include "winbio.h"

#include "wine/test.h"
#include "child.h"

/* libfprint's test drivers, each present when its variable names a socket */
static const struct
{
    const char *variable;
    const WCHAR *driver;
    const WCHAR *description;
    WINBIO_CAPABILITIES present;  /* capabilities the unit must have */
    WINBIO_CAPABILITIES absent;   /* and must not have */
}
virtual_sensors[] =
{
    { "FP_VIRTUAL_IMAGE", L"virtual_image", L"Virtual image device for debugging",
      WINBIO_CAPABILITY_SENSOR | WINBIO_CAPABILITY_MATCHING | WINBIO_CAPABILITY_PROCESSING |
      WINBIO_CAPABILITY_VIRTUAL_SENSOR, WINBIO_CAPABILITY_DATABASE },
    { "FP_VIRTUAL_DEVICE", L"virtual_device", L"Virtual device for debugging",
      WINBIO_CAPABILITY_SENSOR | WINBIO_CAPABILITY_MATCHING | WINBIO_CAPABILITY_VIRTUAL_SENSOR,
      WINBIO_CAPABILITY_DATABASE | WINBIO_CAPABILITY_PROCESSING },
    { "FP_VIRTUAL_DEVICE_STORAGE", L"virtual_device_storage",
      L"Virtual device with storage and identification for debugging",
      WINBIO_CAPABILITY_SENSOR | WINBIO_CAPABILITY_MATCHING | WINBIO_CAPABILITY_DATABASE |
      WINBIO_CAPABILITY_VIRTUAL_SENSOR, WINBIO_CAPABILITY_PROCESSING },
};

static BOOL sensor_configured( unsigned int i )
{
    return GetEnvironmentVariableA( virtual_sensors[i].variable, NULL, 0 ) != 0;
}

static const WINBIO_UNIT_SCHEMA *find_unit( const WINBIO_UNIT_SCHEMA *units, SIZE_T count, const WCHAR *driver )
{
    WCHAR id[WINBIO_MAX_STRING_LEN];
    SIZE_T i;

    swprintf( id, ARRAY_SIZE(id), L"LIBFPRINT\\%s\\", driver );
    for (i = 0; i < count; i++)
        if (!wcsncmp( units[i].DeviceInstanceId, id, wcslen( id ) )) return &units[i];
    return NULL;
}

static void test_arguments(void)
{
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, NULL, &count );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    /* bits outside WINBIO_TYPE_ANY name no biometric type */
    units = (WINBIO_UNIT_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT | 0x01000000, &units, &count );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    ok( !units, "array not cleared on failure: %p\n", units );
    ok( !count, "count not cleared on failure: %Iu\n", count );

    /* A valid type without sensors is not an error: the page documents
     * E_INVALIDARG only for invalid bits, and an empty result otherwise.
     * An empty mask has no invalid bit either, so it is treated the same. */
    units = (WINBIO_UNIT_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FACIAL_FEATURES, &units, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !units && !count, "got %p, %Iu\n", units, count );
    units = (WINBIO_UNIT_SCHEMA *)0xdeadbeef;
    hr = WinBioEnumBiometricUnits( WINBIO_NO_TYPE_AVAILABLE, &units, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !units && !count, "got %p, %Iu\n", units, count );

    hr = WinBioFree( NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
}

static void test_virtual_units(void)
{
    WINBIO_UNIT_SCHEMA *units, *again;
    SIZE_T count, count2, i, j, expected = 0;
    const WINBIO_UNIT_SCHEMA *unit;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;
    ok( (units != NULL) == (count != 0), "got %p for %Iu units\n", units, count );

    for (i = 0; i < ARRAY_SIZE(virtual_sensors); i++)
    {
        winetest_push_context( "%s", virtual_sensors[i].variable );
        unit = find_unit( units, count, virtual_sensors[i].driver );
        if (!sensor_configured( i ))
        {
            ok( !unit, "unit %lu present without its socket\n", unit ? unit->UnitId : 0 );
            winetest_pop_context();
            continue;
        }
        expected++;
        ok( unit != NULL, "no unit for %s\n", wine_dbgstr_w(virtual_sensors[i].driver) );
        if (unit)
        {
            ok( unit->UnitId != 0, "unit id 0\n" );
            ok( unit->PoolType == WINBIO_POOL_SYSTEM, "pool %lu\n", unit->PoolType );
            ok( unit->BiometricFactor == WINBIO_TYPE_FINGERPRINT, "factor %#lx\n", unit->BiometricFactor );
            /* libfprint reports its test drivers as swipe sensors by default */
            ok( unit->SensorSubType == WINBIO_FP_SENSOR_SUBTYPE_SWIPE, "subtype %lu\n", unit->SensorSubType );
            ok( (unit->Capabilities & virtual_sensors[i].present) == virtual_sensors[i].present,
                "capabilities %#lx\n", unit->Capabilities );
            ok( !(unit->Capabilities & virtual_sensors[i].absent), "capabilities %#lx\n", unit->Capabilities );
            ok( !wcscmp( unit->Description, virtual_sensors[i].description ), "description %s\n",
                wine_dbgstr_w(unit->Description) );
            ok( !wcscmp( unit->Manufacturer, L"libfprint" ), "manufacturer %s\n",
                wine_dbgstr_w(unit->Manufacturer) );
            ok( !wcscmp( unit->Model, virtual_sensors[i].driver ), "model %s\n", wine_dbgstr_w(unit->Model) );
            ok( !unit->SerialNumber[0], "serial %s\n", wine_dbgstr_w(unit->SerialNumber) );
        }
        winetest_pop_context();
    }
    /* every real sensor on the machine is listed too, but CI has none */
    ok( count >= expected, "%Iu units, expected at least %Iu\n", count, expected );
    for (i = 0; i < count; i++)
        for (j = i + 1; j < count; j++)
            ok( units[i].UnitId != units[j].UnitId, "units %Iu and %Iu share id %lu\n", i, j, units[i].UnitId );

    /* ids stay with their devices from one call to the next */
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_ANY, &again, &count2 );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( count2 == count, "got %Iu units, then %Iu\n", count, count2 );
    for (i = 0; hr == S_OK && i < count; i++)
    {
        for (j = 0; j < count2; j++)
            if (!wcscmp( units[i].DeviceInstanceId, again[j].DeviceInstanceId )) break;
        ok( j < count2, "unit %s vanished\n", wine_dbgstr_w(units[i].DeviceInstanceId) );
        if (j < count2) ok( again[j].UnitId == units[i].UnitId, "id changed from %lu to %lu\n",
                            units[i].UnitId, again[j].UnitId );
    }

    if (units) ok( WinBioFree( units ) == S_OK, "WinBioFree failed\n" );
    if (hr == S_OK && again) ok( WinBioFree( again ) == S_OK, "WinBioFree failed\n" );
}

/* A child process sees the same ids for the same devices. */
static void test_ids_across_processes(void)
{
    WINBIO_UNIT_SCHEMA *units;
    char args[MAX_PATH + 64];
    PROCESS_INFORMATION pi;
    SIZE_T count, i;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK || !count)
    {
        skip( "no units to compare\n" );
        return;
    }

    for (i = 0; i < count; i++)
    {
        sprintf( args, "units child %lu \"%ls\"", units[i].UnitId, units[i].DeviceInstanceId );
        if (!start_child( args, &pi )) continue;
        winetest_wait_child_process( pi.hProcess );
        CloseHandle( pi.hProcess );
        CloseHandle( pi.hThread );
    }
    WinBioFree( units );
}

static void child_check_id( const char *id, const char *instance_a )
{
    WINBIO_UNIT_SCHEMA *units;
    WCHAR instance[WINBIO_MAX_STRING_LEN];
    SIZE_T count, i;
    HRESULT hr;

    MultiByteToWideChar( CP_ACP, 0, instance_a, -1, instance, ARRAY_SIZE(instance) );
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;
    for (i = 0; i < count; i++)
        if (!wcscmp( units[i].DeviceInstanceId, instance )) break;
    ok( i < count, "unit %s missing in the child\n", wine_dbgstr_w(instance) );
    if (i < count) ok( units[i].UnitId == strtoul( id, NULL, 10 ), "%s has id %lu, parent saw %s\n",
                       wine_dbgstr_w(instance), units[i].UnitId, id );
    WinBioFree( units );
}

START_TEST(units)
{
    char **argv;
    int argc = winetest_get_mainargs( &argv );

    if (argc >= 5 && !strcmp( argv[2], "child" ))
    {
        child_check_id( argv[3], argv[4] );
        return;
    }
    test_arguments();
    test_virtual_units();
    test_ids_across_processes();
}
