/*
 * System test: a plain client program going through a whole enrollment cycle
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
 * Written the way third-party console clients use the API (plain mingw-w64
 * headers, <winbio.h>, the import library): list the sensors, open the
 * system pool with a NULL database, enroll a finger, identify it, verify it
 * against the account from the process token, list the enrollments, delete
 * the template, and see that the finger is unknown again.  The "user" is
 * the virtual sensor feeder, touching virtual_image with the test prints.
 */

#include "vsensor.h"
#include <winbio.h>

#include "wine/test.h"
#include "finger.h"

/* The account of the process, the way clients build their identity. */
static BOOL get_current_identity( WINBIO_IDENTITY *identity )
{
    BYTE buffer[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    TOKEN_USER *user = (TOKEN_USER *)buffer;
    HANDLE token = NULL;
    DWORD size = 0;
    BOOL ret;

    ZeroMemory( identity, sizeof(*identity) );
    if (!OpenProcessToken( GetCurrentProcess(), TOKEN_READ, &token )) return FALSE;
    ret = GetTokenInformation( token, TokenUser, buffer, sizeof(buffer), &size );
    CloseHandle( token );
    if (!ret) return FALSE;
    identity->Type = WINBIO_ID_TYPE_SID;
    identity->Value.AccountSid.Size = GetLengthSid( user->User.Sid );
    return CopySid( sizeof(identity->Value.AccountSid.Data), identity->Value.AccountSid.Data, user->User.Sid );
}

static BOOL same_identity( const WINBIO_IDENTITY *a, const WINBIO_IDENTITY *b )
{
    return a->Type == WINBIO_ID_TYPE_SID && b->Type == WINBIO_ID_TYPE_SID &&
           a->Value.AccountSid.Size == b->Value.AccountSid.Size &&
           !memcmp( a->Value.AccountSid.Data, b->Value.AccountSid.Data, a->Value.AccountSid.Size );
}

/* Finds virtual_image (listing the units when asked) and opens a system-pool
 * session as the user; FALSE, after a failed check, when either fails. */
static BOOL open_image_session( BOOL list, WINBIO_UNIT_ID *sensor, WINBIO_SESSION_HANDLE *session,
                                WINBIO_IDENTITY *me )
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i;
    HRESULT hr;

    *sensor = 0;
    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );
    for (i = 0; hr == S_OK && i < count; i++)
    {
        if (list) trace( "unit %lu: %ls\n", units[i].UnitId, units[i].Description );
        if (!wcscmp( units[i].Model, L"virtual_image" )) *sensor = units[i].UnitId;
    }
    if (units) WinBioFree( units );
    ok( *sensor != 0, "virtual_image is not listed\n" );
    if (!*sensor) return FALSE;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                            session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (FAILED(hr)) return FALSE;
    ok( get_current_identity( me ), "cannot read the process token\n" );
    return TRUE;
}

static void test_cycle(void)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE *subfactors = NULL;
    WINBIO_BIOMETRIC_SUBTYPE subfactor = WINBIO_SUBTYPE_NO_INFORMATION;
    WINBIO_REJECT_DETAIL reject = 0;
    WINBIO_IDENTITY me, identity;
    WINBIO_UNIT_ID sensor = 0, unit = 0;
    SIZE_T count = 0, i;
    struct finger finger;
    BOOLEAN is_new = FALSE, match = FALSE;
    unsigned int captures = 0;
    BOOL listed = FALSE;
    HRESULT hr;

    if (!vsensor_init() || !GetEnvironmentVariableA( "FP_VIRTUAL_IMAGE", NULL, 0 ))
    {
        skip( "no virtual sensors (WINBIO_VSENSOR_PORT or FP_VIRTUAL_IMAGE unset)\n" );
        return;
    }

    if (!open_image_session( TRUE, &sensor, &session, &me )) return;
    /* what an earlier run may have left */
    WinBioDeleteTemplate( session, sensor, &me, WINBIO_SUBTYPE_ANY );

    /* enrollment: touch until the template is complete */
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, sensor );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (SUCCEEDED(hr))
    {
        trace( "place your right index finger on the sensor\n" );
        do
        {
            put_finger( &finger, "whorl.pgm" );
            hr = WinBioEnrollCapture( session, &reject );
            lift_finger( &finger );
            captures++;
            if (hr == WINBIO_I_MORE_DATA) trace( "capture %u: good, touch the sensor again\n", captures );
            else if (hr == WINBIO_E_BAD_CAPTURE) trace( "capture %u: bad capture, reason %lu\n", captures, reject );
            else if (hr == S_OK) trace( "capture %u: good, the template is complete\n", captures );
            else trace( "capture %u: error %#lx\n", captures, hr );
        }
        while ((hr == WINBIO_I_MORE_DATA || hr == WINBIO_E_BAD_CAPTURE) && captures < 10);
        ok( hr == S_OK, "WinBioEnrollCapture returned %#lx, reject detail %lu\n", hr, reject );
        /* libfprint's virtual_image takes five touches */
        ok( captures == 5, "%u captures\n", captures );
        if (hr == S_OK)
        {
            hr = WinBioEnrollCommit( session, &identity, &is_new );
            ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
            ok( is_new, "the template is not new\n" );
            ok( same_identity( &identity, &me ), "the template is not the account's\n" );
        }
        else WinBioEnrollDiscard( session );
    }

    /* identification, with a second impression of the finger */
    trace( "touch the sensor to identify\n" );
    put_finger( &finger, "whorl-rot10.pgm" );
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    lift_finger( &finger );
    ok( hr == S_OK, "WinBioIdentify returned %#lx, reject detail %lu\n", hr, reject );
    ok( unit == sensor, "unit %lu\n", unit );
    ok( same_identity( &identity, &me ), "identified somebody else\n" );
    ok( subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );

    /* verification of the account in the token */
    trace( "touch the sensor to verify\n" );
    put_finger( &finger, "whorl-shift4.pgm" );
    hr = WinBioVerify( session, &me, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    lift_finger( &finger );
    ok( hr == S_OK, "WinBioVerify returned %#lx, reject detail %lu\n", hr, reject );
    ok( match, "no match\n" );
    ok( unit == sensor, "unit %lu\n", unit );

    hr = WinBioEnumEnrollments( session, sensor, &me, &subfactors, &count );
    ok( hr == S_OK, "WinBioEnumEnrollments returned %#lx\n", hr );
    for (i = 0; hr == S_OK && i < count; i++)
        if (subfactors[i] == WINBIO_ANSI_381_POS_RH_INDEX_FINGER) listed = TRUE;
    ok( listed, "the right index finger is not listed\n" );
    if (subfactors) WinBioFree( subfactors );

    hr = WinBioDeleteTemplate( session, sensor, &me, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );

    /* the finger is nobody's now */
    put_finger( &finger, "whorl-rot4.pgm" );
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    lift_finger( &finger );
    ok( hr == WINBIO_E_UNKNOWN_ID, "WinBioIdentify returned %#lx\n", hr );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}

/*
 * One step of the check that two programs of different architectures share
 * a prefix's enrollments.  tests/run-tests.sh runs the steps in this order,
 * each in a new process of the architecture named:
 *   enroll   (x86_64) enrolls whorl as the right index finger;
 *   handover (i386)   identifies it, deletes it, enrolls tented-arch as the
 *                     left index finger;
 *   finish   (x86_64) identifies tented-arch, finds whorl gone, cleans up.
 * Each program reads what the other wrote, so a database that one of them
 * cannot read, or does not share, fails a step.
 */
static void share_enroll( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID sensor, WINBIO_BIOMETRIC_SUBTYPE finger_id,
                          const char *print )
{
    WINBIO_IDENTITY identity;
    BOOLEAN is_new = FALSE;
    HRESULT hr;

    hr = enroll_print( session, sensor, finger_id, print, &identity, &is_new );
    ok( hr == S_OK, "enrolling %s: %#lx\n", print, hr );
    ok( is_new, "the template of %s is not new\n", print );
}

static HRESULT share_identify( WINBIO_SESSION_HANDLE session, const char *print, WINBIO_IDENTITY *identity,
                               WINBIO_BIOMETRIC_SUBTYPE *subfactor )
{
    WINBIO_UNIT_ID unit = 0;

    return identify_print( session, print, &unit, identity, subfactor );
}

static void test_share(void)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_IDENTITY me, identity;
    WINBIO_UNIT_ID sensor = 0;
    char step[16];
    HRESULT hr;

    if (!GetEnvironmentVariableA( "WINBIO_SHARE_STEP", step, sizeof(step) ))
    {
        skip( "WINBIO_SHARE_STEP unset: tests/run-tests.sh runs this across architectures\n" );
        return;
    }
    if (!vsensor_init() || !GetEnvironmentVariableA( "FP_VIRTUAL_IMAGE", NULL, 0 ))
    {
        skip( "no virtual sensors (WINBIO_VSENSOR_PORT or FP_VIRTUAL_IMAGE unset)\n" );
        return;
    }
    trace( "step %s in a %u-bit process\n", step, (unsigned int)(sizeof(void *) * 8) );

    if (!open_image_session( FALSE, &sensor, &session, &me )) return;

    if (!strcmp( step, "enroll" ))
    {
        /* what an earlier run may have left */
        WinBioDeleteTemplate( session, sensor, &me, WINBIO_SUBTYPE_ANY );
        share_enroll( session, sensor, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm" );
    }
    else if (!strcmp( step, "handover" ))
    {
        hr = share_identify( session, "whorl-rot10.pgm", &identity, &subfactor );
        ok( hr == S_OK, "the other program's enrollment is not found: WinBioIdentify returned %#lx\n", hr );
        ok( hr != S_OK || same_identity( &identity, &me ), "identified somebody else\n" );
        ok( hr != S_OK || subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );
        hr = WinBioDeleteTemplate( session, sensor, &me, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
        ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
        share_enroll( session, sensor, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, "tented-arch.pgm" );
    }
    else if (!strcmp( step, "finish" ))
    {
        hr = share_identify( session, "tented-arch-rot4.pgm", &identity, &subfactor );
        ok( hr == S_OK, "the other program's enrollment is not found: WinBioIdentify returned %#lx\n", hr );
        ok( hr != S_OK || same_identity( &identity, &me ), "identified somebody else\n" );
        ok( hr != S_OK || subfactor == WINBIO_ANSI_381_POS_LH_INDEX_FINGER, "subfactor %#x\n", subfactor );
        hr = share_identify( session, "whorl-rot4.pgm", &identity, &subfactor );
        ok( hr == WINBIO_E_UNKNOWN_ID, "the other program's deletion is not seen: WinBioIdentify returned %#lx\n",
            hr );
        hr = WinBioDeleteTemplate( session, sensor, &me, WINBIO_SUBTYPE_ANY );
        ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    }
    else ok( 0, "unknown step %s\n", step );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}

START_TEST(cycle)
{
    test_cycle();
}

START_TEST(share)
{
    test_share();
}
