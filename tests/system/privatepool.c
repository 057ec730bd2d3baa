/*
 * System test: a client that sets up and uses a private sensor pool
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
 * What Microsoft's pages on private pools ("Sensor Pools", "Private Sensor
 * Pool" and the registry layout their setup program relies on) tell a
 * client to do, step by step, against the virtual image sensor:
 *
 *  - find the system database's registration under the WbioSrvc service
 *    key and the unit's system configuration under its Enum key, both
 *    there before any program wrote to the registry;
 *  - register a database of the same data format, and add a private
 *    configuration for it to the unit, beside the system one;
 *  - open a private session (WINBIO_FLAG_BASIC, as the unit captures and
 *    the host matches), enroll a finger, which gets a GUID, identify and
 *    verify it, list and delete it;
 *  - remove the configuration and the database.
 *
 * And what must fail: a unit with no configuration for the database, the
 * wrong configuration flag, a unit another session holds in the system
 * pool, a unit that is in a private pool of another database or process
 * already, or named by a system-pool session of this process or another,
 * a database in another data format.
 */

#include "vsensor.h"
#include <winbio.h>

#include "wine/test.h"
#include "child.h"
#include "finger.h"
#include "poolsetup.h"

/* This program's own database, and one in a data format nobody has. */
static const GUID test_database =
    { 0x8e1f6c2a, 0x51d7, 0x4b39, { 0xa4, 0x0e, 0x7c, 0x93, 0x2d, 0x61, 0xf5, 0x18 } };
static const GUID other_database =
    { 0xd43a0b7c, 0x96e2, 0x4d0f, { 0x8b, 0x51, 0x3e, 0xa7, 0x0c, 0x29, 0x64, 0xd2 } };
static const GUID foreign_database =
    { 0x2b7d94e0, 0x3c15, 0x4f6a, { 0x9d, 0x82, 0x0a, 0x5e, 0x71, 0xc3, 0x46, 0xbb } };
static const GUID foreign_format =
    { 0x6f03a1d5, 0x88c2, 0x4e17, { 0xb9, 0x34, 0xd2, 0x0f, 0x5a, 0x7e, 0x13, 0xc6 } };

/* The unit of virtual_image, with its schema as listed now. */
static BOOL find_image_unit( WINBIO_UNIT_SCHEMA *schema )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i;
    BOOL found = FALSE;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );
    for (i = 0; hr == S_OK && i < count && !found; i++)
    {
        if (wcscmp( units[i].Model, L"virtual_image" )) continue;
        *schema = units[i];
        found = TRUE;
    }
    if (units) WinBioFree( units );
    return found;
}

static BOOL read_system_configuration( const WINBIO_UNIT_SCHEMA *unit, struct configuration *config )
{
    DWORD systems = find_system_configuration( unit, config );

    ok( systems == 1, "%lu system configurations\n", systems );
    if (systems != 1) return FALSE;
    /* written before any program could add one */
    ok( !wcscmp( config->name, L"0" ), "the system configuration is %ls\n", config->name );
    ok( config->database_id[0] && config->database_id[0] != '{', "DatabaseId %ls\n", config->database_id );
    ok( config->database_found, "database %ls is not listed\n", config->database_id );
    ok( config->sensor[0] && config->engine[0] && config->storage[0], "adapters %ls, %ls, %ls\n",
        config->sensor, config->engine, config->storage );
    /* virtual_image hands images to the host, which matches them */
    ok( config->mode == WINBIO_SENSOR_BASIC_MODE, "SensorMode %lu\n", config->mode );
    return config->database_found;
}

/* The system database's registration, with the values the pages list. */
static void check_system_registration( const WINBIO_STORAGE_SCHEMA *database )
{
    WCHAR path[256], value[MAX_PATH], format[40];
    HKEY key;
    LONG ret;

    swprintf( path, ARRAY_SIZE(path), L"%ls\\", databases_path );
    guid_string( &database->DatabaseId, path + lstrlenW( path ), 39, TRUE );
    ret = RegOpenKeyExW( HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &key );
    ok( !ret, "%ls: %ld\n", path, ret );
    if (ret) return;
    ok( get_dword( key, L"Attributes" ) == database->Attributes, "Attributes %#lx\n", get_dword( key, L"Attributes" ) );
    ok( get_dword( key, L"AutoCreate" ) == 1, "AutoCreate %lu\n", get_dword( key, L"AutoCreate" ) );
    /* the file is named: the service resets AutoName then */
    ok( get_dword( key, L"AutoName" ) == 0, "AutoName %lu\n", get_dword( key, L"AutoName" ) );
    ok( get_dword( key, L"BiometricType" ) == WINBIO_TYPE_FINGERPRINT, "BiometricType %lu\n",
        get_dword( key, L"BiometricType" ) );
    ok( get_dword( key, L"InitialSize" ) == 32, "InitialSize %lu\n", get_dword( key, L"InitialSize" ) );
    ok( get_string( key, L"ConnectionString", value, ARRAY_SIZE(value) ), "no ConnectionString\n" );
    ok( get_string( key, L"Format", value, ARRAY_SIZE(value) ), "no Format\n" );
    guid_string( &database->DataFormat, format, ARRAY_SIZE(format), FALSE );
    ok( !wcsicmp( value, format ), "Format %ls, listed as %ls\n", value, format );
    ok( get_string( key, L"FilePath", value, ARRAY_SIZE(value) ), "no FilePath\n" );
    ok( !wcsicmp( value, database->FilePath ), "FilePath %ls, listed as %ls\n", value, database->FilePath );
    RegCloseKey( key );
}

static BOOL register_database( const GUID *id, const GUID *format, DWORD attributes, const WCHAR *file )
{
    LONG ret = register_database_file( id, format, attributes, file );

    ok( !ret, "cannot register the database: %ld\n", ret );
    return !ret;
}

static void configure( const WINBIO_UNIT_SCHEMA *unit, const struct configuration *config, DWORD mode,
                       const GUID *database )
{
    LONG ret = add_configuration( unit, config, mode, database );

    ok( !ret, "cannot add a configuration: %ld\n", ret );
}

static HRESULT open_private( WINBIO_UNIT_ID unit, WINBIO_SESSION_FLAGS flags, const GUID *database,
                             WINBIO_SESSION_HANDLE *session )
{
    GUID id = *database;

    *session = 0;
    return WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, flags, &unit, 1, &id, session );
}

static WINBIO_POOL_TYPE pool_of( WINBIO_UNIT_ID id )
{
    WINBIO_UNIT_SCHEMA schema;

    if (!find_image_unit( &schema ) || schema.UnitId != id) return 0;
    return schema.PoolType;
}

/* The failures, each with the documented error. */
static void test_refusals( const WINBIO_UNIT_SCHEMA *unit, const struct configuration *config )
{
    WINBIO_SESSION_HANDLE session, system;
    HRESULT hr;

    /* registered, but the unit has no configuration for it */
    hr = open_private( unit->UnitId, WINBIO_FLAG_BASIC, &test_database, &session );
    ok( hr == WINBIO_E_CONFIGURATION_FAILURE, "no configuration: WinBioOpenSession returned %#lx\n", hr );
    ok( !session, "got a session handle\n" );

    configure( unit, config, WINBIO_SENSOR_BASIC_MODE, &test_database );

    /* the configuration is for basic mode */
    hr = open_private( unit->UnitId, WINBIO_FLAG_ADVANCED, &test_database, &session );
    ok( hr == WINBIO_E_CONFIGURATION_FAILURE, "wrong flag: WinBioOpenSession returned %#lx\n", hr );
    ok( !session, "got a session handle\n" );

    /* a session of the system pool holds the unit */
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &system );
    ok( hr == S_OK, "WinBioOpenSession (system) returned %#lx\n", hr );
    hr = WinBioLockUnit( system, unit->UnitId );
    ok( hr == S_OK, "WinBioLockUnit returned %#lx\n", hr );
    hr = open_private( unit->UnitId, WINBIO_FLAG_BASIC, &test_database, &session );
    ok( hr == WINBIO_E_DEVICE_BUSY, "unit busy in the system pool: WinBioOpenSession returned %#lx\n", hr );
    ok( !session, "got a session handle\n" );
    ok( pool_of( unit->UnitId ) == WINBIO_POOL_SYSTEM, "the unit left the system pool\n" );
    WinBioUnlockUnit( system, unit->UnitId );
    WinBioCloseSession( system );

    /* a database whose templates this sensor cannot make */
    if (register_database( &foreign_database, &foreign_format, config->database.Attributes, L"" ))
    {
        configure( unit, config, WINBIO_SENSOR_BASIC_MODE, &foreign_database );
        hr = open_private( unit->UnitId, WINBIO_FLAG_BASIC, &foreign_database, &session );
        ok( hr == WINBIO_E_UNSUPPORTED_DATA_FORMAT, "foreign format: WinBioOpenSession returned %#lx\n", hr );
        ok( !session, "got a session handle\n" );
        ok( pool_of( unit->UnitId ) == WINBIO_POOL_SYSTEM, "the unit left the system pool\n" );
        ok( remove_configurations( unit, &foreign_database ) == 1, "the configuration is gone\n" );
        unregister_database( &foreign_database );
    }
}

static BOOL file_exists( const WCHAR *path )
{
    return GetFileAttributesW( path ) != INVALID_FILE_ATTRIBUTES;
}

/* A registration that names its file: the templates go there, if it is in
 * the prefix. */
static void test_file_path( const WINBIO_UNIT_SCHEMA *unit, const struct configuration *config )
{
    static const WCHAR folder[] = L"C:\\ProgramData\\WinBioPrivatePoolTest";
    static const WCHAR file[] = L"C:\\ProgramData\\WinBioPrivatePoolTest\\templates.dat";
    static const WCHAR outside[] = L"Z:\\tmp\\winbio-private-pool-test.dat";
    WINBIO_SESSION_HANDLE session;
    WINBIO_STORAGE_SCHEMA database;
    HRESULT hr;

    DeleteFileW( file );
    RemoveDirectoryW( folder );
    if (!register_database( &other_database, &config->database.DataFormat, config->database.Attributes, file ))
        return;
    configure( unit, config, WINBIO_SENSOR_BASIC_MODE, &other_database );
    ok( find_database( &other_database, &database ), "the database is not listed\n" );
    ok( !wcsicmp( database.FilePath, file ), "listed with FilePath %ls\n", database.FilePath );
    hr = open_private( unit->UnitId, WINBIO_FLAG_BASIC, &other_database, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    ok( file_exists( file ), "%ls was not created\n", file );
    if (hr == S_OK) WinBioCloseSession( session );
    unregister_database( &other_database );
    DeleteFileW( file );
    RemoveDirectoryW( folder );

    /* Z: is the Unix root, outside the prefix */
    if (register_database( &other_database, &config->database.DataFormat, config->database.Attributes, outside ))
    {
        hr = open_private( unit->UnitId, WINBIO_FLAG_BASIC, &other_database, &session );
        ok( hr == WINBIO_E_DATABASE_CANT_OPEN, "a file outside the prefix: WinBioOpenSession returned %#lx\n", hr );
        ok( !session, "got a session handle\n" );
        ok( !file_exists( outside ), "%ls was created\n", outside );
        unregister_database( &other_database );
    }
    ok( remove_configurations( unit, &other_database ) == 1, "the configuration is gone\n" );
}

/* While the private pool is open, the unit is its own. */
static void test_reserved( WINBIO_SESSION_HANDLE session, const WINBIO_UNIT_SCHEMA *unit_schema,
                           const struct configuration *config )
{
    WINBIO_UNIT_ID unit = unit_schema->UnitId;
    WINBIO_SESSION_HANDLE other, system;
    WINBIO_UNIT_ID located = 0;
    HRESULT hr;

    ok( pool_of( unit ) == WINBIO_POOL_PRIVATE, "the unit is in pool %lu\n", pool_of( unit ) );

    /* the application that made the pool may open it again; a pool of
     * another database may not have the unit */
    hr = open_private( unit, WINBIO_FLAG_BASIC, &test_database, &other );
    ok( hr == S_OK, "the same private pool again: WinBioOpenSession returned %#lx\n", hr );
    if (hr == S_OK) WinBioCloseSession( other );
    ok( pool_of( unit ) == WINBIO_POOL_PRIVATE, "closing one session released the unit\n" );
    if (register_database( &other_database, &config->database.DataFormat, config->database.Attributes, L"" ))
    {
        configure( unit_schema, config, WINBIO_SENSOR_BASIC_MODE, &other_database );
        hr = open_private( unit, WINBIO_FLAG_BASIC, &other_database, &other );
        ok( hr == WINBIO_E_SENSOR_UNAVAILABLE, "another private pool: WinBioOpenSession returned %#lx\n", hr );
        ok( !other, "got a session handle\n" );
        ok( remove_configurations( unit_schema, &other_database ) == 1, "the configuration is gone\n" );
        unregister_database( &other_database );
    }

    /* the system pool goes on without it */
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &system );
    ok( hr == S_OK, "WinBioOpenSession (system) returned %#lx\n", hr );
    hr = WinBioEnrollBegin( system, WINBIO_ANSI_381_POS_RH_THUMB, unit );
    ok( hr == WINBIO_E_INCORRECT_SENSOR_POOL, "WinBioEnrollBegin in the system pool returned %#lx\n", hr );
    hr = WinBioLockUnit( system, unit );
    ok( hr == WINBIO_E_INCORRECT_SENSOR_POOL, "WinBioLockUnit in the system pool returned %#lx\n", hr );
    WinBioCloseSession( system );

    /* nor may another process have it, in either pool */
    {
        PROCESS_INFORMATION pi;
        char args[64];

        snprintf( args, sizeof(args), "privatepool other %lu", unit );
        if (start_child( args, &pi ))
        {
            winetest_wait_child_process( pi.hProcess );
            CloseHandle( pi.hProcess );
            CloseHandle( pi.hThread );
        }
    }

    /* the unit is found by a touch, as the pages' enrollment program does */
    {
        struct finger finger;

        put_finger( &finger, "arch.pgm" );
        hr = WinBioLocateSensor( session, &located );
        lift_finger( &finger );
    }
    ok( hr == S_OK, "WinBioLocateSensor returned %#lx\n", hr );
    ok( located == unit, "located unit %lu\n", located );
}

static void test_private_pool(void)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE *subfactors = NULL, subfactor;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_IDENTITY identity, found;
    WINBIO_STORAGE_SCHEMA database = { 0 };
    WINBIO_UNIT_SCHEMA unit = { 0 };
    struct configuration config = { 0 };
    WINBIO_UNIT_ID which = 0;
    BOOLEAN is_new = FALSE, match = FALSE;
    struct finger finger;
    SIZE_T count = 0;
    HRESULT hr;

    if (!vsensor_init() || !GetEnvironmentVariableA( "FP_VIRTUAL_IMAGE", NULL, 0 ))
    {
        skip( "no virtual sensors (WINBIO_VSENSOR_PORT or FP_VIRTUAL_IMAGE unset)\n" );
        return;
    }
    ok( find_image_unit( &unit ), "virtual_image is not listed\n" );
    if (!unit.UnitId) return;
    trace( "unit %lu: %ls\n", unit.UnitId, unit.DeviceInstanceId );
    ok( unit.PoolType == WINBIO_POOL_SYSTEM, "PoolType %lu\n", unit.PoolType );

    /* what an earlier run may have left */
    remove_configurations( &unit, &test_database );
    remove_configurations( &unit, &foreign_database );
    remove_configurations( &unit, &other_database );
    unregister_database( &test_database );
    unregister_database( &foreign_database );
    unregister_database( &other_database );

    if (!read_system_configuration( &unit, &config )) return;
    check_system_registration( &config.database );

    /* install: a database compatible with the sensor's templates */
    if (!register_database( &test_database, &config.database.DataFormat, config.database.Attributes, L"" )) return;
    /* seen at once: Windows' service would want a restart first */
    ok( find_database( &test_database, &database ), "the new database is not listed\n" );

    test_refusals( &unit, &config );
    test_file_path( &unit, &config );

    hr = open_private( unit.UnitId, WINBIO_FLAG_BASIC, &test_database, &session );
    ok( hr == S_OK, "WinBioOpenSession (private) returned %#lx\n", hr );
    if (FAILED(hr)) goto cleanup;

    test_reserved( session, &unit, &config );

    hr = enroll_print( session, unit.UnitId, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm", &identity, &is_new );
    ok( hr == S_OK, "enrolling: %#lx\n", hr );
    ok( is_new, "the template is not new\n" );
    ok( identity.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", identity.Type );

    /* the file is named now, where the registration says */
    ok( find_database( &test_database, &database ), "the database is not listed\n" );
    ok( database.FilePath[0] != 0, "no FilePath\n" );
    ok( file_exists( database.FilePath ), "%ls does not exist\n", database.FilePath );

    hr = identify_print( session, "whorl-rot10.pgm", &which, &found, &subfactor );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    ok( which == unit.UnitId, "unit %lu\n", which );
    ok( found.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", found.Type );
    ok( IsEqualGUID( &found.Value.TemplateGuid, &identity.Value.TemplateGuid ), "identified another GUID\n" );
    ok( subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );

    put_finger( &finger, "whorl-shift4.pgm" );
    hr = WinBioVerify( session, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &which, &match, &reject );
    lift_finger( &finger );
    ok( hr == S_OK, "WinBioVerify returned %#lx, reject detail %lu\n", hr, reject );
    ok( match, "no match\n" );

    hr = WinBioEnumEnrollments( session, unit.UnitId, &identity, &subfactors, &count );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    ok( count == 1 && subfactors && subfactors[0] == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "%Iu subfactors\n", count );
    if (subfactors) WinBioFree( subfactors );

    hr = WinBioDeleteTemplate( session, unit.UnitId, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    subfactors = NULL;
    hr = WinBioEnumEnrollments( session, unit.UnitId, &identity, &subfactors, &count );
    ok( hr == WINBIO_E_UNKNOWN_ID, "after the delete WinBioEnumEnrollments returned %#lx\n", hr );
    if (subfactors) WinBioFree( subfactors );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    ok( pool_of( unit.UnitId ) == WINBIO_POOL_SYSTEM, "the unit did not return to the system pool\n" );

cleanup:
    /* uninstall: the configuration, then the database and its file */
    ok( remove_configurations( &unit, &test_database ) == 1, "the private configuration is gone\n" );
    unregister_database( &test_database );
    if (database.FilePath[0]) DeleteFileW( database.FilePath );
    hr = open_private( unit.UnitId, WINBIO_FLAG_BASIC, &test_database, &session );
    ok( hr == WINBIO_E_DATABASE_CANT_FIND, "after the uninstall WinBioOpenSession returned %#lx\n", hr );
    /* the system configuration stays */
    ok( read_system_configuration( &unit, &config ), "the system configuration is gone\n" );
}

/* Another process, while the test's private pool has the unit. */
static void other_process( WINBIO_UNIT_ID unit )
{
    WINBIO_SESSION_HANDLE session, system;
    HRESULT hr;

    ok( pool_of( unit ) == WINBIO_POOL_PRIVATE, "the unit is in pool %lu\n", pool_of( unit ) );
    hr = open_private( unit, WINBIO_FLAG_BASIC, &test_database, &session );
    ok( hr == WINBIO_E_SENSOR_UNAVAILABLE, "another process's pool: WinBioOpenSession returned %#lx\n", hr );
    ok( !session, "got a session handle\n" );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &system );
    ok( hr == S_OK, "WinBioOpenSession (system) returned %#lx\n", hr );
    hr = WinBioEnrollBegin( system, WINBIO_ANSI_381_POS_RH_THUMB, unit );
    ok( hr == WINBIO_E_INCORRECT_SENSOR_POOL, "WinBioEnrollBegin in the system pool returned %#lx\n", hr );
    WinBioCloseSession( system );
}

START_TEST(privatepool)
{
    char **argv;

    if (winetest_get_mainargs( &argv ) >= 4 && !strcmp( argv[2], "other" ))
    {
        other_process( strtoul( argv[3], NULL, 10 ) );
        return;
    }
    test_private_pool();
}
