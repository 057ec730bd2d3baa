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

/*
 * File format, version 1.  Every integer is little-endian and every field
 * has a fixed width, with no padding and no pointer-sized field, so that
 * 32-bit and 64-bit builds read and write the same bytes.
 *
 * Header, 40 bytes:
 *    0   8  magic "WinBioDB"
 *    8   4  format version, 1
 *   12   4  flags, 0 (version 1 defines none)
 *   16   8  generation, incremented by every write
 *   24   4  number of records
 *   28   4  payload size: the bytes after the header, to the end of the file
 *   32   4  reserved, 0
 *   36   4  CRC-32 (RtlComputeCrc32, as zlib's crc32) of bytes 0-35
 *           followed by the payload
 *
 * Record, 104 bytes followed by the device key and the template data:
 *    0  16  template GUID: Data1 (4), Data2 (2), Data3 (2), Data4 (8 bytes)
 *   16   4  identity type: WINBIO_ID_TYPE_GUID, _SID or _SECURE_ID
 *   20  72  identity value, the image of WINBIO_IDENTITY.Value, unused
 *           bytes 0: GUID: the 16 bytes as above; SID: Size (4), then Size
 *           bytes of SID; SECURE_ID: 32 bytes
 *   92   1  subfactor
 *   93   3  reserved, 0
 *   96   4  device key length in bytes, 0-255, no terminating NUL
 *  100   4  template data size, 1 byte to 1 MiB
 *  104   .  device key, then template data
 *
 * The type and value fields together are the 76-byte WINBIO_IDENTITY image
 * on every little-endian Windows, 32-bit or 64-bit (checked below).
 */

#include "winbio_private.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

#define DB_MAGIC            "WinBioDB"
#define DB_VERSION          1
#define HEADER_SIZE         40
#define HEADER_CRC_OFFSET   36
#define RECORD_SIZE         104     /* fixed part */
#define IDENTITY_VALUE_SIZE 72
#define MAX_KEY_LENGTH      (sizeof(((struct winbio_template *)0)->device_key) - 1)
#define MAX_TEMPLATE_SIZE   (1024 * 1024)
#define MAX_RECORDS         100000
/* The whole file is held in memory; a bigger one is not something this
 * code wrote, and refusing it keeps a hostile file from exhausting memory. */
#define MAX_FILE_SIZE       (256 * 1024 * 1024)
#define LOCK_TIMEOUT        30000   /* ms to wait for another writer */
#define RENAME_TRIES        1000    /* about 10 s of readers in the way */

C_ASSERT( sizeof(WINBIO_IDENTITY) == 76 );
C_ASSERT( FIELD_OFFSET(WINBIO_IDENTITY, Value) == 4 );
C_ASSERT( sizeof(((WINBIO_IDENTITY *)0)->Value) == IDENTITY_VALUE_SIZE );
C_ASSERT( FIELD_OFFSET(WINBIO_IDENTITY, Value.AccountSid.Data) == 8 );
C_ASSERT( MAX_KEY_LENGTH == 255 );

/* What tells one state of the file from another without reading all of it:
 * every write replaces the file by a new one (new file index, write time)
 * whose header has a new generation and checksum. */
struct file_key
{
    BOOL exists;
    ULONGLONG index;
    ULONGLONG size;
    LONGLONG write_time;
    DWORD header_size;
    BYTE header[HEADER_SIZE];
};

struct template_set
{
    struct winbio_template_set set;
    BYTE *image;                    /* the file image that the templates' data points into */
};

struct winbio_database
{
    struct winbio_database *next;   /* in databases, guarded by databases_lock */
    LONG refcount;                  /* guarded by databases_lock */
    GUID id;
    WCHAR dir[MAX_PATH];
    WCHAR path[MAX_PATH];
    WCHAR temp_path[MAX_PATH];
    HANDLE mutex;                   /* named: serializes writers of every process */
    CRITICAL_SECTION cs;            /* guards what follows */
    BOOL cached;                    /* key, status, set and generation describe one state of the file */
    struct file_key key;
    HRESULT status;                 /* outcome of parsing that state */
    struct template_set *set;       /* NULL unless status succeeded */
    ULONGLONG generation;
};

static SRWLOCK databases_lock = SRWLOCK_INIT;
static struct winbio_database *databases;  /* open in this process; a handful at most */

static void put_u64( BYTE *p, UINT64 v )
{
    put_u32( p, v );
    put_u32( p + 4, v >> 32 );
}

static UINT64 get_u64( const BYTE *p )
{
    return get_u32( p ) | ((UINT64)get_u32( p + 4 ) << 32);
}

static void put_guid( BYTE *p, const GUID *guid )
{
    put_u32( p, guid->Data1 );
    put_u16( p + 4, guid->Data2 );
    put_u16( p + 6, guid->Data3 );
    memcpy( p + 8, guid->Data4, sizeof(guid->Data4) );
}

static void get_guid( const BYTE *p, GUID *guid )
{
    guid->Data1 = get_u32( p );
    guid->Data2 = get_u16( p + 4 );
    guid->Data3 = get_u16( p + 6 );
    memcpy( guid->Data4, p + 8, sizeof(guid->Data4) );
}

static BOOL is_zero( const BYTE *p, SIZE_T size )
{
    while (size--) if (*p++) return FALSE;
    return TRUE;
}

/* A SID image whose size agrees with its own sub-authority count. */
static BOOL is_valid_sid( const BYTE *data, ULONG size )
{
    if (size < 8 || size > SECURITY_MAX_SID_SIZE) return FALSE;
    return data[0] == SID_REVISION && size == 8 + data[1] * sizeof(DWORD);
}

/* Identities a template can be stored under. */
static BOOL is_storable_identity( const WINBIO_IDENTITY *identity )
{
    switch (identity->Type)
    {
    case WINBIO_ID_TYPE_GUID:
    case WINBIO_ID_TYPE_SECURE_ID:
        return TRUE;
    case WINBIO_ID_TYPE_SID:
        return is_valid_sid( identity->Value.AccountSid.Data, identity->Value.AccountSid.Size );
    default:
        return FALSE;
    }
}

/* Writes the 76-byte identity image; bytes the value does not use are 0,
 * so that the file never holds leftovers of the caller's memory. */
static void put_identity( BYTE *p, const WINBIO_IDENTITY *identity )
{
    BYTE *value = p + 4;

    put_u32( p, identity->Type );
    memset( value, 0, IDENTITY_VALUE_SIZE );
    switch (identity->Type)
    {
    case WINBIO_ID_TYPE_GUID:
        put_guid( value, &identity->Value.TemplateGuid );
        break;
    case WINBIO_ID_TYPE_SID:
        put_u32( value, identity->Value.AccountSid.Size );
        memcpy( value + 4, identity->Value.AccountSid.Data, identity->Value.AccountSid.Size );
        break;
    case WINBIO_ID_TYPE_SECURE_ID:
        memcpy( value, identity->Value.SecureId, sizeof(identity->Value.SecureId) );
        break;
    }
}

static BOOL get_identity( const BYTE *p, WINBIO_IDENTITY *identity )
{
    const BYTE *value = p + 4;
    UINT32 used;

    memset( identity, 0, sizeof(*identity) );
    identity->Type = get_u32( p );
    switch (identity->Type)
    {
    case WINBIO_ID_TYPE_GUID:
        get_guid( value, &identity->Value.TemplateGuid );
        used = sizeof(GUID);
        break;
    case WINBIO_ID_TYPE_SID:
        identity->Value.AccountSid.Size = get_u32( value );
        if (!is_valid_sid( value + 4, identity->Value.AccountSid.Size )) return FALSE;
        memcpy( identity->Value.AccountSid.Data, value + 4, identity->Value.AccountSid.Size );
        used = 4 + identity->Value.AccountSid.Size;
        break;
    case WINBIO_ID_TYPE_SECURE_ID:
        memcpy( identity->Value.SecureId, value, sizeof(identity->Value.SecureId) );
        used = sizeof(identity->Value.SecureId);
        break;
    default:
        return FALSE;
    }
    return is_zero( value + used, IDENTITY_VALUE_SIZE - used );
}

void storage_format_guid( WCHAR *buffer, SIZE_T len, const GUID *id, BOOL braces )
{
    swprintf( buffer, len, braces ? L"{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}"
                                  : L"%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X",
              id->Data1, id->Data2, id->Data3, id->Data4[0], id->Data4[1], id->Data4[2],
              id->Data4[3], id->Data4[4], id->Data4[5], id->Data4[6], id->Data4[7] );
}

static const WCHAR db_folder[] = L"\\WinBioDatabase";

/* Builds dir\{GUID}suffix; the name is the one Windows gives the file. */
static BOOL build_path( WCHAR *path, SIZE_T len, const WCHAR *dir, const GUID *id, const WCHAR *suffix )
{
    WCHAR name[39];

    storage_format_guid( name, ARRAY_SIZE(name), id, TRUE );
    if ((SIZE_T)lstrlenW( dir ) + 1 + lstrlenW( name ) + lstrlenW( suffix ) + 1 > len) return FALSE;
    swprintf( path, len, L"%s\\%s%s", dir, name, suffix );
    return TRUE;
}

/* The folder of the database files.  Every process of the prefix has to
 * reach the same one, in the native system directory, as the Windows
 * service that keeps them does.  A 32-bit process on a 64-bit prefix is
 * redirected from system32 to syswow64 and reaches the native directory
 * as sysnative; paths shown to clients keep the system32 form. */
static BOOL get_folder( WCHAR *dir, SIZE_T len, BOOL native )
{
    static const WCHAR sysnative[] = L"\\sysnative";
    BOOL wow64 = FALSE;
    UINT size;

    if (native && IsWow64Process( GetCurrentProcess(), &wow64 ) && wow64)
    {
        size = GetWindowsDirectoryW( dir, len );
        if (!size || size + ARRAY_SIZE(sysnative) + ARRAY_SIZE(db_folder) > len) return FALSE;
        lstrcatW( dir, sysnative );
    }
    else
    {
        size = GetSystemDirectoryW( dir, len );
        if (!size || size + ARRAY_SIZE(db_folder) > len) return FALSE;
    }
    lstrcatW( dir, db_folder );
    return TRUE;
}

BOOL storage_get_folder( WCHAR *dir, SIZE_T len )
{
    return get_folder( dir, len, TRUE );
}

HRESULT storage_get_path( const GUID *database_id, WCHAR *path, SIZE_T len )
{
    WCHAR dir[MAX_PATH];

    if (!database_id || !path || !len) return E_INVALIDARG;
    path[0] = 0;
    if (!get_folder( dir, ARRAY_SIZE(dir), FALSE ) || !build_path( path, len, dir, database_id, L".DAT" ))
        return HRESULT_FROM_WIN32( ERROR_INSUFFICIENT_BUFFER );
    return S_OK;
}

static struct template_set *grab_set( struct template_set *set )
{
    InterlockedIncrement( &set->set.refcount );
    return set;
}

static void release_set( struct template_set *set )
{
    if (!set || InterlockedDecrement( &set->set.refcount )) return;
    HeapFree( GetProcessHeap(), 0, set->image );
    HeapFree( GetProcessHeap(), 0, set );
}

void storage_release_set( struct winbio_template_set *set )
{
    if (set) release_set( CONTAINING_RECORD( set, struct template_set, set ) );
}

static struct template_set *alloc_set( SIZE_T count )
{
    struct template_set *set;

    /* the templates follow the structure, which is pointer-aligned */
    if (!(set = HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*set) + count * sizeof(struct winbio_template) )))
        return NULL;
    set->set.refcount = 1;
    set->set.count = count;
    set->set.templates = (struct winbio_template *)(set + 1);
    return set;
}

static UINT32 image_crc( const BYTE *image, UINT32 size )
{
    return RtlComputeCrc32( RtlComputeCrc32( 0, image, HEADER_CRC_OFFSET ), image + HEADER_SIZE,
                            size - HEADER_SIZE );
}

/*
 * Checks a whole file image and makes a set of it; on success the set owns
 * the image.  Nothing read from the file is trusted: every length is checked
 * against what is left of the image before it is used.
 */
static HRESULT parse_image( BYTE *image, UINT32 size, struct template_set **ret, ULONGLONG *generation )
{
    struct template_set *set;
    UINT32 version, count, pos, i;

    if (size < HEADER_SIZE || memcmp( image, DB_MAGIC, 8 ))
    {
        WARN( "not a template database (%u bytes)\n", size );
        return WINBIO_E_DATABASE_CORRUPTED;
    }
    version = get_u32( image + 8 );
    if (!version) return WINBIO_E_DATABASE_CORRUPTED;
    if (version > DB_VERSION)
    {
        /* A newer winbio wrote this: the file is likely intact, so it is not
         * reported as corrupted (which invites erasing it), and it is never
         * rewritten in the old format, which would lose what the new one
         * added. */
        WARN( "format version %u, this build reads %u\n", version, DB_VERSION );
        return WINBIO_E_DATABASE_CANT_OPEN;
    }
    if (get_u32( image + 28 ) != size - HEADER_SIZE)
    {
        WARN( "payload size %u, file has %u bytes\n", get_u32( image + 28 ), size );
        return WINBIO_E_DATABASE_CORRUPTED;
    }
    if (get_u32( image + HEADER_CRC_OFFSET ) != image_crc( image, size ))
    {
        WARN( "checksum mismatch\n" );
        return WINBIO_E_DATABASE_CORRUPTED;
    }
    count = get_u32( image + 24 );
    if (get_u32( image + 12 ) || get_u32( image + 32 ) || count > MAX_RECORDS ||
        count > (size - HEADER_SIZE) / RECORD_SIZE)
    {
        WARN( "bad header fields, %u records\n", count );
        return WINBIO_E_DATABASE_CORRUPTED;
    }

    if (!(set = alloc_set( count ))) return E_OUTOFMEMORY;

    for (i = 0, pos = HEADER_SIZE; i < count; i++)
    {
        struct winbio_template *template = &set->set.templates[i];
        const BYTE *record = image + pos;
        UINT32 key_length, data_size;

        if (size - pos < RECORD_SIZE) break;
        key_length = get_u32( record + 96 );
        data_size = get_u32( record + 100 );
        if (key_length > MAX_KEY_LENGTH || !data_size || data_size > MAX_TEMPLATE_SIZE) break;
        if (size - pos - RECORD_SIZE < key_length + data_size) break;
        if (!get_identity( record + 16, &template->identity )) break;
        if (record[92] == WINBIO_SUBTYPE_ANY || !is_zero( record + 93, 3 )) break;
        if (memchr( record + RECORD_SIZE, 0, key_length )) break;

        get_guid( record, &template->template_id );
        template->subfactor = record[92];
        memcpy( template->device_key, record + RECORD_SIZE, key_length );
        template->device_key[key_length] = 0;
        template->data_size = data_size;
        template->data = image + pos + RECORD_SIZE + key_length;
        pos += RECORD_SIZE + key_length + data_size;
    }
    if (i < count || pos != size)
    {
        WARN( "bad record %u of %u\n", i, count );
        release_set( set );
        return WINBIO_E_DATABASE_CORRUPTED;
    }

    set->image = image;
    *generation = get_u64( image + 16 );
    *ret = set;
    return S_OK;
}

/* Serializes templates into a new file image. */
static HRESULT build_image( const struct winbio_template **list, SIZE_T count, ULONGLONG generation,
                            BYTE **ret, UINT32 *ret_size )
{
    UINT64 size = HEADER_SIZE;
    BYTE *image, *p;
    SIZE_T i;

    if (count > MAX_RECORDS) return WINBIO_E_DATABASE_FULL;
    for (i = 0; i < count; i++) size += RECORD_SIZE + strlen( list[i]->device_key ) + list[i]->data_size;
    if (size > MAX_FILE_SIZE) return WINBIO_E_DATABASE_FULL;
    if (!(image = HeapAlloc( GetProcessHeap(), 0, size ))) return E_OUTOFMEMORY;

    memcpy( image, DB_MAGIC, 8 );
    put_u32( image + 8, DB_VERSION );
    put_u32( image + 12, 0 );
    put_u64( image + 16, generation );
    put_u32( image + 24, count );
    put_u32( image + 28, size - HEADER_SIZE );
    put_u32( image + 32, 0 );

    for (i = 0, p = image + HEADER_SIZE; i < count; i++)
    {
        const struct winbio_template *template = list[i];
        UINT32 key_length = strlen( template->device_key );

        put_guid( p, &template->template_id );
        put_identity( p + 16, &template->identity );
        p[92] = template->subfactor;
        memset( p + 93, 0, 3 );
        put_u32( p + 96, key_length );
        put_u32( p + 100, template->data_size );
        memcpy( p + RECORD_SIZE, template->device_key, key_length );
        memcpy( p + RECORD_SIZE + key_length, template->data, template->data_size );
        p += RECORD_SIZE + key_length + template->data_size;
    }
    put_u32( image + HEADER_CRC_OFFSET, image_crc( image, size ) );

    *ret = image;
    *ret_size = size;
    return S_OK;
}

/* Opens the file for reading; S_FALSE when there is none.  Readers share
 * every access so that they never stand in each other's way; a writer's
 * rename still waits until they close it, see replace_file(). */
static HRESULT open_file( const WCHAR *path, HANDLE *file )
{
    DWORD error;
    int tries;

    for (tries = 0; tries < 50; tries++)
    {
        *file = CreateFileW( path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                             NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL );
        if (*file != INVALID_HANDLE_VALUE) return S_OK;
        error = GetLastError();
        if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return S_FALSE;
        /* Windows refuses opens for a moment while a rename replaces the file */
        if (error != ERROR_SHARING_VIOLATION && error != ERROR_ACCESS_DENIED) break;
        Sleep( 10 );
    }
    WARN( "cannot open %s, error %lu\n", debugstr_w( path ), error );
    return WINBIO_E_DATABASE_READ_ERROR;
}

/* Reads up to size bytes from the current position, stopping at the end. */
static BOOL read_all( HANDLE file, BYTE *buffer, DWORD size, DWORD *done )
{
    DWORD count;

    *done = 0;
    while (*done < size)
    {
        if (!ReadFile( file, buffer + *done, size - *done, &count, NULL )) return FALSE;
        if (!count) break;
        *done += count;
    }
    return TRUE;
}

/* The file's index, size and write time, from its descriptor alone (a
 * volume serial would cost Wine a round trip to the mount manager on every
 * call: a file on another volume at the same path is not worth that). */
static HRESULT get_file_key( HANDLE file, struct file_key *key )
{
    FILE_INTERNAL_INFORMATION internal;
    FILE_STANDARD_INFORMATION standard;
    FILE_BASIC_INFORMATION basic;
    LARGE_INTEGER zero = {{ 0 }};
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    memset( key, 0, sizeof(*key) );
    if ((status = NtQueryInformationFile( file, &io, &internal, sizeof(internal), FileInternalInformation )) ||
        (status = NtQueryInformationFile( file, &io, &standard, sizeof(standard), FileStandardInformation )) ||
        (status = NtQueryInformationFile( file, &io, &basic, sizeof(basic), FileBasicInformation )))
    {
        WARN( "cannot query the file, status %#lx\n", status );
        return WINBIO_E_DATABASE_READ_ERROR;
    }
    if (!SetFilePointerEx( file, zero, NULL, FILE_BEGIN ) ||
        !read_all( file, key->header, sizeof(key->header), &key->header_size ))
    {
        WARN( "cannot read the file, error %lu\n", GetLastError() );
        return WINBIO_E_DATABASE_READ_ERROR;
    }
    key->exists = TRUE;
    key->index = internal.IndexNumber.QuadPart;
    key->size = standard.EndOfFile.QuadPart;
    key->write_time = basic.LastWriteTime.QuadPart;
    return S_OK;
}

static HRESULT read_image( HANDLE file, ULONGLONG size, BYTE **ret )
{
    LARGE_INTEGER zero = {{ 0 }};
    BYTE *image;
    DWORD done;

    /* too short for a header or too big to be ours: no need to read it */
    if (size < HEADER_SIZE || size > MAX_FILE_SIZE)
    {
        WARN( "file size %s\n", wine_dbgstr_longlong( size ) );
        return WINBIO_E_DATABASE_CORRUPTED;
    }
    if (!(image = HeapAlloc( GetProcessHeap(), 0, size ))) return E_OUTOFMEMORY;
    if (!SetFilePointerEx( file, zero, NULL, FILE_BEGIN ) || !read_all( file, image, size, &done ))
    {
        WARN( "read failed, error %lu\n", GetLastError() );
        HeapFree( GetProcessHeap(), 0, image );
        return WINBIO_E_DATABASE_READ_ERROR;
    }
    if (done != size)
    {
        /* the file shrank since it was measured: someone truncated it in place */
        HeapFree( GetProcessHeap(), 0, image );
        return WINBIO_E_DATABASE_CORRUPTED;
    }
    *ret = image;
    return S_OK;
}

/* Reads a whole file of at most max_size bytes, for the files kept beside
 * the databases; S_FALSE with no data when there is none. */
HRESULT storage_read_file( const WCHAR *path, UINT32 max_size, BYTE **data, UINT32 *size )
{
    LARGE_INTEGER length;
    HANDLE file;
    DWORD done;
    HRESULT hr;

    *data = NULL;
    *size = 0;
    if ((hr = open_file( path, &file )) != S_OK) return hr;
    if (!GetFileSizeEx( file, &length )) hr = WINBIO_E_DATABASE_READ_ERROR;
    else if (length.QuadPart > max_size) hr = WINBIO_E_DATABASE_CORRUPTED;
    else if (!(*data = HeapAlloc( GetProcessHeap(), 0, max( length.QuadPart, 1 ) ))) hr = E_OUTOFMEMORY;
    else if (!read_all( file, *data, length.QuadPart, &done )) hr = WINBIO_E_DATABASE_READ_ERROR;
    else if (done != length.QuadPart) hr = WINBIO_E_DATABASE_CORRUPTED;
    else *size = done;
    CloseHandle( file );
    if (FAILED(hr))
    {
        HeapFree( GetProcessHeap(), 0, *data );
        *data = NULL;
    }
    return hr;
}

/* Replaces the cached state; called with db->cs held. */
static void set_cache( struct winbio_database *db, const struct file_key *key, HRESULT status,
                       struct template_set *set, ULONGLONG generation )
{
    release_set( db->set );
    db->cached = key != NULL;
    if (key) db->key = *key;
    db->status = status;
    db->set = set;
    db->generation = generation;
}

/*
 * Brings the cache up to date with the file and returns the current set
 * with a reference.  The file is stated and its header read on every call,
 * but parsed again only when it is another file than the cached one.
 * A corrupt file is remembered as such, so it is not parsed again either.
 */
static HRESULT refresh( struct winbio_database *db, struct template_set **ret, ULONGLONG *generation )
{
    struct template_set *set = NULL;
    struct file_key key;
    ULONGLONG gen = 0;
    HANDLE file = INVALID_HANDLE_VALUE;
    BYTE *image = NULL;
    HRESULT hr;

    EnterCriticalSection( &db->cs );

    hr = open_file( db->path, &file );
    if (hr == S_OK) hr = get_file_key( file, &key );
    else if (hr == S_FALSE)
    {
        /* nothing enrolled yet, or the file was removed: an empty database */
        memset( &key, 0, sizeof(key) );
        hr = S_OK;
    }

    if (SUCCEEDED(hr) && !(db->cached && !memcmp( &key, &db->key, sizeof(key) )))
    {
        if (!key.exists)
        {
            if (!(set = alloc_set( 0 ))) hr = E_OUTOFMEMORY;
        }
        else if (SUCCEEDED(hr = read_image( file, key.size, &image )) &&
                 FAILED(hr = parse_image( image, key.size, &set, &gen )))
        {
            HeapFree( GetProcessHeap(), 0, image );
        }

        /* read errors and memory shortage may pass: those are not remembered */
        if (SUCCEEDED(hr) || hr == WINBIO_E_DATABASE_CORRUPTED || hr == WINBIO_E_DATABASE_CANT_OPEN)
        {
            TRACE( "%s: generation %s, %Iu templates, status %#lx\n", debugstr_guid( &db->id ),
                   wine_dbgstr_longlong( gen ), set ? set->set.count : 0, hr );
            set_cache( db, &key, hr, set, gen );
        }
    }

    if (SUCCEEDED(hr) && db->cached)
    {
        if (SUCCEEDED(hr = db->status))
        {
            *ret = grab_set( db->set );
            if (generation) *generation = db->generation;
        }
    }
    LeaveCriticalSection( &db->cs );

    if (file != INVALID_HANDLE_VALUE) CloseHandle( file );
    return hr;
}

BOOL storage_create_folder( const WCHAR *dir )
{
    if (!CreateDirectoryW( dir, NULL ) && GetLastError() != ERROR_ALREADY_EXISTS)
    {
        WARN( "cannot create %s, error %lu\n", debugstr_w( dir ), GetLastError() );
        return FALSE;
    }
    /* before a file is written into it: nobody else may even look */
    storage_make_private( dir, TRUE );
    return TRUE;
}

/*
 * Renames the temporary file over the file.  Windows, and Wine alike,
 * refuse to replace a file that is open, even with FILE_SHARE_DELETE, and
 * readers keep it open for the moment it takes to check it.  Readers of
 * this process are held off with cs; those of other processes let go
 * soon, so the rename is tried again for a while.
 */
static BOOL replace_file( const WCHAR *temp_path, const WCHAR *path, CRITICAL_SECTION *cs )
{
    DWORD error;
    int tries;
    BOOL ret;

    for (tries = 0; ; tries++)
    {
        EnterCriticalSection( cs );
        ret = MoveFileExW( temp_path, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH );
        error = GetLastError();
        LeaveCriticalSection( cs );
        if (ret)
        {
            if (tries) TRACE( "replaced %s after %d retries\n", debugstr_w( path ), tries );
            return TRUE;
        }
        if ((error != ERROR_ACCESS_DENIED && error != ERROR_SHARING_VIOLATION) || tries >= RENAME_TRIES) break;
        Sleep( tries < 10 ? 1 : 10 );
    }
    WARN( "cannot replace %s, error %lu\n", debugstr_w( path ), error );
    return FALSE;
}

/*
 * Writes a whole file atomically: a reader, in this process or another,
 * sees either the old file or the new one, never a mix, and a crash leaves
 * at worst a stale temporary file that the next write replaces.  Called
 * with the file's named mutex held, so the temporary name cannot be in use.
 */
HRESULT storage_write_file( const WCHAR *dir, const WCHAR *temp_path, const WCHAR *path, CRITICAL_SECTION *cs,
                            const BYTE *data, UINT32 size )
{
    DWORD done, count;
    HANDLE file;
    BOOL ok = TRUE;

    if (!storage_create_folder( dir )) return WINBIO_E_DATABASE_WRITE_ERROR;
    file = CreateFileW( temp_path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL );
    if (file == INVALID_HANDLE_VALUE)
    {
        WARN( "cannot create %s, error %lu\n", debugstr_w( temp_path ), GetLastError() );
        return WINBIO_E_DATABASE_WRITE_ERROR;
    }
    /* the rename keeps the mode: this is the final file's */
    storage_make_private( temp_path, FALSE );
    for (done = 0; ok && done < size; done += count)
        if (!(ok = WriteFile( file, data + done, size - done, &count, NULL ) && count)) break;
    if (ok) ok = FlushFileBuffers( file );
    if (!ok) WARN( "cannot write %s, error %lu\n", debugstr_w( temp_path ), GetLastError() );
    CloseHandle( file );

    if (ok) ok = replace_file( temp_path, path, cs );
    if (!ok)
    {
        DeleteFileW( temp_path );
        return WINBIO_E_DATABASE_WRITE_ERROR;
    }
    return S_OK;
}

/* Checks, writes and caches a new image; called with the named mutex held.
 * Takes the image in all cases. */
static HRESULT commit_image( struct winbio_database *db, BYTE *image, UINT32 size )
{
    struct template_set *set;
    struct file_key key;
    ULONGLONG generation;
    HANDLE file;
    HRESULT hr;

    /* what the next reader will parse is parsed now, before it is written */
    if (FAILED(hr = parse_image( image, size, &set, &generation )))
    {
        ERR( "built an image that does not parse, %#lx\n", hr );
        HeapFree( GetProcessHeap(), 0, image );
        return hr == E_OUTOFMEMORY ? hr : E_UNEXPECTED;
    }
    if (FAILED(hr = storage_write_file( db->dir, db->temp_path, db->path, &db->cs, image, size )))
    {
        release_set( set );
        return hr;
    }

    /* nobody else writes while the mutex is held: the file is the one just written */
    if (open_file( db->path, &file ) == S_OK)
    {
        hr = get_file_key( file, &key );
        CloseHandle( file );
    }
    else hr = E_FAIL;

    EnterCriticalSection( &db->cs );
    set_cache( db, SUCCEEDED(hr) ? &key : NULL, S_OK, set, generation );
    LeaveCriticalSection( &db->cs );
    TRACE( "%s: wrote generation %s, %Iu templates\n", debugstr_guid( &db->id ),
           wine_dbgstr_longlong( generation ), set->set.count );
    return S_OK;
}

static HRESULT lock_file( struct winbio_database *db )
{
    switch (WaitForSingleObject( db->mutex, LOCK_TIMEOUT ))
    {
    case WAIT_OBJECT_0:
        return S_OK;
    case WAIT_ABANDONED:
        /* the owner died; writes are atomic, so the file is still whole */
        WARN( "%s: previous writer died\n", debugstr_guid( &db->id ) );
        return S_OK;
    case WAIT_TIMEOUT:
        WARN( "%s: still locked after %u ms\n", debugstr_guid( &db->id ), LOCK_TIMEOUT );
        return WINBIO_E_DATABASE_LOCKED;
    default:
        return HRESULT_FROM_WIN32( GetLastError() );
    }
}

static void unlock_file( struct winbio_database *db )
{
    ReleaseMutex( db->mutex );
}

/* A path given in the system32 form, as this process reaches it (see get_folder). */
static BOOL native_path( const WCHAR *path, WCHAR *out, SIZE_T len )
{
    WCHAR system[MAX_PATH], native[MAX_PATH];
    BOOL wow64 = FALSE;
    UINT size;

    if (IsWow64Process( GetCurrentProcess(), &wow64 ) && wow64 &&
        get_folder( system, ARRAY_SIZE(system), FALSE ) && get_folder( native, ARRAY_SIZE(native), TRUE ))
    {
        /* both end in the database folder; compare what comes before it */
        size = lstrlenW( system ) - ARRAY_SIZE(db_folder) + 1;
        system[size] = native[lstrlenW( native ) - ARRAY_SIZE(db_folder) + 1] = 0;
        if (!wcsnicmp( path, system, size ) && path[size] == '\\')
        {
            if ((SIZE_T)lstrlenW( native ) + lstrlenW( path + size ) + 1 > len) return FALSE;
            swprintf( out, len, L"%s%s", native, path + size );
            return TRUE;
        }
    }
    if ((SIZE_T)lstrlenW( path ) + 1 > len) return FALSE;
    lstrcpyW( out, path );
    return TRUE;
}

/* The folder and the files of a database, from its file's path as this
 * process reaches it. */
static BOOL get_paths( struct winbio_database *db, const WCHAR *path )
{
    WCHAR *slash;

    if ((SIZE_T)lstrlenW( path ) >= ARRAY_SIZE(db->path)) return FALSE;
    lstrcpyW( db->path, path );
    lstrcpyW( db->dir, path );
    if (!(slash = wcsrchr( db->dir, '\\' )) || !slash[1]) return FALSE;
    *slash = 0;
    return build_path( db->temp_path, ARRAY_SIZE(db->temp_path), db->dir, &db->id, L".TMP" );
}

static HRESULT create_database( const GUID *id, const WCHAR *file_path, struct winbio_database **ret )
{
    struct winbio_database *db;
    WCHAR name[64];
    HANDLE file;
    HRESULT hr;

    if (!(db = winbio_alloc( sizeof(*db) ))) return E_OUTOFMEMORY;
    db->refcount = 1;
    db->id = *id;
    InitializeCriticalSection( &db->cs );

    if (!get_paths( db, file_path ))
    {
        hr = WINBIO_E_DATABASE_CANT_OPEN;
        goto failed;
    }

    /* Global\ as the database is shared by every session, as the service's is */
    lstrcpyW( name, L"Global\\WinBioDatabase-" );
    storage_format_guid( name + lstrlenW( name ), ARRAY_SIZE(name) - lstrlenW( name ), id, TRUE );
    if (!(db->mutex = CreateMutexW( NULL, FALSE, name )))
    {
        WARN( "cannot create mutex %s, error %lu\n", debugstr_w( name ), GetLastError() );
        hr = WINBIO_E_DATABASE_CANT_OPEN;
        goto failed;
    }

    /* Create an empty database so that the file exists from the start, as
     * on Windows.  A file that is there stays as it is, even when it does
     * not parse: its templates may still be recoverable. */
    if (FAILED(hr = lock_file( db ))) goto failed;
    if ((hr = open_file( db->path, &file )) == S_OK)
    {
        CloseHandle( file );
        /* written by an older version, or copied in, it may be readable by all */
        storage_make_private( db->dir, TRUE );
        storage_make_private( db->path, FALSE );
    }
    else if (hr == S_FALSE)
    {
        BYTE *image;
        UINT32 size;

        if (SUCCEEDED(hr = build_image( NULL, 0, 1, &image, &size ))) hr = commit_image( db, image, size );
        if (FAILED(hr)) hr = WINBIO_E_DATABASE_CANT_CREATE;
    }
    unlock_file( db );
    if (FAILED(hr)) goto failed;

    *ret = db;
    return S_OK;

failed:
    WARN( "%s: %#lx\n", debugstr_guid( id ), hr );
    if (db->mutex) CloseHandle( db->mutex );
    DeleteCriticalSection( &db->cs );
    winbio_free( db );
    return hr;
}

HRESULT storage_open( const GUID *database_id, struct winbio_database **ret )
{
    return storage_open_file( database_id, NULL, ret );
}

HRESULT storage_open_file( const GUID *database_id, const WCHAR *path, struct winbio_database **ret )
{
    WCHAR native[MAX_PATH], dir[MAX_PATH];
    struct winbio_database *db;
    HRESULT hr = S_OK;
    BOOL ok;

    TRACE( "%s, %s, %p\n", debugstr_guid( database_id ), debugstr_w( path ), ret );

    if (!database_id || !ret) return E_INVALIDARG;
    *ret = NULL;
    /* a registration names its own file, else it is {GUID}.DAT in the database folder */
    if (path) ok = native_path( path, native, ARRAY_SIZE(native) );
    else ok = get_folder( dir, ARRAY_SIZE(dir), TRUE ) &&
              build_path( native, ARRAY_SIZE(native), dir, database_id, L".DAT" );
    if (!ok) return WINBIO_E_DATABASE_CANT_OPEN;

    AcquireSRWLockExclusive( &databases_lock );
    for (db = databases; db; db = db->next)
    {
        if (!IsEqualGUID( &db->id, database_id )) continue;
        /* a registration that moved its file since is a new database */
        if (wcsicmp( db->path, native )) continue;
        db->refcount++;
        *ret = db;
        break;
    }
    if (!*ret && SUCCEEDED(hr = create_database( database_id, native, ret )))
    {
        (*ret)->next = databases;
        databases = *ret;
    }
    ReleaseSRWLockExclusive( &databases_lock );
    return hr;
}

/* A database stays in memory, cached, for the life of the process once
 * opened: sessions come and go (an open/close pair must take microseconds,
 * not a file check and a mutex creation), and a process uses a handful of
 * databases at most. */
void storage_close( struct winbio_database *db )
{
    if (!db) return;
    AcquireSRWLockExclusive( &databases_lock );
    db->refcount--;
    ReleaseSRWLockExclusive( &databases_lock );
}

HRESULT storage_get_set( struct winbio_database *db, struct winbio_template_set **ret )
{
    struct template_set *set;
    HRESULT hr;

    if (!ret) return E_INVALIDARG;
    *ret = NULL;
    if (!db) return E_INVALIDARG;
    if (SUCCEEDED(hr = refresh( db, &set, NULL ))) *ret = &set->set;
    return hr;
}

/* TRUE when both name the same record slot: identity, subfactor and unit. */
static BOOL same_slot( const struct winbio_template *a, const struct winbio_template *b )
{
    return identity_equal( &a->identity, &b->identity ) && a->subfactor == b->subfactor &&
           !strcmp( a->device_key, b->device_key );
}

static BOOL valid_template( const struct winbio_template *template )
{
    return template && template->data && template->data_size &&
           memchr( template->device_key, 0, sizeof(template->device_key) ) &&
           is_storable_identity( &template->identity ) && template->subfactor != WINBIO_SUBTYPE_ANY;
}

HRESULT storage_add_many( struct winbio_database *db, const struct winbio_template *templates, SIZE_T add )
{
    const struct winbio_template **list;
    struct template_set *set;
    ULONGLONG generation;
    SIZE_T i, j, count;
    UINT32 size;
    BYTE *image;
    HRESULT hr;

    if (!db || !templates || !add) return E_INVALIDARG;
    for (i = 0; i < add; i++)
    {
        if (!valid_template( &templates[i] ))
        {
            WARN( "invalid template\n" );
            return E_INVALIDARG;
        }
        TRACE( "%s: %s, subfactor %#x, unit %s, %lu bytes\n", debugstr_guid( &db->id ),
               debugstr_identity( &templates[i].identity ), templates[i].subfactor,
               debugstr_a( templates[i].device_key ), templates[i].data_size );
        if (templates[i].data_size > MAX_TEMPLATE_SIZE) return WINBIO_E_DATABASE_FULL;
    }

    if (FAILED(hr = lock_file( db ))) return hr;
    /* under the mutex the file read here is the one this write replaces */
    if (FAILED(hr = refresh( db, &set, &generation ))) goto done;

    count = set->set.count;
    if (count + add > MAX_RECORDS) hr = WINBIO_E_DATABASE_FULL;
    else if (!(list = HeapAlloc( GetProcessHeap(), 0, (count + add) * sizeof(*list) ))) hr = E_OUTOFMEMORY;
    else
    {
        for (i = 0; i < count; i++) list[i] = &set->set.templates[i];
        for (i = 0; SUCCEEDED(hr) && i < add; i++)
        {
            for (j = 0; j < count + i; j++)
                if (same_slot( list[j], &templates[i] )) hr = WINBIO_E_DUPLICATE_ENROLLMENT;
            list[count + i] = &templates[i];
        }
        if (SUCCEEDED(hr) && SUCCEEDED(hr = build_image( list, count + add, generation + 1, &image, &size )))
            hr = commit_image( db, image, size );
        HeapFree( GetProcessHeap(), 0, list );
    }
    release_set( set );

done:
    unlock_file( db );
    if (FAILED(hr)) WARN( "%s: %#lx\n", debugstr_guid( &db->id ), hr );
    return hr;
}

HRESULT storage_add( struct winbio_database *db, const struct winbio_template *template )
{
    if (!template) return E_INVALIDARG;
    return storage_add_many( db, template, 1 );
}

HRESULT storage_delete( struct winbio_database *db, const WINBIO_IDENTITY *identity,
                        WINBIO_BIOMETRIC_SUBTYPE subfactor, const char *device_key, SIZE_T *deleted )
{
    const struct winbio_template **list;
    struct template_set *set;
    ULONGLONG generation;
    SIZE_T i, count, kept = 0;
    UINT32 size;
    BYTE *image;
    HRESULT hr;

    if (deleted) *deleted = 0;
    if (!db || !identity || (device_key && !memchr( device_key, 0, MAX_KEY_LENGTH + 1 )))
        return E_INVALIDARG;
    TRACE( "%s: %s, subfactor %#x, unit %s\n", debugstr_guid( &db->id ), debugstr_identity( identity ),
           subfactor, debugstr_a( device_key ) );

    if (FAILED(hr = lock_file( db ))) return hr;
    if (FAILED(hr = refresh( db, &set, &generation ))) goto done;

    count = set->set.count;
    if (!(list = HeapAlloc( GetProcessHeap(), 0, max( count, 1 ) * sizeof(*list) ))) hr = E_OUTOFMEMORY;
    else
    {
        for (i = 0; i < count; i++)
        {
            const struct winbio_template *template = &set->set.templates[i];

            if (identity_equal( &template->identity, identity ) &&
                (subfactor == WINBIO_SUBTYPE_ANY || template->subfactor == subfactor) &&
                (!device_key || !strcmp( template->device_key, device_key )))
                continue;
            list[kept++] = template;
        }
        if (kept == count) hr = WINBIO_E_DATABASE_NO_SUCH_RECORD;
        else if (SUCCEEDED(hr = build_image( list, kept, generation + 1, &image, &size )) &&
                 SUCCEEDED(hr = commit_image( db, image, size )) && deleted)
            *deleted = count - kept;
        HeapFree( GetProcessHeap(), 0, list );
    }
    release_set( set );

done:
    unlock_file( db );
    if (FAILED(hr)) TRACE( "%s: %#lx\n", debugstr_guid( &db->id ), hr );
    return hr;
}
