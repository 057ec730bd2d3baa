/*
 * winebio: console output and questions
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "winebio.h"

static void write_text( HANDLE handle, const WCHAR *text, int len )
{
    DWORD written, bytes;
    char *buffer;

    if (WriteConsoleW( handle, text, len, &written, NULL )) return;

    /* not a console: a pipe or a file gets the console's code page */
    bytes = WideCharToMultiByte( GetOEMCP(), 0, text, len, NULL, 0, NULL, NULL );
    if (!(buffer = malloc( bytes ))) return;
    WideCharToMultiByte( GetOEMCP(), 0, text, len, buffer, bytes, NULL, NULL );
    WriteFile( handle, buffer, bytes, &written, NULL );
    free( buffer );
}

static void write_formatted( HANDLE handle, const WCHAR *format, va_list args )
{
    WCHAR buffer[2048];
    int len;

    len = _vsnwprintf( buffer, ARRAY_SIZE(buffer) - 1, format, args );
    /* a longer line is cut rather than lost */
    if (len < 0) len = ARRAY_SIZE(buffer) - 1;
    buffer[len] = 0;
    write_text( handle, buffer, len );
}

/* A line or part of one on standard output, printf-style (%ls for text). */
void output( const WCHAR *format, ... )
{
    va_list args;

    va_start( args, format );
    write_formatted( GetStdHandle( STD_OUTPUT_HANDLE ), format, args );
    va_end( args );
}

/* The one line a failure prints, on standard error. */
void output_error( const WCHAR *format, ... )
{
    va_list args;

    write_text( GetStdHandle( STD_ERROR_HANDLE ), L"winebio: ", 9 );
    va_start( args, format );
    write_formatted( GetStdHandle( STD_ERROR_HANDLE ), format, args );
    va_end( args );
    write_text( GetStdHandle( STD_ERROR_HANDLE ), L"\n", 1 );
}

/* One line from standard input, from a console or a pipe. */
static BOOL read_line( WCHAR *buffer, DWORD size )
{
    HANDLE input = GetStdHandle( STD_INPUT_HANDLE );
    DWORD count = 0, len = 0;
    char byte;

    if (ReadConsoleW( input, buffer, size - 1, &count, NULL ))
    {
        buffer[count] = 0;
        return count > 0;
    }
    /* a pipe or a file: the answer is echoed, as a console shows it */
    while (len < size - 1 && ReadFile( input, &byte, 1, &count, NULL ) && count)
    {
        if (byte == '\n') break;
        if (byte != '\r') buffer[len++] = (unsigned char)byte;
    }
    buffer[len] = 0;
    output( L"%ls\n", buffer );
    return len > 0;
}

/* Asks QUESTION; only an answer starting with y is a yes. */
BOOL ask_yes_no( const WCHAR *question )
{
    WCHAR answer[16];

    output( L"%ls [y/N] ", question );
    if (!read_line( answer, ARRAY_SIZE(answer) )) return FALSE;
    return answer[0] == 'y' || answer[0] == 'Y';
}
