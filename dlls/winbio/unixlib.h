/*
 * Interface between the PE and Unix sides of winbio.dll
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

#ifndef __WINE_WINBIO_UNIXLIB_H
#define __WINE_WINBIO_UNIXLIB_H

#include "wine/unixlib.h"

/*
 * Every params structure below uses fixed-width fields only (pointers travel
 * as UINT64), so the layout is the same for 32-bit and 64-bit PE code and a
 * WoW64 thunk table can pass them through without conversion.
 */

/* Sensor properties as reported by libfprint, in our own encoding so the PE
 * side never depends on libfprint's headers or on its enum values. */
#define WINBIO_UNIX_FEATURE_CAPTURE          0x0001
#define WINBIO_UNIX_FEATURE_IDENTIFY         0x0002
#define WINBIO_UNIX_FEATURE_VERIFY           0x0004
#define WINBIO_UNIX_FEATURE_STORAGE          0x0008
#define WINBIO_UNIX_FEATURE_STORAGE_LIST     0x0010
#define WINBIO_UNIX_FEATURE_STORAGE_DELETE   0x0020
#define WINBIO_UNIX_FEATURE_STORAGE_CLEAR    0x0040
#define WINBIO_UNIX_FEATURE_DUPLICATES_CHECK 0x0080

enum winbio_unix_scan_type
{
    WINBIO_UNIX_SCAN_PRESS,
    WINBIO_UNIX_SCAN_SWIPE,
};

enum winbio_unix_device_type
{
    WINBIO_UNIX_DEVICE_HARDWARE,
    WINBIO_UNIX_DEVICE_VIRTUAL,     /* one of libfprint's test drivers */
};

/* One libfprint device.  Strings are NUL-terminated UTF-8. */
struct winbio_unix_device
{
    char   driver[64];        /* libfprint driver id, e.g. "virtual_image" */
    char   device_id[192];    /* driver-specific id of this device */
    char   name[256];         /* human readable name from the driver */
    UINT32 device_type;       /* enum winbio_unix_device_type */
    UINT32 scan_type;         /* enum winbio_unix_scan_type */
    UINT32 features;          /* WINBIO_UNIX_FEATURE_* */
    UINT32 enroll_stages;     /* samples an enrollment needs */
};

struct enum_devices_params
{
    UINT64 devices;           /* in: struct winbio_unix_device[capacity] */
    UINT32 capacity;          /* in: entries available */
    UINT32 count;             /* out: devices present, may exceed capacity */
};

enum winbio_unix_funcs
{
    unix_process_detach,      /* no params: free libfprint state (loop stopped) */
    unix_loop_run,            /* no params: run libfprint's main context until stopped */
    unix_loop_wait_ready,     /* no params: wait until unix_loop_run owns the context */
    unix_loop_stop,           /* no params: make unix_loop_run return */
    unix_enum_devices,        /* struct enum_devices_params */
    unix_funcs_count
};

#endif /* __WINE_WINBIO_UNIXLIB_H */
