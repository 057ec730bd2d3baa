/*
 * The USB device behind a libfprint device
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

#if 0
#pragma makedep unix
#endif

/*
 * libfprint keeps the GUsbDevice it opens to itself (its "fpi-usb-device"
 * property can be set, not read), and a device's id is "0".  What it does
 * publish is which USB ids each driver takes: the hwdb file it installs for
 * udev, generated from the drivers' own tables, has a "Supported by
 * libfprint driver <id>" block of usb:vXXXXpYYYY lines per driver.  The
 * USB devices in sysfs with those ids are the ones the driver's devices
 * stand for; libfprint makes one device for each, in the order it found
 * them, so the n-th device of a driver is the n-th such USB device (with
 * one sensor per driver, the usual case, there is no choice at all).
 * Everything is read from sysfs and that file, never from the device.
 */

#include "config.h"

#ifdef HAVE_LIBFPRINT

#include <stdlib.h>
#include <string.h>

#include "unix_private.h"

#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

static const char *const hwdb_files[] =
{
    "/usr/lib/udev/hwdb.d/60-autosuspend-libfprint-2.hwdb",
    "/lib/udev/hwdb.d/60-autosuspend-libfprint-2.hwdb",
};

static const char usb_devices[] = "/sys/bus/usb/devices";

/* A sysfs attribute of a USB device, without its newline; NULL if absent. */
static gchar *read_attribute( const char *device, const char *attribute )
{
    g_autofree gchar *path = g_build_filename( usb_devices, device, attribute, NULL );
    gchar *contents = NULL;

    if (!g_file_get_contents( path, &contents, NULL, NULL )) return NULL;
    g_strchomp( contents );
    return contents;
}

guint64 usb_read_attribute( const char *device, const char *attribute, guint base )
{
    g_autofree gchar *contents = read_attribute( device, attribute );

    return contents ? g_ascii_strtoull( contents, NULL, base ) : 0;
}

/* The vendor << 16 | product pairs the driver takes, as the hwdb file lists
 * them; with others set, those of every driver not among them instead. */
static GArray *get_driver_ids( const char *driver, const char * const *others )
{
    g_autofree gchar *contents = NULL;
    g_auto(GStrv) lines = NULL;
    GArray *ids = g_array_new( FALSE, FALSE, sizeof(guint32) );
    gboolean ours = FALSE;
    unsigned int i, vendor, product;
    const char *name;
    guint32 id;

    for (i = 0; i < G_N_ELEMENTS(hwdb_files) && !contents; i++)
        g_file_get_contents( hwdb_files[i], &contents, NULL, NULL );
    if (!contents)
    {
        WARN( "libfprint's hwdb file is missing: USB sensors get no USB instance id\n" );
        return ids;
    }
    lines = g_strsplit( contents, "\n", -1 );
    for (i = 0; lines[i]; i++)
    {
        if (g_str_has_prefix( lines[i], "# Supported by libfprint driver " ))
        {
            name = lines[i] + strlen( "# Supported by libfprint driver " );
            ours = others ? !g_strv_contains( others, name ) : !strcmp( name, driver );
        }
        else if (ours && sscanf( lines[i], "usb:v%4xp%4x", &vendor, &product ) == 2)
        {
            id = vendor << 16 | product;
            g_array_append_val( ids, id );
        }
    }
    return ids;
}

static gint compare_names( gconstpointer a, gconstpointer b )
{
    return strcmp( *(const char * const *)a, *(const char * const *)b );
}

/* The sysfs names of the USB devices with one of these ids, in sysfs order. */
static GPtrArray *find_devices( GArray *ids )
{
    GPtrArray *found = g_ptr_array_new_with_free_func( g_free );
    GDir *dir = g_dir_open( usb_devices, 0, NULL );
    const gchar *name;
    guint32 id;
    guint i;

    if (!dir) return found;
    while ((name = g_dir_read_name( dir )))
    {
        /* interfaces have a ':' in their names */
        if (strchr( name, ':' )) continue;
        id = usb_read_attribute( name, "idVendor", 16 ) << 16 | usb_read_attribute( name, "idProduct", 16 );
        for (i = 0; i < ids->len; i++)
            if (g_array_index( ids, guint32, i ) == id) g_ptr_array_add( found, g_strdup( name ) );
    }
    g_dir_close( dir );
    g_ptr_array_sort( found, compare_names );
    return found;
}

/* bcdDevice, the device's release, as major.minor: 0x0623 is 6.23. */
static void get_release( const char *name, struct winbio_unix_device *out )
{
    guint64 bcd = usb_read_attribute( name, "bcdDevice", 16 );

    out->usb_release_major = ((bcd >> 12) & 0xf) * 10 + ((bcd >> 8) & 0xf);
    out->usb_release_minor = ((bcd >> 4) & 0xf) * 10 + (bcd & 0xf);
}

/*
 * Fills the usb_* fields of the index-th device of its driver; drivers are
 * the drivers of libfprint's devices.  The hwdb file lists an id that two
 * drivers take under one of them only (147e:2016 is upeksonly's there, and
 * upektc_img's too): a driver that finds none of its own takes the USB
 * devices of the drivers that have no device, one of which it must be.
 */
void usb_describe( FpDevice *device, guint index, const char * const *drivers, struct winbio_unix_device *out )
{
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autofree gchar *serial = NULL;
    const char *name;

    if (out->device_type == WINBIO_UNIX_DEVICE_VIRTUAL) return;
    ids = get_driver_ids( fp_device_get_driver( device ), NULL );
    found = find_devices( ids );
    if (!found->len)
    {
        g_array_unref( ids );
        g_ptr_array_unref( found );
        ids = get_driver_ids( NULL, drivers );
        found = find_devices( ids );
    }
    if (index >= found->len)
    {
        TRACE( "%s: no USB device for it in sysfs\n", fp_device_get_name( device ) );
        return;
    }
    name = g_ptr_array_index( found, index );
    out->usb_vendor = usb_read_attribute( name, "idVendor", 16 );
    out->usb_product = usb_read_attribute( name, "idProduct", 16 );
    get_release( name, out );
    if ((serial = read_attribute( name, "serial" ))) g_strlcpy( out->usb_serial, serial, sizeof(out->usb_serial) );
    g_strlcpy( out->usb_port, name, sizeof(out->usb_port) );
    TRACE( "%s is USB %04x:%04x at %s\n", fp_device_get_name( device ), out->usb_vendor, out->usb_product, name );
}

#endif /* HAVE_LIBFPRINT */
