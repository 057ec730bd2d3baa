/*
 * Child processes of the conformance tests
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

#ifndef __WINBIO_TESTS_CHILD_H
#define __WINBIO_TESTS_CHILD_H

#include <stdio.h>

/*
 * Starts this test program again with the given arguments.  Wine 8.0's
 * CreateProcess now and then fails with error 0 while an earlier child is
 * still going away (seen about once in twenty test runs); the child never
 * started then, so starting it once more is safe.
 */
#define start_child(a, b) start_child_( __FILE__, __LINE__, a, b )
static inline BOOL start_child_( const char *file, int line, const char *args, PROCESS_INFORMATION *pi )
{
    STARTUPINFOA si = { sizeof(si) };
    char cmdline[MAX_PATH + 256], **argv;
    unsigned int tries;
    BOOL ret = FALSE;

    winetest_get_mainargs( &argv );
    snprintf( cmdline, sizeof(cmdline), "\"%s\" %s", argv[0], args );
    for (tries = 0; tries < 3 && !ret; tries++)
    {
        if (tries) trace_(file, line)( "starting %s again, error %lu\n", args, GetLastError() );
        ret = CreateProcessA( NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi );
        if (!ret) Sleep( 100 );
    }
    ok_(file, line)( ret, "CreateProcess failed for %s, error %lu\n", args, GetLastError() );
    return ret;
}

#endif /* __WINBIO_TESTS_CHILD_H */
