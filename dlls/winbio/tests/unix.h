/*
 * Looking at the Unix side of files from a conformance test, under Wine
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

#ifndef __WINBIO_TESTS_UNIX_H
#define __WINBIO_TESTS_UNIX_H

/* kernel32's wine_get_unix_file_name, looked up by the test; NULL on Windows */
static char * (CDECL *p_wine_get_unix_file_name)( const WCHAR * );

/* Runs a Unix shell command and returns the first line of its output.
 * Wine starts a Unix program itself, but gives no process handle and does
 * not connect it to Windows pipes: the output goes to a file, renamed
 * into place when complete, which is looked for until it comes (Wine's
 * change notifications can miss a rename that follows a create). */
static inline BOOL run_unix( const char *command, char *output, DWORD size )
{
    WCHAR temp[MAX_PATH], dir[MAX_PATH], out[MAX_PATH];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char *unix_dir, cmdline[4096], *end;
    unsigned int tries;
    DWORD done = 0;
    HANDLE file;
    BOOL ret = FALSE;

    output[0] = 0;
    GetTempPathW( ARRAY_SIZE(temp), temp );
    swprintf( dir, ARRAY_SIZE(dir), L"%swinbio-unix-%lu", temp, GetCurrentProcessId() );
    swprintf( out, ARRAY_SIZE(out), L"%s\\out", dir );
    CreateDirectoryW( dir, NULL );
    DeleteFileW( out );
    if (!(unix_dir = p_wine_get_unix_file_name( dir ))) return FALSE;
    snprintf( cmdline, sizeof(cmdline), "/bin/sh -c \"(%s) >'%s/out.tmp' 2>&1; mv '%s/out.tmp' '%s/out'\"",
              command, unix_dir, unix_dir, unix_dir );
    HeapFree( GetProcessHeap(), 0, unix_dir );

    if (CreateProcessA( NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi ))
    {
        if (pi.hProcess) CloseHandle( pi.hProcess );
        if (pi.hThread) CloseHandle( pi.hThread );
        for (tries = 0; tries < 1000 && GetFileAttributesW( out ) == INVALID_FILE_ATTRIBUTES; tries++) Sleep( 10 );
        ret = GetFileAttributesW( out ) != INVALID_FILE_ATTRIBUTES;
        ok( ret, "%s: no output\n", command );
    }
    else ok( 0, "cannot run %s, error %lu\n", command, GetLastError() );

    file = CreateFileW( out, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL );
    if (file != INVALID_HANDLE_VALUE)
    {
        ReadFile( file, output, size - 1, &done, NULL );
        CloseHandle( file );
    }
    output[done] = 0;
    if ((end = strchr( output, '\n' ))) *end = 0;
    DeleteFileW( out );
    RemoveDirectoryW( dir );
    return ret;
}

/* The Unix mode of a file, or -1. */
static inline int unix_mode( const WCHAR *path )
{
    char command[MAX_PATH * 3], output[256], *unix_path;

    if (!(unix_path = p_wine_get_unix_file_name( path ))) return -1;
    snprintf( command, sizeof(command), "stat -c %%a '%s'", unix_path );
    HeapFree( GetProcessHeap(), 0, unix_path );
    if (!run_unix( command, output, sizeof(output) )) return -1;
    return strtol( output, NULL, 8 );
}

static inline void set_unix_mode( const WCHAR *path, int mode )
{
    char command[MAX_PATH * 3], output[256], *unix_path;

    if (!(unix_path = p_wine_get_unix_file_name( path ))) return;
    snprintf( command, sizeof(command), "chmod %o '%s' && echo done", mode, unix_path );
    HeapFree( GetProcessHeap(), 0, unix_path );
    run_unix( command, output, sizeof(output) );
    ok( !strcmp( output, "done" ), "chmod: %s\n", output );
}

#endif /* __WINBIO_TESTS_UNIX_H */
