/*
 * Tests for biometric sessions, unit locks, providers, databases and properties
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
 * None of these tests touches a sensor: nothing here waits for a finger.
 * Units come from WinBioEnumBiometricUnits; with the test runner's virtual
 * sensors there are three, without any the unit tests are skipped.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "windef.h"
#include "winbase.h"
#include "winnls.h"
#include "winreg.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"

/* a private database, registered by register_database() */
static const GUID test_database =
    { 0x8f2c6a41, 0x5e3b, 0x4d7a, { 0x9c, 0x10, 0x2b, 0x4e, 0x6f, 0x8a, 0x0d, 0x13 } };

static const GUID null_guid;

static WINBIO_UNIT_ID unit_ids[8];
static SIZE_T unit_count;

static void get_units(void)
{
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count, i;
    HRESULT hr;

    unit_count = 0;
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );
    if (hr != S_OK) return;
    for (i = 0; i < count && unit_count < ARRAY_SIZE(unit_ids); i++) unit_ids[unit_count++] = units[i].UnitId;
    if (units) WinBioFree( units );
}

/* Opens with the given arguments, expecting a failure that leaves the handle 0. */
#define open_fails(a, b, c, d, e, f, g) open_fails_(__FILE__, __LINE__, a, b, c, d, e, f, g)
static void open_fails_( const char *file, int line, HRESULT expect, WINBIO_BIOMETRIC_TYPE factor,
                         WINBIO_POOL_TYPE pool, WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *units,
                         SIZE_T count, GUID *database )
{
    WINBIO_SESSION_HANDLE session = 0xdeadbeef;
    HRESULT hr;

    hr = WinBioOpenSession( factor, pool, flags, units, count, database, &session );
    ok_(file, line)( hr == expect, "expected %#lx, got %#lx\n", expect, hr );
    ok_(file, line)( !session, "handle %lu after a failed open\n", session );
    if (hr == S_OK && session) WinBioCloseSession( session );
}

/* Opens with the given arguments, expecting success, and closes again.
 * Raw and maintenance access is refused to a caller that is no administrator. */
#define open_works(a, b, c, d, e, f) open_works_(__FILE__, __LINE__, a, b, c, d, e, f)
static void open_works_( const char *file, int line, WINBIO_BIOMETRIC_TYPE factor, WINBIO_POOL_TYPE pool,
                         WINBIO_SESSION_FLAGS flags, WINBIO_UNIT_ID *units, SIZE_T count, GUID *database )
{
    WINBIO_SESSION_HANDLE session = 0;
    HRESULT hr, expect = S_OK;

    if ((flags & (WINBIO_FLAG_RAW | WINBIO_FLAG_MAINTENANCE)) && !running_as_admin()) expect = E_ACCESSDENIED;
    hr = WinBioOpenSession( factor, pool, flags, units, count, database, &session );
    ok_(file, line)( hr == expect, "expected %#lx, got %#lx\n", expect, hr );
    ok_(file, line)( hr != S_OK || session, "handle 0 after a successful open\n" );
    if (session)
    {
        hr = WinBioCloseSession( session );
        ok_(file, line)( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    }
}

static void test_open_system_pool(void)
{
    WINBIO_UNIT_ID unit = unit_count ? unit_ids[0] : 1;
    GUID database = test_database;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, WINBIO_DB_DEFAULT );
    /* Microsoft's own samples pass NULL as often as WINBIO_DB_DEFAULT, and
     * programs copied from them rely on it working. */
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL );
    /* the configuration must be DEFAULT; access flags may be added to it
     * (Wine runs programs with the administrator rights they need) */
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0, WINBIO_DB_DEFAULT );
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT | WINBIO_FLAG_RAW, NULL, 0, NULL );
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_MAINTENANCE, NULL, 0, WINBIO_DB_DEFAULT );

    /* factor */
    open_fails( E_INVALIDARG, 0, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT | 0x01000000, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT,
                NULL, 0, WINBIO_DB_DEFAULT );
    {
        /* A valid factor other than fingerprint: the page only says that
         * fingerprint is the one supported.  Not a bad argument (that is
         * E_INVALIDARG, as for factor 0 above): WINBIO_E_UNSUPPORTED_FACTOR
         * names the case exactly.  There must be no session. */
        static const WINBIO_BIOMETRIC_TYPE factors[] =
            { WINBIO_TYPE_FACIAL_FEATURES, WINBIO_TYPE_FINGERPRINT | WINBIO_TYPE_FACIAL_FEATURES };
        WINBIO_SESSION_HANDLE session;
        unsigned int i;

        for (i = 0; i < ARRAY_SIZE(factors); i++)
        {
            session = 0xdeadbeef;
            hr = WinBioOpenSession( factors[i], WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                    WINBIO_DB_DEFAULT, &session );
            ok( hr == WINBIO_E_UNSUPPORTED_FACTOR, "factor %#lx: got %#lx\n", factors[i], hr );
            ok( !session, "factor %#lx: handle %lu\n", factors[i], session );
            if (SUCCEEDED(hr) && session) WinBioCloseSession( session );
        }
    }

    /* pool type */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_UNKNOWN, WINBIO_FLAG_DEFAULT, NULL, 0,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_UNASSIGNED, WINBIO_FLAG_DEFAULT, NULL, 0,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, 4, WINBIO_FLAG_DEFAULT, NULL, 0, WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, 0xdeadbeef, WINBIO_FLAG_DEFAULT, NULL, 0, WINBIO_DB_DEFAULT );

    /* the system pool's units are installed: BASIC and ADVANCED are for private pools */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_BASIC, NULL, 0,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_ADVANCED, NULL, 0,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_ADVANCED | WINBIO_FLAG_RAW,
                NULL, 0, WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, 0x100, NULL, 0, WINBIO_DB_DEFAULT );

    /* no unit list for the system pool */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, &unit, 1,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 1,
                WINBIO_DB_DEFAULT );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, &unit, 0,
                WINBIO_DB_DEFAULT );

    /* and no database other than the default one */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                WINBIO_DB_BOOTSTRAP );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                WINBIO_DB_ONCHIP );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, &database );
}

static void test_open_private_pool(void)
{
    WINBIO_UNIT_ID units[2], bad_units[2];
    WINBIO_SESSION_HANDLE session;
    GUID database = test_database, unknown;
    HRESULT hr;

    if (!unit_count)
    {
        skip( "no biometric unit for a private pool\n" );
        return;
    }
    units[0] = unit_ids[0];
    units[1] = unit_count > 1 ? unit_ids[1] : unit_ids[0];

    /* These fail whether or not the database is installed. */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, NULL, 0, &database );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, NULL, 1, &database );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 0, &database );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1, NULL );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1,
                WINBIO_DB_DEFAULT );

    /* A database GUID nobody installed is no "installed database"; the
     * pages name no code for it, and WINBIO_E_DATABASE_CANT_FIND says it */
    unknown = test_database;
    unknown.Data1 ^= 0xffffffff;
    session = 0xdeadbeef;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1,
                            &unknown, &session );
    ok( hr == WINBIO_E_DATABASE_CANT_FIND, "unknown database: got %#lx\n", hr );
    ok( !session, "handle %lu\n", session );
    if (SUCCEEDED(hr) && session) WinBioCloseSession( session );

    if (!register_database( &test_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }

    /* any one configuration flag, with or without access flags */
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1, &database );
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_BASIC, units, 1, &database );
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_ADVANCED, units, 1, &database );
    open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_BASIC | WINBIO_FLAG_RAW, units, 1,
                &database );
    if (units[1] != units[0])
        open_works( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_ADVANCED, units, 2, &database );
    /* two configurations at once, or bits that are no flag */
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_BASIC | WINBIO_FLAG_ADVANCED,
                units, 1, &database );
    open_fails( E_INVALIDARG, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, 0x100, units, 1, &database );

    /* unit ids that name no unit */
    bad_units[0] = 0xdead;
    bad_units[1] = units[0];
    open_fails( WINBIO_E_INVALID_UNIT, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT,
                bad_units, 1, &database );
    open_fails( WINBIO_E_INVALID_UNIT, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT,
                bad_units, 2, &database );
    bad_units[0] = units[0];
    bad_units[1] = 0;
    open_fails( WINBIO_E_INVALID_UNIT, WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT,
                bad_units, 2, &database );

    unregister_database( &test_database );
}

static void test_close(void)
{
    static const WINBIO_SESSION_HANDLE bogus[] = { 0, 0xdeadbeef, 0x7fffffff, 0xffffffff };
    WINBIO_SESSION_HANDLE session = 0;
    unsigned int i;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( session != 0, "handle 0\n" );
    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioCloseSession( session );
    ok( hr == E_HANDLE, "closing twice: got %#lx\n", hr );

    for (i = 0; i < ARRAY_SIZE(bogus); i++)
    {
        hr = WinBioCloseSession( bogus[i] );
        ok( hr == E_HANDLE, "handle %#lx: got %#lx\n", bogus[i], hr );
    }
}

/* Handles are never 0 and a closed one does not come back soon. */
static void test_handle_values(void)
{
    WINBIO_SESSION_HANDLE handles[100];
    unsigned int i, j, opened = 0, repeats = 0;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(handles); i++)
    {
        handles[i] = 0;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                WINBIO_DB_DEFAULT, &handles[i] );
        if (hr != S_OK)
        {
            ok( 0, "open %u returned %#lx\n", i, hr );
            break;
        }
        opened++;
        ok( handles[i] != 0, "open %u gave handle 0\n", i );
        hr = WinBioCloseSession( handles[i] );
        if (hr != S_OK) ok( 0, "close %u returned %#lx\n", i, hr );
    }
    for (i = 0; i < opened; i++)
        for (j = i + 1; j < opened; j++)
            if (handles[i] == handles[j]) repeats++;
    ok( !repeats, "%u handles came back\n", repeats );
}

#define THREAD_COUNT 4
#define THREAD_OPENS 200

struct open_thread
{
    WINBIO_SESSION_HANDLE handles[THREAD_OPENS];
    unsigned int opened, open_failures, close_failures;
    HRESULT first_error;
};

static DWORD WINAPI open_close_thread( void *arg )
{
    struct open_thread *data = arg;
    WINBIO_SESSION_HANDLE session;
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < THREAD_OPENS; i++)
    {
        session = 0;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                WINBIO_DB_DEFAULT, &session );
        if (hr != S_OK || !session)
        {
            if (!data->open_failures++) data->first_error = hr;
            continue;
        }
        data->handles[data->opened++] = session;
        hr = WinBioCloseSession( session );
        if (hr != S_OK && !data->close_failures++ && !data->open_failures) data->first_error = hr;
    }
    return 0;
}

static int compare_handles( const void *a, const void *b )
{
    WINBIO_SESSION_HANDLE x = *(const WINBIO_SESSION_HANDLE *)a, y = *(const WINBIO_SESSION_HANDLE *)b;
    return x < y ? -1 : x > y;
}

static void test_threads(void)
{
    static struct open_thread data[THREAD_COUNT];
    WINBIO_SESSION_HANDLE *all;
    HANDLE threads[THREAD_COUNT];
    unsigned int i, total = 0, repeats = 0;
    DWORD ret;

    memset( data, 0, sizeof(data) );
    for (i = 0; i < THREAD_COUNT; i++)
    {
        threads[i] = CreateThread( NULL, 0, open_close_thread, &data[i], 0, NULL );
        ok( threads[i] != NULL, "CreateThread failed, error %lu\n", GetLastError() );
    }
    for (i = 0; i < THREAD_COUNT; i++)
    {
        if (!threads[i]) continue;
        ret = WaitForSingleObject( threads[i], 60000 );
        ok( ret == WAIT_OBJECT_0, "thread %u did not finish\n", i );
        CloseHandle( threads[i] );
    }

    all = malloc( sizeof(*all) * THREAD_COUNT * THREAD_OPENS );
    for (i = 0; i < THREAD_COUNT; i++)
    {
        winetest_push_context( "thread %u", i );
        ok( data[i].opened == THREAD_OPENS, "%u of %u opens worked\n", data[i].opened, THREAD_OPENS );
        ok( !data[i].open_failures && !data[i].close_failures, "%u opens and %u closes failed, first %#lx\n",
            data[i].open_failures, data[i].close_failures, data[i].first_error );
        memcpy( all + total, data[i].handles, data[i].opened * sizeof(*all) );
        total += data[i].opened;
        winetest_pop_context();
    }
    /* every open of the process got its own handle */
    qsort( all, total, sizeof(*all), compare_handles );
    for (i = 1; i < total; i++) if (all[i] == all[i - 1]) repeats++;
    ok( !repeats, "%u handles were handed out twice\n", repeats );
    free( all );
}

static void test_cancel_wait(void)
{
    WINBIO_SESSION_HANDLE session = 0, closed = 0;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &closed );
    ok( hr == S_OK, "got %#lx\n", hr );
    WinBioCloseSession( closed );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;

    /* with nothing pending both return at once */
    hr = WinBioCancel( session );
    ok( hr == S_OK, "WinBioCancel returned %#lx\n", hr );
    hr = WinBioWait( session );
    ok( hr == S_OK, "WinBioWait returned %#lx\n", hr );
    hr = WinBioCancel( session );
    ok( hr == S_OK, "WinBioCancel returned %#lx\n", hr );

    hr = WinBioCancel( 0 );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioCancel( 0xdeadbeef );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioCancel( closed );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioWait( 0 );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioWait( 0xdeadbeef );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioWait( closed );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "got %#lx\n", hr );
}

struct lock_thread
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID unit;
    HRESULT hr;
    HANDLE started;      /* set just before the lock */
    LONG unlocking;      /* set by the holder just before it unlocks */
    LONG after_unlock;   /* the lock returned once the holder unlocked */
};

static DWORD WINAPI lock_unit_thread( void *arg )
{
    struct lock_thread *data = arg;

    SetEvent( data->started );
    data->hr = WinBioLockUnit( data->session, data->unit );
    data->after_unlock = InterlockedCompareExchange( &data->unlocking, 0, 0 );
    return 0;
}

static void test_lock_unit(void)
{
    WINBIO_SESSION_HANDLE session = 0, other = 0;
    struct lock_thread data;
    HANDLE thread;
    DWORD ret;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;

    hr = WinBioLockUnit( session, 0 );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = WinBioUnlockUnit( session, 0 );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = WinBioLockUnit( 0xdeadbeef, unit_count ? unit_ids[0] : 1 );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioUnlockUnit( 0xdeadbeef, unit_count ? unit_ids[0] : 1 );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    if (!unit_count)
    {
        skip( "no biometric unit to lock\n" );
        WinBioCloseSession( session );
        return;
    }

    /* undocumented for an id of no unit; the code WinBioOpenSession uses for it */
    hr = WinBioLockUnit( session, 0xdead );
    ok( hr == WINBIO_E_INVALID_UNIT, "got %#lx\n", hr );

    hr = WinBioUnlockUnit( session, unit_ids[0] );
    ok( hr == WINBIO_E_LOCK_VIOLATION, "unlocking a unit not locked: got %#lx\n", hr );
    hr = WinBioLockUnit( session, unit_ids[0] );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (unit_count > 1)
    {
        hr = WinBioLockUnit( session, unit_ids[1] );
        ok( hr == WINBIO_E_LOCK_VIOLATION, "locking a second unit: got %#lx\n", hr );
    }
    hr = WinBioUnlockUnit( session, unit_ids[0] );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioUnlockUnit( session, unit_ids[0] );
    ok( hr == WINBIO_E_LOCK_VIOLATION, "unlocking twice: got %#lx\n", hr );
    if (unit_count > 1)
    {
        hr = WinBioLockUnit( session, unit_ids[1] );
        ok( hr == S_OK, "got %#lx\n", hr );
        hr = WinBioUnlockUnit( session, unit_ids[1] );
        ok( hr == S_OK, "got %#lx\n", hr );
    }

    /* A second session waits for the unit while the first one holds it. */
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &other );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioLockUnit( session, unit_ids[0] );
    ok( hr == S_OK, "got %#lx\n", hr );
    data.started = CreateEventA( NULL, FALSE, FALSE, NULL );
    if (other && hr == S_OK)
    {
        data.session = other;
        data.unit = unit_ids[0];
        data.hr = 0xdeadbeef;
        data.unlocking = 0;
        thread = CreateThread( NULL, 0, lock_unit_thread, &data, 0, NULL );
        ok( !WaitForSingleObject( data.started, 60000 ), "the second lock never started\n" );
        /* a chance for a lock that does not wait to return: what it found
         * when it returned is the check, not how long it took */
        WaitForSingleObject( thread, 500 );
        InterlockedExchange( &data.unlocking, 1 );
        hr = WinBioUnlockUnit( session, unit_ids[0] );
        ok( hr == S_OK, "got %#lx\n", hr );
        ret = WaitForSingleObject( thread, 60000 );
        ok( ret == WAIT_OBJECT_0, "the second lock still waits after the unlock\n" );
        ok( ret != WAIT_OBJECT_0 || data.after_unlock, "the second lock did not wait: %#lx\n", data.hr );
        CloseHandle( thread );
        /* a session with a call stuck in it cannot be closed either: leave it */
        if (ret != WAIT_OBJECT_0) other = 0;
        else
        {
            ok( data.hr == S_OK, "the second lock returned %#lx\n", data.hr );
            hr = WinBioUnlockUnit( other, unit_ids[0] );
            ok( hr == S_OK, "got %#lx\n", hr );
        }
    }

    /* closing a session gives up its lock */
    hr = WinBioLockUnit( session, unit_ids[0] );
    ok( hr == S_OK, "got %#lx\n", hr );
    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (other)
    {
        data.session = other;
        data.unit = unit_ids[0];
        data.hr = 0xdeadbeef;
        thread = CreateThread( NULL, 0, lock_unit_thread, &data, 0, NULL );
        ret = WaitForSingleObject( thread, 60000 );
        ok( ret == WAIT_OBJECT_0, "the lock of a closed session is still held\n" );
        CloseHandle( thread );
        if (ret == WAIT_OBJECT_0)
        {
            ok( data.hr == S_OK, "got %#lx\n", data.hr );
            WinBioCloseSession( other );
        }
    }
    CloseHandle( data.started );
}

static void test_service_providers(void)
{
    WINBIO_BSP_SCHEMA *providers;
    SIZE_T count, i;
    HRESULT hr;

    providers = (WINBIO_BSP_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumServiceProviders( WINBIO_TYPE_FINGERPRINT, &providers, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        /* One provider, the fingerprint support on libfprint, is this
         * implementation's; nf-winbio-winbioenumserviceproviders.md names no
         * number, and Windows lists the providers installed, maybe none. */
        ok( count == 1 || broken( count != 1 ), "got %Iu providers\n", count );
        ok( (providers != NULL) == (count != 0), "got %p for %Iu providers\n", providers, count );
        for (i = 0; providers && i < count; i++)
        {
            winetest_push_context( "provider %Iu", i );
            ok( providers[i].BiometricFactor == WINBIO_TYPE_FINGERPRINT, "factor %#lx\n",
                providers[i].BiometricFactor );
            ok( providers[i].Description[0], "no description\n" );
            ok( providers[i].Vendor[0], "no vendor\n" );
            ok( !IsEqualGUID( &providers[i].BspId, &null_guid ), "null provider id\n" );
            winetest_pop_context();
        }
        if (providers) ok( WinBioFree( providers ) == S_OK, "WinBioFree failed\n" );
    }

    hr = WinBioEnumServiceProviders( WINBIO_TYPE_ANY, &providers, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        ok( count >= 1 || broken( !count ), "got %Iu providers\n", count );
        if (providers) WinBioFree( providers );
    }

    providers = (WINBIO_BSP_SCHEMA *)0xdeadbeef;
    hr = WinBioEnumServiceProviders( WINBIO_TYPE_FINGERPRINT | 0x01000000, &providers, &count );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    ok( !providers, "array not cleared on failure: %p\n", providers );

    hr = WinBioEnumServiceProviders( WINBIO_TYPE_FINGERPRINT, NULL, &count );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumServiceProviders( WINBIO_TYPE_FINGERPRINT, &providers, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    /* a valid but unsupported factor is an empty set, not an error */
    providers = (WINBIO_BSP_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumServiceProviders( WINBIO_TYPE_FACIAL_FEATURES, &providers, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !providers && !count, "got %p, %Iu\n", providers, count );
}

static void test_databases(void)
{
    WINBIO_STORAGE_SCHEMA *databases;
    WCHAR guid[40], tail[80];
    SIZE_T count, i, found = 0, len, tail_len;
    HRESULT hr;

    databases = (WINBIO_STORAGE_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        /* this implementation always has the system pool's database, a
         * file; a Windows machine that never had a sensor may have none */
        ok( count >= 1 || broken( !count ), "got %Iu databases\n", count );
        ok( (databases != NULL) == (count != 0), "got %p for %Iu databases\n", databases, count );
        for (i = 0; databases && i < count; i++)
        {
            winetest_push_context( "database %Iu", i );
            ok( databases[i].BiometricFactor == WINBIO_TYPE_FINGERPRINT, "factor %#lx\n",
                databases[i].BiometricFactor );
            ok( !IsEqualGUID( &databases[i].DatabaseId, &null_guid ), "null database id\n" );
            if ((databases[i].Attributes & WINBIO_DATABASE_TYPE_MASK) == WINBIO_DATABASE_TYPE_FILE)
            {
                /* a file database lives in ...\WinBioDatabase\{its GUID}.DAT */
                format_guid( guid, ARRAY_SIZE(guid), &databases[i].DatabaseId );
                swprintf( tail, ARRAY_SIZE(tail), L"\\WinBioDatabase\\{%s}.DAT", guid );
                len = wcslen( databases[i].FilePath );
                tail_len = wcslen( tail );
                ok( len > tail_len && !_wcsicmp( databases[i].FilePath + len - tail_len, tail ),
                    "file path %s\n", wine_dbgstr_w(databases[i].FilePath) );
                found++;
            }
            winetest_pop_context();
        }
        ok( found >= 1 || broken( !count ), "no file database\n" );
        if (databases) ok( WinBioFree( databases ) == S_OK, "WinBioFree failed\n" );
    }

    databases = (WINBIO_STORAGE_SCHEMA *)0xdeadbeef;
    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT | 0x01000000, &databases, &count );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    ok( !databases, "array not cleared on failure: %p\n", databases );

    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, NULL, &count );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumDatabases( WINBIO_TYPE_FINGERPRINT, &databases, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    databases = (WINBIO_STORAGE_SCHEMA *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumDatabases( WINBIO_TYPE_FACIAL_FEATURES, &databases, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !databases && !count, "got %p, %Iu\n", databases, count );
}

/* What every unit answers: its sample hint and extended sensor information. */
static void test_unit_properties( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    SIZE_T size;
    void *buffer;
    HRESULT hr;

    /* the number of good samples an enrollment takes, as a ULONG */
    buffer = (void *)0xdeadbeef;
    size = 0xdeadbeef;
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        ok( size == sizeof(ULONG), "size %Iu\n", size );
        ok( buffer && *(ULONG *)buffer >= 1, "sample hint %lu\n", buffer ? *(ULONG *)buffer : 0 );
        if (buffer) ok( WinBioFree( buffer ) == S_OK, "WinBioFree failed\n" );
    }

    /* the extended sensor information; its capabilities are checked against
     * what the virtual image sensor is in property.c, since comparing them
     * with the unit's schema compares a value with itself */
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_EXTENDED_SENSOR_INFO, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        WINBIO_EXTENDED_SENSOR_INFO *info = buffer;

        ok( size == sizeof(*info), "size %Iu\n", size );
        ok( info->Factor == WINBIO_TYPE_FINGERPRINT, "factor %#lx\n", info->Factor );
        WinBioFree( buffer );
    }
    /* a property id the unit does not know */
    buffer = NULL;
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, 0x99, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == WINBIO_E_INVALID_PROPERTY_ID, "got %#lx\n", hr );
    if (SUCCEEDED(hr) && buffer) WinBioFree( buffer );
}

static void test_properties(void)
{
    static const WINBIO_PROPERTY_TYPE bad_types[] =
        { WINBIO_PROPERTY_TYPE_SESSION, WINBIO_PROPERTY_TYPE_TEMPLATE, 0x99 };
    WINBIO_ANTI_SPOOF_POLICY policy = { 0 };
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    ULONG value = 5;
    SIZE_T size;
    void *buffer;
    unsigned int i;
    HRESULT hr;

    /* the argument checks below need no unit; with no sensor they name one no sensor has */
    unit = unit_count ? unit_ids[0] : ANY_UNIT_ID;
    get_user_identity( &identity );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr != S_OK) return;

    if (unit_count) test_unit_properties( session, unit );
    else skip( "no biometric unit for unit properties\n" );

    /* only unit and account properties can be read */
    for (i = 0; i < ARRAY_SIZE(bad_types); i++)
    {
        buffer = NULL;
        hr = WinBioGetProperty( session, bad_types[i], WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                                WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
        ok( hr == WINBIO_E_INVALID_PROPERTY_TYPE, "type %lu: got %#lx\n", bad_types[i], hr );
        if (SUCCEEDED(hr) && buffer) WinBioFree( buffer );
    }

    /* unit properties need a unit and no sub-factor */
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, 0, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == E_INVALIDARG, "unit 0: got %#lx\n", hr );
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &buffer, &size );
    ok( hr == E_INVALIDARG, "sub-factor: got %#lx\n", hr );
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, NULL, &size );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioGetProperty( 0xdeadbeef, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    /* the account policy names its account */
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == E_POINTER, "got %#lx\n", hr );

    /* Unit properties are read-only.  The page wants PropertyType ACCOUNT
     * first of all, so a unit property fails on its type; an account
     * property id other than the anti-spoof policy fails on its id. */
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &value, sizeof(value) );
    ok( hr == WINBIO_E_INVALID_PROPERTY_TYPE, "got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_EXTENDED_SENSOR_INFO, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, &value, sizeof(value) );
    ok( hr == WINBIO_E_INVALID_PROPERTY_ID, "got %#lx\n", hr );
    /* the page's E_INVALIDARG cases: a type, id or size of 0 */
    policy.Action = WINBIO_ANTI_SPOOF_DISABLE;
    policy.Source = WINBIO_POLICY_LOCAL;
    hr = WinBioSetProperty( session, 0, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, &identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, &policy, sizeof(policy) );
    ok( hr == E_INVALIDARG, "type 0: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, 0, 0, &identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, &policy, sizeof(policy) );
    ok( hr == E_INVALIDARG, "id 0: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, &identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, &policy, 0 );
    ok( hr == E_INVALIDARG, "size 0: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &policy, sizeof(policy) );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0, &identity,
                            WINBIO_SUBTYPE_NO_INFORMATION, NULL, sizeof(policy) );
    ok( hr == E_POINTER, "no buffer: got %#lx\n", hr );
    hr = WinBioSetProperty( 0xdeadbeef, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, &policy, sizeof(policy) );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    WinBioCloseSession( session );
}

START_TEST(session)
{
    get_units();
    test_open_system_pool();
    test_open_private_pool();
    test_close();
    test_handle_values();
    test_threads();
    test_cancel_wait();
    test_lock_unit();
    test_service_providers();
    test_databases();
    test_properties();
}
