/*
 * Minimal stand-in for Wine's <wine/unixlib.h>
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

/*
 * Debian's libwine-dev does not ship wine/unixlib.h.  This header declares
 * the handful of ABI symbols a PE module with a Unix side needs, under the
 * names current Wine uses, so that dlls/winbio builds unchanged both here
 * and inside a Wine source tree (where Wine's own header is found first and
 * this directory is not on the include path).
 */

#ifndef __WINE_WINE_UNIXLIB_H
#define __WINE_WINE_UNIXLIB_H

typedef UINT64 unixlib_handle_t;

#ifdef WINE_UNIX_LIB

typedef NTSTATUS (*unixlib_entry_t)( void *args );

/* exported by the Unix library, looked up by ntdll when the PE side asks */
extern const unixlib_entry_t __wine_unix_call_funcs[];

#else /* WINE_UNIX_LIB */

/* exported by ntdll */
extern NTSTATUS WINAPI __wine_unix_call( unixlib_handle_t handle, unsigned int code, void *args );

/* provided by compat/unixcall.c here, by winecrt0 in a Wine tree */
extern unixlib_handle_t __wine_unixlib_handle;
extern NTSTATUS WINAPI __wine_init_unix_call(void);

#define WINE_UNIX_CALL(code,args) __wine_unix_call( __wine_unixlib_handle, (code), (args) )

#endif /* WINE_UNIX_LIB */

#endif /* __WINE_WINE_UNIXLIB_H */
