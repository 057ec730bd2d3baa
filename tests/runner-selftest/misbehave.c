/*
 * Test programs that misbehave on purpose, for the runner's self-test
 * (tests/runner-selftest/run.sh): each must be counted as a failure.
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>
#include <stdio.h>

#include "windef.h"
#include "winbase.h"

#include "wine/test.h"

START_TEST(pass)
{
    ok( 1, "a check that passes\n" );
    ok( 1, "another one\n" );
}

/* prints a pass, then dies before its summary */
START_TEST(crash)
{
    volatile int *null = NULL;

    ok( 1, "a check that passes before the crash\n" );
    printf( "misbehave: crashing now\n" );
    *null = 1;
}

START_TEST(flaky)
{
    ok( 1, "a check that passes\n" );
    flaky ok( 0, "a flaky check that fails\n" );
}

/* the process test "child" leaves behind: it waits for its own end */
START_TEST(sleeper)
{
    WaitForSingleObject( GetCurrentProcess(), INFINITE );
}

/* passes its own check, but leaves a process running */
START_TEST(child)
{
    char path[MAX_PATH], cmdline[MAX_PATH + 16];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    BOOL ret;

    GetModuleFileNameA( NULL, path, sizeof(path) );
    snprintf( cmdline, sizeof(cmdline), "\"%s\" sleeper", path );
    ret = CreateProcessA( NULL, cmdline, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi );
    ok( ret, "CreateProcess failed: %lu\n", GetLastError() );
    if (!ret) return;
    CloseHandle( pi.hThread );
    CloseHandle( pi.hProcess );
}
