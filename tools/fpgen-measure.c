/*
 * fpgen-measure: how libfprint itself matches fpgen's fingers
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Usage: FP_VIRTUAL_IMAGE=SOCKET fpgen-measure [--fingers N] [--probes P] [--unusable U]
 *        (or make measure-prints)
 *
 * Natively, on libfprint's virtual image sensor, with the generator linked
 * in: every finger (seeds 1 to N) is enrolled from its impressions 0 to 4,
 * one per stage; impressions 5 to 4+P of each finger are verified against
 * its own enrollment (genuine), and impression 5 of each finger is
 * identified against the enrollments of all the others, again without the
 * ones it matched until none is left (impostors: every ordered pair of
 * different fingers is compared).  libfprint logs each bozorth3 score at
 * debug level; they are collected from there.  Then U unusable images are
 * captured and their minutiae counted.  Prints the table README shows.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fprint.h>

#include "fpgen.h"
#include "vimage.h"

#define ENROLL_IMPRESSIONS 5
#define THRESHOLD 40        /* libfprint's bozorth3 threshold for the image sensors */

static const struct vimage *enroll_images;
static int retries;
static int histogram[100];   /* impostor scores, by tens */

/* the scores libfprint logged since the last reset */
static int scores[4096], score_count;

static double now_s(void)
{
    struct timespec ts;

    clock_gettime( CLOCK_MONOTONIC, &ts );
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static GLogWriterOutput log_writer( GLogLevelFlags level, const GLogField *fields, gsize count, gpointer data )
{
    gsize i;
    int score, threshold;

    for (i = 0; i < count; i++)
    {
        if (strcmp( fields[i].key, "MESSAGE" )) continue;
        if (sscanf( fields[i].value, "score %d/%d", &score, &threshold ) == 2)
        {
            if (score_count < G_N_ELEMENTS(scores)) scores[score_count++] = score;
            return G_LOG_WRITER_HANDLED;
        }
    }
    if (level & G_LOG_LEVEL_DEBUG) return G_LOG_WRITER_HANDLED;
    return g_log_writer_default( level, fields, count, data );
}

static int max_score(void)
{
    int i, max = 0;

    for (i = 0; i < score_count; i++) if (scores[i] > max) max = scores[i];
    return max;
}

/* the next stage's impression, or the same again after a retry */
static void enroll_progress( FpDevice *device, gint stages, FpPrint *print, gpointer data, GError *error )
{
    if (error) retries++;
    if (stages < ENROLL_IMPRESSIONS && retries < 10) vimage_pending = &enroll_images[stages];
    else if (retries >= 10) g_cancellable_cancel( data );
}

/* libfprint refuses to run a device it models as too hot (after about
 * three minutes of work without a break): wait until it has cooled enough,
 * and count the time. */
static double cooling;

static void cool_down( FpDevice *device )
{
    double start = now_s();

    if (fp_device_get_temperature( device ) != FP_TEMPERATURE_HOT) return;
    while (fp_device_get_temperature( device ) == FP_TEMPERATURE_HOT)
    {
        while (g_main_context_iteration( NULL, FALSE ));
        g_usleep( 200000 );
    }
    cooling += now_s() - start;
}

/* impression K of a finger, or without a finger unusable image K */
static void make_image( const struct fpgen_finger *finger, unsigned int k, struct vimage *image )
{
    struct fpgen_image drawn;

    if (!(finger ? fpgen_impression( finger, k, &drawn ) : fpgen_unusable( k, &drawn )))
    {
        fprintf( stderr, "fpgen-measure: out of memory\n" );
        exit( 1 );
    }
    image->width = drawn.width;
    image->height = drawn.height;
    image->pixels = drawn.pixels;
}

static FpPrint *enroll( FpDevice *device, const struct fpgen_finger *finger )
{
    struct vimage images[ENROLL_IMPRESSIONS];
    g_autoptr(GCancellable) cancel = g_cancellable_new();
    g_autoptr(GError) error = NULL;
    FpPrint *print;
    int i;

    for (i = 0; i < ENROLL_IMPRESSIONS; i++) make_image( finger, i, &images[i] );
    enroll_images = images;
    vimage_pending = &images[0];
    cool_down( device );
    print = fp_device_enroll_sync( device, fp_print_new( device ), cancel, enroll_progress, cancel, &error );
    vimage_pending = NULL;
    for (i = 0; i < ENROLL_IMPRESSIONS; i++) free( images[i].pixels );
    return print;
}

/* minutiae libfprint finds in a captured image */
static void minutiae_done( GObject *image, GAsyncResult *result, gpointer data )
{
    *(gboolean *)data = fp_image_detect_minutiae_finish( FP_IMAGE(image), result, NULL ) ? 1 : -1;
}

static int count_minutiae( FpDevice *device, const struct vimage *image )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpImage) capture = NULL;
    gboolean done = 0;

    vimage_pending = image;
    cool_down( device );
    if (!(capture = fp_device_capture_sync( device, TRUE, NULL, &error ))) return -1;
    fp_image_detect_minutiae( capture, NULL, minutiae_done, &done );
    while (!done) g_main_context_iteration( NULL, TRUE );
    return done > 0 ? fp_image_get_minutiae( capture )->len : -1;
}

static unsigned int option( int argc, char **argv, const char *name, unsigned int value )
{
    int i;

    for (i = 1; i + 1 < argc; i++) if (!strcmp( argv[i], name )) return strtoul( argv[i + 1], NULL, 0 );
    return value;
}

int main( int argc, char **argv )
{
    unsigned int fingers = option( argc, argv, "--fingers", 100 ), probes = option( argc, argv, "--probes", 4 );
    unsigned int unusable = option( argc, argv, "--unusable", 10 );
    int genuine_min = 1 << 30, genuine_max = 0, impostor_max = 0, min_minutiae = 1 << 30, max_minutiae = -1;
    int accepted = 0, genuine = 0, false_accepts = 0, compared = 0, enrolled = 0, enroll_retries = 0;
    int classes[FPGEN_CLASSES] = { 0 }, minutiae, minutiae_sum = 0, finger_min = 1 << 30, finger_max = 0;
    double start = now_s(), t_enroll, t_genuine, t_impostor;
    g_autoptr(FpContext) context = NULL;
    g_autoptr(GError) error = NULL;
    struct fpgen_finger **hand;
    FpPrint **prints;
    FpDevice *device;
    unsigned int f, k;

    if (!getenv( "FP_VIRTUAL_IMAGE" ) || !fingers)
    {
        fprintf( stderr, "usage: FP_VIRTUAL_IMAGE=socket fpgen-measure [--fingers N] [--probes P] [--unusable U]\n" );
        return 2;
    }
    setvbuf( stdout, NULL, _IOLBF, 0 );
    /* the scores are debug messages: let them through to our writer */
    g_setenv( "G_MESSAGES_DEBUG", "all", TRUE );
    g_log_set_writer_func( log_writer, NULL, NULL );

    context = fp_context_new();
    if (!(device = vimage_open( context ))) return 1;

    /* each finger's pattern is drawn once, and kept for its later touches */
    prints = calloc( fingers, sizeof(*prints) );
    hand = calloc( fingers, sizeof(*hand) );
    for (f = 0; f < fingers; f++)
    {
        struct fpgen_finger *finger = hand[f] = fpgen_finger_new( f + 1, FPGEN_FROM_SEED );

        if (!finger) return 1;
        classes[fpgen_finger_class( finger )]++;
        retries = 0;
        if ((prints[f] = enroll( device, finger )))
        {
            g_object_set_data( G_OBJECT(prints[f]), "finger", GUINT_TO_POINTER(f + 1) );
            enrolled++;
        }
        else printf( "finger %u: enrollment failed\n", f + 1 );
        enroll_retries += retries;
    }
    t_enroll = now_s();

    for (f = 0; f < fingers; f++)
    {
        for (k = 0; k < probes && prints[f]; k++)
        {
            struct vimage probe;
            gboolean match = FALSE;

            make_image( hand[f], ENROLL_IMPRESSIONS + k, &probe );
            score_count = 0;
            vimage_pending = &probe;
            cool_down( device );
            if (!fp_device_verify_sync( device, prints[f], NULL, NULL, NULL, &match, NULL, &error ))
            {
                printf( "finger %u impression %u: verify failed: %s\n", f + 1, ENROLL_IMPRESSIONS + k, error->message );
                g_clear_error( &error );
            }
            genuine++;
            if (match) accepted++;
            else printf( "finger %u impression %u: rejected, score %d\n", f + 1, ENROLL_IMPRESSIONS + k, max_score() );
            if (max_score() < genuine_min) genuine_min = max_score();
            if (max_score() > genuine_max) genuine_max = max_score();
            free( probe.pixels );
        }
    }
    t_genuine = now_s();

    for (f = 0; f < fingers; f++)
    {
        GPtrArray *gallery = g_ptr_array_new();
        struct vimage probe;

        for (k = 0; k < fingers; k++) if (k != f && prints[k]) g_ptr_array_add( gallery, prints[k] );
        make_image( hand[f], ENROLL_IMPRESSIONS, &probe );
        minutiae = count_minutiae( device, &probe );
        minutiae_sum += minutiae;
        if (minutiae < finger_min) finger_min = minutiae;
        if (minutiae > finger_max) finger_max = minutiae;
        while (gallery->len)
        {
            FpPrint *found = NULL;

            score_count = 0;
            vimage_pending = &probe;
            cool_down( device );
            if (!fp_device_identify_sync( device, gallery, NULL, NULL, NULL, &found, NULL, &error ))
            {
                printf( "finger %u: identify failed: %s\n", f + 1, error->message );
                g_clear_error( &error );
                break;
            }
            if (max_score() > impostor_max) impostor_max = max_score();
            for (k = 0; k < score_count; k++) histogram[scores[k] / 10 < 99 ? scores[k] / 10 : 99]++;
            if (!found)
            {
                compared += gallery->len;
                break;
            }
            /* a false accept: count it, and compare with the rest */
            for (k = 0; k < gallery->len; k++) if (fp_print_equal( g_ptr_array_index( gallery, k ), found )) break;
            printf( "finger %u (%s) matched finger %u (%s), score %d\n", f + 1,
                    fpgen_class_names[fpgen_finger_class( hand[f] )], GPOINTER_TO_UINT(g_object_get_data( G_OBJECT(found), "finger" )),
                    fpgen_class_names[fpgen_finger_class( hand[GPOINTER_TO_UINT(g_object_get_data( G_OBJECT(found), "finger" )) - 1] )], max_score() );
            false_accepts++;
            compared += k + 1;
            g_ptr_array_remove_range( gallery, 0, k + 1 );
            g_object_unref( found );
        }
        g_ptr_array_unref( gallery );
        free( probe.pixels );
    }
    t_impostor = now_s();

    for (k = 0; k < unusable; k++)
    {
        struct vimage image;
        int n;

        make_image( NULL, k + 1, &image );
        n = count_minutiae( device, &image );
        if (n < min_minutiae) min_minutiae = n;
        if (n > max_minutiae) max_minutiae = n;
        free( image.pixels );
    }
    fp_device_close_sync( device, NULL, NULL );
    for (f = 0; f < fingers; f++)
    {
        fpgen_finger_free( hand[f] );
        if (prints[f]) g_object_unref( prints[f] );
    }

    printf( "fingers (seeds 1-%u)       %u: %d arch, %d tented arch, %d left loop, %d right loop, %d whorl\n",
            fingers, fingers, classes[FPGEN_ARCH], classes[FPGEN_TENTED_ARCH], classes[FPGEN_LOOP_LEFT],
            classes[FPGEN_LOOP_RIGHT], classes[FPGEN_WHORL] );
    printf( "enrolled (5 impressions)  %d of %u, %d retries, %.1f s\n", enrolled, fingers, enroll_retries,
            t_enroll - start );
    printf( "genuine accepted          %d of %d (GAR %.1f %%), scores %d-%d, %.1f s\n", accepted, genuine,
            genuine ? 100.0 * accepted / genuine : 0, genuine_min, genuine_max, t_genuine - t_enroll );
    printf( "impostor pairs accepted   %d of %d (FAR %.2f %%), highest score %d (threshold %d), %.1f s\n",
            false_accepts, compared, compared ? 100.0 * false_accepts / compared : 0, impostor_max, THRESHOLD,
            t_impostor - t_genuine );
    printf( "minutiae per impression   %d-%d, mean %.1f\n", finger_min, finger_max, (double)minutiae_sum / fingers );
    if (unusable)
        printf( "unusable images           %u, %d-%d minutiae (bozorth3 needs 10)\n", unusable, min_minutiae,
                max_minutiae );
    printf( "impostor scores by tens  " );
    for (k = 0; k < 10; k++) printf( " %d", histogram[k] );
    printf( "\n" );
    printf( "total                     %.1f s, %.1f s of it waiting for the sensor to cool\n", now_s() - start,
            cooling );
    return false_accepts || accepted < genuine;
}
