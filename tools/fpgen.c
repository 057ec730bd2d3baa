/*
 * fpgen: draws a synthetic fingerprint as a binary PGM
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Usage: fpgen --seed N [--impression K] [--class NAME] [--unusable] [-o FILE]
 *
 * The same seed is the same finger; its impressions are touches of it
 * that libfprint matches with each other (impression 0 lies straight).
 * The class (arch, tented-arch, loop-left, loop-right, whorl) comes from
 * the seed unless given.  --unusable draws a smudge with too few minutiae
 * to match anything.  Writes to standard output without -o.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fpgen.h"

static void usage(void)
{
    fprintf( stderr, "usage: fpgen --seed N [--impression K] [--class arch|tented-arch|loop-left|loop-right|whorl]"
             " [--unusable] [-o FILE]\n" );
    exit( 2 );
}

static unsigned int number( const char *arg )
{
    char *end;
    unsigned long v;

    if (!arg) usage();
    v = strtoul( arg, &end, 0 );
    if (*end || end == arg || v > 0xffffffffUL) usage();
    return v;
}

int main( int argc, char **argv )
{
    unsigned int seed = 0, impression = 0;
    int cls = FPGEN_FROM_SEED, unusable = 0, have_seed = 0, i, ok;
    const char *output = NULL;
    struct fpgen_finger *finger = NULL;
    struct fpgen_image image;
    FILE *file = stdout;

    for (i = 1; i < argc; i++)
    {
        if (!strcmp( argv[i], "--seed" )) { seed = number( argv[++i] ); have_seed = 1; }
        else if (!strcmp( argv[i], "--impression" )) impression = number( argv[++i] );
        else if (!strcmp( argv[i], "--unusable" )) unusable = 1;
        else if (!strcmp( argv[i], "-o" ) && i + 1 < argc) output = argv[++i];
        else if (!strcmp( argv[i], "--class" ) && i + 1 < argc)
        {
            for (cls = 0; cls < FPGEN_CLASSES; cls++) if (!strcmp( argv[i + 1], fpgen_class_names[cls] )) break;
            if (cls == FPGEN_CLASSES) usage();
            i++;
        }
        else usage();
    }
    if (!have_seed) usage();

    if (unusable) ok = fpgen_unusable( seed, &image );
    else ok = (finger = fpgen_finger_new( seed, cls )) && fpgen_impression( finger, impression, &image );
    fpgen_finger_free( finger );
    if (!ok)
    {
        fprintf( stderr, "fpgen: out of memory\n" );
        return 1;
    }
    if (output && !(file = fopen( output, "wb" )))
    {
        perror( output );
        return 1;
    }
    fprintf( file, "P5\n%d %d\n255\n", image.width, image.height );
    fwrite( image.pixels, 1, (size_t)image.width * image.height, file );
    free( image.pixels );
    if (fflush( file ) || ferror( file ) || (output && fclose( file )))
    {
        perror( output ? output : "fpgen: standard output" );
        return 1;
    }
    return 0;
}
