/*
 * Declarations shared by the Unix-side sources of winbio.dll
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

#ifndef __WINE_WINBIO_UNIX_PRIVATE_H
#define __WINE_WINBIO_UNIX_PRIVATE_H

#include <stdarg.h>

#include <glib.h>
#include <fprint.h>

#include "ntstatus.h"
#define WIN32_NO_STATUS
#include "windef.h"
#include "winternl.h"

#include "unixlib.h"

/* unixlib.c */
extern NTSTATUS run_on_loop( NTSTATUS (*func)( void *args ), void *args );
extern FpDevice *device_from_id( UINT64 id );

/* unix_ops.c */
extern NTSTATUS op_start( void *args );
extern NTSTATUS op_wait( void *args );
extern NTSTATUS op_get_data( void *args );
extern NTSTATUS op_cancel( void *args );
extern NTSTATUS op_free( void *args );

/* unix_usb.c */
extern guint64 usb_read_attribute( const char *device, const char *attribute, guint base );
extern void usb_describe( FpDevice *device, guint index, const char * const *drivers,
                          struct winbio_unix_device *out );

/* unix_files.c */
extern NTSTATUS make_private( void *args );

#endif /* __WINE_WINBIO_UNIX_PRIVATE_H */
