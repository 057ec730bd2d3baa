/*
 * Helpers shared by the winbio conformance tests
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

#ifndef __WINBIO_TESTS_WINBIO_TEST_H
#define __WINBIO_TESTS_WINBIO_TEST_H

/* The unit of the libfprint device with this driver (WINBIO_UNIT_SCHEMA.Model), or 0. */
static inline WINBIO_UNIT_ID find_unit( const WCHAR *model )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count = 0, i;

    if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) != S_OK) return 0;
    for (i = 0; i < count; i++)
        if (!wcscmp( units[i].Model, model )) id = units[i].UnitId;
    if (units) WinBioFree( units );
    return id;
}

/* The identity of the user running the test: the process token's SID. */
static inline BOOL get_user_identity( WINBIO_IDENTITY *identity )
{
    char buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    TOKEN_USER *user = (TOKEN_USER *)buffer;
    HANDLE token;
    DWORD size;
    BOOL ret;

    memset( identity, 0, sizeof(*identity) );
    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_QUERY, &token )) return FALSE;
    ret = GetTokenInformation( token, TokenUser, buffer, sizeof(buffer), &size );
    CloseHandle( token );
    if (!ret) return FALSE;
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = GetLengthSid( user->User.Sid );
    return CopySid( SECURITY_MAX_SID_SIZE, identity->Value.AccountSid.Data, user->User.Sid );
}

static inline BOOL is_user( const WINBIO_IDENTITY *identity )
{
    WINBIO_IDENTITY user;

    if (!get_user_identity( &user )) return FALSE;
    return identity->Type == WINBIO_ID_TYPE_SID &&
           identity->Value.AccountSid.Size == user.Value.AccountSid.Size &&
           !memcmp( identity->Value.AccountSid.Data, user.Value.AccountSid.Data, user.Value.AccountSid.Size );
}

#endif /* __WINBIO_TESTS_WINBIO_TEST_H */
