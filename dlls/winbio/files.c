/*
 * Template database files kept to their user
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

#include "winbio_private.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

void storage_make_private( const WCHAR *path, BOOL folder )
{
    struct make_private_params params;
    char *unix_path;
    NTSTATUS status;

    if (!winbio_init()) return;
    if (!(unix_path = wine_get_unix_file_name( path )))
    {
        WARN( "no Unix path for %s\n", debugstr_w( path ) );
        return;
    }
    params.path = (UINT_PTR)unix_path;
    params.mode = folder ? 0700 : 0600;
    if ((status = UNIX_CALL( make_private, &params )))
        WARN( "%s stays as it is, status %#lx\n", debugstr_w( path ), status );
    HeapFree( GetProcessHeap(), 0, unix_path );
}
