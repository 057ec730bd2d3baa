/*
 * A client doing what a fingerprint manager does: enroll a finger to
 * completion, list the enrollments, verify, identify, delete.  Run inside
 * umockdev-run, it replays the recorded conversation of a real sensor with
 * libfprint's real driver (tests/run-tests.sh), which only works when
 * every WinBio call below is exactly the libfprint operation the recording
 * holds, and nothing more.  Written for match-on-chip sensors, where
 * listing and deleting are operations on the chip; on an image sensor the
 * same calls touch only the template database.
 *
 *   moc.exe [--clear]
 *
 * --clear first deletes every template of the unit for every identity
 * (WINBIO_ID_TYPE_WILDCARD, WINBIO_SUBTYPE_ANY), as a manager's "remove
 * all fingerprints" does; a sensor that can empty its storage does that in
 * one operation.  Built with plain mingw against the public headers.
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

#include <string.h>

#include "replay.h"

#define FINGER WINBIO_ANSI_381_POS_RH_INDEX_FINGER
/* touches a finger may need, bad ones included, before we give up */
#define MAX_TOUCHES 50

static int same_identity( const WINBIO_IDENTITY *a, const WINBIO_IDENTITY *b )
{
    return a->Type == WINBIO_ID_TYPE_SID && b->Type == WINBIO_ID_TYPE_SID &&
           a->Value.AccountSid.Size == b->Value.AccountSid.Size &&
           !memcmp( a->Value.AccountSid.Data, b->Value.AccountSid.Data, a->Value.AccountSid.Size );
}

static int clear_unit( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    WINBIO_IDENTITY everyone = { WINBIO_ID_TYPE_WILDCARD };
    HRESULT hr;

    everyone.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    hr = WinBioDeleteTemplate( session, unit, &everyone, WINBIO_SUBTYPE_ANY );
    /* a new prefix has nothing to delete, which is not a failure here */
    if (hr != S_OK && hr != WINBIO_E_DATABASE_NO_SUCH_RECORD) return fail( "WinBioDeleteTemplate (all)", hr );
    say( "cleared the sensor: 0x%08lx\n", (unsigned long)hr );
    return 0;
}

static int enroll( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, WINBIO_IDENTITY *identity )
{
    WINBIO_REJECT_DETAIL reject;
    unsigned int touches = 0, bad = 0;
    BOOLEAN is_new = FALSE;
    HRESULT hr;

    if (FAILED(hr = WinBioEnrollBegin( session, FINGER, unit ))) return fail( "WinBioEnrollBegin", hr );
    do
    {
        hr = WinBioEnrollCapture( session, &reject );
        touches++;
        if (hr == WINBIO_E_BAD_CAPTURE) bad++;
        else if (hr != S_OK && hr != WINBIO_I_MORE_DATA) return fail( "WinBioEnrollCapture", hr );
    } while (hr != S_OK && touches < MAX_TOUCHES);
    if (hr != S_OK) return fail( "WinBioEnrollCapture (never complete)", hr );
    say( "enrolled after %u touches, %u of them bad\n", touches, bad );

    if (FAILED(hr = WinBioEnrollCommit( session, identity, &is_new ))) return fail( "WinBioEnrollCommit", hr );
    if (!is_new || identity->Type != WINBIO_ID_TYPE_SID)
    {
        say( "moc: commit: new %u, identity type %lu\n", is_new, identity->Type );
        return 1;
    }
    return 0;
}

int main( int argc, char **argv )
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_IDENTITY identity, identified;
    WINBIO_BIOMETRIC_SUBTYPE *subfactors, subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit, matched;
    BOOLEAN match = FALSE;
    SIZE_T count;
    HRESULT hr;

    program = "moc";
    if (!(unit = recorded_unit())) return 1;
    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                       WINBIO_DB_DEFAULT, &session )))
        return fail( "WinBioOpenSession", hr );

    if (argc > 1 && !strcmp( argv[1], "--clear" ) && clear_unit( session, unit )) return 1;
    if (enroll( session, unit, &identity )) return 1;

    if (FAILED(hr = WinBioEnumEnrollments( session, unit, &identity, &subfactors, &count )))
        return fail( "WinBioEnumEnrollments", hr );
    say( "enrollments: %lu, the first 0x%02x\n", (unsigned long)count, count ? subfactors[0] : 0 );
    if (count != 1 || subfactors[0] != FINGER) return 1;
    WinBioFree( subfactors );

    if (FAILED(hr = WinBioVerify( session, &identity, FINGER, &matched, &match, &reject )))
        return fail( "WinBioVerify", hr );
    say( "verify: match %u on unit %lu\n", match, matched );
    if (!match || matched != unit) return 1;

    if (FAILED(hr = WinBioIdentify( session, &matched, &identified, &subfactor, &reject )))
        return fail( "WinBioIdentify", hr );
    say( "identify: subfactor 0x%02x on unit %lu, %s identity\n", subfactor, matched,
            same_identity( &identity, &identified ) ? "the enrolled" : "another" );
    if (subfactor != FINGER || matched != unit || !same_identity( &identity, &identified )) return 1;

    if (FAILED(hr = WinBioDeleteTemplate( session, unit, &identity, FINGER )))
        return fail( "WinBioDeleteTemplate", hr );
    if (FAILED(hr = WinBioCloseSession( session ))) return fail( "WinBioCloseSession", hr );
    say( "moc: done\n" );
    return 0;
}
