/*
 * winebio: the enroll command
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

/* How many good touches the unit takes, or 0 when it does not say. */
static ULONG enroll_stages( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    WINBIO_PROPERTY_TYPE type = WINBIO_PROPERTY_TYPE_UNIT;
    ULONG *hint = NULL;
    SIZE_T size = 0;
    ULONG stages = 0;

    if (FAILED(WinBioGetProperty( session, type, WINBIO_PROPERTY_SAMPLE_HINT, unit, NULL, 0, (void **)&hint,
                                  &size )))
        return 0;
    if (hint && size == sizeof(*hint)) stages = *hint;
    WinBioFree( hint );
    return stages;
}

static void show_touch( ULONG touch, ULONG stages, BOOL again )
{
    if (stages) output( L"touch %lu of %lu%ls: place your finger on the sensor\n", touch, stages, again ? L" again" : L"" );
    else output( L"touch %lu%ls: place your finger on the sensor\n", touch, again ? L" again" : L"" );
}

/* The touches, until the unit has all it needs; S_OK when it has. */
static HRESULT capture_touches( WINBIO_SESSION_HANDLE session, ULONG stages )
{
    WINBIO_REJECT_DETAIL reject;
    ULONG touch = 1;
    BOOL again = FALSE;
    HRESULT hr;

    for (;;)
    {
        show_touch( touch, stages, again );
        if (was_canceled()) return WINBIO_E_CANCELED;
        reject = 0;
        hr = WinBioEnrollCapture( session, &reject );
        if (was_canceled()) return WINBIO_E_CANCELED;
        if (hr == S_OK) return S_OK;
        if (hr == WINBIO_I_MORE_DATA)
        {
            touch++;
            again = FALSE;
            /* the unit knows best: it may need more than it announced */
            if (stages && touch > stages) stages = 0;
        }
        else if (hr == WINBIO_E_BAD_CAPTURE)
        {
            output( L"bad touch: %ls\n", reject_reason( reject ) );
            again = TRUE;
        }
        else return hr;
    }
}

int cmd_enroll( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    BOOLEAN is_new = FALSE;
    ULONG stages;
    HRESULT hr;

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to enroll on", hr );
    if (FAILED(hr = open_session( WINBIO_FLAG_DEFAULT, &session ))) return fail_hr( L"cannot open a session", hr );
    if (FAILED(hr = choose_unit( session, options, &unit )))
    {
        close_session( session );
        return fail_hr( L"no sensor chosen", hr );
    }
    stages = enroll_stages( session, unit );
    if (FAILED(hr = WinBioEnrollBegin( session, finger, unit )))
    {
        close_session( session );
        return fail_hr( L"cannot start the enrollment", hr );
    }
    output( L"Enrolling your %ls on unit %lu; press Ctrl+C to stop.\n", finger_words( finger ), unit );

    hr = capture_touches( session, stages );
    if (FAILED(hr))
    {
        /* nothing of a stopped enrollment is kept */
        WinBioEnrollDiscard( session );
        close_session( session );
        if (hr == WINBIO_E_CANCELED)
        {
            output_error( L"enrollment canceled: nothing was saved" );
            return EXIT_FAILED;
        }
        return fail_hr( L"enrollment failed, nothing was saved", hr );
    }

    hr = WinBioEnrollCommit( session, &identity, &is_new );
    if (hr == WINBIO_E_DUPLICATE_TEMPLATE)
    {
        WinBioEnrollDiscard( session );
        close_session( session );
        output_error( L"this finger is already enrolled, as another finger or by another account; nothing was saved" );
        return EXIT_FAILED;
    }
    if (FAILED(hr))
    {
        WinBioEnrollDiscard( session );
        close_session( session );
        return fail_hr( L"cannot save the enrollment", hr );
    }
    if (is_new) output( L"Done: your %ls is enrolled on unit %lu.\n", finger_words( finger ), unit );
    else output( L"Done: your %ls was already enrolled on unit %lu; the template enrolled before is kept.\n",
                 finger_words( finger ), unit );
    list_user_fingers( session, unit, L"" );
    close_session( session );
    return EXIT_OK;
}
