/*
 * winebio: sessions, units and the user
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
#include "winebio.h"

/* The session a Ctrl+C cancels: only one is open at a time. */
static WINBIO_SESSION_HANDLE current_session;
static HANDLE session_closed;
static LONG canceled;

/* Runs on a thread of its own: the call that waits for a finger returns
 * WINBIO_E_CANCELED, and the command cleans up after it.  A cancel that
 * comes just before the call has begun ends nothing, so it is repeated
 * until the command has closed the session. */
static BOOL WINAPI ctrl_handler( DWORD type )
{
    WINBIO_SESSION_HANDLE session = current_session;

    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT) return FALSE;
    if (!session) return FALSE;
    InterlockedExchange( &canceled, 1 );
    do WinBioCancel( session );
    while (WaitForSingleObject( session_closed, 100 ) == WAIT_TIMEOUT);
    return TRUE;
}

/* Whether Ctrl+C was pressed: a command checks before each wait too. */
BOOL was_canceled(void)
{
    return InterlockedCompareExchange( &canceled, 0, 0 ) != 0;
}

HRESULT open_session( WINBIO_SESSION_FLAGS flags, WINBIO_SESSION_HANDLE *session )
{
    HRESULT hr;

    *session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, flags, NULL, 0, WINBIO_DB_DEFAULT,
                            session );
    if (FAILED(hr)) return hr;
    /* The handler stays: Wine runs handlers inside the lock that
     * SetConsoleCtrlHandler takes, so removing it while it waits for the
     * close would never return.  Without a session it does nothing. */
    if (!session_closed)
    {
        session_closed = CreateEventW( NULL, TRUE, FALSE, NULL );
        SetConsoleCtrlHandler( ctrl_handler, TRUE );
    }
    ResetEvent( session_closed );
    current_session = *session;
    return S_OK;
}

void close_session( WINBIO_SESSION_HANDLE session )
{
    if (!session) return;
    current_session = 0;
    WinBioCloseSession( session );
    SetEvent( session_closed );
}

/* The account running the program, the owner of what it enrolls. */
HRESULT get_user_identity( WINBIO_IDENTITY *identity )
{
    BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    TOKEN_USER *user = (TOKEN_USER *)buffer;
    HANDLE token;
    DWORD size;
    BOOL ret;

    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token )) return HRESULT_FROM_WIN32( GetLastError() );
    ret = GetTokenInformation( token, TokenUser, buffer, sizeof(buffer), &size );
    CloseHandle( token );
    if (!ret) return HRESULT_FROM_WIN32( GetLastError() );
    memset( identity, 0, sizeof(*identity) );
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = GetLengthSid( user->User.Sid );
    CopySid( sizeof(identity->Value.AccountSid.Data), identity->Value.AccountSid.Data, user->User.Sid );
    return S_OK;
}

/* "DOMAIN\user" for an account, else what kind of identity it is. */
void identity_words( const WINBIO_IDENTITY *identity, WCHAR *buffer, DWORD size )
{
    WCHAR name[256], domain[256];
    DWORD name_len = ARRAY_SIZE(name), domain_len = ARRAY_SIZE(domain);
    SID_NAME_USE use;

    switch (identity->Type)
    {
    case WINBIO_ID_TYPE_SID:
        if (LookupAccountSidW( NULL, (PSID)identity->Value.AccountSid.Data, name, &name_len, domain, &domain_len,
                               &use ))
            _snwprintf( buffer, size, L"%ls\\%ls", domain, name );
        else
            _snwprintf( buffer, size, L"an unknown account" );
        break;
    case WINBIO_ID_TYPE_GUID:
    {
        const GUID *guid = &identity->Value.TemplateGuid;

        /* private pools name their templates by GUID, not by account */
        _snwprintf( buffer, size, L"template {%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                    guid->Data1, guid->Data2, guid->Data3, guid->Data4[0], guid->Data4[1], guid->Data4[2],
                    guid->Data4[3], guid->Data4[4], guid->Data4[5], guid->Data4[6], guid->Data4[7] );
        break;
    }
    default:
        _snwprintf( buffer, size, L"an identity of type %lu", identity->Type );
        break;
    }
    buffer[size - 1] = 0;
}

/* --unit N must name a fingerprint unit. */
HRESULT check_unit( const struct options *options )
{
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count, i;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    if (FAILED(hr)) return hr;
    if (!count) hr = WINBIO_E_SENSOR_UNAVAILABLE;
    else if (options->unit)
    {
        for (i = 0; i < count; i++) if (units[i].UnitId == options->unit) break;
        if (i == count) hr = WINBIO_E_INVALID_UNIT;
    }
    WinBioFree( units );
    return hr;
}

/* The unit to enroll on or delete from: --unit's, else the only one, else
 * the one the user touches. */
HRESULT choose_unit( WINBIO_SESSION_HANDLE session, const struct options *options, WINBIO_UNIT_ID *unit )
{
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count;
    HRESULT hr;

    *unit = options->unit;
    if (*unit) return S_OK;
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    if (FAILED(hr)) return hr;
    if (count == 1) *unit = units[0].UnitId;
    WinBioFree( units );
    if (*unit) return S_OK;
    output( L"There are %lu sensors: touch the one to use (or give --unit N).\n", (ULONG)count );
    return WinBioLocateSensor( session, unit );
}

/* An answer from another unit than --unit's is not the one asked for. */
BOOL wrong_unit( const struct options *options, WINBIO_UNIT_ID touched )
{
    if (!options->unit || touched == options->unit) return FALSE;
    output( L"That was unit %lu; touch unit %lu.\n", touched, options->unit );
    return TRUE;
}
