/*
 * One session used by many threads at once, and two processes enrolling
 * in one prefix (issue 13)
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
 * Windows lets any thread use a session.  Here a handful of threads call
 * everything a session offers, at random, on one shared handle, while one
 * thread cancels and another keeps swapping in a new session and closing
 * the old one under them.  Nobody touches the sensor meanwhile, so no call
 * may add a template; none may lose one either.  Then two processes
 * enroll, delete and enroll again on one database, each on its own sensor,
 * and the database ends with exactly one template of each.  With no
 * sensor, threads enumerate at once and close a handle nobody opened.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "windef.h"
#include "winbase.h"
#include "winreg.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"

static const GUID concurrency_database =
    { 0x3f6c2a81, 0x7d54, 0x4b19, { 0x8e, 0x02, 0xc4, 0x5b, 0x9a, 0x17, 0xd3, 0x6e } };

/* fp_device_get_nr_enroll_stages() of virtual_image */
#define IMAGE_ENROLL_STAGES 5

#define STORM_THREADS    5
#define STORM_CALLS      150

static WINBIO_SESSION_HANDLE open_pool( WINBIO_UNIT_ID *units, SIZE_T count )
{
    GUID database = concurrency_database;
    WINBIO_SESSION_HANDLE session = 0;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, count,
                            &database, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    return hr == S_OK ? session : 0;
}

/* How often the identity's enrollments on the unit name the subfactor;
 * total receives how many subfactors they name.  The identities are the
 * GUIDs the private pool gives its enrollments (private-sensor-pool.md). */
static unsigned int count_enrolled( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit,
                                    WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                                    SIZE_T *total )
{
    WINBIO_BIOMETRIC_SUBTYPE *array = NULL;
    SIZE_T count = 0, i;
    unsigned int found = 0;
    HRESULT hr;

    hr = WinBioEnumEnrollments( session, unit, identity, &array, &count );
    ok( hr == S_OK || hr == WINBIO_E_UNKNOWN_ID, "WinBioEnumEnrollments returned %#lx\n", hr );
    for (i = 0; hr == S_OK && i < count; i++) if (array[i] == subfactor) found++;
    if (array) WinBioFree( array );
    *total = hr == S_OK ? count : 0;
    return found;
}

/* The number of templates in the database file, from its header (see
 * dlls/winbio/storage.c); -1 when it cannot be read. */
static int database_templates(void)
{
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    SIZE_T count = 0, i;
    BYTE header[40];
    DWORD done;
    HANDLE file = INVALID_HANDLE_VALUE;
    int ret = -1;

    if (WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count ) != S_OK) return -1;
    for (i = 0; i < count; i++)
        if (IsEqualGUID( &databases[i].DatabaseId, &concurrency_database ))
            file = CreateFileW( databases[i].FilePath, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                OPEN_EXISTING, 0, NULL );
    WinBioFree( databases );
    if (file == INVALID_HANDLE_VALUE) return -1;
    if (ReadFile( file, header, sizeof(header), &done, NULL ) && done == sizeof(header)) ret = get_u32( header + 24 );
    CloseHandle( file );
    return ret;
}

struct storm
{
    volatile LONG session;          /* the handle the threads use now */
    WINBIO_UNIT_ID unit;
    WINBIO_IDENTITY user;
    volatile LONG stop;
    LONG swaps;
    LONG wrong_lists;               /* listings without the enrolled finger, or with it twice */
    LONG successes;                 /* calls that cannot succeed without a touch, but did */
};

struct storm_thread
{
    struct storm *storm;
    unsigned int seed;
    HANDLE thread;
};

static unsigned int next_random( unsigned int *seed )
{
    *seed = *seed * 1103515245 + 12345;
    return *seed >> 16;
}

static void storm_call( struct storm *storm, unsigned int what )
{
    WINBIO_SESSION_HANDLE session = storm->session;
    WINBIO_BIOMETRIC_SUBTYPE *array = NULL, subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    BOOLEAN is_new, match;
    SIZE_T count = 0, size;
    void *buffer = NULL;
    HRESULT hr;

    switch (what % 10)
    {
    case 0:
        hr = WinBioEnumEnrollments( session, storm->unit, &storm->user, &array, &count );
        if (hr == S_OK && (count != 1 || array[0] != WINBIO_ANSI_381_POS_RH_INDEX_FINGER))
            InterlockedIncrement( &storm->wrong_lists );
        if (hr == WINBIO_E_UNKNOWN_ID) InterlockedIncrement( &storm->wrong_lists );
        if (array) WinBioFree( array );
        break;
    case 1:
        /* waits for a touch that never comes: the cancels end it */
        if (WinBioIdentify( session, &unit, &identity, &subfactor, &reject ) == S_OK)
            InterlockedIncrement( &storm->successes );
        break;
    case 2:
        if (WinBioVerify( session, &storm->user, WINBIO_SUBTYPE_ANY, &unit, &match, &reject ) == S_OK)
            InterlockedIncrement( &storm->successes );
        break;
    case 3:
        if (WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER, storm->unit ) == S_OK)
        {
            if (WinBioEnrollCapture( session, &reject ) == S_OK) InterlockedIncrement( &storm->successes );
            WinBioEnrollDiscard( session );
        }
        break;
    case 4:
        if (WinBioEnrollCommit( session, &identity, &is_new ) == S_OK) InterlockedIncrement( &storm->successes );
        break;
    case 5:
        /* a finger never enrolled */
        WinBioDeleteTemplate( session, storm->unit, &storm->user, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER );
        break;
    case 6:
        hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_EXTENDED_ENROLLMENT_STATUS,
                                storm->unit, NULL, WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
        if (buffer) WinBioFree( buffer );
        break;
    case 7:
        if (WinBioLockUnit( session, storm->unit ) == S_OK) WinBioUnlockUnit( session, storm->unit );
        break;
    case 8:
        if (WinBioLocateSensor( session, &unit ) == S_OK) InterlockedIncrement( &storm->successes );
        break;
    default:
        WinBioWait( session );
        break;
    }
}

static DWORD WINAPI storm_worker( void *arg )
{
    struct storm_thread *thread = arg;
    unsigned int i;

    for (i = 0; i < STORM_CALLS && !thread->storm->stop; i++)
        storm_call( thread->storm, next_random( &thread->seed ) );
    return 0;
}

static DWORD WINAPI storm_canceller( void *arg )
{
    struct storm *storm = arg;

    while (!storm->stop)
    {
        WinBioCancel( storm->session );
        Sleep( 2 );
    }
    return 0;
}

static DWORD WINAPI storm_closer( void *arg )
{
    struct storm *storm = arg;
    WINBIO_SESSION_HANDLE session, old;

    while (!storm->stop)
    {
        Sleep( 40 );
        if (!(session = open_pool( &storm->unit, 1 ))) break;
        old = InterlockedExchange( &storm->session, session );
        ok( WinBioCloseSession( old ) == S_OK, "WinBioCloseSession of the old session failed\n" );
        storm->swaps++;
    }
    return 0;
}

/* Threads on one session, closed and replaced under them. */
static void test_threads( WINBIO_UNIT_ID unit )
{
    struct storm_thread threads[STORM_THREADS];
    HANDLE canceller, closer;
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID found;
    struct storm storm;
    struct touch touch;
    unsigned int i, listed, finished = 0;
    SIZE_T total;
    HRESULT hr;

    if (!(session = open_pool( &unit, 1 ))) return;
    memset( &storm, 0, sizeof(storm) );
    if (!enroll_finger( session, unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm", IMAGE_ENROLL_STAGES,
                        &storm.user ))
    {
        WinBioCloseSession( session );
        return;
    }
    ok( storm.user.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", storm.user.Type );
    storm.session = session;
    storm.unit = unit;

    canceller = CreateThread( NULL, 0, storm_canceller, &storm, 0, NULL );
    closer = CreateThread( NULL, 0, storm_closer, &storm, 0, NULL );
    for (i = 0; i < STORM_THREADS; i++)
    {
        threads[i].storm = &storm;
        threads[i].seed = 1313 + i;
        threads[i].thread = CreateThread( NULL, 0, storm_worker, &threads[i], 0, NULL );
    }
    /* generous: the calls take milliseconds each */
    for (i = 0; i < STORM_THREADS; i++)
    {
        if (!WaitForSingleObject( threads[i].thread, 120000 )) finished++;
        CloseHandle( threads[i].thread );
    }
    storm.stop = TRUE;
    ok( !WaitForSingleObject( canceller, 30000 ), "the cancelling thread still runs\n" );
    ok( !WaitForSingleObject( closer, 30000 ), "the closing thread still runs\n" );
    CloseHandle( canceller );
    CloseHandle( closer );
    ok( finished == STORM_THREADS, "%u of %u threads finished\n", finished, STORM_THREADS );
    trace( "%u threads, %u calls each, %ld sessions swapped in\n", STORM_THREADS, STORM_CALLS, storm.swaps );
    ok( storm.swaps > 0, "no session was closed under the threads\n" );
    ok( !storm.wrong_lists, "%ld listings lacked the enrolled finger or had it twice\n", storm.wrong_lists );
    ok( !storm.successes, "%ld calls that needed a touch succeeded\n", storm.successes );
    session = storm.session;

    /* afterwards: the one template, once, and it still matches */
    listed = count_enrolled( session, unit, &storm.user, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &total );
    ok( listed == 1 && total == 1, "the enrolled finger is not listed once (%Iu subfactors)\n", total );
    ok( database_templates() == 1, "%d templates in the database\n", database_templates() );
    start_touch( &touch, "IMAGE", "whorl.pgm", 0 );
    hr = WinBioIdentify( session, &found, &identity, &subfactor, &reject );
    touch_join( &touch );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    ok( hr != S_OK || subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );

    hr = WinBioDeleteTemplate( session, unit, &storm.user, WINBIO_SUBTYPE_ANY );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    WinBioCloseSession( session );
}

struct begin_race
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID unit;
    HANDLE go;
    HRESULT hr;
};

static DWORD WINAPI begin_race_thread( void *arg )
{
    struct begin_race *race = arg;

    WaitForSingleObject( race->go, INFINITE );
    race->hr = WinBioEnrollBegin( race->session, WINBIO_ANSI_381_POS_LH_LITTLE_FINGER, race->unit );
    return 0;
}

/* Threads that begin an enrollment on one session at the same moment: one
 * gets it, the others are told one is in progress, and one discard ends it. */
static void test_begin_race( WINBIO_UNIT_ID unit )
{
    struct begin_race races[STORM_THREADS];
    HANDLE threads[STORM_THREADS], go;
    WINBIO_SESSION_HANDLE session;
    unsigned int round, i, begun, busy;
    HRESULT hr;

    if (!(session = open_pool( &unit, 1 ))) return;
    go = CreateEventA( NULL, TRUE, FALSE, NULL );
    for (round = 0; round < 20; round++)
    {
        ResetEvent( go );
        for (i = 0; i < STORM_THREADS; i++)
        {
            races[i].session = session;
            races[i].unit = unit;
            races[i].go = go;
            races[i].hr = 0xdeadbeef;
            threads[i] = CreateThread( NULL, 0, begin_race_thread, &races[i], 0, NULL );
        }
        SetEvent( go );
        ok( !WaitForMultipleObjects( STORM_THREADS, threads, TRUE, 60000 ), "the threads still run\n" );
        for (i = begun = busy = 0; i < STORM_THREADS; i++)
        {
            CloseHandle( threads[i] );
            if (races[i].hr == S_OK) begun++;
            else if (races[i].hr == WINBIO_E_ENROLLMENT_IN_PROGRESS) busy++;
            else ok( 0, "round %u: WinBioEnrollBegin returned %#lx\n", round, races[i].hr );
        }
        ok( begun == 1 && busy == STORM_THREADS - 1, "round %u: %u enrollments begun, %u refused\n",
            round, begun, busy );
        hr = WinBioEnrollDiscard( session );
        ok( hr == S_OK, "round %u: WinBioEnrollDiscard returned %#lx\n", round, hr );
        hr = WinBioEnrollDiscard( session );
        ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "round %u: second WinBioEnrollDiscard returned %#lx\n", round, hr );
    }
    CloseHandle( go );
    WinBioCloseSession( session );
}

/* The two children: each enrolls its finger on its own sensor, deletes
 * it, and enrolls it again, while the other does the same. */
#define CHILD_CYCLES 2

/* The storage sensor's enrollment, committed. */
static BOOL enroll_storage( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const char *id,
                            WINBIO_IDENTITY *identity )
{
    unsigned int captures;
    BOOLEAN is_new;
    HRESULT hr;

    hr = enroll_scans( session, unit, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, id, &captures );
    ok( hr == S_OK, "the enrollment ended with %#lx after %u captures\n", hr, captures );
    if (hr != S_OK)
    {
        WinBioEnrollDiscard( session );
        return FALSE;
    }
    hr = WinBioEnrollCommit( session, identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( is_new, "not a new template\n" );
    return hr == S_OK;
}

static void child_enroll( const char *model )
{
    BOOL storage = !strcmp( model, "storage" );
    WINBIO_BIOMETRIC_SUBTYPE subfactor = storage ? WINBIO_ANSI_381_POS_LH_INDEX_FINGER
                                                 : WINBIO_ANSI_381_POS_RH_INDEX_FINGER;
    WINBIO_SESSION_HANDLE session;
    WINBIO_IDENTITY user;
    WINBIO_UNIT_ID unit;
    unsigned int cycle, found;
    char id[32];
    SIZE_T total;
    BOOL ret;
    HRESULT hr;

    if (!have_virtual_sensors()) return;
    if (!(unit = find_unit( storage ? L"virtual_device_storage" : L"virtual_image" ))) return;
    if (!(session = open_pool( &unit, 1 ))) return;
    for (cycle = 0; cycle < CHILD_CYCLES; cycle++)
    {
        if (cycle)
        {
            hr = WinBioDeleteTemplate( session, unit, &user, subfactor );
            ok( hr == S_OK, "%s, cycle %u: WinBioDeleteTemplate returned %#lx\n", model, cycle, hr );
            found = count_enrolled( session, unit, &user, subfactor, &total );
            ok( !found, "%s: still enrolled after the delete\n", model );
        }
        snprintf( id, sizeof(id), "conc-%lu-%u", GetCurrentProcessId(), cycle );
        if (storage) ret = enroll_storage( session, unit, id, &user );
        else ret = enroll_finger( session, unit, subfactor, "whorl.pgm", IMAGE_ENROLL_STAGES, &user );
        if (!ret) break;
        found = count_enrolled( session, unit, &user, subfactor, &total );
        ok( found == 1 && total == 1, "%s, cycle %u: the finger is not listed once (%Iu subfactors)\n", model, cycle, total );
    }
    WinBioCloseSession( session );
}

/* Two processes on one prefix and one database. */
static void test_processes( WINBIO_UNIT_ID image, WINBIO_UNIT_ID storage )
{
    static const char * const models[] = { "image", "storage" };
    PROCESS_INFORMATION pi[2];
    WINBIO_UNIT_ID units[2] = { image, storage };
    WINBIO_SESSION_HANDLE session;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY user;
    WINBIO_UNIT_ID unit;
    unsigned int i, found, started = 0;
    struct touch touch;
    char args[64];
    SIZE_T total;
    HRESULT hr;

    for (i = 0; i < 2; i++)
    {
        snprintf( args, sizeof(args), "concurrency %s", models[i] );
        if (start_child( args, &pi[i] )) started |= 1 << i;
    }
    for (i = 0; i < 2; i++)
    {
        if (!(started & (1 << i))) continue;
        wait_child_process( pi[i].hProcess );
        CloseHandle( pi[i].hProcess );
        CloseHandle( pi[i].hThread );
    }

    /* before anything lists the storage sensor: this process's libfprint
     * has a virtual chip of its own, which holds none of the child's prints,
     * and a listing takes what the chip lacks out of the database */
    ok( database_templates() == 2, "%d templates in the database\n", database_templates() );
    if (!(session = open_pool( units, 2 ))) return;
    /* the child's identity is a GUID this process learns from the finger */
    start_touch( &touch, "IMAGE", "whorl.pgm", 0 );
    hr = WinBioIdentify( session, &unit, &user, &subfactor, &reject );
    touch_join( &touch );
    ok( hr == S_OK, "WinBioIdentify returned %#lx\n", hr );
    if (hr == S_OK)
    {
        ok( unit == image, "identified on unit %lu\n", unit );
        ok( user.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", user.Type );
        found = count_enrolled( session, image, &user, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &total );
        ok( found == 1 && total == 1, "image sensor: the finger is not listed once (%Iu subfactors)\n", total );
    }
    /* unregister_database() deletes the database file */
    WinBioCloseSession( session );
}

struct enum_race
{
    HANDLE go;
    SIZE_T units, databases;        /* what one thread alone sees */
    LONG mismatches;
};

static DWORD WINAPI enum_race_thread( void *arg )
{
    struct enum_race *race = arg;
    WINBIO_STORAGE_SCHEMA *databases;
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count;
    unsigned int i;

    WaitForSingleObject( race->go, INFINITE );
    for (i = 0; i < 20; i++)
    {
        units = NULL;
        count = 0;
        if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) != S_OK || count != race->units)
            InterlockedIncrement( &race->mismatches );
        if (units) WinBioFree( units );
        databases = NULL;
        count = 0;
        if (WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count ) != S_OK || count != race->databases)
            InterlockedIncrement( &race->mismatches );
        if (databases) WinBioFree( databases );
        /* a handle nobody opened, closed by every thread at once */
        if (WinBioCloseSession( 0xdead ) != E_HANDLE) InterlockedIncrement( &race->mismatches );
    }
    return 0;
}

/* Needs no sensor: threads that enumerate at once each see what one thread
 * sees.  The first enumeration of a process also writes the units'
 * configurations to the registry, so the threads race on that as well. */
static void test_enum_race(void)
{
    WINBIO_STORAGE_SCHEMA *databases = NULL;
    WINBIO_UNIT_SCHEMA *units = NULL;
    HANDLE threads[STORM_THREADS];
    struct enum_race race;
    unsigned int i, finished = 0;
    HRESULT hr;

    memset( &race, 0, sizeof(race) );
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &race.units );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );
    if (units) WinBioFree( units );
    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &race.databases );
    ok( hr == S_OK, "WinBioEnumDatabases returned %#lx\n", hr );
    if (databases) WinBioFree( databases );

    race.go = CreateEventW( NULL, TRUE, FALSE, NULL );
    for (i = 0; i < STORM_THREADS; i++) threads[i] = CreateThread( NULL, 0, enum_race_thread, &race, 0, NULL );
    SetEvent( race.go );
    for (i = 0; i < STORM_THREADS; i++)
    {
        if (!WaitForSingleObject( threads[i], 60000 )) finished++;
        CloseHandle( threads[i] );
    }
    CloseHandle( race.go );
    ok( finished == STORM_THREADS, "%u of %u threads finished\n", finished, STORM_THREADS );
    ok( !race.mismatches, "%ld enumerations or closes differed from one thread's\n", race.mismatches );
}

START_TEST(concurrency)
{
    WINBIO_UNIT_ID image, storage;
    char **argv;

    if (winetest_get_mainargs( &argv ) >= 3)
    {
        child_enroll( argv[2] );
        return;
    }
    test_enum_race();
    if (!have_virtual_sensors()) return;
    if (!(image = find_unit( L"virtual_image" )) || !(storage = find_unit( L"virtual_device_storage" )))
    {
        skip( "no virtual_image or virtual_device_storage unit\n" );
        return;
    }
    if (!register_database( &concurrency_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }
    test_begin_race( image );
    test_threads( image );
    test_processes( image, storage );
    unregister_database( &concurrency_database );
}
