/*
 * Touches on libfprint's virtual image sensor, for a native program that
 * runs libfprint itself (bench/native_bench.c, tools/fpgen-measure.c)
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#ifndef __WINBIO_TOOLS_VIMAGE_H
#define __WINBIO_TOOLS_VIMAGE_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fprint.h>

/* 8-bit gray, row by row */
struct vimage
{
    int width, height;
    unsigned char *pixels;
};

/* The touch to give when the sensor next wants a finger: an image written
 * earlier, while it still waits for the previous finger to go, is lost. */
static const struct vimage *vimage_pending;
static int vimage_socket = -1;

/* One connection to $FP_VIRTUAL_IMAGE for every touch: the driver reads
 * image after image from it. */
static void vimage_touch( const struct vimage *image )
{
    struct sockaddr_un addr = { AF_UNIX };
    int header[2] = { image->width, image->height }, size = image->width * image->height;

    if (vimage_socket < 0)
    {
        vimage_socket = socket( AF_UNIX, SOCK_STREAM, 0 );
        strncpy( addr.sun_path, getenv( "FP_VIRTUAL_IMAGE" ), sizeof(addr.sun_path) - 1 );
        if (connect( vimage_socket, (struct sockaddr *)&addr, sizeof(addr) )) vimage_socket = -2;
    }
    if (vimage_socket < 0 || write( vimage_socket, header, sizeof(header) ) != sizeof(header) ||
        write( vimage_socket, image->pixels, size ) != size)
    {
        fprintf( stderr, "feeding the virtual image sensor failed: %s\n", strerror( errno ) );
        exit( 1 );
    }
}

/* connect to the device's notify::finger-status */
static void vimage_finger_status_changed( GObject *device, GParamSpec *spec, gpointer data )
{
    if (!vimage_pending || !(fp_device_get_finger_status( FP_DEVICE(device) ) & FP_FINGER_STATUS_NEEDED)) return;
    vimage_touch( vimage_pending );
    vimage_pending = NULL;
}

/* The context's only device, the virtual image sensor, opened and
 * touched with vimage_pending whenever it wants a finger; NULL if none. */
static FpDevice *vimage_open( FpContext *context )
{
    GPtrArray *devices = fp_context_get_devices( context );
    FpDevice *device;

    if (!devices->len) return NULL;
    device = g_ptr_array_index( devices, 0 );
    if (!fp_device_open_sync( device, NULL, NULL )) return NULL;
    g_signal_connect( device, "notify::finger-status", G_CALLBACK(vimage_finger_status_changed), NULL );
    return device;
}

#endif /* __WINBIO_TOOLS_VIMAGE_H */
