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
 * measurement: "<name> <templates> <median microseconds>".  The templates
 * identify compares with before the matching one are those of distinct
 * fingers, GALLERY_DIR/1001.pgm to 1999.pgm (make gallery draws them).
 *
 * Usage: native_bench PRINTS_DIR REPEAT GALLERY_DIR
 * Needs FP_VIRTUAL_IMAGE set to a socket path (only that sensor).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fprint.h>

#include "bench.h"
#include "vimage.h"


static double now_us(void)
{
    struct timespec ts;

    clock_gettime( CLOCK_MONOTONIC, &ts );
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void load_pgm( const char *dir, const char *name, struct vimage *image )
{
    char path[4096], magic[3];
    int maxval;
    FILE *file;

    snprintf( path, sizeof(path), "%s/%s", dir, name );
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

static void enroll_progress( FpDevice *device, gint stages, FpPrint *print, gpointer data, GError *error )
{
    if (stages < fp_device_get_nr_enroll_stages( device )) vimage_pending = data;
}

static FpPrint *enroll( FpDevice *device, const struct vimage *image, double *elapsed )
{
    g_autoptr(GError) error = NULL;
    FpPrint *print;
    double start;

    vimage_pending = image;
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
    struct vimage whorl, probe;
    g_autoptr(FpContext) context = NULL;
    g_autoptr(GError) error = NULL;
    FpPrint *match_print, *others[GALLERY];
    double *times, start;
    int repeat, i, n, s;
    FpDevice *device;
    gboolean match;

    if (argc < 4 || !getenv( "FP_VIRTUAL_IMAGE" ))
    {
        fprintf( stderr, "usage: FP_VIRTUAL_IMAGE=socket native_bench PRINTS_DIR REPEAT GALLERY_DIR\n" );
        return 2;
    }
    repeat = atoi( argv[2] ) > 0 ? atoi( argv[2] ) : 5;
    times = calloc( repeat, sizeof(*times) );
    load_pgm( argv[1], "whorl.pgm", &whorl );
    load_pgm( argv[1], "whorl-rot10.pgm", &probe );

    context = fp_context_new();
    if (!(device = vimage_open( context ))) return 1;

    for (i = 0; i < repeat; i++) g_object_unref( enroll( device, &whorl, &times[i] ) );
    printf( "enroll 0 %.0f\n", median( times, repeat ) );

    match_print = enroll( device, &whorl, &start );
    for (n = 0; n < GALLERY; n++)
    {
        struct vimage image;
        char name[16];

        snprintf( name, sizeof(name), "%d.pgm", GALLERY_FIRST_SEED + n );
        load_pgm( argv[3], name, &image );
        others[n] = enroll( device, &image, &start );
        free( image.pixels );
    }

    for (i = 0; i < repeat; i++)
    {
        vimage_pending = &probe;
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

        for (n = 0; n < sizes[s] - 1; n++) g_ptr_array_add( gallery, g_object_ref( others[n] ) );
        g_ptr_array_add( gallery, g_object_ref( match_print ) );
        for (i = 0; i < runs; i++)
        {
            vimage_pending = &probe;
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
