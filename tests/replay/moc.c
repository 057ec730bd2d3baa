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
 *   moc.exe [--clear | --private]
 *
 * --clear first deletes every template of the unit for every identity
 * (WINBIO_ID_TYPE_WILDCARD, WINBIO_SUBTYPE_ANY), as a manager's "remove
 * all fingerprints" does; a sensor that can empty its storage does that in
 * one operation.  --private does it all in a private pool, set up first
 * as a setup program does it (a database in the format of the system
 * one, a configuration beside the unit's system configuration, under the
 * unit's instance id) and removed at the end; its templates belong to
 * GUIDs.  Built with plain mingw against the public headers.
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
#include "../system/poolsetup.h"

#define FINGER WINBIO_ANSI_381_POS_RH_INDEX_FINGER
/* touches a finger may need, bad ones included, before we give up */
#define MAX_TOUCHES 50

/* {B7E3C914-5A2D-4F86-9C01-7D4E2A6B8F35}: the private pool's database */
static const GUID private_database =
    { 0xb7e3c914, 0x5a2d, 0x4f86, { 0x9c, 0x01, 0x7d, 0x4e, 0x2a, 0x6b, 0x8f, 0x35 } };

static int same_identity( const WINBIO_IDENTITY *a, const WINBIO_IDENTITY *b )
{
    if (a->Type == WINBIO_ID_TYPE_GUID)
        return b->Type == WINBIO_ID_TYPE_GUID && IsEqualGUID( &a->Value.TemplateGuid, &b->Value.TemplateGuid );
    return a->Type == WINBIO_ID_TYPE_SID && b->Type == WINBIO_ID_TYPE_SID &&
           a->Value.AccountSid.Size == b->Value.AccountSid.Size &&
           !memcmp( a->Value.AccountSid.Data, b->Value.AccountSid.Data, a->Value.AccountSid.Size );
}

/* A private pool of the unit: its database registered, its configuration
 * added; the session is opened in the mode of its system configuration. */
static int open_private_pool( WINBIO_UNIT_ID unit, WINBIO_UNIT_SCHEMA *schema, WINBIO_SESSION_HANDLE *session )
{
    WINBIO_UNIT_SCHEMA *units;
    struct configuration config;
    GUID database = private_database;
    SIZE_T count, i;
    HRESULT hr;
    LONG ret;

    if (FAILED(hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count )))
        return fail( "WinBioEnumBiometricUnits", hr );
    for (i = 0; i < count; i++) if (units[i].UnitId == unit) *schema = units[i];
    WinBioFree( units );
    if (find_system_configuration( schema, &config ) != 1 || !config.database_found)
    {
        say( "moc: no system configuration of a registered database for %ls\n", schema->DeviceInstanceId );
        return 1;
    }
    say( "private pool: unit %ls, system configuration %ls, sensor mode %lu\n", schema->DeviceInstanceId,
         config.name, config.mode );
    /* what an earlier run may have left */
    remove_configurations( schema, &private_database );
    unregister_database( &private_database );
    if ((ret = register_database_file( &private_database, &config.database.DataFormat, config.database.Attributes,
                                       L"" )))
        return fail( "registering the database", HRESULT_FROM_WIN32( ret ) );
    if ((ret = add_configuration( schema, &config, config.mode, &private_database )))
        return fail( "adding the configuration", HRESULT_FROM_WIN32( ret ) );
    /* WINBIO_FLAG_BASIC and _ADVANCED are the sensor modes shifted */
    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, config.mode << 16, &unit, 1,
                                       &database, session )))
        return fail( "WinBioOpenSession (private)", hr );
    return 0;
}

/* Removes the configuration, the database and its file. */
static void remove_private_pool( const WINBIO_UNIT_SCHEMA *schema )
{
    WINBIO_STORAGE_SCHEMA database;
    DWORD removed = remove_configurations( schema, &private_database );

    if (find_database( &private_database, &database ) && database.FilePath[0]) DeleteFileW( database.FilePath );
    unregister_database( &private_database );
    say( "private pool: %lu configuration(s) removed\n", removed );
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

static int enroll( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, WINBIO_IDENTITY_TYPE type,
                   WINBIO_IDENTITY *identity )
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
    if (!is_new || identity->Type != type)
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
    WINBIO_UNIT_SCHEMA schema;
    SIZE_T count;
    HRESULT hr;
    BOOL private = argc > 1 && !strcmp( argv[1], "--private" );

    program = "moc";
    if (!(unit = recorded_unit())) return 1;
    if (private)
    {
        if (open_private_pool( unit, &schema, &session )) return 1;
    }
    else if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL,
                                            0, WINBIO_DB_DEFAULT, &session )))
        return fail( "WinBioOpenSession", hr );

    if (argc > 1 && !strcmp( argv[1], "--clear" ) && clear_unit( session, unit )) return 1;
    /* a private pool's templates belong to GUIDs, the system pool's to the account */
    if (enroll( session, unit, private ? WINBIO_ID_TYPE_GUID : WINBIO_ID_TYPE_SID, &identity )) return 1;

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
    if (private) remove_private_pool( &schema );
    say( "moc: done\n" );
    return 0;
}
