/*
 * winbio.dll: logon credentials and biometric settings
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

#include "winbio_private.h"
#include "wincrypt.h"
#include "storage.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/*
 * Wine has no biometric credential provider and cannot log users on with a
 * fingerprint: the logon settings report biometric logon as not allowed.
 * The framework itself is usable, so the "enabled" setting is on.
 *
 * The credentials programs save with WinBioSetCredential are kept all the
 * same, per prefix, in Credentials.DAT beside the template databases (the
 * folder only the user may enter, the file only the user may read).  Each
 * is encrypted with DPAPI for the user who saved it before it reaches the
 * file, and never decrypted: no documented call gives it back.
 *
 * The file, little-endian, is rewritten whole and atomically under a named
 * mutex, as the databases are:
 *    0  4  "WBCR"
 *    4  4  version, 1
 *    8  4  number of records, then per record:
 *          4 SID size, the SID, 4 credential type, 4 format,
 *          4 size of the DPAPI blob, the blob
 */

#define STORE_MAGIC      0x52434257  /* "WBCR" */
#define STORE_VERSION    1
#define STORE_HEADER     12
/* Far above any password (CREDUI_MAX_PASSWORD_LENGTH is 256 characters)
 * and CredProtect's output for one: a larger size can only be a wrong one,
 * refused before the buffer is read. */
#define MAX_CREDENTIAL   4096
#define MAX_BLOB         (MAX_CREDENTIAL + 4096)
#define MAX_RECORDS      10000
#define MAX_STORE_SIZE   (16 * 1024 * 1024)
#define STORE_LOCK_WAIT  30000

struct credential
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    UINT32 sid_size;
    UINT32 type;
    UINT32 format;
    UINT32 size;
    BYTE *blob;                     /* DPAPI-encrypted, points into the store's image */
};

struct store
{
    BYTE *image;                    /* the file as read */
    UINT32 count;
    struct credential *records;
};

/* held by this process's readers, and around the rename of a write */
static CRITICAL_SECTION store_cs;
static CRITICAL_SECTION_DEBUG store_cs_debug =
{
    0, 0, &store_cs,
    { &store_cs_debug.ProcessLocksList, &store_cs_debug.ProcessLocksList },
      0, 0, { (DWORD_PTR)(__FILE__ ": store_cs") }
};
static CRITICAL_SECTION store_cs = { &store_cs_debug, -1, 0, 0, 0, 0 };

static BOOL get_store_paths( WCHAR *dir, WCHAR *path, WCHAR *temp_path )
{
    if (!storage_get_folder( dir, MAX_PATH - 20 )) return FALSE;
    swprintf( path, MAX_PATH, L"%s\\Credentials.DAT", dir );
    swprintf( temp_path, MAX_PATH, L"%s\\Credentials.TMP", dir );
    return TRUE;
}

/* put_u32() and steps past it */
static void append_u32( BYTE **p, UINT32 value )
{
    put_u32( *p, value );
    *p += 4;
}

static void free_store( struct store *store )
{
    HeapFree( GetProcessHeap(), 0, store->image );
    winbio_free( store->records );
    memset( store, 0, sizeof(*store) );
}

/* Checks every field: the file is only ever written here, so anything
 * else is damage, and a damaged store is left as it is. */
static HRESULT parse_store( struct store *store, UINT32 size )
{
    const BYTE *p = store->image, *end = store->image + size;
    struct credential *record;
    UINT32 i, count;

    if (size < STORE_HEADER || get_u32( p ) != STORE_MAGIC) return WINBIO_E_DATABASE_CORRUPTED;
    if (get_u32( p + 4 ) != STORE_VERSION) return WINBIO_E_DATABASE_CANT_OPEN;
    if ((count = get_u32( p + 8 )) > MAX_RECORDS) return WINBIO_E_DATABASE_CORRUPTED;
    if (count && !(store->records = winbio_alloc( count * sizeof(*store->records) ))) return E_OUTOFMEMORY;
    p += STORE_HEADER;
    for (i = 0; i < count; i++)
    {
        record = &store->records[i];
        if (end - p < 4) return WINBIO_E_DATABASE_CORRUPTED;
        record->sid_size = get_u32( p );
        p += 4;
        if (record->sid_size > SECURITY_MAX_SID_SIZE || end - p < record->sid_size + 12)
            return WINBIO_E_DATABASE_CORRUPTED;
        memcpy( record->sid, p, record->sid_size );
        p += record->sid_size;
        if (!IsValidSid( (PSID)record->sid ) || GetLengthSid( (PSID)record->sid ) != record->sid_size)
            return WINBIO_E_DATABASE_CORRUPTED;
        record->type = get_u32( p );
        record->format = get_u32( p + 4 );
        record->size = get_u32( p + 8 );
        p += 12;
        if (!record->size || record->size > MAX_BLOB || end - p < record->size) return WINBIO_E_DATABASE_CORRUPTED;
        record->blob = (BYTE *)p;
        p += record->size;
    }
    if (p != end) return WINBIO_E_DATABASE_CORRUPTED;
    store->count = count;
    return S_OK;
}

/* The store as it is now; no file is an empty store. */
static HRESULT read_store( struct store *store )
{
    WCHAR dir[MAX_PATH], path[MAX_PATH], temp_path[MAX_PATH];
    UINT32 size;
    HRESULT hr;

    memset( store, 0, sizeof(*store) );
    if (!get_store_paths( dir, path, temp_path )) return WINBIO_E_DATABASE_CANT_OPEN;
    EnterCriticalSection( &store_cs );
    hr = storage_read_file( path, MAX_STORE_SIZE, &store->image, &size );
    LeaveCriticalSection( &store_cs );
    if (hr != S_OK) return hr == S_FALSE ? S_OK : hr;
    if (FAILED(hr = parse_store( store, size )))
    {
        WARN( "%s is damaged (%#lx): it stays as it is\n", debugstr_w( path ), hr );
        free_store( store );
    }
    return hr;
}

/* What a removal takes out: records of one account and type, or all of them. */
struct removal
{
    const WINBIO_IDENTITY *identity;    /* NULL: every account */
    WINBIO_CREDENTIAL_TYPE type;        /* WINBIO_CREDENTIAL_ALL: every type */
};

static BOOL is_removed( const struct credential *record, const struct removal *removal )
{
    if (removal->type != WINBIO_CREDENTIAL_ALL && record->type != removal->type) return FALSE;
    return !removal->identity || (removal->identity->Value.AccountSid.Size == record->sid_size &&
                                  !memcmp( removal->identity->Value.AccountSid.Data, record->sid, record->sid_size ));
}

/* Writes the records the removal does not take out, and the extra one if any. */
static HRESULT write_store( const struct store *store, const struct removal *removal,
                            const struct credential *extra )
{
    WCHAR dir[MAX_PATH], path[MAX_PATH], temp_path[MAX_PATH];
    UINT32 i, count = 0, size = STORE_HEADER;
    BYTE *image, *p;
    HRESULT hr;

    for (i = 0; i < store->count; i++)
        if (!is_removed( &store->records[i], removal ))
            size += 16 + store->records[i].sid_size + store->records[i].size;
    if (extra) size += 16 + extra->sid_size + extra->size;
    if (size > MAX_STORE_SIZE) return WINBIO_E_DATABASE_FULL;
    if (!get_store_paths( dir, path, temp_path )) return WINBIO_E_DATABASE_CANT_OPEN;
    if (!(image = HeapAlloc( GetProcessHeap(), 0, size ))) return E_OUTOFMEMORY;

    p = image + STORE_HEADER;
    for (i = 0; i <= store->count; i++)
    {
        const struct credential *record = i < store->count ? &store->records[i] : extra;

        if (!record || (i < store->count && is_removed( record, removal ))) continue;
        append_u32( &p, record->sid_size );
        memcpy( p, record->sid, record->sid_size );
        p += record->sid_size;
        append_u32( &p, record->type );
        append_u32( &p, record->format );
        append_u32( &p, record->size );
        memcpy( p, record->blob, record->size );
        p += record->size;
        count++;
    }
    p = image;
    append_u32( &p, STORE_MAGIC );
    append_u32( &p, STORE_VERSION );
    append_u32( &p, count );

    hr = storage_write_file( dir, temp_path, path, &store_cs, image, size );
    HeapFree( GetProcessHeap(), 0, image );
    if (SUCCEEDED(hr)) TRACE( "%u credentials stored\n", count );
    return hr;
}

/* Serializes the writers of every process of the prefix. */
static HRESULT lock_store( HANDLE *mutex )
{
    if (!(*mutex = CreateMutexW( NULL, FALSE, L"Global\\WinBioCredentials" )))
        return HRESULT_FROM_WIN32( GetLastError() );
    switch (WaitForSingleObject( *mutex, STORE_LOCK_WAIT ))
    {
    case WAIT_OBJECT_0:
    case WAIT_ABANDONED:  /* writes are atomic: the file is whole */
        return S_OK;
    case WAIT_TIMEOUT:
        WARN( "credential store still locked after %u ms\n", STORE_LOCK_WAIT );
        CloseHandle( *mutex );
        return WINBIO_E_DATABASE_LOCKED;
    default:
        CloseHandle( *mutex );
        return HRESULT_FROM_WIN32( GetLastError() );
    }
}

static void unlock_store( HANDLE mutex )
{
    ReleaseMutex( mutex );
    CloseHandle( mutex );
}

/* Removes what the removal names, under the lock; S_FALSE when nothing was there. */
static HRESULT remove_credentials( const struct removal *removal )
{
    struct store store;
    HANDLE mutex;
    UINT32 i, removed = 0;
    HRESULT hr;

    if (FAILED(hr = lock_store( &mutex ))) return hr;
    if (SUCCEEDED(hr = read_store( &store )))
    {
        for (i = 0; i < store.count; i++) if (is_removed( &store.records[i], removal )) removed++;
        hr = removed ? write_store( &store, removal, NULL ) : S_FALSE;
        free_store( &store );
    }
    unlock_store( mutex );
    return hr;
}

/* A password in the documented formats: the plain one is a whole
 * NUL-terminated UTF-16 string; the others are CredProtect's output, whose
 * contents only LSA checks. */
static HRESULT check_credential( WINBIO_CREDENTIAL_TYPE type, const UCHAR *credential, SIZE_T size,
                                 WINBIO_CREDENTIAL_FORMAT format )
{
    const WCHAR *text = (const WCHAR *)credential;

    if (type != WINBIO_CREDENTIAL_PASSWORD) return E_INVALIDARG;
    if (!credential) return E_POINTER;
    if (!size || size > MAX_CREDENTIAL) return E_INVALIDARG;
    switch (format)
    {
    case WINBIO_PASSWORD_GENERIC:
        if (size % sizeof(WCHAR) || size < 2 * sizeof(WCHAR) || text[size / sizeof(WCHAR) - 1] ||
            wcslen( text ) != size / sizeof(WCHAR) - 1)
            return E_INVALIDARG;
        return S_OK;
    case WINBIO_PASSWORD_PACKED:
    case WINBIO_PASSWORD_PROTECTED:
        return S_OK;
    default:
        return E_INVALIDARG;
    }
}

/* The SID binds the encrypted credential to its account's record. */
static HRESULT protect_credential( const WINBIO_IDENTITY *user, const UCHAR *credential, SIZE_T size,
                                   DATA_BLOB *blob )
{
    DATA_BLOB plain, entropy;

    plain.pbData = (BYTE *)credential;
    plain.cbData = size;
    entropy.pbData = (BYTE *)user->Value.AccountSid.Data;
    entropy.cbData = user->Value.AccountSid.Size;
    if (!CryptProtectData( &plain, NULL, &entropy, NULL, NULL, CRYPTPROTECT_UI_FORBIDDEN, blob ))
    {
        WARN( "CryptProtectData failed, error %lu\n", GetLastError() );
        return WINBIO_E_DATA_PROTECTION_FAILURE;
    }
    if (blob->cbData > MAX_BLOB)
    {
        LocalFree( blob->pbData );
        return E_INVALIDARG;
    }
    return S_OK;
}

/* An account the caller may act on: E_INVALIDARG for what is no account,
 * E_ACCESSDENIED for another one's without the Administrators group. */
static HRESULT check_account( const WINBIO_IDENTITY *identity )
{
    if (!identity_is_account( identity )) return E_INVALIDARG;
    return identity_check_access( identity );
}

static void report_setting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source, BOOLEAN enabled )
{
    if (value) *value = enabled;
    if (source) *source = WINBIO_SETTING_SOURCE_DEFAULT;
}

/***********************************************************************
 *      WinBioGetEnabledSetting (winbio.@)
 */
void WINAPI WinBioGetEnabledSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, TRUE );
}

/***********************************************************************
 *      WinBioGetLogonSetting (winbio.@)
 */
void WINAPI WinBioGetLogonSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, FALSE );
}

/***********************************************************************
 *      WinBioGetDomainLogonSetting (winbio.@)
 */
void WINAPI WinBioGetDomainLogonSetting( BOOLEAN *value, WINBIO_SETTING_SOURCE_TYPE *source )
{
    TRACE( "%p, %p\n", value, source );
    report_setting( value, source, FALSE );
}

/***********************************************************************
 *      WinBioGetCredentialState (winbio.@)
 *
 * The identity is passed by value.  On i386 the caller pushes the whole
 * 76-byte WINBIO_IDENTITY, so winbio.spec spells it as 19 longs there (the
 * stdcall decoration is @84); on 64-bit targets a structure that large is
 * passed as a pointer to the caller's copy, hence ptr.
 */
HRESULT WINAPI WinBioGetCredentialState( WINBIO_IDENTITY identity, WINBIO_CREDENTIAL_TYPE type,
                                         WINBIO_CREDENTIAL_STATE *state )
{
    WCHAR name[256], domain[256];
    DWORD name_len = ARRAY_SIZE(name), domain_len = ARRAY_SIZE(domain);
    struct removal query = { &identity, type };
    SID_NAME_USE use;
    struct store store;
    UINT32 i;
    HRESULT hr;

    TRACE( "%s, %d, %p\n", debugstr_identity( &identity ), type, state );

    if (!state) return E_POINTER;
    if (type != WINBIO_CREDENTIAL_PASSWORD) return E_INVALIDARG;
    if (FAILED(hr = check_account( &identity ))) return hr;
    if (!LookupAccountSidW( NULL, (PSID)identity.Value.AccountSid.Data, name, &name_len, domain, &domain_len, &use ))
    {
        TRACE( "no such account, error %lu\n", GetLastError() );
        return WINBIO_E_UNKNOWN_ID;
    }

    if (FAILED(hr = read_store( &store ))) return hr;
    *state = WINBIO_CREDENTIAL_NOT_SET;
    for (i = 0; i < store.count; i++)
        if (is_removed( &store.records[i], &query )) *state = WINBIO_CREDENTIAL_SET;
    free_store( &store );
    return S_OK;
}

/***********************************************************************
 *      WinBioSetCredential (winbio.@)
 */
HRESULT WINAPI WinBioSetCredential( WINBIO_CREDENTIAL_TYPE type, UCHAR *credential, SIZE_T size,
                                    WINBIO_CREDENTIAL_FORMAT format )
{
    static LONG once;
    struct credential record;
    struct removal replaced;
    WINBIO_IDENTITY user;
    struct store store;
    DATA_BLOB blob;
    HANDLE mutex;
    BOOL enrolled;
    HRESULT hr;

    /* never print the credential itself */
    TRACE( "%d, %p, %Iu, %d\n", type, credential, size, format );

    if (FAILED(hr = check_credential( type, credential, size, format ))) return hr;
    if (FAILED(hr = identity_get_current_user( &user ))) return hr;
    if (FAILED(hr = enrollment_exists( &user, &enrolled ))) return hr;
    if (!enrolled) return WINBIO_E_UNKNOWN_ID;
    if (!InterlockedExchange( &once, 1 ))
        FIXME( "the password is stored as given: Wine has no account password to check it against\n" );

    if (FAILED(hr = protect_credential( &user, credential, size, &blob ))) return hr;
    memset( &record, 0, sizeof(record) );
    memcpy( record.sid, user.Value.AccountSid.Data, user.Value.AccountSid.Size );
    record.sid_size = user.Value.AccountSid.Size;
    record.type = type;
    record.format = format;
    record.size = blob.cbData;
    record.blob = blob.pbData;

    /* as documented, a credential of the same type replaces the one before */
    replaced.identity = &user;
    replaced.type = type;
    if (SUCCEEDED(hr = lock_store( &mutex )))
    {
        if (SUCCEEDED(hr = read_store( &store )))
        {
            hr = write_store( &store, &replaced, &record );
            free_store( &store );
        }
        unlock_store( mutex );
    }
    LocalFree( blob.pbData );
    return hr;
}

/***********************************************************************
 *      WinBioRemoveCredential (winbio.@)
 *
 * The identity is passed by value, spelled in winbio.spec as for
 * WinBioGetCredentialState (@80 on i386).
 */
HRESULT WINAPI WinBioRemoveCredential( WINBIO_IDENTITY identity, WINBIO_CREDENTIAL_TYPE type )
{
    struct removal removal = { &identity, type };
    HRESULT hr;

    TRACE( "%s, %d\n", debugstr_identity( &identity ), type );

    if (type != WINBIO_CREDENTIAL_PASSWORD && type != WINBIO_CREDENTIAL_ALL) return E_INVALIDARG;
    if (FAILED(hr = check_account( &identity ))) return hr;
    hr = remove_credentials( &removal );
    return hr == S_FALSE ? WINBIO_E_CRED_PROV_NO_CREDENTIAL : hr;
}

/***********************************************************************
 *      WinBioRemoveAllCredentials (winbio.@)
 *
 * Every account's credentials go: the caller needs the Administrators
 * group, as for deleting everybody's templates.
 */
HRESULT WINAPI WinBioRemoveAllCredentials(void)
{
    struct removal removal = { NULL, WINBIO_CREDENTIAL_ALL };
    HRESULT hr;

    TRACE( "\n" );

    if (!identity_caller_is_admin()) return E_ACCESSDENIED;
    hr = remove_credentials( &removal );
    return hr == S_FALSE ? S_OK : hr;
}

/***********************************************************************
 *      WinBioRemoveAllDomainCredentials (winbio.@)
 *
 * A Wine prefix is joined to no domain and its accounts are local ones:
 * no stored credential is a domain account's, so none is removed.
 */
HRESULT WINAPI WinBioRemoveAllDomainCredentials(void)
{
    struct store store;
    HRESULT hr;

    TRACE( "\n" );

    if (!identity_caller_is_admin()) return E_ACCESSDENIED;
    /* a damaged store is still reported */
    if (SUCCEEDED(hr = read_store( &store ))) free_store( &store );
    return hr;
}

/* How long an identification stays good for a logon: Windows' default. */
#define LOGON_WINDOW 5000

/***********************************************************************
 *      WinBioLogonIdentifiedUser (winbio.@)
 *
 * Windows switches to the account the session identified last.  A Wine
 * prefix has one logon, its user's, and no other to switch to: the call
 * succeeds with nothing to do (S_FALSE, as documented) when that user was
 * identified, and says that users cannot be switched otherwise.
 */
HRESULT WINAPI WinBioLogonIdentifiedUser( WINBIO_SESSION_HANDLE handle )
{
    WINBIO_IDENTITY identified, user;
    struct session *session;
    ULONGLONG time;

    TRACE( "%lu\n", handle );

    if (!(session = session_grab( handle ))) return E_HANDLE;
    if (session->kind == SESSION_FRAMEWORK)
    {
        session_release( session );
        return E_HANDLE;
    }
    EnterCriticalSection( &session->cs );
    identified = session->identified;
    time = session->identified_time;
    LeaveCriticalSection( &session->cs );
    session_release( session );

    /* no identification, or one too old to stand for the person at the sensor */
    if (!time || GetTickCount64() - time > LOGON_WINDOW) return E_ACCESSDENIED;
    if (SUCCEEDED(identity_get_current_user( &user )) && identity_equal( &identified, &user )) return S_FALSE;
    WARN( "cannot switch to %s: Wine has one logon\n", debugstr_identity( &identified ) );
    return WINBIO_E_FAST_USER_SWITCH_DISABLED;
}
