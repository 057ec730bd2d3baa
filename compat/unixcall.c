/*
 * Unix library lookup for modules built outside a Wine source tree
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
 * Inside a Wine tree winecrt0 provides __wine_init_unix_call().  Wine 8.0's
 * winecrt0 predates it, so this file does the same job: it asks ntdll for
 * the Unix library that belongs to this module (ntdll finds it next to the
 * builtin, in the matching <arch>-unix directory).
 */

#include <stdarg.h>

#include "ntstatus.h"
#define WIN32_NO_STATUS
#include "windef.h"
#include "winbase.h"
#include "winternl.h"
#include "wine/unixlib.h"

/* MemoryWineUnixFuncs; winternl.h defines it only under __WINESRC__ in some versions */
#define WINBIO_MEMORY_WINE_UNIX_FUNCS 1000

extern IMAGE_DOS_HEADER __ImageBase;

unixlib_handle_t __wine_unixlib_handle = 0;

NTSTATUS WINAPI __wine_init_unix_call(void)
{
    return NtQueryVirtualMemory( GetCurrentProcess(), &__ImageBase, WINBIO_MEMORY_WINE_UNIX_FUNCS,
                                 &__wine_unixlib_handle, sizeof(__wine_unixlib_handle), NULL );
}
