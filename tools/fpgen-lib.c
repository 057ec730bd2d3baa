/*
 * Synthetic fingerprints for libfprint's virtual image sensor
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A finger is a pattern of ridges drawn once from its seed, larger than the
 * sensor: an orientation field from its cores and deltas (the zero-pole
 * model of Sherlock and Monro) that strays slowly from the model, then
 * ridges grown from sparse random seeds by filtering them again and again
 * with a Gabor filter turned along that field, at the ridge period of a
 * 500 ppi sensor.  Ridges that meet, split and end where the seeds' ridges
 * met are the finger's minutiae.  A touch (an impression)
 * looks at that pattern through the sensor's window, moved, turned,
 * slightly stretched, pressed harder or softer, with noise.
 *
 * The same seed must give the same bytes on every machine, whatever its C
 * library: so no sin, cos, atan2 or exp from libm (their last bits differ
 * between versions), only + - * / and sqrt, which IEEE 754 rounds exactly,
 * floor, fabs and ldexp, which are exact, and a PRNG of our own.  Build without -ffast-math and with
 * -ffp-contract=off.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fpgen.h"

#define PI 3.14159265358979323846
#define LN2 0.69314718055994530942

#define MASTER 400          /* the finger's pattern, pixels square */
#define SENSOR_W 256
#define SENSOR_H 256
#define BANK 32             /* filter orientations over 180 degrees */
#define RADIUS 6            /* of a filter */
#define KSIZE (2 * RADIUS + 1)
#define GROW_STEPS 20
#define GAIN 3
#define SEED_SPACING 70     /* pixels between the seeds ridges grow from */
#define PAD (MASTER + 2 * RADIUS)
#define PERIODS 10          /* ridge periods the filters come in */
#define WAVES 3             /* sine waves in a slow random field */
#define ANGLE_WOBBLE 0.6    /* radians the field strays from the model */
#define PERIOD_WOBBLE 0.2   /* relative change of the ridge period */
#define WAVE_MIN 60         /* wavelengths of the slow fields, pixels */
#define WAVE_MAX 150

const char * const fpgen_class_names[FPGEN_CLASSES] =
{
    "arch", "tented-arch", "loop-left", "loop-right", "whorl"
};

struct fpgen_finger
{
    unsigned int seed;
    int cls;
    double period;          /* ridge to ridge, pixels */
    int cores, deltas;
    double core[2][2], delta[2][2];
    double arch_bend;
    /* slow variations over the finger: of the ridge period, and of the
     * direction the model gives (a perfectly regular pattern makes the
     * minutiae of different fingers look alike to bozorth3) */
    double period_wave[WAVES][3], angle_wave[WAVES][3];
    float *ridges;          /* MASTER x MASTER, -1 valley to 1 ridge */
};

/* splitmix64: a few integer operations, the same everywhere */
struct rng
{
    unsigned long long state;
};

static unsigned long long rng_next( struct rng *rng )
{
    unsigned long long z = (rng->state += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* one stream per purpose, so that drawing more of one changes no other */
static void rng_init( struct rng *rng, unsigned int seed, unsigned int stream )
{
    rng->state = ((unsigned long long)seed << 32) ^ (stream * 0xd1b54a32d192ed03ull);
    rng_next( rng );
}

/* uniform in [lo, hi) */
static double rng_range( struct rng *rng, double lo, double hi )
{
    return lo + (hi - lo) * ((rng_next( rng ) >> 11) * (1.0 / 9007199254740992.0));
}

static double clamp( double v, double lo, double hi )
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Taylor series after reduction to [-pi/2, pi/2]: error below 1e-9 */
static double det_sin( double x )
{
    double x2;

    x -= floor( x / (2 * PI) + 0.5 ) * (2 * PI);
    if (x > PI / 2) x = PI - x;
    else if (x < -PI / 2) x = -PI - x;
    x2 = x * x;
    return x * (1 + x2 * (-1 / 6.0 + x2 * (1 / 120.0 + x2 * (-1 / 5040.0 + x2 * (1 / 362880.0 +
           x2 * (-1 / 39916800.0 + x2 / 6227020800.0))))));
}

static double det_cos( double x )
{
    return det_sin( x + PI / 2 );
}

/* |t| <= 1: halved once to |u| <= tan(pi/8), then the series */
static double det_atan_unit( double t )
{
    double u = t / (1 + sqrt( 1 + t * t )), u2 = u * u, sum = 1 / 15.0;
    int k;

    for (k = 13; k >= 1; k -= 2) sum = 1.0 / k - u2 * sum;
    return 2 * u * sum;
}

static double det_atan2( double y, double x )
{
    if (x == 0 && y == 0) return 0;
    if (fabs( y ) <= fabs( x ))
    {
        double a = det_atan_unit( y / x );
        if (x > 0) return a;
        return y >= 0 ? a + PI : a - PI;
    }
    return (y > 0 ? PI / 2 : -PI / 2) - det_atan_unit( x / y );
}

static double det_exp( double x )
{
    double k = floor( x / LN2 + 0.5 ), r = x - k * LN2, sum = 1;
    int i;

    for (i = 12; i >= 1; i--) sum = 1 + r * sum / i;
    return ldexp( sum, (int)k );
}

static void random_field( struct rng *rng, double wave[WAVES][3] )
{
    int i;

    for (i = 0; i < WAVES; i++)
    {
        double angle = rng_range( rng, 0, 2 * PI ), length = rng_range( rng, WAVE_MIN, WAVE_MAX );
        wave[i][0] = 2 * PI * det_cos( angle ) / length;
        wave[i][1] = 2 * PI * det_sin( angle ) / length;
        wave[i][2] = rng_range( rng, 0, 2 * PI );
    }
}

/* about -1 to 1, changing over a hundred pixels or so */
static double field( double wave[WAVES][3], double x, double y )
{
    double sum = 0;
    int i;

    for (i = 0; i < WAVES; i++) sum += det_sin( wave[i][0] * x + wave[i][1] * y + wave[i][2] );
    return clamp( sum / 2, -1, 1 );
}

static double period_of_level( int level )
{
    return 7 + 0.55 * level;
}

/* The ridges' direction at a point of the pattern, in radians modulo pi. */
static double orientation( const struct fpgen_finger *finger, double x, double y )
{
    double theta = 0;
    int i;

    if (finger->cls == FPGEN_ARCH)
    {
        /* ridges y = c (x - centre)^2, flatter further down */
        double bend = finger->arch_bend * clamp( 1.2 - y / MASTER, 0.1, 1 );
        return det_atan2( 2 * bend * (x - MASTER / 2.0), 1 );
    }
    /* with y pointing down, the angles of the model turn the other way */
    for (i = 0; i < finger->deltas; i++)
        theta -= det_atan2( y - finger->delta[i][1], x - finger->delta[i][0] );
    for (i = 0; i < finger->cores; i++)
        theta += det_atan2( y - finger->core[i][1], x - finger->core[i][0] );
    return theta / 2;
}

/* Gabor filters, one per orientation and ridge period: a cosine across the
 * ridges under a Gaussian, without its mean, scaled to answer 1 to a ridge
 * pattern of its period and direction. */
static float *filter_bank(void)
{
    float *bank = malloc( PERIODS * BANK * KSIZE * KSIZE * sizeof(*bank) );
    double envelope[KSIZE * KSIZE], wave[KSIZE * KSIZE];
    int p, b, i, dx, dy;

    if (!bank) return NULL;
    for (p = 0; p < PERIODS; p++)
    for (b = 0; b < BANK; b++)
    {
        double theta = PI * b / BANK, c = det_cos( theta ), s = det_sin( theta );
        double period = period_of_level( p ), sigma = clamp( 0.42 * period, 0, 4.2 );
        double sum = 0, weight = 0, response = 0;
        float *k = bank + (p * BANK + b) * KSIZE * KSIZE;

        for (i = 0, dy = -RADIUS; dy <= RADIUS; dy++)
            for (dx = -RADIUS; dx <= RADIUS; dx++, i++)
            {
                double across = -dx * s + dy * c;
                envelope[i] = det_exp( -(dx * dx + dy * dy) / (2 * sigma * sigma) );
                wave[i] = det_cos( 2 * PI * across / period );
                sum += envelope[i] * wave[i];
                weight += envelope[i];
            }
        for (i = 0; i < KSIZE * KSIZE; i++)
        {
            double v = envelope[i] * (wave[i] - sum / weight);
            response += v * wave[i];
            envelope[i] = v;
        }
        for (i = 0; i < KSIZE * KSIZE; i++) k[i] = envelope[i] / response;
    }
    return bank;
}

/* Ridges grown from noise: each step filters every pixel with the filter
 * of its orientation and saturates the result, until the noise has become
 * ridges that follow the field. */
static int grow_ridges( struct fpgen_finger *finger )
{
    float *bank = filter_bank(), *a, *b, *swap;
    unsigned short *bin = malloc( MASTER * MASTER * sizeof(*bin) );
    struct rng rng;
    int x, y, i, dx, dy, step;

    a = calloc( PAD * PAD, sizeof(*a) );
    b = calloc( PAD * PAD, sizeof(*b) );
    if (!bank || !bin || !a || !b)
    {
        free( bank ); free( bin ); free( a ); free( b );
        return 0;
    }
    for (y = 0; y < MASTER; y++)
        for (x = 0; x < MASTER; x++)
        {
            double theta = orientation( finger, x, y ) + ANGLE_WOBBLE * field( finger->angle_wave, x, y );
            double period = finger->period * (1 + PERIOD_WOBBLE * field( finger->period_wave, x, y ));
            int n = (int)floor( theta / PI * BANK + 0.5 ) % BANK;
            int level = (int)clamp( floor( (period - 7) / 0.55 + 0.5 ), 0, PERIODS - 1 );

            bin[y * MASTER + x] = level * BANK + (n < 0 ? n + BANK : n);
        }
    /* sparse seeds, one in each square of a grid: ridges grow from each
     * until they meet.  Measured with tools/fpgen-measure.c, fingers grown
     * from white noise or from denser seeds match each other more often. */
    rng_init( &rng, finger->seed, 2 );
    for (y = 0; y < MASTER; y += SEED_SPACING)
        for (x = 0; x < MASTER; x += SEED_SPACING)
        {
            int sx = x + (int)rng_range( &rng, 0, SEED_SPACING ), sy = y + (int)rng_range( &rng, 0, SEED_SPACING );

            if (sx < MASTER && sy < MASTER)
                a[(sy + RADIUS) * PAD + sx + RADIUS] = rng_range( &rng, 0, 1 ) < 0.5 ? -1 : 1;
        }

    for (step = 0; step < GROW_STEPS; step++)
    {
        for (y = 0; y < MASTER; y++)
            for (x = 0; x < MASTER; x++)
            {
                const float *k = bank + bin[y * MASTER + x] * KSIZE * KSIZE;
                const float *src = a + y * PAD + x;
                double sum = 0;

                for (i = 0, dy = 0; dy < KSIZE; dy++, src += PAD)
                    for (dx = 0; dx < KSIZE; dx++) sum += k[i++] * src[dx];
                b[(y + RADIUS) * PAD + x + RADIUS] = clamp( GAIN * sum, -1, 1 );
            }
        swap = a; a = b; b = swap;
    }
    for (y = 0; y < MASTER; y++)
        memcpy( finger->ridges + y * MASTER, a + (y + RADIUS) * PAD + RADIUS, MASTER * sizeof(float) );
    free( bank ); free( bin ); free( a ); free( b );
    return 1;
}

/* Where the class puts the cores and deltas, moved a little by the seed. */
static void place_singularities( struct fpgen_finger *finger, struct rng *rng )
{
    double cx = MASTER / 2.0 + rng_range( rng, -30, 30 ), cy = MASTER / 2.0 + rng_range( rng, -40, 10 );
    double side;

    finger->cores = finger->deltas = 0;
    switch (finger->cls)
    {
    case FPGEN_ARCH:
        finger->arch_bend = rng_range( rng, 0.004, 0.009 );
        break;
    case FPGEN_TENTED_ARCH:
        finger->cores = finger->deltas = 1;
        finger->core[0][0] = cx;
        finger->core[0][1] = cy;
        finger->delta[0][0] = cx + rng_range( rng, -6, 6 );
        finger->delta[0][1] = cy + rng_range( rng, 45, 70 );
        break;
    case FPGEN_LOOP_LEFT:
    case FPGEN_LOOP_RIGHT:
        side = finger->cls == FPGEN_LOOP_LEFT ? 1 : -1;
        finger->cores = finger->deltas = 1;
        finger->core[0][0] = cx - side * rng_range( rng, 0, 30 );
        finger->core[0][1] = cy;
        finger->delta[0][0] = cx + side * rng_range( rng, 40, 100 );
        finger->delta[0][1] = cy + rng_range( rng, 55, 120 );
        break;
    case FPGEN_WHORL:
        finger->cores = finger->deltas = 2;
        finger->core[0][0] = cx - rng_range( rng, 0, 10 );
        finger->core[0][1] = cy - rng_range( rng, 8, 16 );
        finger->core[1][0] = cx + rng_range( rng, 0, 10 );
        finger->core[1][1] = cy + rng_range( rng, 8, 16 );
        finger->delta[0][0] = cx - rng_range( rng, 60, 90 );
        finger->delta[0][1] = cy + rng_range( rng, 55, 120 );
        finger->delta[1][0] = cx + rng_range( rng, 60, 90 );
        finger->delta[1][1] = cy + rng_range( rng, 70, 100 );
        break;
    }
}

struct fpgen_finger *fpgen_finger_new( unsigned int seed, int cls )
{
    /* about as often as on real hands */
    static const int frequency[FPGEN_CLASSES] = { 5, 5, 30, 30, 30 };
    struct fpgen_finger *finger = calloc( 1, sizeof(*finger) );
    struct rng rng;
    int pick, i;

    if (!finger) return NULL;
    rng_init( &rng, seed, 1 );
    pick = (int)rng_range( &rng, 0, 100 );
    for (i = 0; i < FPGEN_CLASSES - 1 && pick >= frequency[i]; i++) pick -= frequency[i];
    finger->seed = seed;
    finger->cls = cls >= 0 && cls < FPGEN_CLASSES ? cls : i;
    finger->period = rng_range( &rng, 8, 10.5 );
    random_field( &rng, finger->period_wave );
    random_field( &rng, finger->angle_wave );
    place_singularities( finger, &rng );
    if (!(finger->ridges = malloc( MASTER * MASTER * sizeof(float) )) || !grow_ridges( finger ))
    {
        fpgen_finger_free( finger );
        return NULL;
    }
    return finger;
}

void fpgen_finger_free( struct fpgen_finger *finger )
{
    if (!finger) return;
    free( finger->ridges );
    free( finger );
}

int fpgen_finger_class( const struct fpgen_finger *finger )
{
    return finger->cls;
}

static double sample( const float *pattern, double x, double y )
{
    int x0 = (int)floor( x ), y0 = (int)floor( y );
    double fx = x - x0, fy = y - y0;
    const float *p;

    if (x0 < 0 || y0 < 0 || x0 >= MASTER - 1 || y0 >= MASTER - 1) return -1;
    p = pattern + y0 * MASTER + x0;
    return (p[0] * (1 - fx) + p[1] * fx) * (1 - fy) + (p[MASTER] * (1 - fx) + p[MASTER + 1] * fx) * fy;
}

/* sensor noise: a triangular distribution, amplitude a */
static double noise( struct rng *rng, double a )
{
    return (rng_range( rng, 0, 1 ) + rng_range( rng, 0, 1 ) - 1) * a;
}

static int new_image( struct fpgen_image *image )
{
    image->width = SENSOR_W;
    image->height = SENSOR_H;
    return (image->pixels = malloc( SENSOR_W * SENSOR_H )) != NULL;
}

int fpgen_impression( const struct fpgen_finger *finger, unsigned int impression, struct fpgen_image *image )
{
    double angle = 0, shift_x = 0, shift_y = 0, stretch = 0, pressure = 0, contrast = 190, grain = 14;
    double phase[4] = { 0 }, wavelength[2] = { 200, 200 }, c, s, size = 1;
    struct rng rng;
    int x, y;

    if (!new_image( image )) return 0;
    rng_init( &rng, finger->seed, 1000 + impression );
    if (impression)
    {
        angle = rng_range( &rng, -10, 10 ) * PI / 180;
        shift_x = rng_range( &rng, -12, 12 );
        shift_y = rng_range( &rng, -12, 12 );
        stretch = rng_range( &rng, 0.5, 2 );
        phase[0] = rng_range( &rng, 0, 2 * PI );
        phase[1] = rng_range( &rng, 0, 2 * PI );
        phase[2] = rng_range( &rng, 0, 2 * PI );
        phase[3] = rng_range( &rng, 0, 2 * PI );
        wavelength[0] = rng_range( &rng, 150, 300 );
        wavelength[1] = rng_range( &rng, 150, 300 );
        pressure = rng_range( &rng, -0.25, 0.25 );
        contrast = rng_range( &rng, 150, 210 );
        grain = rng_range( &rng, 8, 20 );
        size = 1 + pressure * 0.3;
    }
    c = det_cos( angle );
    s = det_sin( angle );
    for (y = 0; y < SENSOR_H; y++)
        for (x = 0; x < SENSOR_W; x++)
        {
            double u = x - SENSOR_W / 2.0, v = y - SENSOR_H / 2.0, px, py, ex, ey, edge, ink, gray;

            /* a slow, smooth stretch of the skin */
            u += stretch * det_sin( 2 * PI * v / wavelength[0] + phase[0] ) * det_cos( phase[2] + 2 * PI * u / wavelength[1] );
            v += stretch * det_sin( 2 * PI * u / wavelength[1] + phase[1] ) * det_cos( phase[3] + 2 * PI * v / wavelength[0] );
            px = MASTER / 2.0 + c * u - s * v - shift_x;
            py = MASTER / 2.0 + s * u + c * v - shift_y;
            /* the fingertip's outline on the finger: an ellipse, larger when pressed harder */
            ex = (px - MASTER / 2.0) / (150 * size);
            ey = (py - MASTER / 2.0 - 12) / (180 * size);
            edge = clamp( (1 - sqrt( ex * ex + ey * ey )) / 0.08, 0, 1 );
            ink = clamp( 1.3 * (sample( finger->ridges, px, py ) + pressure), -1, 1 );
            gray = 238 - edge * contrast * (ink + 1) / 2 + noise( &rng, grain );
            image->pixels[y * SENSOR_W + x] = (unsigned char)clamp( floor( gray + 0.5 ), 0, 255 );
        }
    return 1;
}

int fpgen_unusable( unsigned int seed, struct fpgen_image *image )
{
    struct rng rng;
    double angle, cx, cy, period, c, s;
    int x, y;

    if (!new_image( image )) return 0;
    rng_init( &rng, seed, 3 );
    angle = rng_range( &rng, 0, PI );
    cx = SENSOR_W / 2.0 + rng_range( &rng, -30, 30 );
    cy = SENSOR_H / 2.0 + rng_range( &rng, -30, 30 );
    period = rng_range( &rng, 8.5, 10 );
    c = det_cos( angle );
    s = det_sin( angle );
    for (y = 0; y < SENSOR_H; y++)
        for (x = 0; x < SENSOR_W; x++)
        {
            double dx = x - cx, dy = y - cy, r = sqrt( dx * dx + dy * dy ) / 30;
            double edge = clamp( (1 - r) / 0.3, 0, 1 ), wave = det_cos( 2 * PI * (-dx * s + dy * c) / period );
            double gray = 238 - edge * 120 * (wave + 1) / 2 + noise( &rng, 14 );

            image->pixels[y * SENSOR_W + x] = (unsigned char)clamp( floor( gray + 0.5 ), 0, 255 );
        }
    return 1;
}
