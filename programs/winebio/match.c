/*
 * winebio: the verify and identify commands
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

#include "winebio.h"

int cmd_verify( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY user;
    WINBIO_UNIT_ID unit;
    BOOLEAN match;
    int enrolled;
    HRESULT hr;

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to verify on", hr );
    if (FAILED(hr = get_user_identity( &user ))) return fail_hr( L"cannot tell who you are", hr );
    if (FAILED(hr = open_session( WINBIO_FLAG_DEFAULT, &session ))) return fail_hr( L"cannot open a session", hr );
    /* no finger to compare with: no need to touch */
    if ((enrolled = count_user_fingers( session, options, finger )) <= 0)
    {
        close_session( session );
        if (!enrolled) report_not_enrolled( finger );
        return EXIT_FAILED;
    }
    do
    {
        if (finger == WINBIO_SUBTYPE_ANY) output( L"Touch the sensor with one of your enrolled fingers.\n" );
        else output( L"Touch the sensor with your %ls.\n", finger_words( finger ) );
        unit = 0;
        match = FALSE;
        reject = 0;
        hr = was_canceled() ? WINBIO_E_CANCELED : WinBioVerify( session, &user, finger, &unit, &match, &reject );
        if (hr == WINBIO_E_BAD_CAPTURE) output( L"bad touch: %ls\n", reject_reason( reject ) );
    }
    while (hr == WINBIO_E_BAD_CAPTURE || (SUCCEEDED(hr) && wrong_unit( options, unit )));
    close_session( session );

    if (hr == S_OK && match)
    {
        output( L"Match: the finger is your %ls (unit %lu).\n",
                finger == WINBIO_SUBTYPE_ANY ? L"enrolled finger" : finger_words( finger ), unit );
        return EXIT_OK;
    }
    if (hr == WINBIO_E_NO_MATCH)
    {
        if (finger == WINBIO_SUBTYPE_ANY) output_error( L"no match: the finger is none of your enrolled fingers" );
        else output_error( L"no match: the finger is not your %ls", finger_words( finger ) );
        return EXIT_FAILED;
    }
    if (hr == WINBIO_E_CANCELED)
    {
        output_error( L"canceled" );
        return EXIT_FAILED;
    }
    return fail_hr( L"cannot verify", FAILED(hr) ? hr : WINBIO_E_NO_MATCH );
}

int cmd_identify( const struct options *options )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE finger;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    HRESULT hr;
    WCHAR who[600];

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to identify on", hr );
    if (FAILED(hr = open_session( WINBIO_FLAG_DEFAULT, &session ))) return fail_hr( L"cannot open a session", hr );
    do
    {
        output( L"Touch the sensor.\n" );
        unit = 0;
        reject = 0;
        hr = was_canceled() ? WINBIO_E_CANCELED : WinBioIdentify( session, &unit, &identity, &finger, &reject );
        if (hr == WINBIO_E_BAD_CAPTURE) output( L"bad touch: %ls\n", reject_reason( reject ) );
    }
    while (hr == WINBIO_E_BAD_CAPTURE || (SUCCEEDED(hr) && wrong_unit( options, unit )));
    close_session( session );

    if (hr == WINBIO_E_UNKNOWN_ID)
    {
        output_error( L"no match: nobody enrolled this finger" );
        return EXIT_FAILED;
    }
    if (hr == WINBIO_E_CANCELED)
    {
        output_error( L"canceled" );
        return EXIT_FAILED;
    }
    if (FAILED(hr)) return fail_hr( L"cannot identify", hr );
    identity_words( &identity, who, ARRAY_SIZE(who) );
    output( L"Match: %ls, %ls (unit %lu).\n", who, finger_words( finger ), unit );
    return EXIT_OK;
}
