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
 * Runs natively (no Wine) against libfprint's virtual_image sensor, feeding
 * it the same prints the WinBio benchmark uses, and prints one line per
 * measurement: "<name> <templates> <median microseconds>".
 *
 * Usage: native_bench PRINTS_DIR REPEAT
 * Needs FP_VIRTUAL_IMAGE set to a socket path (only that sensor).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <fprint.h>

#include "bench.h"

struct image
{
    int width, height;
    unsigned char *pixels;
};

static const char *prints_dir;
static int feeder = -1;
static const struct image *pending;    /* touch to give when the sensor wants a finger */

static double now_us(void)
{
    struct timespec ts;

    clock_gettime( CLOCK_MONOTONIC, &ts );
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void load_pgm( const char *name, struct image *image )
{
    char path[4096], magic[3];
    int maxval;
    FILE *file;

    snprintf( path, sizeof(path), "%s/%s", prints_dir, name );
    if (!(file = fopen( path, "rb" )) ||
        fscanf( file, "%2s %d %d %d", magic, &image->width, &image->height, &maxval ) != 4 ||
        strcmp( magic, "P5" ) || fgetc( file ) == EOF)
    {
        fprintf( stderr, "native_bench: cannot read %s\n", path );
        exit( 1 );
    }
    image->pixels = malloc( image->width * image->height );
    if (fread( image->pixels, 1, image->width * image->height, file ) != (size_t)(image->width * image->height))
        exit( 1 );
    fclose( file );
}

/* A touch, written when the sensor asks for a finger (an image sent
 * earlier, while it still waits for the previous finger to go, is lost). */
static void touch( const struct image *image )
{
    struct sockaddr_un addr = { AF_UNIX };
    int header[2] = { image->width, image->height };

    if (feeder >= 0) close( feeder );
    feeder = socket( AF_UNIX, SOCK_STREAM, 0 );
    strncpy( addr.sun_path, getenv( "FP_VIRTUAL_IMAGE" ), sizeof(addr.sun_path) - 1 );
    if (connect( feeder, (struct sockaddr *)&addr, sizeof(addr) ) ||
        write( feeder, header, sizeof(header) ) != sizeof(header) ||
        write( feeder, image->pixels, image->width * image->height ) != image->width * image->height)
    {
        fprintf( stderr, "native_bench: feeding the sensor failed: %s\n", strerror( errno ) );
        exit( 1 );
    }
}

static void finger_status_changed( GObject *device, GParamSpec *spec, gpointer data )
{
    if (!pending || !(fp_device_get_finger_status( FP_DEVICE(device) ) & FP_FINGER_STATUS_NEEDED)) return;
    touch( pending );
    pending = NULL;
}

static void enroll_progress( FpDevice *device, gint stages, FpPrint *print, gpointer data, GError *error )
{
    if (stages < fp_device_get_nr_enroll_stages( device )) pending = data;
}

static FpPrint *enroll( FpDevice *device, const struct image *image, double *elapsed )
{
    g_autoptr(GError) error = NULL;
    FpPrint *print;
    double start;

    pending = image;
    start = now_us();
    print = fp_device_enroll_sync( device, fp_print_new( device ), NULL, enroll_progress, (void *)image, &error );
    *elapsed = now_us() - start;
    if (!print)
    {
        fprintf( stderr, "native_bench: enroll failed: %s\n", error->message );
        exit( 1 );
    }
    return print;
}

int main( int argc, char **argv )
{
    static const int sizes[] = { 1, 10, 100, 1000 };
    struct image whorl, arch, probe;
    g_autoptr(FpContext) context = NULL;
    g_autoptr(GError) error = NULL;
    FpPrint *match_print, *other_print;
    double *times, start;
    int repeat, i, n, s;
    GPtrArray *devices;
    FpDevice *device;
    gboolean match;

    if (argc < 3 || !getenv( "FP_VIRTUAL_IMAGE" ))
    {
        fprintf( stderr, "usage: FP_VIRTUAL_IMAGE=socket native_bench PRINTS_DIR REPEAT\n" );
        return 2;
    }
    prints_dir = argv[1];
    repeat = atoi( argv[2] ) > 0 ? atoi( argv[2] ) : 5;
    times = calloc( repeat, sizeof(*times) );
    load_pgm( "whorl.pgm", &whorl );
    load_pgm( "tented-arch.pgm", &arch );
    load_pgm( "whorl-rot10.pgm", &probe );

    context = fp_context_new();
    devices = fp_context_get_devices( context );
    if (!devices->len) return 1;
    device = g_ptr_array_index( devices, 0 );
    if (!fp_device_open_sync( device, NULL, &error )) return 1;
    g_signal_connect( device, "notify::finger-status", G_CALLBACK(finger_status_changed), NULL );

    for (i = 0; i < repeat; i++) g_object_unref( enroll( device, &whorl, &times[i] ) );
    printf( "enroll 0 %.0f\n", median( times, repeat ) );

    match_print = enroll( device, &whorl, &start );
    other_print = enroll( device, &arch, &start );

    for (i = 0; i < repeat; i++)
    {
        pending = &probe;
        start = now_us();
        if (!fp_device_verify_sync( device, match_print, NULL, NULL, NULL, &match, NULL, &error ) || !match)
            return 1;
        times[i] = now_us() - start;
    }
    printf( "verify 1 %.0f\n", median( times, repeat ) );

    /* the matching template last, so every other one is compared first */
    for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
    {
        GPtrArray *gallery = g_ptr_array_new_with_free_func( g_object_unref );
        FpPrint *found = NULL;
        int runs = sizes[s] >= 1000 ? 1 : repeat;

        for (n = 0; n < sizes[s] - 1; n++) g_ptr_array_add( gallery, g_object_ref( other_print ) );
        g_ptr_array_add( gallery, g_object_ref( match_print ) );
        for (i = 0; i < runs; i++)
        {
            pending = &probe;
            start = now_us();
            if (!fp_device_identify_sync( device, gallery, NULL, NULL, NULL, &found, NULL, &error ) || !found)
                return 1;
            times[i] = now_us() - start;
            g_clear_object( &found );
        }
        printf( "identify %d %.0f\n", sizes[s], median( times, runs ) );
        g_ptr_array_unref( gallery );
    }
    fp_device_close_sync( device, NULL, NULL );
    return 0;
}
