/*
 * Declarations shared by the PE-side sources of winbio.dll
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

#ifndef __WINE_WINBIO_PRIVATE_H
#define __WINE_WINBIO_PRIVATE_H

#include <stdarg.h>

#include "ntstatus.h"
#define WIN32_NO_STATUS
#include "windef.h"
#include "winbase.h"
#include "winnls.h"
#include "winternl.h"
#include "winbio.h"

#include "wine/debug.h"
#include "wine/unixlib.h"

#include "unixlib.h"

#define UNIX_CALL( func, params ) WINE_UNIX_CALL( unix_ ## func, params )

/* main.c */
extern BOOL winbio_init(void);

/* Every block handed to a caller is released by WinBioFree(). */
static inline void *winbio_alloc( SIZE_T size )
{
    return HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, size );
}

static inline void winbio_free( void *ptr )
{
    HeapFree( GetProcessHeap(), 0, ptr );
}

/* units.c */
extern HRESULT units_get_schemas( WINBIO_UNIT_SCHEMA **schemas, SIZE_T *count );

#endif /* __WINE_WINBIO_PRIVATE_H */
