/*
 * Benchmark baseline: the libfprint operations WinBio maps onto, called directly
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
 * A native program (no Wine), driven by bench/run.sh one request at a time
 * and alternated with winbio_bench.exe, which answers the same requests
 * through winbio.dll.  Both touch libfprint's virtual_image sensor through
 * the test feeder (tests/vsensor) with the same prints, so that the two
 * sides differ only in what lies between the program and libfprint.
 *
 *   setup GALLERY_DIR TEMPLATES_DIR
 *                       enrolls the user's finger, and the GALLERY others
 *                       unless TEMPLATES_DIR holds them from a previous run
 *                       -> "ready"
 *   enroll | verify | capture | identify N
 *                       one repetition -> "<op> <us>"
 *   handoff             medians of the wake-up of a thread waiting on a
 *                       GCond, as winbio's caller waits for its loop
 *                       thread, and of a feeder round trip -> "handoff <us> <us>"
 *
 * <us> is the operation's wall time from the first touch sent to the
 * result.  identify N compares with N templates, the matching one last.
 * Needs FP_VIRTUAL_IMAGE (only that sensor) and the feeder's
 * WINBIO_VSENSOR_PORT.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <glib-unix.h>

#include "bench.h"
#include "vimage.h"

static FpDevice *device;
static int feeder = -1;
static int touches;             /* sent to the feeder, their replies not read yet */
static const char *pending;     /* the print to touch with when the sensor next wants a finger */
static double op_started, op_us;

static void fail( const char *what, const GError *error )
{
    fprintf( stderr, "native_bench: %s failed%s%s\n", what, error ? ": " : "", error ? error->message : "" );
    exit( 1 );
}

static void feeder_connect(void)
{
    struct sockaddr_in addr = { AF_INET };
    const char *port = getenv( "WINBIO_VSENSOR_PORT" );
    int one = 1;

    addr.sin_port = htons( port ? atoi( port ) : 0 );
    addr.sin_addr.s_addr = htonl( INADDR_LOOPBACK );
    if ((feeder = socket( AF_INET, SOCK_STREAM, 0 )) < 0 ||
        connect( feeder, (struct sockaddr *)&addr, sizeof(addr) ))
        fail( "connecting to the feeder", NULL );
    setsockopt( feeder, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one) );
}

static void feeder_send( const char *request )
{
    int len = strlen( request );

    if (write( feeder, request, len ) != len) fail( "writing to the feeder", NULL );
}

static int replies(void)
{
    int failed = feeder_replies( feeder, touches );

    touches = 0;
    return failed;
}

/* A touch, the request vsensor_touch_image sends on the Windows side; its
 * reply is read once the operation is over, so that the time measured
 * holds the request and not the way back, on both sides. */
static void touch( const char *print )
{
    char request[4200];

    snprintf( request, sizeof(request), "IMAGE %s\n", print );
    feeder_send( request );
    touches++;
}

static void finger_status_changed( GObject *object, GParamSpec *spec, gpointer data )
{
    if (!pending || !(fp_device_get_finger_status( device ) & FP_FINGER_STATUS_NEEDED)) return;
    touch( pending );
    pending = NULL;
}

static void enroll_progress( FpDevice *object, gint stages, FpPrint *print, gpointer data, GError *error )
{
    if (stages < fp_device_get_nr_enroll_stages( device )) pending = data;
}

/* The first touch is sent as the operation starts, as on the WinBio side;
 * later stages are touched when the sensor wants them. */
static void begin( const char *print )
{
    op_started = now_us();
    touch( print );
}

/* the wall time since begin; returns how many touches failed */
static int end(void)
{
    op_us = now_us() - op_started;
    return replies();
}

/* TRUE when an operation failed because libfprint's model of the sensor's
 * temperature found it too hot (long runs on a loaded machine), once it
 * has had time to cool: the repetition is then made again. */
static gboolean cooled( GError **error )
{
    if (!g_error_matches( *error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_TOO_HOT )) return FALSE;
    fprintf( stderr, "native_bench: the sensor is too hot, waiting a minute\n" );
    g_clear_error( error );
    g_usleep( 60 * G_USEC_PER_SEC );
    return TRUE;
}

static FpPrint *enroll( const char *print )
{
    g_autoptr(GError) error = NULL;
    FpPrint *ret;

    for (;;)
    {
        begin( print );
        ret = fp_device_enroll_sync( device, fp_print_new( device ), NULL, enroll_progress, (void *)print, &error );
        if (!end() && ret) return ret;
        g_clear_object( &ret );
        if (!cooled( &error )) fail( "enroll", error );
    }
}

/* The template of one of the other fingers: enrolled once from its print
 * in gallery_dir, kept serialized in templates_dir for the next runs (and
 * for winbio_bench, which puts the same bytes into its database). */
static FpPrint *gallery_print( const char *gallery_dir, const char *templates_dir, int index )
{
    g_autoptr(GError) error = NULL;
    g_autofree gchar *print = g_strdup_printf( "%s/%d.pgm", gallery_dir, GALLERY_FIRST_SEED + index );
    g_autofree gchar *path = g_strdup_printf( "%s/%d.print", templates_dir, GALLERY_FIRST_SEED + index );
    g_autofree guchar *data = NULL;
    FpPrint *ret = NULL;
    gsize size;

    if (g_file_get_contents( path, (gchar **)&data, &size, NULL ) &&
        (ret = fp_print_deserialize( data, size, NULL )))
        return ret;
    ret = enroll( print );
    g_clear_pointer( &data, g_free );
    if (!fp_print_serialize( ret, &data, &size, &error ) ||
        !g_file_set_contents( path, (gchar *)data, size, &error ))
        fail( "saving a template", error );
    return ret;
}

static void verify( FpPrint *template, const char *print )
{
    g_autoptr(GError) error = NULL;
    gboolean match = FALSE;

    for (;;)
    {
        begin( print );
        fp_device_verify_sync( device, template, NULL, NULL, NULL, &match, NULL, &error );
        if (!end() && match) return;
        if (!cooled( &error )) fail( "verify", error );
    }
}

static void identify( GPtrArray *templates, FpPrint *expected, const char *print )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpPrint) found = NULL;

    for (;;)
    {
        begin( print );
        fp_device_identify_sync( device, templates, NULL, NULL, NULL, &found, NULL, &error );
        if (!end() && found && fp_print_equal( found, expected )) return;
        g_clear_object( &found );
        if (!cooled( &error )) fail( "identify", error );
    }
}

static void capture( const char *print )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpImage) image = NULL;

    for (;;)
    {
        begin( print );
        image = fp_device_capture_sync( device, TRUE, NULL, &error );
        if (!end() && image) return;
        if (!cooled( &error )) fail( "capture", error );
    }
}

/* How long a thread waiting on a GCond takes to run once signalled: in
 * winbio.dll the calling thread waits so for each event of libfprint's
 * operation, which runs on the dll's loop thread. */
static GMutex handoff_mutex;
static GCond handoff_cond;
static double handoff_signalled;
static int handoff_done;

static gpointer handoff_thread( gpointer data )
{
    g_usleep( 2000 );    /* so that the waiter is asleep */
    g_mutex_lock( &handoff_mutex );
    handoff_signalled = now_us();
    handoff_done = 1;
    g_cond_signal( &handoff_cond );
    g_mutex_unlock( &handoff_mutex );
    return NULL;
}

/* A round trip to the feeder, for the breakdown (none is measured above). */
static double feeder_ping(void)
{
    double times[100], start;
    int i;

    for (i = 0; i < 100; i++)
    {
        start = now_us();
        feeder_send( "PING\n" );
        touches++;
        replies();
        times[i] = now_us() - start;
    }
    return median( times, 100 );
}

static double handoff(void)
{
    double times[100];
    int i;

    for (i = 0; i < 100; i++)
    {
        GThread *thread = g_thread_new( "handoff", handoff_thread, NULL );

        g_mutex_lock( &handoff_mutex );
        while (!handoff_done) g_cond_wait( &handoff_cond, &handoff_mutex );
        times[i] = now_us() - handoff_signalled;
        handoff_done = 0;
        g_mutex_unlock( &handoff_mutex );
        g_thread_join( thread );
    }
    return median( times, 100 );
}

static gboolean request_ready( gint fd, GIOCondition condition, gpointer data )
{
    *(gboolean *)data = TRUE;
    return G_SOURCE_REMOVE;
}

/* libfprint's main context runs while the next request is awaited, as
 * winbio.dll's loop thread runs it between calls: what an operation leaves
 * to do (deactivating the sensor) is not left to the next one. */
static int next_request( char *line, int size )
{
    gboolean ready = FALSE;

    g_unix_fd_add( 0, G_IO_IN | G_IO_HUP | G_IO_ERR, request_ready, &ready );
    while (!ready) g_main_context_iteration( NULL, TRUE );
    return bench_request( line, size );
}

int main( int argc, char **argv )
{
    g_autoptr(FpContext) context = fp_context_new();
    g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func( g_object_unref );
    GPtrArray *gallery = NULL;
    char line[4096], *arg, *templates_dir;
    FpPrint *user = NULL;
    int n;

    if (!getenv( "FP_VIRTUAL_IMAGE" ) || !getenv( "WINBIO_VSENSOR_PORT" ))
    {
        fprintf( stderr, "usage: FP_VIRTUAL_IMAGE=socket WINBIO_VSENSOR_PORT=port native_bench < requests\n" );
        return 2;
    }
    if (!(device = vimage_open( context ))) fail( "opening virtual_image", NULL );
    g_signal_connect( device, "notify::finger-status", G_CALLBACK(finger_status_changed), NULL );
    feeder_connect();

    while (next_request( line, sizeof(line) ))
    {
        if ((arg = strchr( line, ' ' ))) *arg++ = 0;
        if (!strcmp( line, "setup" ) && arg && (templates_dir = strchr( arg, ' ' )))
        {
            *templates_dir++ = 0;
            user = enroll( "whorl.pgm" );
            for (n = 0; n < GALLERY; n++) g_ptr_array_add( templates, gallery_print( arg, templates_dir, n ) );
            bench_reply( "ready\n" );
            continue;
        }
        if (!user) fail( "a request before setup", NULL );
        if (!strcmp( line, "enroll" )) g_object_unref( enroll( "whorl.pgm" ) );
        else if (!strcmp( line, "verify" )) verify( user, "whorl-rot10.pgm" );
        else if (!strcmp( line, "capture" )) capture( "whorl.pgm" );
        else if (!strcmp( line, "identify" ) && arg && (n = atoi( arg )) >= 1 && n <= GALLERY + 1)
        {
            /* the matching template last, so that every other one is compared first */
            if (!gallery || gallery->len != n)
            {
                if (gallery) g_ptr_array_unref( gallery );
                gallery = g_ptr_array_new_with_free_func( g_object_unref );
                while (gallery->len < n - 1) g_ptr_array_add( gallery, g_object_ref( templates->pdata[gallery->len] ) );
                g_ptr_array_add( gallery, g_object_ref( user ) );
            }
            identify( gallery, user, "whorl-rot10.pgm" );
        }
        else if (!strcmp( line, "handoff" ))
        {
            bench_reply( "handoff %.1f %.1f\n", handoff(), feeder_ping() );
            continue;
        }
        else fail( line, NULL );
        bench_reply( "%s %.0f\n", line, op_us );
    }
    if (gallery) g_ptr_array_unref( gallery );
    g_clear_object( &user );
    fp_device_close_sync( device, NULL, NULL );
    return 0;
}
