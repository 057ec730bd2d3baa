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
    UINT64 id;                /* handle of this device for the other calls */
    char   driver[64];        /* libfprint driver id, e.g. "virtual_image" */
    char   device_id[192];    /* driver-specific id of this device */
    char   name[256];         /* human readable name from the driver */
    UINT32 device_type;       /* enum winbio_unix_device_type */
    UINT32 scan_type;         /* enum winbio_unix_scan_type */
    UINT32 features;          /* WINBIO_UNIX_FEATURE_* */
    UINT32 enroll_stages;     /* samples an enrollment needs */
    /* the USB device, as sysfs describes it; all zero when not found */
    UINT16 usb_vendor;
    UINT16 usb_product;
    UINT16 usb_release_major; /* bcdDevice, the firmware's release */
    UINT16 usb_release_minor;
    char   usb_serial[64];    /* the serial number string, if it has one */
    char   usb_port[32];      /* sysfs name of its port, e.g. "1-2.3" */
};

struct enum_devices_params
{
    UINT64 devices;           /* in: struct winbio_unix_device[capacity] */
    UINT32 capacity;          /* in: entries available */
    UINT32 count;             /* out: devices present, may exceed capacity */
};

/* A sensor plugged in or removed, as libfprint's context reports it. */
struct device_change_params
{
    UINT64 device;            /* out: the device's id */
    UINT32 added;             /* out: 1 plugged in, 0 removed */
    UINT32 pad;
};

/* How a libfprint operation ended, in our own encoding of its GError. */
enum winbio_unix_result
{
    WINBIO_UNIX_OK,
    WINBIO_UNIX_CANCELED,
    WINBIO_UNIX_RETRY,          /* bad touch; see enum winbio_unix_retry */
    WINBIO_UNIX_NOT_SUPPORTED,
    WINBIO_UNIX_NOT_OPEN,
    WINBIO_UNIX_ALREADY_OPEN,
    WINBIO_UNIX_BUSY,
    WINBIO_UNIX_PROTO,
    WINBIO_UNIX_DATA_INVALID,
    WINBIO_UNIX_DATA_NOT_FOUND,
    WINBIO_UNIX_DATA_FULL,
    WINBIO_UNIX_DATA_DUPLICATE,
    WINBIO_UNIX_REMOVED,
    WINBIO_UNIX_TOO_HOT,
    WINBIO_UNIX_PERMISSION,     /* the device node cannot be opened */
    WINBIO_UNIX_FAILED,         /* anything else */
};

enum winbio_unix_retry
{
    WINBIO_UNIX_RETRY_GENERAL,
    WINBIO_UNIX_RETRY_TOO_SHORT,
    WINBIO_UNIX_RETRY_CENTER_FINGER,
    WINBIO_UNIX_RETRY_REMOVE_FINGER,
};

/* What a running operation reports, one event at a time. */
enum winbio_unix_event
{
    WINBIO_UNIX_EVENT_PROGRESS, /* enrollment: a stage done, or a bad touch (result RETRY) */
    WINBIO_UNIX_EVENT_DONE,     /* finished; no more events */
};

enum winbio_unix_op_type
{
    WINBIO_UNIX_OP_OPEN,
    WINBIO_UNIX_OP_CLOSE,
    WINBIO_UNIX_OP_ENROLL,      /* result data: the new template */
    WINBIO_UNIX_OP_VERIFY,      /* one template in; match says whether it matched */
    WINBIO_UNIX_OP_IDENTIFY,    /* templates in; match is the index of the matching one, or -1 */
    WINBIO_UNIX_OP_CAPTURE,     /* result data: 8-bit grey pixels, row by row */
    WINBIO_UNIX_OP_LIST,        /* templates in; result data: a byte each, 1 if the device stores it */
    WINBIO_UNIX_OP_DELETE,      /* one template in: removed from the device's storage */
    WINBIO_UNIX_OP_CLEAR,       /* every print in the device's storage removed */
};

/* A template: libfprint's serialized print, opaque to the PE side. */
struct winbio_unix_blob
{
    UINT64 data;
    UINT32 size;
    UINT32 reserved;
};

struct op_start_params
{
    UINT64 device;            /* in: winbio_unix_device.id */
    UINT32 type;              /* in: enum winbio_unix_op_type */
    UINT32 pad;
    char   description[64];   /* in, enroll: kept in the serialized print (our template id) */
    UINT64 templates;         /* in: struct winbio_unix_blob[count] */
    UINT32 count;             /* in */
    UINT32 reserved;
    UINT64 op;                /* out: handle for the op_* calls */
};

#define WINBIO_UNIX_MAX_WAIT 16

/* Waits until one of the operations has an event and returns it. */
struct op_wait_params
{
    UINT64 ops[WINBIO_UNIX_MAX_WAIT]; /* in */
    UINT32 count;             /* in: entries of ops */
    UINT32 index;             /* out: which operation the event belongs to */
    UINT32 event;             /* out: enum winbio_unix_event */
    UINT32 result;            /* out: enum winbio_unix_result */
    UINT32 retry;             /* out: enum winbio_unix_retry, when result is RETRY */
    UINT32 stage;             /* out, enroll: stages completed so far */
    INT32  match;             /* out: verify 1/0, identify index or -1 */
    UINT32 data_size;         /* out: bytes of result data (of item 0 for LIST) */
    UINT32 items;             /* out: number of result items (LIST) */
    UINT32 width;             /* out, capture: pixels */
    UINT32 height;
    UINT32 ppmm_x100;         /* out, capture: resolution in pixels per mm, times 100 */
};

struct op_get_data_params
{
    UINT64 op;                /* in */
    UINT32 item;              /* in: which item (LIST), else 0 */
    UINT32 size;              /* in: buffer size; out: bytes needed */
    UINT64 buffer;            /* in */
};

struct op_params
{
    UINT64 op;                /* in */
};

/* Gives a file or folder of the template database the mode that keeps it to
 * its user; the last part of the path must be no symbolic link. */
struct make_private_params
{
    UINT64 path;              /* in: NUL-terminated Unix path */
    UINT32 mode;              /* in: 0600 or 0700 */
    UINT32 pad;
};

enum winbio_unix_funcs
{
    unix_process_detach,      /* no params: free libfprint state (loop stopped) */
    unix_loop_run,            /* no params: run libfprint's main context until stopped */
    unix_loop_wait_ready,     /* no params: wait until unix_loop_run owns the context */
    unix_loop_stop,           /* no params: make unix_loop_run return */
    unix_enum_devices,        /* struct enum_devices_params */
    unix_op_start,            /* struct op_start_params */
    unix_op_wait,             /* struct op_wait_params: blocks for the next event of any op */
    unix_op_get_data,         /* struct op_get_data_params */
    unix_op_cancel,           /* struct op_params: from any thread */
    unix_op_free,             /* struct op_params */
    unix_wait_device_change,  /* struct device_change_params: blocks for the next hotplug */
    unix_make_private,        /* struct make_private_params */
    unix_funcs_count
};

/* The layouts every caller must agree on: 64-bit and 32-bit PE code, and
 * the Unix library of either size.  A 32-bit caller of the 64-bit library
 * (new WoW64) passes its structures through unchanged, and an i386 Unix
 * library aligns UINT64 to 4 where Windows code aligns it to 8, so every
 * UINT64 sits at a multiple of 8 and every size is fixed. */
C_ASSERT( sizeof(struct winbio_unix_device) == 640 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, driver) == 8 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, device_type) == 520 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, enroll_stages) == 532 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, usb_vendor) == 536 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, usb_release_minor) == 542 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, usb_serial) == 544 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_device, usb_port) == 608 );
C_ASSERT( sizeof(struct enum_devices_params) == 16 );
C_ASSERT( FIELD_OFFSET(struct enum_devices_params, count) == 12 );
C_ASSERT( sizeof(struct device_change_params) == 16 );
C_ASSERT( FIELD_OFFSET(struct device_change_params, added) == 8 );
C_ASSERT( sizeof(struct winbio_unix_blob) == 16 );
C_ASSERT( FIELD_OFFSET(struct winbio_unix_blob, size) == 8 );
C_ASSERT( sizeof(struct op_start_params) == 104 );
C_ASSERT( FIELD_OFFSET(struct op_start_params, description) == 16 );
C_ASSERT( FIELD_OFFSET(struct op_start_params, templates) == 80 );
C_ASSERT( FIELD_OFFSET(struct op_start_params, count) == 88 );
C_ASSERT( FIELD_OFFSET(struct op_start_params, op) == 96 );
C_ASSERT( sizeof(struct op_wait_params) == 176 );
C_ASSERT( FIELD_OFFSET(struct op_wait_params, count) == 128 );
C_ASSERT( FIELD_OFFSET(struct op_wait_params, match) == 152 );
C_ASSERT( FIELD_OFFSET(struct op_wait_params, ppmm_x100) == 172 );
C_ASSERT( sizeof(struct op_get_data_params) == 24 );
C_ASSERT( FIELD_OFFSET(struct op_get_data_params, size) == 12 );
C_ASSERT( FIELD_OFFSET(struct op_get_data_params, buffer) == 16 );
C_ASSERT( sizeof(struct op_params) == 8 );
C_ASSERT( sizeof(struct make_private_params) == 16 );
C_ASSERT( FIELD_OFFSET(struct make_private_params, mode) == 8 );

#endif /* __WINE_WINBIO_UNIXLIB_H */
