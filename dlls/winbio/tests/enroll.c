/*
 * Tests for enrollment and the templates of a unit
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
 * Enrolls on libfprint's virtual_image sensor (fed with the test prints
 * through tests/vsensor) and on virtual_device_storage (fed with SCAN
 * commands), in the system pool, as the user of the process.  Every
 * template made here is deleted again: the database outlives the process.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"

/* fp_device_get_nr_enroll_stages() of virtual_image */
#define IMAGE_ENROLL_STAGES 5

static WINBIO_UNIT_ID image_unit, storage_unit;

/* Whether a subfactor is among the enrollments of the user on a unit. */
static BOOL is_enrolled( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, WINBIO_BIOMETRIC_SUBTYPE subfactor,
                         SIZE_T *total )
{
    WINBIO_BIOMETRIC_SUBTYPE *array = NULL;
    WINBIO_IDENTITY identity;
    SIZE_T count = 0, i, found = 0;
    HRESULT hr;

    get_user_identity( &identity );
    hr = WinBioEnumEnrollments( session, unit, &identity, &array, &count );
    ok( hr == S_OK || hr == WINBIO_E_UNKNOWN_ID, "WinBioEnumEnrollments returned %#lx\n", hr );
    for (i = 0; hr == S_OK && i < count; i++) if (array[i] == subfactor) found++;
    ok( found <= 1, "subfactor %#x listed %Iu times\n", subfactor, found );
    if (array) WinBioFree( array );
    if (total) *total = hr == S_OK ? count : 0;
    return found != 0;
}

/* Deletes what earlier runs may have left behind. */
/* Begins an enrollment on virtual_image and touches it once per stage. */
#define enroll_image(a, b, c) enroll_image_( __FILE__, __LINE__, a, b, c )
static HRESULT enroll_image_( const char *file, int line, WINBIO_SESSION_HANDLE session,
                              WINBIO_BIOMETRIC_SUBTYPE subfactor, const char *pgm )
{
    WINBIO_REJECT_DETAIL reject;
    struct touch touch;
    HRESULT hr, expect;
    unsigned int i;

    hr = WinBioEnrollBegin( session, subfactor, image_unit );
    ok_(file, line)( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (hr != S_OK) return hr;
    for (i = 0; i < IMAGE_ENROLL_STAGES; i++)
    {
        expect = i + 1 < IMAGE_ENROLL_STAGES ? WINBIO_I_MORE_DATA : S_OK;
        reject = 0xdeadbeef;
        touch_async( &touch, pgm );
        hr = WinBioEnrollCapture( session, &reject );
        touch_join_( file, line, &touch );
        ok_(file, line)( hr == expect, "capture %u: expected %#lx, got %#lx\n", i, expect, hr );
        ok_(file, line)( !reject, "capture %u: reject detail %lu\n", i, reject );
        if (hr != expect) break;
    }
    if (hr != S_OK) WinBioEnrollDiscard( session );
    return hr;
}

/*
 * The arguments each call checks before it needs a sensor: these run with no
 * sensor at all, on a unit of the sensors when there are some.
 */
static void test_arguments( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit )
{
    WINBIO_BIOMETRIC_SUBTYPE *array;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    SIZE_T count;
    HRESULT hr;

    get_user_identity( &identity );

    /* nf-winbio-winbioenrollbegin.md: E_INVALIDARG for a SubFactor that is
     * no finger position, or a UnitId of 0 */
    hr = WinBioEnrollBegin( session, WINBIO_SUBTYPE_ANY, unit );
    ok( hr == E_INVALIDARG, "WINBIO_SUBTYPE_ANY: got %#lx\n", hr );
    hr = WinBioEnrollBegin( session, WINBIO_SUBTYPE_NO_INFORMATION, unit );
    ok( hr == E_INVALIDARG, "WINBIO_SUBTYPE_NO_INFORMATION: got %#lx\n", hr );
    /* not one of the finger positions the page lists */
    hr = WinBioEnrollBegin( session, 0x42, unit );
    ok( hr == E_INVALIDARG, "subfactor 0x42: got %#lx\n", hr );
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, 0 );
    ok( hr == E_INVALIDARG, "unit 0: got %#lx\n", hr );
    /* undocumented here; the code WinBioOpenSession gives an id of no unit */
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, 0xdead );
    ok( hr == WINBIO_E_INVALID_UNIT, "unknown unit: got %#lx\n", hr );
    hr = WinBioEnrollBegin( 0xdeadbeef, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, unit );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    hr = WinBioEnrollCapture( session, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnrollCapture( 0xdeadbeef, &reject );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioEnrollCommit( session, NULL, &is_new );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnrollCommit( session, &identity, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnrollCommit( 0xdeadbeef, &identity, &is_new );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
    hr = WinBioEnrollDiscard( 0xdeadbeef );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    /* nf-winbio-winbioenumenrollments.md: on failure the array is NULL */
    array = (WINBIO_BIOMETRIC_SUBTYPE *)0xdeadbeef;
    hr = WinBioEnumEnrollments( session, 0, &identity, &array, &count );
    ok( hr == E_INVALIDARG, "unit 0: got %#lx\n", hr );
    ok( !array, "array not cleared: %p\n", array );
    hr = WinBioEnumEnrollments( session, unit, NULL, &array, &count );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumEnrollments( session, unit, &identity, NULL, &count );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumEnrollments( session, unit, &identity, &array, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioEnumEnrollments( 0xdeadbeef, unit, &identity, &array, &count );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    /* nf-winbio-winbiodeletetemplate.md: none of these reaches a template */
    hr = WinBioDeleteTemplate( session, unit, NULL, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioDeleteTemplate( session, 0, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == E_INVALIDARG, "unit 0: got %#lx\n", hr );
    hr = WinBioDeleteTemplate( session, unit, &identity, WINBIO_SUBTYPE_NO_INFORMATION );
    ok( hr == E_INVALIDARG, "WINBIO_SUBTYPE_NO_INFORMATION: got %#lx\n", hr );
    hr = WinBioDeleteTemplate( 0xdeadbeef, unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
}

/*
 * Captures and commits outside an enrollment.  The client pages name no
 * code for it; the engine adapter reports "no enrollment in progress on
 * this unit" as WINBIO_E_INVALID_DEVICE_STATE (EngineAdapterUpdateEnrollment,
 * GetEnrollmentStatus, CommitEnrollment), and the service passes adapter
 * errors on.  That needs a unit in the pool.  No touch is made: nothing may
 * wait for one.
 */
static void test_out_of_order( WINBIO_SESSION_HANDLE session )
{
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    HRESULT hr;

    reject = 0xdeadbeef;
    hr = WinBioEnrollCapture( session, &reject );
    ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "capture before begin: got %#lx\n", hr );
    ok( !reject, "reject detail %lu\n", reject );
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "commit before begin: got %#lx\n", hr );
}

static void test_enroll_image( WINBIO_SESSION_HANDLE session )
{
    char value[16];
    /* libfprint's FpDeviceRetry values and the reject details they become */
    static const struct
    {
        unsigned int retry;
        WINBIO_REJECT_DETAIL detail;
    }
    retries[] =
    {
        /* FP_DEVICE_RETRY_GENERAL: "try again", no cause given */
        { 0, WINBIO_FP_POOR_QUALITY },
        /* FP_DEVICE_RETRY_TOO_SHORT: the same cause */
        { 1, WINBIO_FP_TOO_SHORT },
        /* FP_DEVICE_RETRY_CENTER_FINGER: the finger was off centre, in a
         * direction libfprint does not tell, so none of TOO_HIGH/LOW/LEFT/
         * RIGHT; "did not pass straight across the sensor" is the closest */
        { 2, WINBIO_FP_TOO_SKEWED },
        /* FP_DEVICE_RETRY_REMOVE_FINGER: lift and place the finger again;
         * WinBio has no such reason, so any fingerprint reason will do */
        { 3, 0 },
    };
    WINBIO_SESSION_HANDLE other = 0;
    WINBIO_BIOMETRIC_SUBTYPE *array;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    struct touch touch;
    SIZE_T count, size;
    BOOLEAN is_new;
    unsigned int i;
    void *buffer;
    HRESULT hr;

    /* the unit says how many touches an enrollment takes */
    buffer = NULL;
    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, image_unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == S_OK, "WinBioGetProperty returned %#lx\n", hr );
    if (hr == S_OK && buffer)
    {
        ok( *(ULONG *)buffer == IMAGE_ENROLL_STAGES, "sample hint %lu\n", *(ULONG *)buffer );
        WinBioFree( buffer );
    }

    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, image_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (hr != S_OK) return;

    /* one enrollment at a time, in this session and in any other */
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, image_unit );
    ok( hr == WINBIO_E_ENROLLMENT_IN_PROGRESS, "second begin: got %#lx\n", hr );
    get_user_identity( &identity );
    array = (WINBIO_BIOMETRIC_SUBTYPE *)0xdeadbeef;
    hr = WinBioEnumEnrollments( session, image_unit, &identity, &array, &count );
    ok( hr == WINBIO_E_ENROLLMENT_IN_PROGRESS, "enumeration while enrolling: got %#lx\n", hr );
    if (hr == S_OK && array) WinBioFree( array );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &other );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (other)
    {
        hr = WinBioEnrollBegin( other, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, image_unit );
        ok( hr == WINBIO_E_ENROLLMENT_IN_PROGRESS, "begin in another session: got %#lx\n", hr );
        if (hr == S_OK) WinBioEnrollDiscard( other );
        array = NULL;
        hr = WinBioEnumEnrollments( other, image_unit, &identity, &array, &count );
        ok( hr == WINBIO_E_ENROLLMENT_IN_PROGRESS, "enumeration in another session: got %#lx\n", hr );
        if (hr == S_OK && array) WinBioFree( array );
        hr = WinBioDeleteTemplate( other, image_unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
        ok( hr == WINBIO_E_ENROLLMENT_IN_PROGRESS, "deletion in another session: got %#lx\n", hr );
        WinBioCloseSession( other );
    }

    /* Five good touches, with each kind of bad one in between; the
     * enrollment goes on after a bad one. */
    for (i = 0; i < IMAGE_ENROLL_STAGES; i++)
    {
        HRESULT expect = i + 1 < IMAGE_ENROLL_STAGES ? WINBIO_I_MORE_DATA : S_OK;

        winetest_push_context( "touch %u", i );
        reject = 0xdeadbeef;
        touch_async( &touch, "whorl.pgm" );
        hr = WinBioEnrollCapture( session, &reject );
        touch_join( &touch );
        ok( hr == expect, "got %#lx, reject detail %lu\n", hr, reject );
        ok( !reject, "reject detail %lu\n", reject );
        winetest_pop_context();
        if (hr != expect) break;

        if (i == 0)
        {
            /* The template is not ready: nothing to commit yet.  The page
             * names no code; the engine adapter's for "no template" is
             * WINBIO_E_INVALID_DEVICE_STATE.  The enrollment goes on. */
            hr = WinBioEnrollCommit( session, &identity, &is_new );
            ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "early commit: got %#lx\n", hr );
        }
        if (i < ARRAY_SIZE(retries))
        {
            winetest_push_context( "retry %u", retries[i].retry );
            reject = 0xdeadbeef;
            sprintf( value, "%u", retries[i].retry );
            start_touch( &touch, "IMAGE_RETRY", value, 0 );
            hr = WinBioEnrollCapture( session, &reject );
            touch_join( &touch );
            ok( hr == WINBIO_E_BAD_CAPTURE, "got %#lx\n", hr );
            if (retries[i].detail)
                ok( reject == retries[i].detail, "reject detail %lu\n", reject );
            else
                ok( reject >= WINBIO_FP_TOO_HIGH && reject <= WINBIO_FP_MERGE_FAILURE, "reject detail %lu\n", reject );
            winetest_pop_context();
            if (hr != WINBIO_E_BAD_CAPTURE) break;
            /* After a bad touch libfprint's image devices wait for the
             * finger to go away before they take the next one, as a user
             * would lift it: without this the next image is dropped. */
            ok( vsensor_command( NULL, 0, "IMAGE_FINGER_NOW 0" ), "IMAGE_FINGER_NOW: %s\n", vsensor_last_reply );
        }
    }
    if (hr != S_OK)
    {
        WinBioEnrollDiscard( session );
        return;
    }

    memset( &identity, 0xcc, sizeof(identity) );
    is_new = 0xcc;
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    /* system pool templates belong to the account of the caller */
    ok( identity.Type == WINBIO_ID_TYPE_SID, "identity type %lu\n", identity.Type );
    ok( is_user( &identity ), "the template is not the user's\n" );
    ok( is_new == TRUE, "is_new %u\n", is_new );
    ok( is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, NULL ), "not enrolled\n" );

    /* the commit ended the enrollment */
    reject = 0xdeadbeef;
    hr = WinBioEnrollCapture( session, &reject );
    ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "capture after commit: got %#lx\n", hr );
}

/* The same finger of the same user again: the page says the commit names
 * the existing template and reports it as not new. */
static void test_enroll_again( WINBIO_SESSION_HANDLE session )
{
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    SIZE_T count;
    HRESULT hr;

    if (enroll_image( session, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm" ) != S_OK) return;
    memset( &identity, 0xcc, sizeof(identity) );
    is_new = 0xcc;
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( is_user( &identity ), "the template is not the user's\n" );
    ok( is_new == FALSE, "is_new %u\n", is_new );
    ok( is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &count ), "not enrolled\n" );
    ok( count == 1, "%Iu subfactors enrolled\n", count );
}

static void test_discard( WINBIO_SESSION_HANDLE session )
{
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    struct touch touch;
    BOOLEAN is_new;
    HRESULT hr;

    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_THUMB, image_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (hr != S_OK) return;
    touch_async( &touch, "tented-arch.pgm" );
    hr = WinBioEnrollCapture( session, &reject );
    touch_join( &touch );
    ok( hr == WINBIO_I_MORE_DATA, "got %#lx\n", hr );

    hr = WinBioEnrollDiscard( session );
    ok( hr == S_OK, "WinBioEnrollDiscard returned %#lx\n", hr );
    /* nothing is pending any more: out of order, as before the begin */
    reject = 0xdeadbeef;
    hr = WinBioEnrollCapture( session, &reject );
    ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "capture after discard: got %#lx\n", hr );
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == WINBIO_E_INVALID_DEVICE_STATE, "commit after discard: got %#lx\n", hr );
    ok( !is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_LH_THUMB, NULL ), "discarded template stored\n" );

    /* and a new enrollment can begin */
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_THUMB, image_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    hr = WinBioEnrollDiscard( session );
    ok( hr == S_OK, "WinBioEnrollDiscard returned %#lx\n", hr );
}

static void test_enum_enrollments( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE *array;
    WINBIO_IDENTITY identity, unknown;
    SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
    PSID sid;
    SIZE_T count, i;
    HRESULT hr;

    get_user_identity( &identity );
    array = NULL;
    count = 0;
    hr = WinBioEnumEnrollments( session, image_unit, &identity, &array, &count );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( count >= 1 && array, "got %p, %Iu\n", array, count );
    for (i = 0; array && i < count; i++) if (array[i] == WINBIO_ANSI_381_POS_RH_INDEX_FINGER) break;
    ok( array && i < count, "RH index finger not listed\n" );
    if (array) ok( WinBioFree( array ) == S_OK, "WinBioFree failed\n" );

    /* an account with no template */
    AllocateAndInitializeSid( &nt, 5, SECURITY_NT_NON_UNIQUE, 1111, 2222, 3333, 4242, 0, 0, 0, &sid );
    memset( &unknown, 0, sizeof(unknown) );
    unknown.Type = WINBIO_ID_TYPE_SID;
    unknown.Value.AccountSid.Size = GetLengthSid( sid );
    CopySid( SECURITY_MAX_SID_SIZE, unknown.Value.AccountSid.Data, sid );
    FreeSid( sid );
    array = (WINBIO_BIOMETRIC_SUBTYPE *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumEnrollments( session, image_unit, &unknown, &array, &count );
    ok( hr == WINBIO_E_UNKNOWN_ID, "unknown SID: got %#lx\n", hr );
    ok( !array && !count, "got %p, %Iu\n", array, count );
    /* and a template GUID nobody has */
    memset( &unknown, 0, sizeof(unknown) );
    unknown.Type = WINBIO_ID_TYPE_GUID;
    unknown.Value.TemplateGuid.Data1 = 0x12345678;
    unknown.Value.TemplateGuid.Data4[7] = 0x42;
    hr = WinBioEnumEnrollments( session, image_unit, &unknown, &array, &count );
    ok( hr == WINBIO_E_UNKNOWN_ID, "unknown GUID: got %#lx\n", hr );
}

static void test_delete( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE *array;
    WINBIO_IDENTITY identity;
    BOOLEAN is_new;
    SIZE_T count;
    HRESULT hr;

    get_user_identity( &identity );

    /* a second finger, from another print, so that there are two */
    if (enroll_image( session, WINBIO_ANSI_381_POS_LH_THUMB, "tented-arch.pgm" ) == S_OK)
    {
        hr = WinBioEnrollCommit( session, &identity, &is_new );
        ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
        ok( is_new == TRUE, "is_new %u\n", is_new );
    }
    ok( is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &count ), "RH index missing\n" );
    ok( count == 2, "%Iu subfactors enrolled\n", count );

    hr = WinBioDeleteTemplate( session, image_unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( !is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &count ), "still enrolled\n" );
    ok( is_enrolled( session, image_unit, WINBIO_ANSI_381_POS_LH_THUMB, NULL ), "the other finger went too\n" );
    ok( count == 1, "%Iu subfactors enrolled\n", count );
    hr = WinBioDeleteTemplate( session, image_unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "deleting again: got %#lx\n", hr );

    /* WINBIO_SUBTYPE_ANY takes everything */
    hr = WinBioDeleteTemplate( session, image_unit, &identity, WINBIO_SUBTYPE_ANY );
    ok( hr == S_OK, "got %#lx\n", hr );
    array = (WINBIO_BIOMETRIC_SUBTYPE *)0xdeadbeef;
    count = 0xdeadbeef;
    hr = WinBioEnumEnrollments( session, image_unit, &identity, &array, &count );
    ok( hr == WINBIO_E_UNKNOWN_ID, "after deleting all: got %#lx\n", hr );
    ok( !array && !count, "got %p, %Iu\n", array, count );
    if (hr == S_OK && array) WinBioFree( array );
}

static BOOL storage_lists( const char *id )
{
    char reply[VSENSOR_LINE_MAX], *p;
    size_t len = strlen( id );

    /* the chip answers only while the device is open, which it stays while
     * the session is open */
    ok( vsensor_storage( "LIST", reply, sizeof(reply) ), "LIST: %s\n", reply );
    for (p = reply; (p = strstr( p, id )); p += len)
        if ((p == reply || p[-1] == ' ') && (!p[len] || p[len] == ' ')) return TRUE;
    return FALSE;
}

static void test_enroll_storage( WINBIO_SESSION_HANDLE session )
{
    WINBIO_IDENTITY identity;
    struct touch scan;
    unsigned int captures;
    ULONG stages = 0;
    BOOLEAN is_new;
    SIZE_T size;
    void *buffer = NULL;
    HRESULT hr;

    if (!GetEnvironmentVariableA( "FP_VIRTUAL_DEVICE_STORAGE", NULL, 0 ) || !storage_unit)
    {
        skip( "no virtual_device_storage unit\n" );
        return;
    }
    delete_user_templates( session, storage_unit );

    hr = WinBioGetProperty( session, WINBIO_PROPERTY_TYPE_UNIT, WINBIO_PROPERTY_SAMPLE_HINT, storage_unit, NULL,
                            WINBIO_SUBTYPE_NO_INFORMATION, &buffer, &size );
    ok( hr == S_OK, "WinBioGetProperty returned %#lx\n", hr );
    if (hr == S_OK && buffer)
    {
        stages = *(ULONG *)buffer;
        WinBioFree( buffer );
    }

    hr = enroll_scans( session, storage_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "finger-a", &captures );
    ok( hr == S_OK, "enrollment ended with %#lx\n", hr );
    if (hr != S_OK)
    {
        WinBioEnrollDiscard( session );
        return;
    }
    ok( !stages || captures == stages, "%u captures, sample hint %lu\n", captures, stages );
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( is_user( &identity ), "the template is not the user's\n" );
    ok( is_new == TRUE, "is_new %u\n", is_new );
    /* the sensor keeps the print it enrolled */
    ok( storage_lists( "finger-a" ), "the chip does not list the print\n" );
    ok( is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, NULL ), "not enrolled\n" );

    /*
     * The same finger for another subfactor is a duplicate of a template
     * with another sub-factor: WINBIO_E_DUPLICATE_TEMPLATE.  On Windows the
     * check runs in WinBioEnrollCommit (EngineAdapterCheckForDuplicate), so
     * the captures complete normally; the sensor finds the duplicate at its
     * first touch, hence possibly fewer captures than stages.
     */
    hr = enroll_scans( session, storage_unit, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, "finger-a", &captures );
    ok( hr == S_OK, "enrollment ended with %#lx\n", hr );
    if (hr == S_OK)
    {
        hr = WinBioEnrollCommit( session, &identity, &is_new );
        ok( hr == WINBIO_E_DUPLICATE_TEMPLATE, "WinBioEnrollCommit returned %#lx\n", hr );
    }
    WinBioEnrollDiscard( session );
    ok( !is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_LH_INDEX_FINGER, NULL ), "duplicate stored\n" );
    ok( is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, NULL ), "original gone\n" );

    /* deleting the template removes the print from the chip too */
    get_user_identity( &identity );
    hr = WinBioDeleteTemplate( session, storage_unit, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );
    ok( !storage_lists( "finger-a" ), "the chip still lists the print\n" );
    ok( !is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, NULL ), "still enrolled\n" );

    /* The chip is the authority on its prints: one it lost (another program
     * cleared it) is gone from the enrollments the next time they are listed. */
    hr = enroll_scans( session, storage_unit, WINBIO_ANSI_381_POS_RH_THUMB, "finger-b", &captures );
    ok( hr == S_OK, "enrollment ended with %#lx\n", hr );
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_RH_THUMB, NULL ), "not enrolled\n" );
    ok( vsensor_storage( "REMOVE finger-b", NULL, 0 ), "REMOVE failed\n" );
    ok( !is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_RH_THUMB, NULL ),
        "the database still has the print the chip lost\n" );

    /* Every template of every identity: the chip is emptied (one
     * clear_storage), and the database forgets the unit's templates. */
    hr = enroll_scans( session, storage_unit, WINBIO_ANSI_381_POS_LH_THUMB, "finger-c", &captures );
    ok( hr == S_OK, "enrollment ended with %#lx\n", hr );
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( storage_lists( "finger-c" ), "the chip does not list the print\n" );
    identity.Type = WINBIO_ID_TYPE_WILDCARD;
    identity.Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
    /* that is for administrators: anyone else is refused before the
     * sensor is touched, and nothing is deleted */
    ok( impersonate_non_admin(), "cannot act as a non-administrator, error %lu\n", GetLastError() );
    hr = WinBioDeleteTemplate( session, storage_unit, &identity, WINBIO_SUBTYPE_ANY );
    RevertToSelf();
    ok( hr == E_ACCESSDENIED, "WinBioDeleteTemplate (everything) as a non-administrator returned %#lx\n", hr );
    ok( storage_lists( "finger-c" ), "the chip no longer lists the print\n" );
    ok( is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_LH_THUMB, NULL ), "no longer enrolled\n" );
    /* the virtual sensor clears its storage once it is told to go on */
    start_touch( &scan, "STORAGE", "CONT ", 0 );
    hr = WinBioDeleteTemplate( session, storage_unit, &identity, WINBIO_SUBTYPE_ANY );
    touch_join( &scan );
    ok( hr == S_OK, "WinBioDeleteTemplate (everything) returned %#lx\n", hr );
    ok( !storage_lists( "finger-c" ), "the chip still lists the print\n" );
    ok( !is_enrolled( session, storage_unit, WINBIO_ANSI_381_POS_LH_THUMB, NULL ), "still enrolled\n" );
    /* nothing left to delete: the database says so, though the chip was emptied again */
    start_touch( &scan, "STORAGE", "CONT ", 0 );
    hr = WinBioDeleteTemplate( session, storage_unit, &identity, WINBIO_SUBTYPE_ANY );
    touch_join( &scan );
    ok( hr == WINBIO_E_DATABASE_NO_SUCH_RECORD, "deleting everything again: got %#lx\n", hr );
}

START_TEST(enroll)
{
    WINBIO_SESSION_HANDLE session = 0;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    /* Only the project's virtual sensors are enrolled on and emptied here:
     * never the sensors, and the templates, of a real machine. */
    if (have_virtual_sensors())
    {
        image_unit = find_unit( L"virtual_image" );
        storage_unit = find_unit( L"virtual_device_storage" );
        ok( image_unit != 0, "no virtual_image unit\n" );
    }
    test_arguments( session, image_unit ? image_unit : ANY_UNIT_ID );

    if (image_unit)
    {
        delete_user_templates( session, image_unit );
        test_out_of_order( session );
        test_enroll_image( session );
        test_enum_enrollments( session );
        test_enroll_again( session );
        test_discard( session );
        test_delete( session );
        test_enroll_storage( session );
        delete_user_templates( session, image_unit );
    }

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}
