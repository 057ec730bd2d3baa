/*
 * Conformance test harness for the winbio tests
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
 * Debian's libwine-dev does not ship Wine's own wine/test.h, so this header
 * provides the same programming interface and prints the same report lines,
 * letting one set of test sources build both here and, unchanged, inside a
 * Wine source tree (where Wine's header takes over).
 *
 * Every translation unit gets the declarations and macros.  The single unit
 * that defines STANDALONE before including this header (the test list, see
 * tests/harness/testlist.c) also gets the implementation and main().
 */

#ifndef __WINE_WINE_TEST_H
#define __WINE_WINE_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windef.h>
#include <winbase.h>

#ifdef __GNUC__
# define WINETEST_PRINTF_ATTR(fmt, args) __attribute__((format(printf, fmt, args)))
#else
# define WINETEST_PRINTF_ATTR(fmt, args)
#endif

/* Run-time settings, mostly taken from WINETEST_* environment variables. */
extern int winetest_debug;            /* WINETEST_DEBUG: 0 quiet, 1 default, >1 verbose */
extern int winetest_interactive;      /* WINETEST_INTERACTIVE */
extern int winetest_report_success;   /* WINETEST_REPORT_SUCCESS */
extern int winetest_report_flaky;     /* WINETEST_REPORT_FLAKY */
extern int winetest_mute_threshold;   /* WINETEST_MUTE_THRESHOLD */
extern int winetest_time;             /* WINETEST_TIME */
extern const char *winetest_platform; /* "wine" or "windows" (or WINETEST_PLATFORM) */
extern int winetest_platform_is_wine;

extern void winetest_set_location( const char *file, int line );
extern void winetest_subtest( const char *name );
extern void winetest_ignore_exceptions( BOOL ignore );
extern void winetest_start_todo( int is_todo );
extern int winetest_loop_todo(void);
extern void winetest_end_todo(void);
extern void winetest_start_flaky( int is_flaky );
extern int winetest_loop_flaky(void);
extern void winetest_end_flaky(void);
extern int broken( int condition );
extern int winetest_vok( int condition, const char *msg, va_list args ) WINETEST_PRINTF_ATTR(2, 0);
extern void winetest_vskip( const char *msg, va_list args ) WINETEST_PRINTF_ATTR(1, 0);
extern void winetest_ok( int condition, const char *msg, ... ) WINETEST_PRINTF_ATTR(2, 3);
extern void winetest_skip( const char *msg, ... ) WINETEST_PRINTF_ATTR(1, 2);
extern void winetest_win_skip( const char *msg, ... ) WINETEST_PRINTF_ATTR(1, 2);
extern void winetest_trace( const char *msg, ... ) WINETEST_PRINTF_ATTR(1, 2);
extern void winetest_push_context( const char *fmt, ... ) WINETEST_PRINTF_ATTR(1, 2);
extern void winetest_pop_context(void);
extern int winetest_get_mainargs( char ***pargv );
extern LONG winetest_get_failures(void);
extern void winetest_add_failures( LONG new_failures );
extern void winetest_wait_child_process( HANDLE process );

#ifdef STANDALONE
/* A test built on its own is the only entry of its own test list. */
# define START_TEST(name) \
    static void func_##name(void); \
    const struct test winetest_testlist[] = { { #name, func_##name }, { 0, 0 } }; \
    static void func_##name(void)
#else
# define START_TEST(name) void func_##name(void)
#endif

#ifdef WINETEST_NO_LINE_NUMBERS
# define WINETEST_LINE(line) 0
#else
# define WINETEST_LINE(line) (line)
#endif

/* Each of these records where the check is, then evaluates to the function
 * doing the work, so "ok_(file, line)(cond, fmt, ...)" reads like a call. */
#define ok_(file, line)       (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_ok)
#define skip_(file, line)     (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_skip)
#define win_skip_(file, line) (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_win_skip)
#define trace_(file, line)    (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_trace)
#define subtest_(file, line)  (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_subtest)
#define ignore_exceptions_(file, line) \
    (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_ignore_exceptions)
#define wait_child_process_(file, line) \
    (winetest_set_location( (file), WINETEST_LINE(line) ), winetest_wait_child_process)

#define ok                 ok_(__FILE__, __LINE__)
#define skip               skip_(__FILE__, __LINE__)
#define win_skip           win_skip_(__FILE__, __LINE__)
#define trace              trace_(__FILE__, __LINE__)
#define subtest            subtest_(__FILE__, __LINE__)
#define ignore_exceptions  ignore_exceptions_(__FILE__, __LINE__)
#define wait_child_process wait_child_process_(__FILE__, __LINE__)

/* These prefix a statement: the loop body runs exactly once, with the todo
 * (or flaky) state pushed for its duration. */
#define todo_if(is_todo)        for (winetest_start_todo( is_todo ); \
                                     winetest_loop_todo(); \
                                     winetest_end_todo())
#define todo_wine               todo_if( winetest_platform_is_wine )
#define todo_wine_if(is_todo)   todo_if( (is_todo) && winetest_platform_is_wine )

#define flaky_if(is_flaky)      for (winetest_start_flaky( is_flaky ); \
                                     winetest_loop_flaky(); \
                                     winetest_end_flaky())
#define flaky                   flaky_if( TRUE )
#define flaky_wine              flaky_if( winetest_platform_is_wine )
#define flaky_wine_if(is_flaky) flaky_if( (is_flaky) && winetest_platform_is_wine )

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))
#endif


/*
 * Debug string helpers.  Wine's header pulls them in from wine/debug.h, and
 * tests use them freely.  Under winegcc that header exists and its helpers
 * link against winecrt0, so use it; with a bare mingw toolchain there is no
 * wine/debug.h, so provide look-alikes printing the same text.
 */
#if (defined(__WINE__) || defined(__WINESRC__)) && defined(__has_include)
# if __has_include(<wine/debug.h>)
#  include <wine/debug.h>
# endif
#endif

#ifndef __WINE_WINE_DEBUG_H

#define WINETEST_OWN_DEBUG_HELPERS
#include <guiddef.h>

/* Copies str into a per-thread ring of scratch buffers; the result stays
 * valid until that thread has formatted a few kilobytes more. */
extern const char *winetest_dbg_strdup( const char *str );

static inline const char *wine_dbg_vsprintf( const char *format, va_list args )
    WINETEST_PRINTF_ATTR(1, 0);
static inline const char *wine_dbg_vsprintf( const char *format, va_list args )
{
    char buffer[512];

    vsnprintf( buffer, sizeof(buffer), format, args );
    /* older msvcrt leaves the buffer unterminated when it truncates */
    buffer[sizeof(buffer) - 1] = 0;
    return winetest_dbg_strdup( buffer );
}

static inline const char *wine_dbg_sprintf( const char *format, ... ) WINETEST_PRINTF_ATTR(1, 2);
static inline const char *wine_dbg_sprintf( const char *format, ... )
{
    const char *ret;
    va_list args;

    va_start( args, format );
    ret = wine_dbg_vsprintf( format, args );
    va_end( args );
    return ret;
}

/* Appends one character of a quoted string, escaped the way Wine does;
 * digits is 2 for narrow strings ("\xNN") and 4 for wide ones ("\NNNN"). */
static inline char *winetest_dbg_escape( char *dst, unsigned int c, int digits )
{
    static const char hex_digits[] = "0123456789abcdef";

    switch (c)
    {
    case '\n': *dst++ = '\\'; *dst++ = 'n'; break;
    case '\r': *dst++ = '\\'; *dst++ = 'r'; break;
    case '\t': *dst++ = '\\'; *dst++ = 't'; break;
    case '"':  *dst++ = '\\'; *dst++ = '"'; break;
    case '\\': *dst++ = '\\'; *dst++ = '\\'; break;
    default:
        if (c >= ' ' && c < 127)
            *dst++ = (char)c;
        else
        {
            *dst++ = '\\';
            if (digits == 2) *dst++ = 'x';
            while (digits--) *dst++ = hex_digits[(c >> (digits * 4)) & 0xf];
        }
        break;
    }
    return dst;
}

static inline const char *wine_dbgstr_an( const char *str, int n )
{
    char buffer[300], *dst = buffer;

    if (!str) return "(null)";
    if (!((ULONG_PTR)str >> 16)) return wine_dbg_sprintf( "#%04x", LOWORD((ULONG_PTR)str) );
    if (IsBadStringPtrA( str, n )) return "(invalid)";
    if (n == -1) n = (int)strlen( str );

    *dst++ = '"';
    /* leave room for the longest escape, the closing quote and an ellipsis */
    for (; n > 0 && dst <= buffer + sizeof(buffer) - 9; n--)
        dst = winetest_dbg_escape( dst, (unsigned char)*str++, 2 );
    *dst++ = '"';
    if (n > 0)
    {
        memcpy( dst, "...", 3 );
        dst += 3;
    }
    *dst = 0;
    return winetest_dbg_strdup( buffer );
}

static inline const char *wine_dbgstr_wn( const WCHAR *str, int n )
{
    char buffer[300], *dst = buffer;

    if (!str) return "(null)";
    if (!((ULONG_PTR)str >> 16)) return wine_dbg_sprintf( "#%04x", LOWORD((ULONG_PTR)str) );
    if (IsBadStringPtrW( str, n )) return "(invalid)";
    if (n == -1) for (n = 0; str[n]; n++) ;

    *dst++ = 'L';
    *dst++ = '"';
    for (; n > 0 && dst <= buffer + sizeof(buffer) - 10; n--)
        dst = winetest_dbg_escape( dst, *str++, 4 );
    *dst++ = '"';
    if (n > 0)
    {
        memcpy( dst, "...", 3 );
        dst += 3;
    }
    *dst = 0;
    return winetest_dbg_strdup( buffer );
}

static inline const char *wine_dbgstr_a( const char *str )
{
    return wine_dbgstr_an( str, -1 );
}

static inline const char *wine_dbgstr_w( const WCHAR *str )
{
    return wine_dbgstr_wn( str, -1 );
}

static inline const char *wine_dbgstr_guid( const GUID *guid )
{
    if (!guid) return "(null)";
    if (!((ULONG_PTR)guid >> 16))
        return wine_dbg_sprintf( "<guid-0x%04x>", (unsigned int)LOWORD((ULONG_PTR)guid) );
    return wine_dbg_sprintf( "{%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}",
                             (unsigned int)guid->Data1, guid->Data2, guid->Data3,
                             guid->Data4[0], guid->Data4[1], guid->Data4[2], guid->Data4[3],
                             guid->Data4[4], guid->Data4[5], guid->Data4[6], guid->Data4[7] );
}

static inline const char *wine_dbgstr_point( const POINT *pt )
{
    if (!pt) return "(null)";
    return wine_dbg_sprintf( "(%d,%d)", (int)pt->x, (int)pt->y );
}

static inline const char *wine_dbgstr_rect( const RECT *rect )
{
    if (!rect) return "(null)";
    return wine_dbg_sprintf( "(%d,%d)-(%d,%d)", (int)rect->left, (int)rect->top,
                             (int)rect->right, (int)rect->bottom );
}

static inline const char *wine_dbgstr_longlong( ULONGLONG value )
{
    /* printed in hex without leading zeroes; split because %I64x and %llx
     * are not understood by every C runtime */
    if (value >> 32)
        return wine_dbg_sprintf( "%x%08x", (unsigned int)(value >> 32), (unsigned int)value );
    return wine_dbg_sprintf( "%x", (unsigned int)value );
}

static inline const char *debugstr_an( const char *str, int n ) { return wine_dbgstr_an( str, n ); }
static inline const char *debugstr_wn( const WCHAR *str, int n ) { return wine_dbgstr_wn( str, n ); }
static inline const char *debugstr_a( const char *str ) { return wine_dbgstr_an( str, -1 ); }
static inline const char *debugstr_w( const WCHAR *str ) { return wine_dbgstr_wn( str, -1 ); }
static inline const char *debugstr_guid( const GUID *guid ) { return wine_dbgstr_guid( guid ); }

#endif  /* __WINE_WINE_DEBUG_H */


/*
 * Implementation, compiled only into the translation unit that defines
 * STANDALONE, so that every test unit can be built with its own flags.
 */
#ifdef STANDALONE

#include <io.h>
/* for the console functions; mingw's wincon.h does not stand alone */
#include <windows.h>

#ifndef ENABLE_VIRTUAL_TERMINAL_PROCESSING
# define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x0004
#endif

struct test
{
    const char *name;
    void (*func)(void);
};

extern const struct test winetest_testlist[];

int winetest_debug = 1;
int winetest_interactive = 0;
int winetest_report_success = 0;
int winetest_report_flaky = 0;
int winetest_mute_threshold = 42;
int winetest_time = 0;
const char *winetest_platform = "windows";
int winetest_platform_is_wine = 0;

static int winetest_argc;
static char **winetest_argv;
static const struct test *winetest_current;
static int winetest_color;
static DWORD winetest_start_ticks, winetest_last_ticks;

/* Serialises output; named so that a test and the child processes it spawns
 * on the same console do not interleave their lines either. */
static HANDLE winetest_output_mutex;

/* Counters are shared by all threads of a test, hence only ever updated
 * with interlocked operations. */
static LONG winetest_successes;       /* checks that passed */
static LONG winetest_failures;        /* checks that failed */
static LONG winetest_flaky_failures;  /* failures inside a flaky block */
static LONG winetest_todo_successes;  /* todo checks failing as expected */
static LONG winetest_todo_failures;   /* todo checks that unexpectedly passed */
static LONG winetest_skipped;         /* skip() calls */
static LONG winetest_muted_todos;     /* expected todo failures not printed */
static LONG winetest_muted_skips;     /* skips not printed */
static LONG winetest_muted_traces;    /* traces not printed */

/* How often each source line has printed, to silence runaway loops. */
static LONG winetest_line_counts[16384];

#define WINETEST_MAX_CONTEXTS 8

/* The location of the current check and the todo/flaky/context nesting
 * belong to the thread doing the check. */
struct winetest_thread_data
{
    const char *file;
    int line;
    unsigned int todo_level;      /* one bit per nested todo_if() */
    unsigned int flaky_level;     /* one bit per nested flaky_if() */
    BOOL todo_pending;            /* todo_if() body not run yet */
    BOOL flaky_pending;           /* flaky_if() body not run yet */
    unsigned int context_count;   /* may exceed the number of stored prefixes */
    char context[WINETEST_MAX_CONTEXTS][128];
    unsigned int strings_pos;
    char strings[4096];           /* ring used by the debug string helpers */
};

static DWORD winetest_tls = TLS_OUT_OF_INDEXES;

static struct winetest_thread_data *winetest_thread_data(void)
{
    /* only used if the heap lets us down, so that a check never crashes */
    static struct winetest_thread_data fallback;
    struct winetest_thread_data *data;
    DWORD last_error = GetLastError();  /* TlsGetValue() resets it */

    if (winetest_tls == TLS_OUT_OF_INDEXES) return &fallback;
    if (!(data = TlsGetValue( winetest_tls )))
    {
        if (!(data = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data) )))
            data = &fallback;
        else
            TlsSetValue( winetest_tls, data );
    }
    SetLastError( last_error );
    return data;
}

#ifdef WINETEST_OWN_DEBUG_HELPERS
const char *winetest_dbg_strdup( const char *str )
{
    struct winetest_thread_data *data = winetest_thread_data();
    size_t len = strlen( str ) + 1;
    char *ret;

    if (len > sizeof(data->strings)) len = sizeof(data->strings);
    if (data->strings_pos + len > sizeof(data->strings)) data->strings_pos = 0;
    ret = data->strings + data->strings_pos;
    memcpy( ret, str, len - 1 );
    ret[len - 1] = 0;
    data->strings_pos += (unsigned int)len;
    return ret;
}
#endif

static const char winetest_color_reset[]         = "\x1b[0m";
static const char winetest_color_dark_red[]      = "\x1b[31m";
static const char winetest_color_green[]         = "\x1b[32m";
static const char winetest_color_yellow[]        = "\x1b[33m";
static const char winetest_color_blue[]          = "\x1b[34m";
static const char winetest_color_dark_purple[]   = "\x1b[35m";
static const char winetest_color_bright_red[]    = "\x1b[1;91m";
static const char winetest_color_bright_purple[] = "\x1b[1;95m";

static void winetest_set_color( const char *color )
{
    if (winetest_color && color) fputs( color, stdout );
}

static void winetest_lock_output(void)
{
    DWORD ret;

    if (!winetest_output_mutex) return;
    ret = WaitForSingleObject( winetest_output_mutex, 30000 );
    if (ret != WAIT_OBJECT_0 && ret != WAIT_ABANDONED)
    {
        /* someone holds it forever; garbled output beats a hang */
        printf( "could not get the print lock: %u\n", (unsigned int)ret );
        winetest_output_mutex = NULL;
    }
}

static void winetest_unlock_output(void)
{
    if (winetest_output_mutex) ReleaseMutex( winetest_output_mutex );
}

/* Seconds since start as "%.3f" when WINETEST_TIME is set, else "". */
static const char *winetest_elapsed( char *buffer )
{
    DWORD now;

    if (!winetest_time) return "";
    winetest_last_ticks = now = GetTickCount();
    sprintf( buffer, "%.3f", (now - winetest_start_ticks) / 1000.0 );
    return buffer;
}

/* "file.c:123: " (with the elapsed time before the space if requested). */
static void winetest_print_location( const struct winetest_thread_data *data )
{
    char elapsed[32];

    printf( "%s:%d:%s ", data->file ? data->file : "(unknown)", data->line,
            winetest_elapsed( elapsed ) );
}

/* The location, the kind of message, then each pushed context and ": ". */
static void winetest_print_header( const struct winetest_thread_data *data, const char *kind )
{
    unsigned int i, count = data->context_count;

    if (count > WINETEST_MAX_CONTEXTS) count = WINETEST_MAX_CONTEXTS;
    winetest_print_location( data );
    fputs( kind, stdout );
    for (i = 0; i < count; i++) printf( "%s: ", data->context[i] );
}

/* color may be NULL: traces are never colored */
static void winetest_print_message( const struct winetest_thread_data *data, const char *color,
                                    const char *kind, const char *msg, va_list args )
{
    winetest_lock_output();
    winetest_set_color( color );
    winetest_print_header( data, kind );
    vprintf( msg, args );
    if (color) winetest_set_color( winetest_color_reset );
    winetest_unlock_output();
}

/* Returns how many times the current line already printed, announcing the
 * moment it goes quiet.  Verbose runs (WINETEST_DEBUG > 1) never mute. */
static LONG winetest_count_line( const struct winetest_thread_data *data )
{
    LONG count;

    if (winetest_debug > 1) return 0;
    count = InterlockedIncrement( &winetest_line_counts[(unsigned int)data->line %
                                                        ARRAY_SIZE(winetest_line_counts)] ) - 1;
    if (count == winetest_mute_threshold)
    {
        winetest_lock_output();
        winetest_print_location( data );
        printf( "Line has been silenced after %d occurrences\n", winetest_mute_threshold );
        winetest_unlock_output();
    }
    return count;
}

void winetest_set_location( const char *file, int line )
{
    struct winetest_thread_data *data = winetest_thread_data();
    const char *p;

    /* report the bare file name whatever path the compiler was given */
    if ((p = strrchr( file, '/' ))) file = p + 1;
    if ((p = strrchr( file, '\\' ))) file = p + 1;
    data->file = file;
    data->line = line;
}

void winetest_subtest( const char *name )
{
    struct winetest_thread_data *data = winetest_thread_data();

    winetest_lock_output();
    winetest_print_location( data );
    printf( "Subtest %s\n", name );
    winetest_unlock_output();
}

void winetest_ignore_exceptions( BOOL ignore )
{
    struct winetest_thread_data *data = winetest_thread_data();

    winetest_lock_output();
    winetest_print_location( data );
    printf( "IgnoreExceptions=%d\n", ignore ? 1 : 0 );
    winetest_unlock_output();
}

int broken( int condition )
{
    /* Windows oddities are tolerated on Windows only; Wine must get it right */
    return !winetest_platform_is_wine && condition;
}

int winetest_vok( int condition, const char *msg, va_list args )
{
    struct winetest_thread_data *data = winetest_thread_data();
    DWORD last_error = GetLastError();  /* tests often check it right after ok() */
    int ret;

    if (data->todo_level)
    {
        if (condition)
        {
            /* a todo that passes is a failure: the todo has to be removed */
            if (data->flaky_level)
            {
                winetest_print_message( data, winetest_color_dark_purple,
                                        "Test succeeded inside flaky todo block: ", msg, args );
                InterlockedIncrement( &winetest_flaky_failures );
            }
            else
            {
                winetest_print_message( data, winetest_color_dark_red,
                                        "Test succeeded inside todo block: ", msg, args );
                InterlockedIncrement( &winetest_todo_failures );
            }
            ret = 0;
        }
        else
        {
            if (!winetest_debug || winetest_count_line( data ) < winetest_mute_threshold)
            {
                if (winetest_debug > 0)
                    winetest_print_message( data, winetest_color_yellow,
                                            "Test marked todo: ", msg, args );
                InterlockedIncrement( &winetest_todo_successes );
            }
            else InterlockedIncrement( &winetest_muted_todos );
            ret = 1;
        }
    }
    else if (!condition)
    {
        if (data->flaky_level)
        {
            winetest_print_message( data, winetest_color_bright_purple,
                                    "Test marked flaky: ", msg, args );
            InterlockedIncrement( &winetest_flaky_failures );
        }
        else
        {
            winetest_print_message( data, winetest_color_bright_red,
                                    "Test failed: ", msg, args );
            InterlockedIncrement( &winetest_failures );
        }
        ret = 0;
    }
    else
    {
        /* with WINETEST_TIME, a success now and then shows the test is alive */
        if (winetest_report_success ||
            (winetest_time && GetTickCount() - winetest_last_ticks >= 1000))
        {
            winetest_lock_output();
            winetest_set_color( winetest_color_green );
            winetest_print_location( data );
            fputs( "Test succeeded\n", stdout );
            winetest_set_color( winetest_color_reset );
            winetest_unlock_output();
        }
        InterlockedIncrement( &winetest_successes );
        ret = 1;
    }

    SetLastError( last_error );
    return ret;
}

void winetest_ok( int condition, const char *msg, ... )
{
    va_list args;

    va_start( args, msg );
    winetest_vok( condition, msg, args );
    va_end( args );
}

void winetest_trace( const char *msg, ... )
{
    struct winetest_thread_data *data = winetest_thread_data();
    DWORD last_error = GetLastError();
    va_list args;

    if (!winetest_debug) return;
    if (winetest_count_line( data ) < winetest_mute_threshold)
    {
        va_start( args, msg );
        winetest_print_message( data, NULL, "", msg, args );
        va_end( args );
    }
    else InterlockedIncrement( &winetest_muted_traces );
    SetLastError( last_error );
}

void winetest_vskip( const char *msg, va_list args )
{
    struct winetest_thread_data *data = winetest_thread_data();
    DWORD last_error = GetLastError();

    if (winetest_count_line( data ) < winetest_mute_threshold)
    {
        winetest_print_message( data, winetest_color_blue, "Tests skipped: ", msg, args );
        InterlockedIncrement( &winetest_skipped );
    }
    else InterlockedIncrement( &winetest_muted_skips );
    SetLastError( last_error );
}

void winetest_skip( const char *msg, ... )
{
    va_list args;

    va_start( args, msg );
    winetest_vskip( msg, args );
    va_end( args );
}

void winetest_win_skip( const char *msg, ... )
{
    va_list args;

    /* a missing feature is acceptable on old Windows, but not in Wine */
    va_start( args, msg );
    if (winetest_platform_is_wine)
        winetest_vok( 0, msg, args );
    else
        winetest_vskip( msg, args );
    va_end( args );
}

void winetest_start_todo( int is_todo )
{
    struct winetest_thread_data *data = winetest_thread_data();

    data->todo_level = (data->todo_level << 1) | (is_todo ? 1 : 0);
    data->todo_pending = TRUE;
}

int winetest_loop_todo(void)
{
    struct winetest_thread_data *data = winetest_thread_data();
    int run = data->todo_pending;

    data->todo_pending = FALSE;
    return run;
}

void winetest_end_todo(void)
{
    winetest_thread_data()->todo_level >>= 1;
}

void winetest_start_flaky( int is_flaky )
{
    struct winetest_thread_data *data = winetest_thread_data();

    data->flaky_level = (data->flaky_level << 1) | (is_flaky ? 1 : 0);
    data->flaky_pending = TRUE;
}

int winetest_loop_flaky(void)
{
    struct winetest_thread_data *data = winetest_thread_data();
    int run = data->flaky_pending;

    data->flaky_pending = FALSE;
    return run;
}

void winetest_end_flaky(void)
{
    winetest_thread_data()->flaky_level >>= 1;
}

void winetest_push_context( const char *fmt, ... )
{
    struct winetest_thread_data *data = winetest_thread_data();
    va_list args;

    /* deeper levels are counted, so that pops stay balanced, but not shown */
    if (data->context_count < WINETEST_MAX_CONTEXTS)
    {
        char *buffer = data->context[data->context_count];

        va_start( args, fmt );
        vsnprintf( buffer, sizeof(data->context[0]), fmt, args );
        va_end( args );
        buffer[sizeof(data->context[0]) - 1] = 0;
    }
    data->context_count++;
}

void winetest_pop_context(void)
{
    struct winetest_thread_data *data = winetest_thread_data();

    if (data->context_count) data->context_count--;
}

int winetest_get_mainargs( char ***pargv )
{
    *pargv = winetest_argv;
    return winetest_argc;
}

LONG winetest_get_failures(void)
{
    return winetest_failures;
}

void winetest_add_failures( LONG new_failures )
{
    while (new_failures-- > 0) InterlockedIncrement( &winetest_failures );
}

void winetest_wait_child_process( HANDLE process )
{
    struct winetest_thread_data *data = winetest_thread_data();
    DWORD ret, exit_code;

    winetest_ok( process != NULL, "No child process handle (CreateProcess failed?)\n" );
    if (!process) return;

    ret = WaitForSingleObject( process, 30000 );
    if (ret == WAIT_TIMEOUT)
    {
        winetest_ok( 0, "Timed out waiting for the child process\n" );
        return;
    }
    if (ret != WAIT_OBJECT_0)
    {
        winetest_ok( 0, "Could not wait for the child process: %d le=%u\n",
                     (int)ret, (unsigned int)GetLastError() );
        return;
    }

    /* a child test exits with its failure count, capped at 255; anything
     * larger is the status of an exception that killed it */
    GetExitCodeProcess( process, &exit_code );
    if (exit_code > 255)
    {
        winetest_lock_output();
        winetest_set_color( winetest_color_bright_red );
        winetest_print_location( data );
        printf( "unhandled exception %08x in child process %04x\n",
                (unsigned int)exit_code, (unsigned int)GetProcessId( process ) );
        winetest_set_color( winetest_color_reset );
        winetest_unlock_output();
        InterlockedIncrement( &winetest_failures );
    }
    else if (exit_code)
    {
        winetest_lock_output();
        winetest_print_location( data );
        printf( "%u failures in child process\n", (unsigned int)exit_code );
        winetest_unlock_output();
        winetest_add_failures( (LONG)exit_code );
    }
}

/* Accepts "name", "name.c" and paths to either, as Wine's runner does. */
static const struct test *winetest_find_test( const char *name )
{
    const struct test *test;
    const char *p;
    size_t len;

    if ((p = strrchr( name, '/' ))) name = p + 1;
    if ((p = strrchr( name, '\\' ))) name = p + 1;
    len = strlen( name );
    if (len > 2 && !strcmp( name + len - 2, ".c" )) len -= 2;

    for (test = winetest_testlist; test->name; test++)
        if (strlen( test->name ) == len && !strncmp( test->name, name, len )) return test;
    return NULL;
}

static void winetest_list_tests(void)
{
    const struct test *test;

    printf( "Valid test names:\n" );
    for (test = winetest_testlist; test->name; test++) printf( "    %s\n", test->name );
}

static int winetest_run_test( const char *name )
{
    const struct test *test;
    char elapsed[32];
    LONG failed;
    int status;

    if (!(test = winetest_find_test( name )))
    {
        printf( "Fatal: test '%s' does not exist.\n", name );
        return 1;
    }
    winetest_current = test;
    test->func();

    failed = winetest_failures + winetest_todo_failures;
    if (winetest_debug)
    {
        winetest_lock_output();
        if (winetest_muted_todos || winetest_muted_skips || winetest_muted_traces)
            printf( "%04x:%s:%s Silenced %d todos, %d skips and %d traces.\n",
                    (unsigned int)GetCurrentProcessId(), test->name, winetest_elapsed( elapsed ),
                    (int)winetest_muted_todos, (int)winetest_muted_skips,
                    (int)winetest_muted_traces );
        printf( "%04x:%s:%s %d tests executed (%d marked as todo, %d as flaky, %d %s), %d skipped.\n",
                (unsigned int)GetCurrentProcessId(), test->name, winetest_elapsed( elapsed ),
                (int)(winetest_successes + winetest_failures + winetest_flaky_failures +
                      winetest_todo_successes + winetest_todo_failures),
                (int)winetest_todo_successes, (int)winetest_flaky_failures,
                (int)failed, failed == 1 ? "failure" : "failures", (int)winetest_skipped );
        winetest_unlock_output();
    }

    /* the exit code is what a parent's winetest_wait_child_process() adds */
    status = failed;
    if (winetest_report_flaky) status += winetest_flaky_failures;
    return status > 255 ? 255 : status;
}

static LONG CALLBACK winetest_exception_filter( EXCEPTION_POINTERS *ptrs )
{
    struct winetest_thread_data *data = winetest_thread_data();
    char elapsed[32];

    winetest_lock_output();
    if (data->file)
        printf( "%s:%d: this is the last test seen before the exception\n", data->file, data->line );
    winetest_set_color( winetest_color_bright_red );
    printf( "%04x:%s:%s unhandled exception %08x at %p\n", (unsigned int)GetCurrentProcessId(),
            winetest_current ? winetest_current->name : "(none)", winetest_elapsed( elapsed ),
            (unsigned int)ptrs->ExceptionRecord->ExceptionCode,
            ptrs->ExceptionRecord->ExceptionAddress );
    winetest_set_color( winetest_color_reset );
    fflush( stdout );
    winetest_unlock_output();
    return EXCEPTION_EXECUTE_HANDLER;
}

static BOOL winetest_running_under_wine(void)
{
    HMODULE ntdll = GetModuleHandleA( "ntdll.dll" );

    return ntdll && GetProcAddress( ntdll, "wine_get_version" );
}

static int winetest_env_int( const char *name, int *value )
{
    char buffer[32];
    DWORD len = GetEnvironmentVariableA( name, buffer, sizeof(buffer) );

    if (!len || len >= sizeof(buffer)) return 0;
    *value = atoi( buffer );
    return 1;
}

static void winetest_init_color(void)
{
    char buffer[32];
    DWORD len = GetEnvironmentVariableA( "WINETEST_COLOR", buffer, sizeof(buffer) );
    BOOL automatic;
    HANDLE output;
    DWORD mode;

    if (!len || len >= sizeof(buffer)) return;
    automatic = !strcmp( buffer, "auto" );
    winetest_color = automatic ? _isatty( _fileno( stdout ) ) : atoi( buffer );
    if (!winetest_color) return;

    /* a Windows console needs to be told to interpret escape sequences */
    output = (HANDLE)_get_osfhandle( _fileno( stdout ) );
    if (GetConsoleMode( output, &mode ) &&
        !SetConsoleMode( output, mode | ENABLE_PROCESSED_OUTPUT | ENABLE_VIRTUAL_TERMINAL_PROCESSING ) &&
        automatic)
        winetest_color = 0;
}

#ifdef __GNUC__
/* mingw's startup code calls this to switch the x87 unit to 64-bit
 * precision; keep the FPU state Windows starts programs with instead */
void _fpreset(void) {}
#endif

int main( int argc, char **argv )
{
    static char platform[32];
    DWORD len;

    /* unbuffered, so that nothing is lost when a test crashes and the output
     * stays in order with that of child processes */
    setvbuf( stdout, NULL, _IONBF, 0 );
    winetest_output_mutex = CreateMutexA( NULL, FALSE, "winetest_print_mutex" );
    winetest_tls = TlsAlloc();
    winetest_argc = argc;
    winetest_argv = argv;

    len = GetEnvironmentVariableA( "WINETEST_PLATFORM", platform, sizeof(platform) );
    if (len && len < sizeof(platform))
        winetest_platform = platform;
    else if (winetest_running_under_wine())
        winetest_platform = "wine";
    winetest_platform_is_wine = !strcmp( winetest_platform, "wine" );

    winetest_init_color();
    winetest_env_int( "WINETEST_DEBUG", &winetest_debug );
    winetest_env_int( "WINETEST_INTERACTIVE", &winetest_interactive );
    winetest_env_int( "WINETEST_MUTE_THRESHOLD", &winetest_mute_threshold );
    winetest_env_int( "WINETEST_REPORT_FLAKY", &winetest_report_flaky );
    winetest_env_int( "WINETEST_REPORT_SUCCESS", &winetest_report_success );
    winetest_env_int( "WINETEST_TIME", &winetest_time );
    winetest_start_ticks = winetest_last_ticks = GetTickCount();

    /* Wine has its own crash reporting; on Windows report crashes ourselves */
    if (!strcmp( winetest_platform, "windows" )) SetUnhandledExceptionFilter( winetest_exception_filter );
    /* unattended runs must not block on error dialogs */
    if (!winetest_interactive) SetErrorMode( SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX );

    if (argc < 2)
    {
        if (winetest_testlist[0].name && !winetest_testlist[1].name)
            return winetest_run_test( winetest_testlist[0].name );
        printf( "Usage: %s test_name\n\n", argv[0] );
        winetest_list_tests();
        return 1;
    }
    if (!strcmp( argv[1], "--list" ))
    {
        winetest_list_tests();
        return 0;
    }
    return winetest_run_test( argv[1] );
}

#endif  /* STANDALONE */

#endif  /* __WINE_WINE_TEST_H */
