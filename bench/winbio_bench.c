/*
 * Benchmark: the WinBio calls a client makes, under Wine
 *
 * Copyright the winbio project developers
 *
 * This program is free software; you can redistribute it and/or
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
 * The counterpart of native_bench.c: the same prints on the same
 * virtual_image sensor, through winbio.dll.  Touches go through the test
 * feeder before each call, so the time measured is the call's own.  The
 * template database is filled through the storage code the dll uses, so
 * that identify runs against 1 to 1000 templates with the match last; the
 * others are the enrollments of distinct fingers (see bench.h), each made
 * once through WinBio.
 *
 * Usage: winbio_bench.exe REPEAT GALLERY_DIR (a Unix path); prints
 * "<name> <templates> <median microseconds>".
 */

#include "vsensor.h"
#include <winbio.h>

#include "winbio_private.h"
#include "storage.h"
#include "bench.h"

/* storage.c is linked here to fill the database in bulk, without winbio.dll's
 * Unix side, which sets the files' modes; winbio.dll repairs them when it
 * opens the database. */
void storage_make_private( const WCHAR *path, BOOL folder )
{
}

static void fail( const char *what, HRESULT hr )
{
    fprintf( stderr, "winbio_bench: %s failed: %#lx (%s)\n", what, hr, vsensor_last_reply );
    exit( 1 );
}

/* A touch from another thread: the sensor's socket may only appear once
 * the call about to be made opens the device. */
static DWORD WINAPI touch_thread( void *print )
{
    return !vsensor_touch_image( print );
}

static HANDLE touch( const char *print )
{
    return CreateThread( NULL, 0, touch_thread, (void *)print, 0, NULL );
}

static void touched( HANDLE thread )
{
    DWORD code = 1;

    WaitForSingleObject( thread, INFINITE );
    GetExitCodeThread( thread, &code );
    CloseHandle( thread );
    if (code) fail( "touching the sensor", E_FAIL );
}

/* One enrollment; returns the time spent inside WinBioEnrollBegin and WinBioEnrollCapture. */
static double enroll( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, WINBIO_BIOMETRIC_SUBTYPE finger,
                      const char *print, BOOL commit )
{
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    double start, spent;
    HRESULT hr;

    start = now_us();
    if (FAILED(hr = WinBioEnrollBegin( session, finger, unit ))) fail( "WinBioEnrollBegin", hr );
    spent = now_us() - start;
    do
    {
        HANDLE thread = touch( print );

        start = now_us();
        hr = WinBioEnrollCapture( session, &reject );
        spent += now_us() - start;
        touched( thread );
    } while (hr == WINBIO_I_MORE_DATA);
    if (hr != S_OK) fail( "WinBioEnrollCapture", hr );
    hr = commit ? WinBioEnrollCommit( session, &identity, &is_new ) : WinBioEnrollDiscard( session );
    if (FAILED(hr)) fail( "commit", hr );
    return spent;
}

/* Rewrites the database: count-1 non-matching templates, then the matching
 * one; count 0 empties it. */
static void fill_database( const struct winbio_template *match, const struct winbio_template *others, int count )
{
    struct winbio_template *list = calloc( count + 1, sizeof(*list) );
    struct winbio_database *db;
    WINBIO_IDENTITY anyone = { WINBIO_ID_TYPE_WILDCARD };
    SIZE_T deleted;
    int i;

    anyone.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    if (FAILED(storage_open( &winbio_system_database, &db ))) fail( "storage_open", E_FAIL );
    storage_delete( db, &anyone, WINBIO_SUBTYPE_ANY, NULL, &deleted );
    for (i = 0; i < count - 1; i++)
    {
        /* other owners, so that none is a duplicate enrollment */
        list[i] = others[i];
        list[i].identity.Type = WINBIO_ID_TYPE_GUID;
        memset( &list[i].identity.Value.TemplateGuid, 0, sizeof(GUID) );
        list[i].identity.Value.TemplateGuid.Data1 = i + 1;
        list[i].template_id.Data1 = i + 1;
    }
    if (count) list[count - 1] = *match;
    if (count && FAILED(storage_add_many( db, list, count ))) fail( "storage_add_many", E_FAIL );
    storage_close( db );
    free( list );
}

static struct winbio_template copy_template( const struct winbio_template *template )
{
    struct winbio_template ret = *template;

    ret.data = malloc( template->data_size );
    memcpy( ret.data, template->data, template->data_size );
    return ret;
}

int main( int argc, char **argv )
{
    static const int sizes[] = { 1, 10, 100, 1000 };
    struct winbio_template match, *others;
    struct winbio_template_set *set;
    struct winbio_database *db;
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_IDENTITY user, identity;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit, unit_touched;
    int repeat = argc > 1 ? atoi( argv[1] ) : 5, i, s;
    double *times, start;
    BOOLEAN matched;
    SIZE_T count;
    HRESULT hr;

    if (argc < 3)
    {
        fprintf( stderr, "usage: winbio_bench.exe REPEAT GALLERY_DIR\n" );
        return 2;
    }
    if (repeat <= 0) repeat = 5;
    times = calloc( repeat * 100, sizeof(*times) );
    if (!vsensor_init() || !(unit = image_unit())) fail( "finding the virtual image sensor", E_FAIL );

    for (i = 0; i < repeat * 100; i++)
    {
        start = now_us();
        WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
        times[i] = now_us() - start;
        WinBioFree( units );
    }
    printf( "enum_units 0 %.1f\n", median( times, repeat * 100 ) );
    for (i = 0; i < repeat * 100; i++)
    {
        start = now_us();
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                NULL, &session );
        WinBioCloseSession( session );
        times[i] = now_us() - start;
        if (FAILED(hr)) fail( "WinBioOpenSession", hr );
    }
    printf( "open_close 0 %.1f\n", median( times, repeat * 100 ) );

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT,
                                       NULL, 0, NULL, &session )))
        fail( "WinBioOpenSession", hr );
    /* the first call opens the sensor (100 ms for this one): not measured */
    enroll( session, unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm", FALSE );
    for (i = 0; i < repeat; i++) times[i] = enroll( session, unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm", FALSE );
    printf( "enroll 0 %.0f\n", median( times, repeat ) );

    /* the templates every later measurement uses: the user's finger, and
     * the other fingers, each enrolled alone and taken from the database */
    others = calloc( GALLERY, sizeof(*others) );
    for (i = 0; i <= GALLERY; i++)
    {
        char path[MAX_PATH];

        if (i < GALLERY) snprintf( path, sizeof(path), "%s/%d.pgm", argv[2], GALLERY_FIRST_SEED + i );
        fill_database( NULL, NULL, 0 );
        enroll( session, unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, i < GALLERY ? path : "whorl.pgm", TRUE );
        if (FAILED(storage_open( &winbio_system_database, &db )) || FAILED(storage_get_set( db, &set )) ||
            set->count != 1)
            fail( "reading the database", E_FAIL );
        if (i < GALLERY) others[i] = copy_template( &set->templates[0] );
        else match = copy_template( &set->templates[0] );
        storage_release_set( set );
        storage_close( db );
    }
    user = match.identity;

    for (i = 0; i < repeat; i++)
    {
        HANDLE thread = touch( "whorl-rot10.pgm" );

        start = now_us();
        hr = WinBioVerify( session, &user, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit_touched, &matched, &reject );
        times[i] = now_us() - start;
        touched( thread );
        if (hr != S_OK || !matched) fail( "WinBioVerify", hr );
    }
    printf( "verify 1 %.0f\n", median( times, repeat ) );

    for (s = 0; s < ARRAY_SIZE(sizes); s++)
    {
        int runs = sizes[s] >= 1000 ? 1 : repeat;

        fill_database( &match, others, sizes[s] );
        for (i = 0; i < runs; i++)
        {
            HANDLE thread = touch( "whorl-rot10.pgm" );

            start = now_us();
            hr = WinBioIdentify( session, &unit_touched, &identity, &subfactor, &reject );
            times[i] = now_us() - start;
            touched( thread );
            if (hr != S_OK || subfactor != WINBIO_ANSI_381_POS_RH_INDEX_FINGER) fail( "WinBioIdentify", hr );
        }
        printf( "identify %d %.0f\n", sizes[s], median( times, runs ) );
    }
    fill_database( &match, others, 0 );
    WinBioCloseSession( session );
    return 0;
}
