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
 * The counterpart of native_bench.c, answering the same requests from
 * bench/run.sh through winbio.dll: the same prints on the same
 * virtual_image sensor, touched through the same feeder, timed from the
 * first touch to the result as there.  The template
 * database is filled through the storage code the dll uses, so that
 * identify runs against 1 to 1000 templates with the match last; the
 * others are the enrollments of distinct fingers (see bench.h) native_bench
 * made.
 *
 *   setup TEMPLATES_DIR (a Windows path, after native_bench's setup) -> "ready"
 *   enroll | verify | capture | identify N
 *                       one repetition -> "<op> <us>"
 *   latency             medians of calls without sensor I/O, of one Wine
 *                       syscall and of a feeder round trip
 *                       -> "latency <enum us> <open+close us> <syscall us> <feeder us>"
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

static int touches;     /* sent to the feeder, their replies not read yet */

static void fail( const char *what, HRESULT hr )
{
    fprintf( stderr, "winbio_bench: %s failed: %#lx\n", what, hr );
    exit( 1 );
}

/* A touch: the request vsensor_touch_image sends, without waiting for its
 * reply, which is read once the operation is over (replies), as
 * native_bench does, so that the time measured holds the request and not
 * the way back.  Sent before the call that waits for it, and before the
 * first call has opened the sensor: the feeder waits for its socket. */
static void touch( const char *print )
{
    char request[MAX_PATH + 16];
    int len = snprintf( request, sizeof(request), "IMAGE %s\n", print );

    if (!vsensor_connect( vsensor_last_reply, sizeof(vsensor_last_reply) ) ||
        send( vsensor_socket, request, len, 0 ) != len)
        fail( "writing to the feeder", E_FAIL );
    touches++;
}

static void replies(void)
{
    if (feeder_replies( vsensor_socket, touches )) fail( "touching the sensor", E_FAIL );
    touches = 0;
}

/* TRUE when a call failed because libfprint's model of the sensor's
 * temperature found it too hot (long runs on a loaded machine), once it
 * has had time to cool: the repetition is then made again. */
static BOOL cooled( HRESULT hr )
{
    if (hr != WINBIO_E_DEVICE_BUSY) return FALSE;
    fprintf( stderr, "winbio_bench: the sensor is busy (too hot?), waiting a minute\n" );
    feeder_replies( vsensor_socket, touches );
    touches = 0;
    Sleep( 60000 );
    return TRUE;
}

/* One enrollment; returns its time from the first touch to the end of
 * the last WinBioEnrollCapture. */
static double enroll( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const char *print, BOOL commit )
{
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    double start, spent;
    BOOLEAN is_new;
    HRESULT hr;

    do
    {
        start = now_us();
        touch( print );
        if (SUCCEEDED(hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, unit )))
            while ((hr = WinBioEnrollCapture( session, &reject )) == WINBIO_I_MORE_DATA) touch( print );
        spent = now_us() - start;
        if (hr != S_OK) WinBioEnrollDiscard( session );
    } while (cooled( hr ));
    replies();
    if (hr != S_OK) fail( "enrolling", hr );
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

/* The user's finger, enrolled through WinBio and taken from the database,
 * and the other fingers' templates, which native_bench enrolled and left
 * serialized in templates_dir (a Windows path): the same bytes as an
 * enrollment through WinBio stores, a serialized libfprint print. */
static void setup( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const char *templates_dir,
                   struct winbio_template *match, struct winbio_template *others )
{
    struct winbio_template_set *set;
    struct winbio_database *db;
    int i;

    fill_database( NULL, NULL, 0 );
    enroll( session, unit, "whorl.pgm", TRUE );
    if (FAILED(storage_open( &winbio_system_database, &db )) || FAILED(storage_get_set( db, &set )) ||
        set->count != 1)
        fail( "reading the database", E_FAIL );
    *match = copy_template( &set->templates[0] );
    storage_release_set( set );
    storage_close( db );

    for (i = 0; i < GALLERY; i++)
    {
        char path[MAX_PATH];
        FILE *file;

        snprintf( path, sizeof(path), "%s\\%d.print", templates_dir, GALLERY_FIRST_SEED + i );
        others[i] = *match;
        if (!(file = fopen( path, "rb" ))) fail( path, E_FAIL );
        fseek( file, 0, SEEK_END );
        others[i].data_size = ftell( file );
        others[i].data = malloc( others[i].data_size );
        fseek( file, 0, SEEK_SET );
        if (fread( others[i].data, 1, others[i].data_size, file ) != others[i].data_size) fail( path, E_FAIL );
        fclose( file );
    }
}

/* Medians of calls that need no sensor I/O, and of one Wine syscall, the
 * same crossing from Windows code to Unix code as winbio.dll's unix calls. */
static void latency(void)
{
    static double times[10000];
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_SCHEMA *units;
    double enum_us, open_us, syscall_us;
    LARGE_INTEGER time;
    SIZE_T count;
    HRESULT hr;
    int i;

    for (i = 0; i < 1000; i++)
    {
        double start = now_us();

        WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
        times[i] = now_us() - start;
        WinBioFree( units );
    }
    enum_us = median( times, 1000 );
    for (i = 0; i < 1000; i++)
    {
        double start = now_us();

        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                NULL, &session );
        WinBioCloseSession( session );
        times[i] = now_us() - start;
        if (FAILED(hr)) fail( "WinBioOpenSession", hr );
    }
    open_us = median( times, 1000 );
    /* 100 syscalls per sample: one is below the timer's resolution */
    for (i = 0; i < 10000; i++)
    {
        double start = now_us();
        int j;

        for (j = 0; j < 100; j++) NtQuerySystemTime( &time );
        times[i] = (now_us() - start) / 100;
    }
    syscall_us = median( times, 10000 );
    for (i = 0; i < 100; i++)
    {
        double start = now_us();

        if (!vsensor_command( NULL, 0, "PING" )) fail( "PING", E_FAIL );
        times[i] = now_us() - start;
    }
    bench_reply( "latency %.1f %.1f %.3f %.1f\n", enum_us, open_us, syscall_us, median( times, 100 ) );
}

int main( int argc, char **argv )
{
    struct winbio_template match, *others = calloc( GALLERY, sizeof(*others) );
    WINBIO_SESSION_HANDLE session, raw;
    WINBIO_IDENTITY identity;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit, unit_touched;
    WINBIO_BIR *sample;
    SIZE_T sample_size;
    char line[4096], *arg;
    int templates = -1, n;
    BOOLEAN matched;
    double start, us;
    HRESULT hr;

    if (!vsensor_init() || !(unit = image_unit())) fail( "finding the virtual image sensor", E_FAIL );
    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT,
                                       NULL, 0, NULL, &session )))
        fail( "WinBioOpenSession", hr );
    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW,
                                       NULL, 0, NULL, &raw )))
        fail( "WinBioOpenSession (raw)", hr );
    /* the first call opens the sensor (100 ms for this one): not measured */
    enroll( session, unit, "whorl.pgm", FALSE );

    while (bench_request( line, sizeof(line) ))
    {
        if ((arg = strchr( line, ' ' ))) *arg++ = 0;
        if (!strcmp( line, "setup" ) && arg)
        {
            setup( session, unit, arg, &match, others );
            templates = 1;
            bench_reply( "ready\n" );
            continue;
        }
        if (!strcmp( line, "latency" ))
        {
            latency();
            continue;
        }
        if (templates < 0) fail( "a request before setup", E_FAIL );
        if (!strcmp( line, "enroll" )) us = enroll( session, unit, "whorl.pgm", FALSE );
        else if (!strcmp( line, "verify" ))
        {
            do
            {
                start = now_us();
                touch( "whorl-rot10.pgm" );
                hr = WinBioVerify( session, &match.identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit_touched,
                                   &matched, &reject );
                us = now_us() - start;
            } while (cooled( hr ));
            if (hr != S_OK || !matched) fail( "WinBioVerify", hr );
        }
        else if (!strcmp( line, "capture" ))
        {
            do
            {
                start = now_us();
                touch( "whorl.pgm" );
                hr = WinBioCaptureSample( raw, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit_touched,
                                          &sample, &sample_size, &reject );
                us = now_us() - start;
            } while (cooled( hr ));
            if (hr != S_OK) fail( "WinBioCaptureSample", hr );
            WinBioFree( sample );
        }
        else if (!strcmp( line, "identify" ) && arg && (n = atoi( arg )) >= 1 && n <= GALLERY + 1)
        {
            if (n != templates) fill_database( &match, others, n );
            templates = n;
            do
            {
                start = now_us();
                touch( "whorl-rot10.pgm" );
                hr = WinBioIdentify( session, &unit_touched, &identity, &subfactor, &reject );
                us = now_us() - start;
            } while (cooled( hr ));
            if (hr != S_OK || subfactor != WINBIO_ANSI_381_POS_RH_INDEX_FINGER ||
                memcmp( &identity, &match.identity, sizeof(identity) ))
                fail( "WinBioIdentify", hr );
        }
        else fail( line, E_INVALIDARG );
        replies();
        bench_reply( "%s %.0f\n", line, us );
    }
    fill_database( &match, others, 0 );
    WinBioCloseSession( raw );
    WinBioCloseSession( session );
    return 0;
}
