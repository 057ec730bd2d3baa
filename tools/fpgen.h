/*
 * Synthetic fingerprints for libfprint's virtual image sensor
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#ifndef __WINBIO_TOOLS_FPGEN_H
#define __WINBIO_TOOLS_FPGEN_H

enum fpgen_class
{
    FPGEN_FROM_SEED = -1,   /* the seed picks one */
    FPGEN_ARCH,
    FPGEN_TENTED_ARCH,
    FPGEN_LOOP_LEFT,
    FPGEN_LOOP_RIGHT,
    FPGEN_WHORL,
    FPGEN_CLASSES
};

extern const char * const fpgen_class_names[FPGEN_CLASSES];

/* 8-bit gray, row by row, dark ridges on a light background */
struct fpgen_image
{
    int width, height;
    unsigned char *pixels;
};

struct fpgen_finger;

/* The finger a seed stands for (its pattern, drawn once); cls overrides
 * the class the seed would pick.  NULL when out of memory. */
struct fpgen_finger *fpgen_finger_new( unsigned int seed, int cls );
void fpgen_finger_free( struct fpgen_finger *finger );
int fpgen_finger_class( const struct fpgen_finger *finger );

/* One touch of the finger: impression 0 lies straight and centred, the
 * others are moved, turned, stretched and pressed differently.  Returns 0
 * when out of memory; free image->pixels. */
int fpgen_impression( const struct fpgen_finger *finger, unsigned int impression, struct fpgen_image *image );

/* A touch too poor to match even itself: a small smudge with a few
 * ridges, so that the sensor takes it but finds only a few minutiae. */
int fpgen_unusable( unsigned int seed, struct fpgen_image *image );

#endif /* __WINBIO_TOOLS_FPGEN_H */
