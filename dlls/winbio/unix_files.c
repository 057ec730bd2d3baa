#if 0
#pragma makedep unix
#endif

/*
 * Unix side of winbio.dll: file modes of the template database
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
 * Wine creates files with the modes the umask leaves, and its security
 * descriptors cannot express "the owner only" (an ACE for the user maps to
 * the group bits too), so the modes are set here, on the Unix file.
 */

#include "config.h"

#ifdef HAVE_LIBFPRINT

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unix_private.h"

#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

NTSTATUS make_private( void *args )
{
    const struct make_private_params *params = args;
    const char *path = (const char *)(UINT_PTR)params->path;
    struct stat st;
    int fd;

    /* not through a symlink planted in the folder */
    if ((fd = open( path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC )) == -1)
    {
        WARN( "cannot open %s: %s\n", debugstr_a( path ), strerror( errno ) );
        return STATUS_UNSUCCESSFUL;
    }
    if (fstat( fd, &st ) == -1 || (st.st_mode & 07777) == params->mode)
    {
        close( fd );
        return STATUS_SUCCESS;
    }
    if (fchmod( fd, params->mode ) == -1)
    {
        WARN( "cannot restrict %s: %s\n", debugstr_a( path ), strerror( errno ) );
        close( fd );
        return STATUS_ACCESS_DENIED;
    }
    TRACE( "%s: mode %o, was %o\n", debugstr_a( path ), params->mode, (unsigned int)(st.st_mode & 07777) );
    close( fd );
    return STATUS_SUCCESS;
}

#endif /* HAVE_LIBFPRINT */
