/*
 * nonadmin: runs a command line as the caller without its Administrators
 * group (deny-only in a restricted token), as a standard user's program
 * runs, and exits with its exit status.  Wine's default token is an
 * administrator's, so the tests need this to see what others get.
 *
 *     nonadmin.exe winebio capture x.bmp
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <windows.h>
#include <stdio.h>

/* The command line after the program's own name (quoted or not). */
static WCHAR *arguments( WCHAR *cmdline )
{
    BOOL quoted = FALSE;

    for (; *cmdline && (quoted || (*cmdline != ' ' && *cmdline != '\t')); cmdline++)
        if (*cmdline == '"') quoted = !quoted;
    while (*cmdline == ' ' || *cmdline == '\t') cmdline++;
    return cmdline;
}

static HANDLE restricted_token(void)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(sid);
    SID_AND_ATTRIBUTES deny = { sid, 0 };
    HANDLE token, restricted = NULL;

    if (!CreateWellKnownSid( WinBuiltinAdministratorsSid, NULL, sid, &size )) return NULL;
    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY | TOKEN_ASSIGN_PRIMARY, &token ))
        return NULL;
    if (!CreateRestrictedToken( token, 0, 1, &deny, 0, NULL, 0, NULL, &restricted )) restricted = NULL;
    CloseHandle( token );
    return restricted;
}

int wmain( int argc, WCHAR **argv )
{
    STARTUPINFOW startup = { sizeof(startup) };
    PROCESS_INFORMATION info;
    WCHAR *cmdline = arguments( GetCommandLineW() );
    DWORD status = 1;
    HANDLE token;

    if (!*cmdline)
    {
        fprintf( stderr, "usage: nonadmin.exe <command line>\n" );
        return 2;
    }
    if (!(token = restricted_token()))
    {
        fprintf( stderr, "nonadmin: no restricted token: error %lu\n", GetLastError() );
        return 2;
    }
    if (!CreateProcessAsUserW( token, NULL, cmdline, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &info ))
    {
        fprintf( stderr, "nonadmin: cannot start %ls: error %lu\n", cmdline, GetLastError() );
        CloseHandle( token );
        return 2;
    }
    WaitForSingleObject( info.hProcess, INFINITE );
    GetExitCodeProcess( info.hProcess, &status );
    CloseHandle( info.hProcess );
    CloseHandle( info.hThread );
    CloseHandle( token );
    return status;
}
