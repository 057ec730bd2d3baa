/*
 * WINBIO_IDENTITY helpers: comparison, the caller's identity, traces
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

#include <stdio.h>

#include "winbio_private.h"
#include "sddl.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/* Smallest SID: revision, sub-authority count, 6-byte authority, no sub-authority. */
#define MIN_SID_SIZE 8

/* Size a SID image needs for the sub-authority count it announces, or 0 when
 * the first bytes do not even look like a SID.  The identity may come from an
 * application, so nothing in it is trusted. */
static ULONG sid_image_size( const UCHAR *data, ULONG size )
{
    ULONG needed;

    if (size < MIN_SID_SIZE || size > SECURITY_MAX_SID_SIZE) return 0;
    if (data[0] != SID_REVISION) return 0;
    needed = MIN_SID_SIZE + data[1] * sizeof(DWORD);
    return needed <= SECURITY_MAX_SID_SIZE ? needed : 0;
}

BOOL identity_equal( const WINBIO_IDENTITY *a, const WINBIO_IDENTITY *b )
{
    if (!a || !b) return FALSE;
    if (a->Type == WINBIO_ID_TYPE_WILDCARD || b->Type == WINBIO_ID_TYPE_WILDCARD) return TRUE;
    if (a->Type != b->Type) return FALSE;

    switch (a->Type)
    {
    case WINBIO_ID_TYPE_NULL:
        return TRUE;
    case WINBIO_ID_TYPE_GUID:
        return IsEqualGUID( &a->Value.TemplateGuid, &b->Value.TemplateGuid );
    case WINBIO_ID_TYPE_SID:
        /* only the bytes the SID occupies count; what follows is padding */
        return a->Value.AccountSid.Size == b->Value.AccountSid.Size &&
               a->Value.AccountSid.Size <= SECURITY_MAX_SID_SIZE &&
               !memcmp( a->Value.AccountSid.Data, b->Value.AccountSid.Data, a->Value.AccountSid.Size );
    case WINBIO_ID_TYPE_SECURE_ID:
        return !memcmp( a->Value.SecureId, b->Value.SecureId, sizeof(a->Value.SecureId) );
    default:
        return FALSE;
    }
}

HRESULT identity_get_current_user( WINBIO_IDENTITY *identity )
{
    union
    {
        TOKEN_USER user;
        BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    } info;
    HANDLE token;
    DWORD size, error;
    BOOL ret;

    if (!identity) return E_POINTER;
    memset( identity, 0, sizeof(*identity) );

    /* an impersonating thread acts for its client, as the service sees it on Windows */
    if (!OpenThreadToken( GetCurrentThread(), TOKEN_QUERY, TRUE, &token ))
    {
        if ((error = GetLastError()) != ERROR_NO_TOKEN) return HRESULT_FROM_WIN32( error );
        if (!OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token ))
            return HRESULT_FROM_WIN32( GetLastError() );
    }
    ret = GetTokenInformation( token, TokenUser, &info, sizeof(info), &size );
    error = GetLastError();
    CloseHandle( token );
    if (!ret)
    {
        WARN( "cannot query the token user, error %lu\n", error );
        return HRESULT_FROM_WIN32( error );
    }

    size = GetLengthSid( info.user.User.Sid );
    if (!IsValidSid( info.user.User.Sid ) || size > SECURITY_MAX_SID_SIZE) return E_UNEXPECTED;
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = size;
    memcpy( identity->Value.AccountSid.Data, info.user.User.Sid, size );
    return S_OK;
}

/* Whether the caller's token holds the Administrators group, which Windows
 * asks of some calls (Wine's default token does). */
BOOL identity_caller_is_admin(void)
{
    BYTE buffer[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(buffer);
    BOOL member = FALSE;

    if (!CreateWellKnownSid( WinBuiltinAdministratorsSid, NULL, buffer, &size )) return FALSE;
    if (!CheckTokenMembership( NULL, buffer, &member )) return FALSE;
    return member;
}

/* A SID identity whose announced size is the SID's own, as a caller must
 * give to name an account. */
BOOL identity_is_account( const WINBIO_IDENTITY *identity )
{
    ULONG size = identity->Value.AccountSid.Size;

    return identity->Type == WINBIO_ID_TYPE_SID &&
           sid_image_size( identity->Value.AccountSid.Data, size ) == size &&
           IsValidSid( (PSID)identity->Value.AccountSid.Data );
}

/* The account's SID string, the name under which its settings are kept;
 * free it with LocalFree().  E_INVALIDARG when the identity is no account. */
HRESULT identity_account_name( const WINBIO_IDENTITY *identity, WCHAR **name )
{
    if (!identity_is_account( identity )) return E_INVALIDARG;
    if (!ConvertSidToStringSidW( (PSID)identity->Value.AccountSid.Data, name )) return E_OUTOFMEMORY;
    return S_OK;
}

/* A caller may act on its own templates and on those of identities that
 * are no account (GUIDs, secure ids, which private pools use); those of
 * another account, or of everybody, are for administrators.  Windows says
 * so of wildcard deletes and of credentials; Wine's SIDs are predictable,
 * so the same holds for one account at a time. */
HRESULT identity_check_access( const WINBIO_IDENTITY *identity )
{
    WINBIO_IDENTITY user;

    if (identity->Type != WINBIO_ID_TYPE_SID && identity->Type != WINBIO_ID_TYPE_WILDCARD) return S_OK;
    if (identity->Type == WINBIO_ID_TYPE_SID && SUCCEEDED(identity_get_current_user( &user )) &&
        identity_equal( identity, &user ))
        return S_OK;
    return identity_caller_is_admin() ? S_OK : E_ACCESSDENIED;
}

/* S-1-5-21-...; formatted here rather than with ConvertSidToStringSid so
 * that a trace never allocates and never trusts the announced size. */
static const char *debugstr_sid( const UCHAR *data, ULONG size )
{
    ULONG needed = sid_image_size( data, size );
    char buffer[200];
    ULONGLONG authority = 0;
    unsigned int i, count, pos;

    if (!needed || needed != size)
        return wine_dbg_sprintf( "sid <invalid, %lu bytes>", size );

    for (i = 0; i < 6; i++) authority = (authority << 8) | data[2 + i];
    if (authority >> 32)
        pos = snprintf( buffer, sizeof(buffer), "S-%u-0x%02x%02x%02x%02x%02x%02x", data[0],
                        data[2], data[3], data[4], data[5], data[6], data[7] );
    else
        pos = snprintf( buffer, sizeof(buffer), "S-%u-%lu", data[0], (unsigned long)authority );

    count = data[1];
    for (i = 0; i < count && pos < sizeof(buffer); i++)
    {
        const UCHAR *sub = data + MIN_SID_SIZE + i * sizeof(DWORD);
        DWORD value = sub[0] | (sub[1] << 8) | (sub[2] << 16) | ((DWORD)sub[3] << 24);

        pos += snprintf( buffer + pos, sizeof(buffer) - pos, "-%lu", value );
    }
    return wine_dbg_sprintf( "sid %s", buffer );
}

const char *debugstr_identity( const WINBIO_IDENTITY *identity )
{
    if (!identity) return "(null)";

    switch (identity->Type)
    {
    case WINBIO_ID_TYPE_NULL:
        return "null";
    case WINBIO_ID_TYPE_WILDCARD:
        return "wildcard";
    case WINBIO_ID_TYPE_GUID:
        return wine_dbg_sprintf( "guid %s", wine_dbgstr_guid( &identity->Value.TemplateGuid ) );
    case WINBIO_ID_TYPE_SID:
        return debugstr_sid( identity->Value.AccountSid.Data, identity->Value.AccountSid.Size );
    case WINBIO_ID_TYPE_SECURE_ID:
        /* an opaque credential-bound value: its bytes stay out of the log */
        return "secure id";
    default:
        return wine_dbg_sprintf( "type %lu", identity->Type );
    }
}
