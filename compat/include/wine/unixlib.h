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
 * COMPAT: Debian's libwine-dev (Wine 8.0) does not ship wine/unixlib.h.
 * configure adds this directory to the include path only when the
 * installed Wine lacks the header; inside a Wine tree, or with a Wine that
 * ships it, Wine's own is used.
 *
 * The interface declared here is the one every Wine from 8.0 on shares:
 * ntdll exports __wine_unix_call_dispatcher, and winecrt0 (which winegcc
 * links into every builtin) provides __wine_init_unix_call(), which looks
 * the dispatcher up and asks ntdll for this module's Unix library handle.
 * Wine 9 and later no longer export the older __wine_unix_call() from
 * ntdll, so nothing here may use it.
 */

#ifndef __WINE_WINE_UNIXLIB_H
#define __WINE_WINE_UNIXLIB_H

typedef UINT64 unixlib_handle_t;

#ifdef WINE_UNIX_LIB

typedef NTSTATUS (*unixlib_entry_t)( void *args );

/* exported by the Unix library, looked up by ntdll when the PE side asks:
 * the first for callers of the library's own size, the second for 32-bit
 * PE code calling a 64-bit Unix library (Wine 9's new WoW64 mode) */
extern const unixlib_entry_t __wine_unix_call_funcs[];
extern const unixlib_entry_t __wine_unix_call_wow64_funcs[];

#else /* WINE_UNIX_LIB */

/* provided by winecrt0 */
extern unixlib_handle_t __wine_unixlib_handle;
extern NTSTATUS (WINAPI *__wine_unix_call_dispatcher)( unixlib_handle_t, unsigned int, void * );
extern NTSTATUS WINAPI __wine_init_unix_call(void);

#define WINE_UNIX_CALL(code,args) __wine_unix_call_dispatcher( __wine_unixlib_handle, (code), (args) )

#endif /* WINE_UNIX_LIB */

#endif /* __WINE_WINE_UNIXLIB_H */
