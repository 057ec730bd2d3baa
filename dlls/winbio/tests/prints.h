/*
 * The test prints (PRINTS_DIR) that the virtual image sensor is touched
 * with, and whether a captured sample holds one of them, pixel for pixel
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

#ifndef __WINBIO_TESTS_PRINTS_H
#define __WINBIO_TESTS_PRINTS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a binary PGM of the prints directory; PRINTS_DIR is its Unix path. */
static inline BYTE *read_pgm( const char *name, unsigned int *width, unsigned int *height )
{
    WCHAR * (CDECL *pwine_get_dos_file_name)( const char * );
    char unix_path[MAX_PATH], dos_path[MAX_PATH + 4], *p;
    unsigned int max = 0, field = 0, values[3];
    BYTE *data = NULL, *pixels = NULL;
    DWORD size, done;
    HANDLE file = INVALID_HANDLE_VALUE;
    WCHAR *path;
    DWORD len;

    len = GetEnvironmentVariableA( "PRINTS_DIR", unix_path, sizeof(unix_path) );
    if (!len || len + strlen( name ) + 2 >= sizeof(unix_path)) return NULL;
    strcat( unix_path, "/" );
    strcat( unix_path, name );

    pwine_get_dos_file_name = (void *)GetProcAddress( GetModuleHandleA( "kernel32.dll" ), "wine_get_dos_file_name" );
    if (pwine_get_dos_file_name && (path = pwine_get_dos_file_name( unix_path )))
    {
        file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL );
        HeapFree( GetProcessHeap(), 0, path );
    }
    if (file == INVALID_HANDLE_VALUE)
    {
        /* Wine maps the Unix root to Z: */
        snprintf( dos_path, sizeof(dos_path), "Z:%s", unix_path );
        for (p = dos_path; *p; p++) if (*p == '/') *p = '\\';
        file = CreateFileA( dos_path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL );
    }
    if (file == INVALID_HANDLE_VALUE) return NULL;
    size = GetFileSize( file, NULL );
    if (size != INVALID_FILE_SIZE && (data = malloc( size + 1 )) && ReadFile( file, data, size, &done, NULL ) &&
        done == size && size > 2 && data[0] == 'P' && data[1] == '5')
    {
        /* "P5", width, height, maximum, each after white space or a comment,
         * then one white space character and the pixels */
        data[size] = 0;
        for (p = (char *)data + 2; field < 3; )
        {
            if (*p == '#') while (*p && *p != '\n') p++;
            else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
            else if (*p >= '0' && *p <= '9') values[field++] = strtoul( p, &p, 10 );
            else break;
        }
        max = field == 3 ? values[2] : 0;
        if (max && max < 256 && p < (char *)data + size)
        {
            p++;
            *width = values[0];
            *height = values[1];
            if ((BYTE *)p + *width * *height <= data + size && (pixels = malloc( *width * *height )))
                memcpy( pixels, p, *width * *height );
        }
    }
    free( data );
    CloseHandle( file );
    return pixels;
}

/* Whether a raw sample (a BIR with one 8-bit ANSI 381 image) holds exactly
 * the pixels of a print of PRINTS_DIR; FALSE too when the print cannot be
 * read, so that a missing PRINTS_DIR never passes for a match. */
static inline BOOL sample_is_print( const WINBIO_BIR *sample, SIZE_T size, const char *name )
{
    const WINBIO_BDB_ANSI_381_HEADER *ansi;
    const WINBIO_BDB_ANSI_381_RECORD *record;
    WINBIO_BIR_DATA block;
    unsigned int width, height;
    BYTE *pixels;
    BOOL ret;

    if (!sample || size < sizeof(*sample)) return FALSE;
    block = sample->StandardDataBlock;
    if (block.Offset < sizeof(*sample) || block.Size < sizeof(*ansi) + sizeof(*record) ||
        (SIZE_T)block.Offset + block.Size > size)
        return FALSE;
    ansi = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)sample + block.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    if (!(pixels = read_pgm( name, &width, &height ))) return FALSE;
    ret = ansi->PixelDepth == 8 && record->HorizontalLineLength == width && record->VerticalLineLength == height &&
          block.Size >= sizeof(*ansi) + sizeof(*record) + width * height &&
          !memcmp( record + 1, pixels, width * height );
    free( pixels );
    return ret;
}

#endif /* __WINBIO_TESTS_PRINTS_H */
