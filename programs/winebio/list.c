/*
 * winebio: the list and delete commands
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

static const WCHAR *pool_name( WINBIO_POOL_TYPE pool )
{
    switch (pool)
    {
    case WINBIO_POOL_SYSTEM:     return L"system";
    case WINBIO_POOL_PRIVATE:    return L"private";
    case WINBIO_POOL_UNASSIGNED: return L"unassigned";
    default:                     return L"unknown";
    }
}

/* The user's fingers on UNIT, after INDENT, on one line; returns how many. */
int list_user_fingers( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const WCHAR *indent )
{
    WINBIO_BIOMETRIC_SUBTYPE *fingers;
    WINBIO_IDENTITY user;
    SIZE_T count = 0, i;
    HRESULT hr;
    WCHAR text[640];

    if (FAILED(hr = get_user_identity( &user ))) return fail_hr( L"cannot tell who you are", hr ), -1;
    hr = WinBioEnumEnrollments( session, unit, &user, &fingers, &count );
    if (hr == WINBIO_E_UNKNOWN_ID)
    {
        output( L"%lsyour fingers:  none enrolled\n", indent );
        return 0;
    }
    if (FAILED(hr))
    {
        format_hresult( hr, text, ARRAY_SIZE(text) );
        output( L"%lsyour fingers:  cannot be listed: %ls\n", indent, text );
        return -1;
    }
    output( L"%lsyour fingers:  ", indent );
    for (i = 0; i < count; i++) output( L"%ls%ls", i ? L", " : L"", finger_name( fingers[i] ) );
    output( L"\n" );
    WinBioFree( fingers );
    return count;
}

/* The units and a session on them; else the failure, already reported. */
static int open_units( WINBIO_UNIT_SCHEMA **units, SIZE_T *count, WINBIO_SESSION_HANDLE *session )
{
    HRESULT hr;

    if (FAILED(hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, units, count )))
        return fail_hr( L"cannot list the sensors", hr );
    if (FAILED(hr = open_session( WINBIO_FLAG_DEFAULT, session )))
    {
        WinBioFree( *units );
        return fail_hr( L"cannot open a session", hr );
    }
    return EXIT_OK;
}

int cmd_list( const struct options *options )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count, i, shown = 0;
    HRESULT hr;
    int ret;

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to list", hr );
    if ((ret = open_units( &units, &count, &session ))) return ret;
    for (i = 0; i < count; i++)
    {
        if (options->unit && units[i].UnitId != options->unit) continue;
        if (shown++) output( L"\n" );
        output( L"unit %lu: %ls\n", units[i].UnitId, units[i].Description );
        output( L"    manufacturer:  %ls\n", units[i].Manufacturer );
        output( L"    model:         %ls\n", units[i].Model );
        output( L"    pool:          %ls\n", pool_name( units[i].PoolType ) );
        output( L"    instance id:   %ls\n", units[i].DeviceInstanceId );
        list_user_fingers( session, units[i].UnitId, L"    " );
    }
    close_session( session );
    WinBioFree( units );
    return EXIT_OK;
}

/* The one line for a finger (or any finger) the user has not enrolled. */
void report_not_enrolled( WINBIO_BIOMETRIC_SUBTYPE finger )
{
    if (finger == WINBIO_SUBTYPE_ANY)
        output_error( L"you have no fingers enrolled (winebio enroll <finger> enrolls one)" );
    else
        output_error( L"your %ls is not enrolled (winebio enroll %ls enrolls it)", finger_words( finger ),
                      finger_name( finger ) );
}

/* How many of the user's fingers (FINGER, or all with WINBIO_SUBTYPE_ANY)
 * the units of OPTIONS hold; -1 after a failure, which is printed. */
int count_user_fingers( WINBIO_SESSION_HANDLE session, const struct options *options,
                        WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WINBIO_BIOMETRIC_SUBTYPE *fingers;
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_IDENTITY user;
    SIZE_T count, enrolled, i, j;
    int found = 0;
    HRESULT hr;

    if (FAILED(hr = get_user_identity( &user ))) return fail_hr( L"cannot tell who you are", hr ), -1;
    if (FAILED(hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count )))
        return fail_hr( L"cannot list the sensors", hr ), -1;
    for (i = 0; i < count; i++)
    {
        if (options->unit && units[i].UnitId != options->unit) continue;
        hr = WinBioEnumEnrollments( session, units[i].UnitId, &user, &fingers, &enrolled );
        if (hr == WINBIO_E_UNKNOWN_ID) continue;
        if (FAILED(hr))
        {
            found = -1;
            fail_hr( L"cannot list your fingers", hr );
            break;
        }
        for (j = 0; j < enrolled; j++)
            if (finger == WINBIO_SUBTYPE_ANY || fingers[j] == finger) found++;
        WinBioFree( fingers );
    }
    WinBioFree( units );
    return found;
}

/* Removes FINGER (or every finger, WINBIO_SUBTYPE_ANY) of the user from
 * UNIT; returns how many fingers went, or -1 after a failure. */
static int delete_from_unit( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const WINBIO_IDENTITY *user,
                             WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WINBIO_BIOMETRIC_SUBTYPE *fingers;
    WINBIO_IDENTITY identity = *user;
    SIZE_T count, i;
    int deleted = 0;
    HRESULT hr;

    hr = WinBioEnumEnrollments( session, unit, &identity, &fingers, &count );
    if (hr == WINBIO_E_UNKNOWN_ID) return 0;
    if (FAILED(hr)) return fail_hr( L"cannot list your fingers", hr ), -1;
    for (i = 0; i < count; i++)
    {
        if (finger != WINBIO_SUBTYPE_ANY && fingers[i] != finger) continue;
        if (FAILED(hr = WinBioDeleteTemplate( session, unit, &identity, fingers[i] )))
        {
            WinBioFree( fingers );
            return fail_hr( L"cannot delete", hr ), -1;
        }
        output( L"deleted %ls from unit %lu\n", finger_name( fingers[i] ), unit );
        deleted++;
    }
    WinBioFree( fingers );
    return deleted;
}

/* Whether the user wants FINGER (or every finger) deleted. */
static BOOL confirm_delete( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WCHAR question[128];

    if (options->yes) return TRUE;
    if (finger == WINBIO_SUBTYPE_ANY)
        _snwprintf( question, ARRAY_SIZE(question) - 1, L"Delete all your fingers%ls?",
                    options->unit ? L" on this unit" : L"" );
    else
        _snwprintf( question, ARRAY_SIZE(question) - 1, L"Delete your %ls?", finger_words( finger ) );
    question[ARRAY_SIZE(question) - 1] = 0;
    return ask_yes_no( question );
}

int cmd_delete( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_IDENTITY user;
    SIZE_T count, i;
    int enrolled, ret;
    HRESULT hr;

    if (FAILED(hr = check_unit( options ))) return fail_hr( L"no sensor to delete from", hr );
    if (FAILED(hr = get_user_identity( &user ))) return fail_hr( L"cannot tell who you are", hr );

    /* nothing to delete, nothing to ask; and no session stays open while
     * the question waits, so that Ctrl+C ends the program there */
    if (FAILED(hr = open_session( WINBIO_FLAG_DEFAULT, &session ))) return fail_hr( L"cannot open a session", hr );
    enrolled = count_user_fingers( session, options, finger );
    close_session( session );
    if (enrolled <= 0)
    {
        if (!enrolled) report_not_enrolled( finger );
        return EXIT_FAILED;
    }
    if (!confirm_delete( options, finger ))
    {
        output_error( L"nothing deleted" );
        return EXIT_FAILED;
    }

    if ((ret = open_units( &units, &count, &session ))) return ret;
    for (i = 0; i < count; i++)
    {
        if (options->unit && units[i].UnitId != options->unit) continue;
        if (delete_from_unit( session, units[i].UnitId, &user, finger ) < 0) break;
    }
    close_session( session );
    WinBioFree( units );
    return i < count ? EXIT_FAILED : EXIT_OK;
}
