/*
 * libfprint's own capture from the one sensor present, with no Wine and no
 * winbio in between: run inside umockdev-run on an image recording, it
 * prints the picture's size and the resolution the driver gives it, the
 * reference for the ANSI 381 record that WinBioCaptureSample returns for
 * the same recording (tests/run-tests.sh).
 *
 *   native_capture
 *
 * Prints "native: image WIDTH x HEIGHT, PPI ppi (PPMM pixels per mm)".
 *
 * Copyright the winbio project developers
 *
 * This library is free software; you can redistribute it and/or
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

#include <math.h>
#include <stdio.h>

#include <fprint.h>

int main( void )
{
    g_autoptr(FpContext) context = fp_context_new();
    g_autoptr(FpImage) image = NULL;
    g_autoptr(GError) error = NULL;
    GPtrArray *devices = fp_context_get_devices( context );
    FpDevice *device;
    double ppmm;

    if (!devices || devices->len != 1)
    {
        printf( "native: %u devices, expected the recorded one\n", devices ? devices->len : 0 );
        return 1;
    }
    device = g_ptr_array_index( devices, 0 );
    if (!fp_device_open_sync( device, NULL, &error ))
    {
        printf( "native: open failed: %s\n", error->message );
        return 1;
    }
    if (!(image = fp_device_capture_sync( device, TRUE, NULL, &error )))
    {
        printf( "native: capture failed: %s\n", error->message );
        fp_device_close_sync( device, NULL, NULL );
        return 1;
    }
    ppmm = fp_image_get_ppmm( image );
    /* 25.4 mm to the inch, rounded as a resolution field is */
    printf( "native: image %u x %u, %ld ppi (%.3f pixels per mm)\n", fp_image_get_width( image ),
            fp_image_get_height( image ), lround( ppmm * 25.4 ), ppmm );
    fp_device_close_sync( device, NULL, NULL );
    return 0;
}
