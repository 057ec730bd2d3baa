/*
 * Self-test of the winetest harness (tests/include/wine/test.h)
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
 * A harness cannot meaningfully check its own failure counting from inside
 * the process being counted, so the "harness" test runs this same program
 * again as child processes, each running one of the hidden tests below
 * (harness_child, harness_mute, ...) which fail on purpose.  It captures
 * their output through a pipe and checks every line, the summary counts and
 * the exit code against what Wine's harness prints.  Only "harness" itself
 * is expected to end with 0 failures; it fails if the counting is broken.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "windef.h"
#include "winbase.h"

#include "wine/test.h"

#ifdef __GNUC__
# define SELFTEST_PRINTF_ATTR(fmt, args) __attribute__((format(printf, fmt, args)))
#else
# define SELFTEST_PRINTF_ATTR(fmt, args)
#endif

/* the name the harness must print, whatever path this file was built from */
static const char source[] = "selftest.c";

static BOOL is_wine(void)
{
    return !strcmp( winetest_platform, "wine" );
}


/*
 * The checks harness_child makes.  Each helper makes its check only when run
 * is TRUE and always returns the line the check is on: the parent calls them
 * with FALSE to learn which line numbers the child's report must show.  That
 * is why each check shares its line with the return statement.
 */
static int pass_plain( BOOL run ) { if (run) ok( 1, "first pass\n" ); return __LINE__; }
static int pass_expression( BOOL run ) { if (run) ok( 2 + 2 == 4, "second pass\n" ); return __LINE__; }
static int pass_todo_wine_if_false( BOOL run ) { if (run) todo_wine_if( FALSE ) ok( TRUE, "third pass\n" ); return __LINE__; }
static int fail_plain( BOOL run ) { if (run) ok( 0, "plain failure %d\n", 1 ); return __LINE__; }
static int fail_todo_wine_if_false( BOOL run ) { if (run) todo_wine_if( FALSE ) ok( FALSE, "failure under todo_wine_if(FALSE)\n" ); return __LINE__; }
static int fail_context( BOOL run ) { if (run) { winetest_push_context( "outer %d", 7 ); winetest_push_context( "inner" ); ok( 0, "failure with context\n" ); winetest_pop_context(); winetest_pop_context(); } return __LINE__; }
static int todo_failure( BOOL run ) { if (run) todo_wine ok( 0, "todo failure\n" ); return __LINE__; }
static int todo_success( BOOL run ) { if (run) todo_wine ok( 1, "todo success\n" ); return __LINE__; }
static int flaky_failure( BOOL run ) { if (run) flaky ok( 0, "flaky failure\n" ); return __LINE__; }
static int skip_on_purpose( BOOL run ) { if (run) skip( "skipped on purpose\n" ); return __LINE__; }
static int win_skipped( BOOL run ) { if (run) win_skip( "win_skip message\n" ); return __LINE__; }
static int traced( BOOL run ) { if (run) trace( "trace %s %d\n", "value", 42 ); return __LINE__; }
static int subtested( BOOL run ) { if (run) subtest( "extra" ); return __LINE__; }

START_TEST(harness_child)
{
    pass_plain( TRUE );
    pass_expression( TRUE );
    pass_todo_wine_if_false( TRUE );
    fail_plain( TRUE );
    fail_todo_wine_if_false( TRUE );
    fail_context( TRUE );
    todo_failure( TRUE );
    todo_success( TRUE );
    flaky_failure( TRUE );
    skip_on_purpose( TRUE );
    win_skipped( TRUE );
    traced( TRUE );
    subtested( TRUE );
}

/* What harness_child reports.  Under Wine todo_wine is active and win_skip()
 * fails; on Windows the todos are plain checks and win_skip() skips. */
struct child_counts
{
    int executed;
    int todo;
    int flaky_failures;
    int failures;
    int skips;
    int exit_code;
};

static void get_child_counts( struct child_counts *counts )
{
    if (is_wine())
    {
        /* 3 passes; 4 failures (3 plain, win_skip); 1 todo; 1 todo success;
         * 1 flaky */
        counts->executed = 10;
        counts->todo = 1;
        counts->failures = 5;
        counts->skips = 1;
    }
    else
    {
        /* 4 passes (with todo_success); 4 failures (3 plain, todo_failure);
         * 1 flaky */
        counts->executed = 9;
        counts->todo = 0;
        counts->failures = 4;
        counts->skips = 2;
    }
    counts->flaky_failures = 1;
    counts->exit_code = counts->failures;
}


/* harness_mute: lines repeating past the mute threshold (42) go quiet. */
static int noisy_trace( BOOL run ) { unsigned int i; if (run) for (i = 0; i < 50; i++) trace( "noisy trace %u\n", i ); return __LINE__; }
static int noisy_skip( BOOL run ) { unsigned int i; if (run) for (i = 0; i < 45; i++) skip( "noisy skip %u\n", i ); return __LINE__; }
static int noisy_todo( BOOL run ) { unsigned int i; if (run) for (i = 0; i < 45; i++) todo_if( TRUE ) ok( 0, "noisy todo %u\n", i ); return __LINE__; }

START_TEST(harness_mute)
{
    noisy_trace( TRUE );
    noisy_skip( TRUE );
    noisy_todo( TRUE );
}


/* harness_threads: ok() from several threads at once, each thread with its
 * own context. */
#define THREAD_COUNT  4
#define THREAD_CHECKS 50000

static HANDLE start_event;

static int thread_failure( BOOL run, unsigned int index ) { if (run) ok( 0, "failure from thread %u\n", index ); return __LINE__; }

static DWORD WINAPI check_thread( void *arg )
{
    unsigned int index = (unsigned int)(ULONG_PTR)arg, i;

    WaitForSingleObject( start_event, 10000 );
    winetest_push_context( "thread %u", index );
    for (i = 0; i < THREAD_CHECKS; i++) ok( 1, "success %u\n", i );
    thread_failure( TRUE, index );
    winetest_pop_context();
    return 0;
}

START_TEST(harness_threads)
{
    HANDLE threads[THREAD_COUNT];
    unsigned int i;

    /* start them together, to give a racy counter its chance to lose counts */
    start_event = CreateEventA( NULL, TRUE, FALSE, NULL );
    for (i = 0; i < THREAD_COUNT; i++)
        threads[i] = CreateThread( NULL, 0, check_thread, (void *)(ULONG_PTR)i, 0, NULL );
    SetEvent( start_event );
    WaitForMultipleObjects( THREAD_COUNT, threads, TRUE, 30000 );
    for (i = 0; i < THREAD_COUNT; i++) CloseHandle( threads[i] );
    CloseHandle( start_event );
}


/* harness_crash: exits the way a process killed by an exception does. */
START_TEST(harness_crash)
{
    ExitProcess( 0xc0000005 );  /* STATUS_ACCESS_VIOLATION */
}


/* Starts this program again with the given arguments, its stdout and stderr
 * going to output. */
static BOOL start_child( const char *args, HANDLE output, PROCESS_INFORMATION *pi )
{
    STARTUPINFOA si;
    char **argv, *cmdline;
    BOOL ret;

    winetest_get_mainargs( &argv );
    if (!(cmdline = HeapAlloc( GetProcessHeap(), 0, strlen( argv[0] ) + strlen( args ) + 4 )))
        return FALSE;
    sprintf( cmdline, "\"%s\" %s", argv[0], args );

    memset( &si, 0, sizeof(si) );
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = NULL;
    si.hStdOutput = output;
    si.hStdError = output;
    memset( pi, 0, sizeof(*pi) );
    ret = CreateProcessA( NULL, cmdline, NULL, NULL, TRUE, 0, NULL, NULL, &si, pi );
    HeapFree( GetProcessHeap(), 0, cmdline );
    return ret;
}

static int wait_for_child( BOOL run, HANDLE process ) { if (run) wait_child_process( process ); return __LINE__; }
static int wait_for_crashed_child( BOOL run, HANDLE process ) { if (run) wait_child_process( process ); return __LINE__; }

/* harness_wait: winetest_wait_child_process() must add a child's failures to
 * ours.  Doing so makes this test fail, which is why it runs as a child of
 * "harness", which expects exactly those failures. */
START_TEST(harness_wait)
{
    struct child_counts counts;
    PROCESS_INFORMATION pi;
    LONG before;
    BOOL ret;

    get_child_counts( &counts );

    ret = start_child( "harness_child", GetStdHandle( STD_OUTPUT_HANDLE ), &pi );
    ok( ret, "CreateProcess failed, error %u\n", (unsigned int)GetLastError() );
    before = winetest_get_failures();
    wait_for_child( TRUE, pi.hProcess );
    ok( winetest_get_failures() - before == counts.exit_code, "added %d failures instead of %d\n",
        (int)(winetest_get_failures() - before), counts.exit_code );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );

    /* an exit code above 255 is an exception, and counts as one failure */
    ret = start_child( "harness_crash", GetStdHandle( STD_OUTPUT_HANDLE ), &pi );
    ok( ret, "CreateProcess failed, error %u\n", (unsigned int)GetLastError() );
    before = winetest_get_failures();
    wait_for_crashed_child( TRUE, pi.hProcess );
    ok( winetest_get_failures() - before == 1, "added %d failures instead of 1\n",
        (int)(winetest_get_failures() - before) );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
}


/*
 * The parent side.
 */

struct child
{
    char *output;       /* everything it printed, NUL-terminated */
    DWORD exit_code;
    DWORD pid;
};

/* Settings every child starts from, so that what the caller has in its
 * environment (WINETEST_DEBUG=2, say) cannot change what the children print.
 * They are set in our own environment for the children to inherit; we read
 * ours once at startup, so this does not affect the running parent. */
static const char *const default_env[] =
{
    "WINETEST_DEBUG=1",
    "WINETEST_REPORT_SUCCESS=0",
    "WINETEST_REPORT_FLAKY=0",
    "WINETEST_MUTE_THRESHOLD=42",
    "WINETEST_TIME=0",
    "WINETEST_COLOR=0",
};

static void set_env( const char *assignment )
{
    char name[64];
    const char *value = strchr( assignment, '=' );
    size_t len;

    if (!value || (len = value - assignment) >= sizeof(name)) return;
    memcpy( name, assignment, len );
    name[len] = 0;
    SetEnvironmentVariableA( name, value + 1 );
}

/* Runs this program with args and the extra settings in env (a NULL-ended
 * list of "NAME=value"), collecting its output and exit code. */
static BOOL run_child( const char *args, const char *const *env, struct child *child )
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    HANDLE read_pipe, write_pipe;
    DWORD size = 0, alloc = 4096, count;
    unsigned int i;
    char *buffer;
    BOOL ret;

    memset( child, 0, sizeof(*child) );
    for (i = 0; i < ARRAY_SIZE(default_env); i++) set_env( default_env[i] );
    for (; env && *env; env++) set_env( *env );

    if (!CreatePipe( &read_pipe, &write_pipe, &sa, 0 )) return FALSE;
    /* the child must not inherit the read end, or it would hold it open */
    SetHandleInformation( read_pipe, HANDLE_FLAG_INHERIT, 0 );
    ret = start_child( args, write_pipe, &pi );
    /* ours must go too, so that reading stops once the child (and anything
     * it started) has exited */
    CloseHandle( write_pipe );
    if (!ret)
    {
        CloseHandle( read_pipe );
        return FALSE;
    }

    /* drain the pipe before waiting, so a chatty child cannot block on it */
    child->output = HeapAlloc( GetProcessHeap(), 0, alloc );
    while (child->output)
    {
        if (alloc - size < 1024)
        {
            alloc *= 2;
            if (!(buffer = HeapReAlloc( GetProcessHeap(), 0, child->output, alloc ))) break;
            child->output = buffer;
        }
        if (!ReadFile( read_pipe, child->output + size, alloc - size - 1, &count, NULL ) || !count)
            break;
        size += count;
    }
    CloseHandle( read_pipe );
    if (child->output) child->output[size] = 0;

    child->pid = pi.dwProcessId;
    child->exit_code = ~0u;
    if (!WaitForSingleObject( pi.hProcess, 30000 )) GetExitCodeProcess( pi.hProcess, &child->exit_code );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
    return child->output != NULL;
}

static void free_child( struct child *child )
{
    HeapFree( GetProcessHeap(), 0, child->output );
}

/* Whether output has a line equal to (or, with prefix, starting with) text;
 * the child's C runtime may end its lines with \r\n. */
static BOOL find_line( const char *output, const char *text, BOOL prefix )
{
    size_t text_len = strlen( text ), len;
    const char *end;

    while (*output)
    {
        if (!(end = strchr( output, '\n' ))) end = output + strlen( output );
        len = end - output;
        if (len && output[len - 1] == '\r') len--;
        if ((prefix ? len >= text_len : len == text_len) && !strncmp( output, text, text_len ))
            return TRUE;
        output = *end ? end + 1 : end;
    }
    return FALSE;
}

static unsigned int count_strings( const char *output, const char *text )
{
    unsigned int count = 0;

    while ((output = strstr( output, text )))
    {
        count++;
        output += strlen( text );
    }
    return count;
}

enum line_match
{
    LINE_PRESENT,
    LINE_ABSENT,
    PREFIX_PRESENT,
    PREFIX_ABSENT,
};

static void SELFTEST_PRINTF_ATTR(5, 6) check_line_( const char *file, int line, const struct child *child,
                                                    enum line_match match, const char *format, ... )
{
    BOOL prefix = (match == PREFIX_PRESENT || match == PREFIX_ABSENT);
    BOOL present = (match == LINE_PRESENT || match == PREFIX_PRESENT);
    char text[512];
    va_list args;

    va_start( args, format );
    vsnprintf( text, sizeof(text), format, args );
    va_end( args );
    text[sizeof(text) - 1] = 0;

    ok_( file, line )( find_line( child->output, text, prefix ) == present, "%s %s \"%s\"\n",
                       present ? "missing" : "unexpected", prefix ? "line starting with" : "line",
                       text );
}

/* report the caller's line, the one saying what was expected */
#define expect_line(child, ...)    check_line_( __FILE__, __LINE__, child, LINE_PRESENT, __VA_ARGS__ )
#define expect_no_line(child, ...) check_line_( __FILE__, __LINE__, child, LINE_ABSENT, __VA_ARGS__ )
#define expect_prefix(child, ...)  check_line_( __FILE__, __LINE__, child, PREFIX_PRESENT, __VA_ARGS__ )
#define expect_no_prefix(child, ...) check_line_( __FILE__, __LINE__, child, PREFIX_ABSENT, __VA_ARGS__ )

static const char *failure_word( int count )
{
    return count == 1 ? "failure" : "failures";
}

/* Shows what the child printed when something about it was wrong. */
static void dump_child( const struct child *child, const char *name, LONG failures_before )
{
    if (winetest_get_failures() != failures_before)
        trace( "output of %s (exit code %u):\n%s", name, (unsigned int)child->exit_code, child->output );
}

static void test_basics(void)
{
    static const WCHAR wide[] = {'a', '"', '\n', 0x263a, 0};
    static const GUID guid = {0x12345678, 0x9abc, 0xdef0, {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}};
    HMODULE ntdll = GetModuleHandleA( "ntdll.dll" );
    BOOL wine = ntdll && GetProcAddress( ntdll, "wine_get_version" );
    char **argv, buffer[16];
    LONG before;
    int argc;

    argc = winetest_get_mainargs( &argv );
    ok( argc == 2, "got argc %d\n", argc );
    ok( argc >= 2 && !strcmp( argv[1], "harness" ), "got argv[1] %s\n", argc >= 2 ? argv[1] : "(none)" );

    if (!GetEnvironmentVariableA( "WINETEST_PLATFORM", buffer, sizeof(buffer) ))
        ok( !strcmp( winetest_platform, wine ? "wine" : "windows" ), "got platform %s\n", winetest_platform );
    ok( winetest_platform_is_wine == is_wine(), "got winetest_platform_is_wine %d\n",
        winetest_platform_is_wine );

    ok( !broken( FALSE ), "broken(FALSE) returned TRUE\n" );
    ok( broken( TRUE ) == !is_wine(), "broken(TRUE) returned %d\n", broken( TRUE ) );

    /* todo_if(FALSE) must leave plain checks alone; their failing side is
     * checked in harness_child */
    before = winetest_get_failures();
    todo_wine_if( FALSE ) ok( TRUE, "todo_wine_if(FALSE) with a passing check\n" );
    todo_if( FALSE ) ok( TRUE, "todo_if(FALSE) with a passing check\n" );
    flaky_if( FALSE ) ok( TRUE, "flaky_if(FALSE) with a passing check\n" );
    ok( winetest_get_failures() == before, "got %d failures\n", (int)(winetest_get_failures() - before) );

    /* tests routinely check GetLastError() right after an ok() */
    SetLastError( 0xdeadbeef );
    ok( TRUE, "setting up last error check\n" );
    ok( GetLastError() == 0xdeadbeef, "ok() changed the last error to %u\n", (unsigned int)GetLastError() );

    /* whether these come from wine/debug.h or from our own look-alikes, they
     * must print the same */
    ok( !strcmp( wine_dbgstr_w( wide ), "L\"a\\\"\\n\\263a\"" ), "got %s\n", wine_dbgstr_w( wide ) );
    ok( !strcmp( wine_dbgstr_a( "x\ty\001" ), "\"x\\ty\\x01\"" ), "got %s\n", wine_dbgstr_a( "x\ty\001" ) );
    ok( !strcmp( wine_dbgstr_an( "abcdef", 3 ), "\"abc\"" ), "got %s\n", wine_dbgstr_an( "abcdef", 3 ) );
    ok( !strcmp( wine_dbgstr_a( NULL ), "(null)" ), "got %s\n", wine_dbgstr_a( NULL ) );
    ok( !strcmp( wine_dbgstr_w( (const WCHAR *)(ULONG_PTR)0x12 ), "#0012" ), "got %s\n",
        wine_dbgstr_w( (const WCHAR *)(ULONG_PTR)0x12 ) );
    ok( !strcmp( wine_dbgstr_guid( &guid ), "{12345678-9abc-def0-0123-456789abcdef}" ), "got %s\n",
        wine_dbgstr_guid( &guid ) );
    ok( !strcmp( wine_dbgstr_longlong( ((ULONGLONG)0x123 << 32) | 0x456789ab ), "123456789ab" ),
        "got %s\n", wine_dbgstr_longlong( ((ULONGLONG)0x123 << 32) | 0x456789ab ) );
    ok( !strcmp( wine_dbgstr_longlong( 0x2a ), "2a" ), "got %s\n", wine_dbgstr_longlong( 0x2a ) );
}

static void expect_child_report( const struct child *child, const struct child_counts *counts,
                                 BOOL report_success, BOOL quiet )
{
    BOOL wine = is_wine();

    expect_line( child, "%s:%d: Test failed: plain failure 1", source, fail_plain( FALSE ) );
    expect_line( child, "%s:%d: Test failed: failure under todo_wine_if(FALSE)", source,
                 fail_todo_wine_if_false( FALSE ) );
    expect_line( child, "%s:%d: Test failed: outer 7: inner: failure with context", source,
                 fail_context( FALSE ) );
    expect_line( child, "%s:%d: Test marked flaky: flaky failure", source, flaky_failure( FALSE ) );
    expect_line( child, "%s:%d: Tests skipped: skipped on purpose", source, skip_on_purpose( FALSE ) );
    expect_line( child, "%s:%d: Subtest extra", source, subtested( FALSE ) );
    if (wine)
    {
        if (quiet)
            expect_no_line( child, "%s:%d: Test marked todo: todo failure", source, todo_failure( FALSE ) );
        else
            expect_line( child, "%s:%d: Test marked todo: todo failure", source, todo_failure( FALSE ) );
        expect_line( child, "%s:%d: Test succeeded inside todo block: todo success", source,
                     todo_success( FALSE ) );
        expect_line( child, "%s:%d: Test failed: win_skip message", source, win_skipped( FALSE ) );
    }
    else
    {
        expect_line( child, "%s:%d: Test failed: todo failure", source, todo_failure( FALSE ) );
        if (report_success)
            expect_line( child, "%s:%d: Test succeeded", source, todo_success( FALSE ) );
        else
            expect_no_prefix( child, "%s:%d: ", source, todo_success( FALSE ) );
        expect_line( child, "%s:%d: Tests skipped: win_skip message", source, win_skipped( FALSE ) );
    }
    ok( count_strings( child->output, "Test failed: " ) == 4, "got %u failure lines\n",
        count_strings( child->output, "Test failed: " ) );

    if (quiet)
        expect_no_line( child, "%s:%d: trace value 42", source, traced( FALSE ) );
    else
        expect_line( child, "%s:%d: trace value 42", source, traced( FALSE ) );

    /* passing checks print nothing, unless asked to */
    if (report_success)
    {
        expect_line( child, "%s:%d: Test succeeded", source, pass_plain( FALSE ) );
        expect_line( child, "%s:%d: Test succeeded", source, pass_expression( FALSE ) );
        expect_line( child, "%s:%d: Test succeeded", source, pass_todo_wine_if_false( FALSE ) );
    }
    else
    {
        expect_no_prefix( child, "%s:%d: ", source, pass_plain( FALSE ) );
        expect_no_prefix( child, "%s:%d: ", source, pass_expression( FALSE ) );
        expect_no_prefix( child, "%s:%d: ", source, pass_todo_wine_if_false( FALSE ) );
    }

    if (quiet)
        expect_no_prefix( child, "%04x:harness_child:", (unsigned int)child->pid );
    else
        expect_line( child, "%04x:harness_child: %d tests executed (%d marked as todo, %d as flaky, %d %s), %d skipped.",
                     (unsigned int)child->pid, counts->executed, counts->todo, counts->flaky_failures,
                     counts->failures, failure_word( counts->failures ), counts->skips );
}

static void test_child_report(void)
{
    static const char *const success_env[] = { "WINETEST_REPORT_SUCCESS=1", "WINETEST_REPORT_FLAKY=1", NULL };
    static const char *const quiet_env[] = { "WINETEST_DEBUG=0", NULL };
    struct child_counts counts;
    struct child child;
    LONG before;

    get_child_counts( &counts );

    before = winetest_get_failures();
    if (!run_child( "harness_child", NULL, &child ))
    {
        ok( 0, "could not run harness_child, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    expect_child_report( &child, &counts, FALSE, FALSE );
    ok( child.exit_code == (DWORD)counts.exit_code, "got exit code %u, expected %d\n",
        (unsigned int)child.exit_code, counts.exit_code );
    dump_child( &child, "harness_child", before );
    free_child( &child );

    /* WINETEST_REPORT_FLAKY makes flaky failures count in the exit code */
    before = winetest_get_failures();
    if (!run_child( "harness_child", success_env, &child ))
    {
        ok( 0, "could not run harness_child, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    expect_child_report( &child, &counts, TRUE, FALSE );
    ok( child.exit_code == (DWORD)(counts.exit_code + counts.flaky_failures), "got exit code %u, expected %d\n",
        (unsigned int)child.exit_code, counts.exit_code + counts.flaky_failures );
    dump_child( &child, "harness_child with WINETEST_REPORT_SUCCESS", before );
    free_child( &child );

    /* WINETEST_DEBUG=0 drops traces, todo notes and the summary, not the
     * failures */
    before = winetest_get_failures();
    if (!run_child( "harness_child", quiet_env, &child ))
    {
        ok( 0, "could not run harness_child, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    expect_child_report( &child, &counts, FALSE, TRUE );
    ok( child.exit_code == (DWORD)counts.exit_code, "got exit code %u, expected %d\n",
        (unsigned int)child.exit_code, counts.exit_code );
    dump_child( &child, "harness_child with WINETEST_DEBUG=0", before );
    free_child( &child );
}

static void test_mute(void)
{
    struct child child;
    LONG before = winetest_get_failures();

    /* a path and a .c suffix are accepted, as Wine's runner does */
    if (!run_child( "tests\\harness_mute.c", NULL, &child ))
    {
        ok( 0, "could not run harness_mute, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    expect_line( &child, "%s:%d: noisy trace 41", source, noisy_trace( FALSE ) );
    expect_no_line( &child, "%s:%d: noisy trace 42", source, noisy_trace( FALSE ) );
    ok( count_strings( child.output, "noisy trace" ) == 42, "got %u traces\n",
        count_strings( child.output, "noisy trace" ) );
    ok( count_strings( child.output, "noisy skip" ) == 42, "got %u skips\n",
        count_strings( child.output, "noisy skip" ) );
    ok( count_strings( child.output, "noisy todo" ) == 42, "got %u todos\n",
        count_strings( child.output, "noisy todo" ) );
    expect_line( &child, "%s:%d: Line has been silenced after 42 occurrences", source, noisy_trace( FALSE ) );
    expect_line( &child, "%s:%d: Line has been silenced after 42 occurrences", source, noisy_skip( FALSE ) );
    expect_line( &child, "%s:%d: Line has been silenced after 42 occurrences", source, noisy_todo( FALSE ) );
    expect_line( &child, "%04x:harness_mute: Silenced 3 todos, 3 skips and 8 traces.",
                 (unsigned int)child.pid );
    expect_line( &child, "%04x:harness_mute: 42 tests executed (42 marked as todo, 0 as flaky, 0 failures), 42 skipped.",
                 (unsigned int)child.pid );
    ok( child.exit_code == 0, "got exit code %u\n", (unsigned int)child.exit_code );
    dump_child( &child, "harness_mute", before );
    free_child( &child );
}

static void test_threads(void)
{
    struct child child;
    LONG before = winetest_get_failures();
    unsigned int i;

    if (!run_child( "harness_threads", NULL, &child ))
    {
        ok( 0, "could not run harness_threads, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    /* contexts are per thread: each failure carries its own thread's */
    for (i = 0; i < THREAD_COUNT; i++)
        expect_line( &child, "%s:%d: Test failed: thread %u: failure from thread %u", source,
                     thread_failure( FALSE, i ), i, i );
    ok( count_strings( child.output, "Test failed: " ) == THREAD_COUNT, "got %u failure lines\n",
        count_strings( child.output, "Test failed: " ) );
    expect_line( &child, "%04x:harness_threads: %d tests executed (0 marked as todo, 0 as flaky, %d failures), 0 skipped.",
                 (unsigned int)child.pid, THREAD_COUNT * (THREAD_CHECKS + 1), THREAD_COUNT );
    ok( child.exit_code == THREAD_COUNT, "got exit code %u\n", (unsigned int)child.exit_code );
    dump_child( &child, "harness_threads", before );
    free_child( &child );
}

static void test_wait_child_process(void)
{
    struct child_counts counts;
    struct child child;
    LONG before = winetest_get_failures();
    int failures;

    get_child_counts( &counts );
    if (!run_child( "harness_wait", NULL, &child ))
    {
        ok( 0, "could not run harness_wait, error %u\n", (unsigned int)GetLastError() );
        return;
    }
    expect_line( &child, "%s:%d: %d failures in child process", source, wait_for_child( FALSE, NULL ),
                 counts.exit_code );
    expect_prefix( &child, "%s:%d: unhandled exception c0000005 in child process ", source,
                   wait_for_crashed_child( FALSE, NULL ) );

    /* harness_wait's own checks all pass (six of them, counting the one
     * inside each winetest_wait_child_process() call); its failures are
     * those of its children */
    failures = counts.exit_code + 1;
    expect_line( &child, "%04x:harness_wait: %d tests executed (0 marked as todo, 0 as flaky, %d %s), 0 skipped.",
                 (unsigned int)child.pid, 6 + failures, failures, failure_word( failures ) );
    ok( child.exit_code == (DWORD)failures, "got exit code %u, expected %d\n",
        (unsigned int)child.exit_code, failures );
    dump_child( &child, "harness_wait", before );
    free_child( &child );
}

static void test_command_line(void)
{
    struct child child;
    LONG before;

    before = winetest_get_failures();
    if (run_child( "no_such_test", NULL, &child ))
    {
        expect_line( &child, "Fatal: test 'no_such_test' does not exist." );
        ok( child.exit_code == 1, "got exit code %u\n", (unsigned int)child.exit_code );
        dump_child( &child, "no_such_test", before );
        free_child( &child );
    }
    else ok( 0, "could not run no_such_test, error %u\n", (unsigned int)GetLastError() );

    before = winetest_get_failures();
    if (run_child( "--list", NULL, &child ))
    {
        expect_line( &child, "Valid test names:" );
        expect_line( &child, "    harness" );
        expect_line( &child, "    harness_wait" );
        ok( child.exit_code == 0, "got exit code %u\n", (unsigned int)child.exit_code );
        dump_child( &child, "--list", before );
        free_child( &child );
    }
    else ok( 0, "could not run --list, error %u\n", (unsigned int)GetLastError() );

    /* with several tests, no argument means usage */
    before = winetest_get_failures();
    if (run_child( "", NULL, &child ))
    {
        expect_prefix( &child, "Usage: " );
        expect_line( &child, "Valid test names:" );
        ok( child.exit_code == 1, "got exit code %u\n", (unsigned int)child.exit_code );
        dump_child( &child, "no argument", before );
        free_child( &child );
    }
    else ok( 0, "could not run without argument, error %u\n", (unsigned int)GetLastError() );
}

START_TEST(harness)
{
    test_basics();
    test_child_report();
    test_mute();
    test_threads();
    test_wait_child_process();
    test_command_line();
}
