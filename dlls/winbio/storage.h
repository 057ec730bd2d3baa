/*
 * Template database of winbio.dll
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

#ifndef __WINE_WINBIO_STORAGE_H
#define __WINE_WINBIO_STORAGE_H

/*
 * A database holds the templates of one WinBio database GUID, in
 * C:\windows\system32\WinBioDatabase\{GUID}.DAT.  The file is versioned and
 * checksummed, rewritten atomically (write a temporary file, flush, rename)
 * under a named mutex so that several processes can enroll at once, and
 * cached in memory: it is read again only when another process changed it.
 * The format is described at the top of storage.c.
 *
 * Every function may be called from any thread.  Errors common to them:
 * WINBIO_E_DATABASE_CORRUPTED when the file does not check out (it is then
 * left as it is, and adds and deletes fail too, so that nothing in it is
 * lost), WINBIO_E_DATABASE_CANT_OPEN when a newer winbio wrote it,
 * WINBIO_E_DATABASE_READ_ERROR / _WRITE_ERROR on I/O failures,
 * WINBIO_E_DATABASE_LOCKED when another writer held it for 30 seconds,
 * E_INVALIDARG for bad arguments and E_OUTOFMEMORY.
 */

/* One enrolled template. */
struct winbio_template
{
    GUID template_id;                  /* unique id of this record */
    WINBIO_IDENTITY identity;          /* owner (usually WINBIO_ID_TYPE_SID) */
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    char device_key[256];              /* "driver/device_id" of the unit that enrolled it */
    DWORD data_size;
    BYTE *data;                        /* opaque template data (a serialized libfprint print) */
};

/* An immutable view of a database's templates, shared and refcounted so
 * that an identify against many templates copies nothing. */
struct winbio_template_set
{
    LONG refcount;
    SIZE_T count;
    struct winbio_template *templates;
};

struct winbio_database;

/* The files beside the databases are little-endian, as the databases are. */
static inline void put_u16( BYTE *p, UINT16 v )
{
    p[0] = v;
    p[1] = v >> 8;
}

static inline void put_u32( BYTE *p, UINT32 v )
{
    put_u16( p, v );
    put_u16( p + 2, v >> 16 );
}

static inline UINT16 get_u16( const BYTE *p )
{
    return p[0] | (p[1] << 8);
}

static inline UINT32 get_u32( const BYTE *p )
{
    return get_u16( p ) | ((UINT32)get_u16( p + 2 ) << 16);
}

/* Opens (creating the file if needed) the database with this GUID.  Opens of
 * one GUID share one object per process; a file that is there already is not
 * checked here, only by the calls that read it.  WINBIO_E_DATABASE_CANT_CREATE
 * when a missing file cannot be created. */
extern HRESULT storage_open( const GUID *database_id, struct winbio_database **db );
/* The same for a database whose registration names its file (a path in the
 * system32 form; its folder is created if need be). */
extern HRESULT storage_open_file( const GUID *database_id, const WCHAR *path, struct winbio_database **db );
extern void storage_close( struct winbio_database *db );
/* {GUID} with braces, or without them as the registry's DatabaseId and Format are. */
extern void storage_format_guid( WCHAR *buffer, SIZE_T len, const GUID *id, BOOL braces );
/* The file path of a database, for WINBIO_STORAGE_SCHEMA.FilePath; len is in
 * WCHARs, and HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) when too small. */
extern HRESULT storage_get_path( const GUID *database_id, WCHAR *path, SIZE_T len );
/* The folder that holds the database files, as this process reaches it: the
 * same folder for the 64-bit and 32-bit processes of a prefix. */
extern BOOL storage_get_folder( WCHAR *dir, SIZE_T len );
/* Creates that folder if need be, limited to the user (see below). */
extern BOOL storage_create_folder( const WCHAR *dir );
/* Limits a file of the database folder, or the folder, to the user (Unix
 * mode 0600, folders 0700), whatever the umask made it. */
extern void storage_make_private( const WCHAR *path, BOOL folder );

/* Files kept beside the databases (the credential store) use the same
 * means: storage_write_file() replaces path by a file of size bytes written
 * under temp_path, atomically, with cs held around the rename against this
 * process's readers, and the caller holding a named mutex against other
 * writers; storage_read_file() reads one whole (S_FALSE: there is none;
 * free *data with HeapFree). */
extern HRESULT storage_write_file( const WCHAR *dir, const WCHAR *temp_path, const WCHAR *path,
                                   CRITICAL_SECTION *cs, const BYTE *data, UINT32 size );
extern HRESULT storage_read_file( const WCHAR *path, UINT32 max_size, BYTE **data, UINT32 *size );

/* Current templates; release with storage_release_set().  The set never
 * changes: a write publishes a new one, and a set stays valid, data included,
 * until released.  Templates are in the order they were added; a missing
 * file is an empty set. */
extern HRESULT storage_get_set( struct winbio_database *db, struct winbio_template_set **set );
extern void storage_release_set( struct winbio_template_set *set );

/* Adds a template (copied; the caller keeps its data).  If the same identity
 * already has a template for this subfactor on this device, nothing is stored
 * and WINBIO_E_DUPLICATE_ENROLLMENT is returned.  The identity must be a GUID,
 * a valid SID or a secure id, the subfactor not WINBIO_SUBTYPE_ANY, the data
 * not empty and device_key NUL-terminated, else E_INVALIDARG;
 * WINBIO_E_DATABASE_FULL for data over 1 MiB, over 100000 templates or a file
 * over 256 MiB. */
extern HRESULT storage_add( struct winbio_database *db, const struct winbio_template *template );

/* Adds several templates in one write (all or none), with the same rules. */
extern HRESULT storage_add_many( struct winbio_database *db, const struct winbio_template *templates,
                                 SIZE_T count );

/* Deletes the templates of identity (WINBIO_ID_TYPE_WILDCARD: of everybody)
 * for subfactor (WINBIO_SUBTYPE_ANY: all of them) on device_key (NULL: any
 * device).  WINBIO_E_DATABASE_NO_SUCH_RECORD when nothing matched; deleted
 * (may be NULL) receives the count. */
extern HRESULT storage_delete( struct winbio_database *db, const WINBIO_IDENTITY *identity,
                               WINBIO_BIOMETRIC_SUBTYPE subfactor, const char *device_key, SIZE_T *deleted );

#endif /* __WINE_WINBIO_STORAGE_H */
