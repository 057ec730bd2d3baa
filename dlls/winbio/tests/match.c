/*
 * Tests for identification, verification, sensor location and raw capture
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
 * The user's right index finger is enrolled from whorl.pgm on libfprint's
 * virtual_image sensor; the probes are other impressions of the same finger
 * (whorl-rot10, whorl-shift4: matching an image against itself is slow) and
 * a different finger (tented-arch).  make draws them (tools/fpgen.c, and
 * Makefile.in says which finger and impression each one is).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"
#include "prints.h"

/* fp_device_get_nr_enroll_stages() of virtual_image */
#define IMAGE_ENROLL_STAGES 5

/* a private database, registered as a setup program does on Windows */
static const GUID test_database =
    { 0x3d7e1b52, 0x9a64, 0x4c0f, { 0x8e, 0x21, 0x5b, 0x7a, 0x0c, 0x94, 0xd3, 0x6f } };

static WINBIO_UNIT_ID image_unit, device_unit;

/* Enrolls the user's right index finger from whorl.pgm. */
static BOOL enroll_whorl( WINBIO_SESSION_HANDLE session )
{
    return enroll_finger( session, image_unit, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "whorl.pgm",
                         IMAGE_ENROLL_STAGES, NULL );
}

/* Identifies once with a touch of pgm (repeated every interval ms if not 0). */
#define identify(a, b, c, d, e, f) identify_( __FILE__, __LINE__, a, b, 0, c, d, e, f )
#define identify_again(a, b, c, d, e, f) identify_( __FILE__, __LINE__, a, b, 2000, c, d, e, f )
static HRESULT identify_( const char *file, int line, WINBIO_SESSION_HANDLE session, const char *pgm,
                          DWORD interval, WINBIO_UNIT_ID *unit, WINBIO_IDENTITY *identity,
                          WINBIO_BIOMETRIC_SUBTYPE *subfactor, WINBIO_REJECT_DETAIL *reject )
{
    struct touch touch;
    HRESULT hr;

    *unit = 0xdeadbeef;
    memset( identity, 0xcc, sizeof(*identity) );
    *subfactor = 0xcc;
    *reject = 0xdeadbeef;
    start_touch( &touch, "IMAGE", pgm, interval );
    hr = WinBioIdentify( session, unit, identity, subfactor, reject );
    touch_join_( file, line, &touch );
    return hr;
}

/* Identifies once with a touch libfprint rejects (an FpDeviceRetry value). */
static HRESULT identify_retry( WINBIO_SESSION_HANDLE session, unsigned int retry, WINBIO_UNIT_ID *unit,
                               WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE *subfactor,
                               WINBIO_REJECT_DETAIL *reject )
{
    struct touch touch;
    char arg[16];
    HRESULT hr;

    *unit = 0xdeadbeef;
    *reject = 0xdeadbeef;
    sprintf( arg, "%u", retry );
    start_touch( &touch, "IMAGE_RETRY", arg, 0 );
    hr = WinBioIdentify( session, unit, identity, subfactor, reject );
    touch_join( &touch );
    return hr;
}

/*
 * The arguments WinBioIdentify, WinBioVerify and WinBioLocateSensor check
 * before they wait for a finger, with no sensor needed: every call has one
 * bad argument, so none of them waits.  The codes are those of
 * nf-winbio-winbioidentify.md, nf-winbio-winbioverify.md and
 * nf-winbio-winbiolocatesensor.md.
 */
static void test_arguments( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    BOOLEAN match;
    HRESULT hr;

    hr = WinBioIdentify( session, NULL, &identity, &subfactor, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioIdentify( session, &unit, NULL, &subfactor, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioIdentify( session, &unit, &identity, NULL, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioIdentify( 0xdeadbeef, &unit, &identity, &subfactor, &reject );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    get_user_identity( &identity );
    hr = WinBioVerify( session, NULL, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioVerify( session, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, NULL, &match, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioVerify( session, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, NULL, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioVerify( session, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    /* a finger position or WINBIO_SUBTYPE_ANY */
    hr = WinBioVerify( session, &identity, WINBIO_SUBTYPE_NO_INFORMATION, &unit, &match, &reject );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = WinBioVerify( session, &identity, 0x42, &unit, &match, &reject );
    ok( hr == E_INVALIDARG, "got %#lx\n", hr );
    hr = WinBioVerify( 0xdeadbeef, &identity, WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    hr = WinBioLocateSensor( session, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioLocateSensor( 0xdeadbeef, &unit );
    ok( hr == E_HANDLE, "got %#lx\n", hr );
}

static void test_identify( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    HRESULT hr;

    /* another impression of the enrolled finger */
    hr = identify( session, "whorl-rot10.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( is_user( &identity ), "identity type %lu is not the user\n", identity.Type );
    ok( subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );
    ok( !reject, "reject detail %lu\n", reject );

    /* another finger: a good capture that matches nobody */
    hr = identify( session, "tented-arch.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == WINBIO_E_UNKNOWN_ID, "got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( !reject, "reject detail %lu\n", reject );

    /* An image with too few minutiae to match even itself.  libfprint
     * 1.94.5 takes it as a capture (it only rejects an image without any
     * minutia) that matches no template, so this is no bad capture. */
    hr = identify( session, "capture-vfs5011-unusable.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == WINBIO_E_UNKNOWN_ID, "got %#lx\n", hr );
    ok( !reject, "reject detail %lu\n", reject );

    /* a touch the sensor rejects: a bad capture, with the reason */
    hr = identify_retry( session, 1, &unit, &identity, &subfactor, &reject );
    ok( hr == WINBIO_E_BAD_CAPTURE, "got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( reject == WINBIO_FP_TOO_SHORT, "reject detail %lu\n", reject );
}

/* Verifies the user's finger with a touch of pgm (or an IMAGE_RETRY value). */
#define verify(a, b, c, d, e, f, g) verify_( __FILE__, __LINE__, a, b, c, d, e, f, g )
static HRESULT verify_( const char *file, int line, WINBIO_SESSION_HANDLE session, const char *request,
                        const char *arg, WINBIO_BIOMETRIC_SUBTYPE subfactor, WINBIO_UNIT_ID *unit, BOOLEAN *match,
                        WINBIO_REJECT_DETAIL *reject )
{
    WINBIO_IDENTITY identity;
    struct touch touch;
    HRESULT hr;

    get_user_identity( &identity );
    *unit = 0xdeadbeef;
    *match = 0xcc;
    *reject = 0xdeadbeef;
    start_touch( &touch, request, arg, 0 );
    hr = WinBioVerify( session, &identity, subfactor, unit, match, reject );
    touch_join_( file, line, &touch );
    return hr;
}

static void test_verify( WINBIO_SESSION_HANDLE session )
{
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    BOOLEAN match;
    HRESULT hr;

    hr = verify( session, "IMAGE", "whorl-shift4.pgm", WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( match == TRUE, "match %u\n", match );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( !reject, "reject detail %lu\n", reject );

    hr = verify( session, "IMAGE", "tented-arch.pgm", WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == WINBIO_E_NO_MATCH, "got %#lx\n", hr );
    ok( match == FALSE, "match %u\n", match );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( !reject, "reject detail %lu\n", reject );

    /* any finger of the user */
    hr = verify( session, "IMAGE", "whorl-rot10.pgm", WINBIO_SUBTYPE_ANY, &unit, &match, &reject );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( match == TRUE, "match %u\n", match );
    ok( unit == image_unit, "unit %lu\n", unit );

    /* the right finger, but not the one the user enrolled under that name */
    hr = verify( session, "IMAGE", "whorl-rot10.pgm", WINBIO_ANSI_381_POS_LH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == WINBIO_E_NO_MATCH, "got %#lx\n", hr );
    ok( match == FALSE, "match %u\n", match );

    /* the page: a failed capture still names the unit that tried */
    hr = verify( session, "IMAGE_RETRY", "1", WINBIO_ANSI_381_POS_RH_INDEX_FINGER, &unit, &match, &reject );
    ok( hr == WINBIO_E_BAD_CAPTURE, "got %#lx\n", hr );
    ok( match == FALSE, "match %u\n", match );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( reject == WINBIO_FP_TOO_SHORT, "reject detail %lu\n", reject );
}

static void test_locate( WINBIO_SESSION_HANDLE session )
{
    struct touch touch;
    WINBIO_UNIT_ID unit = 0xdeadbeef;
    HRESULT hr;

    touch_async( &touch, "whorl-rot4.pgm" );
    hr = WinBioLocateSensor( session, &unit );
    touch_join( &touch );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
}

struct watchdog
{
    WINBIO_SESSION_HANDLE session;
    HANDLE done;
    BOOL fired;
};

/* Cancels the session's call if it is not done in 20 s: a child that hangs
 * would keep the sensor from its parent. */
static DWORD WINAPI watchdog_thread( void *arg )
{
    struct watchdog *watchdog = arg;

    if (WaitForSingleObject( watchdog->done, 20000 ))
    {
        watchdog->fired = TRUE;
        WinBioCancel( watchdog->session );
    }
    return 0;
}

/* The child: identifies the template its parent enrolled, touching the
 * sensor itself, right after the parent used it. */
static void child_identify( const char *unit_arg )
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE subfactor = 0xcc;
    WINBIO_REJECT_DETAIL reject = 0xdeadbeef;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit = 0xdeadbeef;
    struct watchdog watchdog;
    struct touch touch;
    HANDLE thread;
    HRESULT hr;

    ok( vsensor_init(), "no vsensor fixture in the child\n" );
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    memset( &identity, 0, sizeof(identity) );
    watchdog.session = session;
    watchdog.done = CreateEventA( NULL, TRUE, FALSE, NULL );
    watchdog.fired = FALSE;
    thread = CreateThread( NULL, 0, watchdog_thread, &watchdog, 0, NULL );
    start_touch( &touch, "IMAGE", "whorl-rot10.pgm", 2000 );
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    SetEvent( watchdog.done );
    touch_join( &touch );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( watchdog.done );
    ok( !watchdog.fired, "the child's identification never ended\n" );
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( unit == strtoul( unit_arg, NULL, 10 ), "unit %lu, parent's %s\n", unit, unit_arg );
    ok( is_user( &identity ), "identity type %lu is not the user\n", identity.Type );
    ok( subfactor == WINBIO_ANSI_381_POS_RH_INDEX_FINGER, "subfactor %#x\n", subfactor );
    ok( !reject, "reject detail %lu\n", reject );
    trace( "identified after %u touches\n", touch.count );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}

static void run_child_identify(void)
{
    char args[64];
    PROCESS_INFORMATION pi;

    sprintf( args, "match child_identify %lu", image_unit );
    if (!start_child( args, &pi )) return;
    winetest_wait_child_process( pi.hProcess );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
}

/* The template the parent enrolled is found by another process, started
 * right after the enrollment; then the parent has the sensor again. */
static void test_persistence( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    HRESULT hr;

    run_child_identify();
    hr = identify_again( session, "whorl-rot10.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == S_OK, "after the child: got %#lx\n", hr );
}

/* The child for test_busy: waits in WinBioLocateSensor, holding the sensor,
 * until the parent touches it. */
static void child_hold(void)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_UNIT_ID unit = 0;
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;
    hr = WinBioLocateSensor( session, &unit );
    ok( hr == S_OK, "the child's WinBioLocateSensor returned %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    WinBioCloseSession( session );
}

/* A sensor another process holds gives WINBIO_E_DEVICE_BUSY after a bounded
 * wait, never a hang; once the other process lets go it works again. */
static void test_busy( WINBIO_SESSION_HANDLE session )
{
    char args[64];
    PROCESS_INFORMATION pi;
    WINBIO_UNIT_ID unit = 0xdeadbeef;
    struct touch touch;
    HRESULT hr;

    sprintf( args, "match child_hold %lu", image_unit );
    if (!start_child( args, &pi )) return;
    /* the child asks for the sensors, which we give up since we are idle,
     * and then waits for a touch on them */
    ok( vsensor_wait_image_capture(), "the child never waited for a touch: %s\n", vsensor_last_reply );
    hr = WinBioLocateSensor( session, &unit );
    ok( hr == WINBIO_E_DEVICE_BUSY, "got %#lx\n", hr );

    /* the child's touch */
    start_touch( &touch, "IMAGE", "whorl.pgm", 0 );
    touch_join( &touch );
    winetest_wait_child_process( pi.hProcess );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
}

/* Two processes take turns on the sensor: the parent identifies, a child
 * started at once identifies, then the parent again. */
static void test_taking_turns( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    HRESULT hr;

    hr = identify( session, "whorl-shift4.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == S_OK, "got %#lx\n", hr );
    run_child_identify();
    hr = identify_again( session, "whorl-rot4.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == S_OK, "after the child: got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( is_user( &identity ), "identity type %lu is not the user\n", identity.Type );
}

struct canceller
{
    WINBIO_SESSION_HANDLE session;
    BOOL close;
    HANDLE returned;     /* set by the waiting thread once its call returned */
    LONG cancelling;     /* set just before the cancel or close */
    HRESULT hr;
    BOOL rescued;
};

/* Cancels (or closes) once the call waits for a finger.  If a cancelled
 * call still waits a minute later, touches the sensor so that the test
 * goes on. */
static DWORD WINAPI cancel_thread( void *arg )
{
    struct canceller *data = arg;

    ok( vsensor_wait_image_capture(), "the call never waited for a touch: %s\n", vsensor_last_reply );
    InterlockedExchange( &data->cancelling, 1 );
    if (data->close)
    {
        data->hr = WinBioCloseSession( data->session );
        return 0;
    }
    data->hr = WinBioCancel( data->session );
    if (WaitForSingleObject( data->returned, 60000 ))
    {
        data->rescued = TRUE;
        vsensor_touch_image( "tented-arch.pgm" );
    }
    return 0;
}

static void test_cancel( WINBIO_SESSION_HANDLE session )
{
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    struct canceller data = { session, FALSE };
    LONG cancelled;
    HANDLE thread;
    HRESULT hr;

    data.returned = CreateEventA( NULL, TRUE, FALSE, NULL );
    thread = CreateThread( NULL, 0, cancel_thread, &data, 0, NULL );
    /* no touch: this waits until cancelled */
    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    cancelled = data.cancelling;
    SetEvent( data.returned );
    WaitForSingleObject( thread, INFINITE );
    CloseHandle( thread );
    CloseHandle( data.returned );

    ok( data.hr == S_OK, "WinBioCancel returned %#lx\n", data.hr );
    ok( hr == WINBIO_E_CANCELED, "got %#lx\n", hr );
    ok( !data.rescued, "WinBioIdentify was not cancelled\n" );
    ok( cancelled, "returned before the cancel\n" );

    /* the session still works */
    hr = identify( session, "whorl-shift4.pgm", &unit, &identity, &subfactor, &reject );
    ok( hr == S_OK, "after the cancel: got %#lx\n", hr );
}

struct waiter
{
    WINBIO_SESSION_HANDLE session;
    HANDLE returned;
    LONG *cancelling;    /* the canceller's flag, as it was when the call returned */
    LONG cancelled;
    HRESULT hr;
};

static DWORD WINAPI identify_thread( void *arg )
{
    struct waiter *data = arg;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;

    data->hr = WinBioIdentify( data->session, &unit, &identity, &subfactor, &reject );
    data->cancelled = *data->cancelling;
    SetEvent( data->returned );
    return 0;
}

/* Closing the session ends a call waiting in another thread. */
static void test_close_while_waiting(void)
{
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    struct canceller data = { 0, TRUE };
    struct waiter waiter;
    HANDLE threads[2];
    HRESULT hr;

    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;

    waiter.session = data.session = session;
    waiter.returned = data.returned = CreateEventA( NULL, TRUE, FALSE, NULL );
    waiter.hr = 0xdeadbeef;
    waiter.cancelling = &data.cancelling;
    threads[0] = CreateThread( NULL, 0, identify_thread, &waiter, 0, NULL );
    threads[1] = CreateThread( NULL, 0, cancel_thread, &data, 0, NULL );
    /* the close blocks until the call is over: if it is not, end the call */
    if (WaitForSingleObject( waiter.returned, 90000 ))
    {
        data.rescued = TRUE;
        vsensor_touch_image( "tented-arch.pgm" );
    }
    ok( !WaitForMultipleObjects( 2, threads, TRUE, 30000 ), "the threads did not finish\n" );
    CloseHandle( threads[0] );
    CloseHandle( threads[1] );
    CloseHandle( waiter.returned );

    ok( data.hr == S_OK, "WinBioCloseSession returned %#lx\n", data.hr );
    ok( waiter.hr == WINBIO_E_CANCELED, "WinBioIdentify returned %#lx\n", waiter.hr );
    ok( !data.rescued, "WinBioIdentify was not ended by the close\n" );
    ok( waiter.cancelled, "returned before the close\n" );

    hr = WinBioIdentify( session, &unit, &identity, &subfactor, &reject );
    ok( hr == E_HANDLE, "on the closed session: got %#lx\n", hr );
}

/* The checks of a captured whorl.pgm: a BIR with an ANSI 381 image. */
static void check_sample( const WINBIO_BIR *sample, SIZE_T size, WINBIO_BIR_PURPOSE purpose,
                          unsigned int width, unsigned int height, const BYTE *pixels )
{
    const WINBIO_BDB_ANSI_381_HEADER *ansi;
    const WINBIO_BDB_ANSI_381_RECORD *record;
    const WINBIO_BIR_HEADER *header;
    WINBIO_BIR_DATA block;

    ok( size >= sizeof(*sample), "sample size %Iu\n", size );
    if (size < sizeof(*sample)) return;

    block = sample->HeaderBlock;
    ok( block.Offset >= sizeof(*sample) && block.Size >= sizeof(*header) &&
        (SIZE_T)block.Offset + block.Size <= size, "header block %lu bytes at %lu of %Iu\n",
        block.Size, block.Offset, size );
    if (block.Offset < sizeof(*sample) || block.Size < sizeof(*header) || (SIZE_T)block.Offset + block.Size > size)
        return;
    header = (const WINBIO_BIR_HEADER *)((const BYTE *)sample + block.Offset);
    ok( header->BiometricDataFormat.Owner == WINBIO_ANSI_381_FORMAT_OWNER &&
        header->BiometricDataFormat.Type == WINBIO_ANSI_381_FORMAT_TYPE, "format %04x:%04x\n",
        header->BiometricDataFormat.Owner, header->BiometricDataFormat.Type );
    ok( header->Purpose == purpose, "purpose %#x\n", header->Purpose );
    ok( header->DataFlags == WINBIO_DATA_FLAG_RAW, "data flags %#x\n", header->DataFlags );
    ok( header->Type == WINBIO_TYPE_FINGERPRINT, "type %#lx\n", header->Type );

    block = sample->StandardDataBlock;
    ok( block.Offset >= sizeof(*sample) && block.Size >= sizeof(*ansi) + sizeof(*record) &&
        (SIZE_T)block.Offset + block.Size <= size, "standard data block %lu bytes at %lu of %Iu\n",
        block.Size, block.Offset, size );
    if (block.Offset < sizeof(*sample) || block.Size < sizeof(*ansi) + sizeof(*record) ||
        (SIZE_T)block.Offset + block.Size > size)
        return;
    ansi = (const WINBIO_BDB_ANSI_381_HEADER *)((const BYTE *)sample + block.Offset);
    record = (const WINBIO_BDB_ANSI_381_RECORD *)(ansi + 1);
    ok( ansi->FormatIdentifier == 0x46495200, "format identifier %#lx\n", ansi->FormatIdentifier );
    ok( ansi->VersionNumber == 0x30313000, "version %#lx\n", ansi->VersionNumber );
    ok( ansi->ElementCount == 1, "%u elements\n", ansi->ElementCount );
    ok( ansi->PixelDepth == 8, "%u bits per pixel\n", ansi->PixelDepth );
    ok( ansi->ImageCompressionAlg == WINBIO_ANSI_381_IMG_UNCOMPRESSED, "compression %u\n",
        ansi->ImageCompressionAlg );
    ok( record->HorizontalLineLength == width && record->VerticalLineLength == height, "image %ux%u, sent %ux%u\n",
        record->HorizontalLineLength, record->VerticalLineLength, width, height );
    ok( record->BlockLength == sizeof(*record) + width * height, "record length %lu\n", record->BlockLength );
    /* the general header counts itself and the records (low 48 bits) */
    ok( (ansi->RecordLength & 0xffffffffffff) == sizeof(*ansi) + sizeof(*record) + width * height,
        "record length %s\n", wine_dbgstr_longlong( ansi->RecordLength ) );
    if (block.Size < sizeof(*ansi) + sizeof(*record) + width * height) return;
    if (pixels) ok( !memcmp( record + 1, pixels, width * height ), "the pixels differ from the PGM's\n" );
}

/* A system pool session for raw captures, which only administrators get. */
static BOOL open_raw( WINBIO_SESSION_HANDLE *raw )
{
    BOOL admin = running_as_admin();
    HRESULT hr;

    *raw = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                            WINBIO_DB_DEFAULT, raw );
    ok( hr == (admin ? S_OK : E_ACCESSDENIED), "WinBioOpenSession returned %#lx\n", hr );
    if (!admin) skip( "not an administrator: no raw session\n" );
    return hr == S_OK;
}

/* What WinBioCaptureSample checks before it needs a sensor
 * (nf-winbio-winbiocapturesample.md). */
static void test_capture_arguments( WINBIO_SESSION_HANDLE session )
{
    WINBIO_SESSION_HANDLE raw;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_BIR *sample;
    WINBIO_UNIT_ID unit;
    SIZE_T size;
    HRESULT hr;

    /* raw capture needs a session opened for it */
    sample = (WINBIO_BIR *)0xdeadbeef;
    hr = WinBioCaptureSample( session, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, &reject );
    ok( hr == E_ACCESSDENIED, "without WINBIO_FLAG_RAW: got %#lx\n", hr );
    ok( !sample, "sample %p\n", sample );

    hr = WinBioCaptureSample( 0xdeadbeef, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    ok( hr == E_HANDLE, "got %#lx\n", hr );

    if (!open_raw( &raw )) return;
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, NULL, &sample, &size, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, NULL, &size, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, NULL, &reject );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, NULL );
    ok( hr == E_POINTER, "got %#lx\n", hr );
    hr = WinBioCloseSession( raw );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}

static void test_capture_sample(void)
{
    WINBIO_SESSION_HANDLE raw = 0;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_BIR *sample;
    WINBIO_UNIT_ID unit;
    unsigned int width = 0, height = 0, sent_width = 0, sent_height = 0;
    struct touch touch;
    BYTE *pixels;
    SIZE_T size;
    HRESULT hr;

    if (!open_raw( &raw )) return;

    pixels = read_pgm( "whorl.pgm", &width, &height );
    if (!pixels) skip( "cannot read whorl.pgm (PRINTS_DIR unset?): the pixels are not compared\n" );

    sample = NULL;
    size = 0;
    unit = 0xdeadbeef;
    reject = 0xdeadbeef;
    touch_async( &touch, "whorl.pgm" );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, &reject );
    touch_join( &touch );
    /* the fixture answers "OK <width> <height>" */
    if (sscanf( touch.reply, "OK %u %u", &sent_width, &sent_height ) == 2 && pixels)
        ok( sent_width == width && sent_height == height, "sent %ux%u, read %ux%u\n",
            sent_width, sent_height, width, height );
    if (!pixels)
    {
        width = sent_width;
        height = sent_height;
    }
    ok( hr == S_OK, "got %#lx\n", hr );
    ok( unit == image_unit, "unit %lu\n", unit );
    ok( !reject, "reject detail %lu\n", reject );
    if (hr == S_OK && sample)
    {
        check_sample( sample, size, WINBIO_PURPOSE_IDENTIFY, width, height, pixels );
        ok( WinBioFree( sample ) == S_OK, "WinBioFree failed\n" );
    }
    free( pixels );

    /* WINBIO_NO_PURPOSE_AVAILABLE is not among the purposes the page lists,
     * but it is what Microsoft's own WinBioCaptureSample sample passes, and
     * programs built from it rely on it: a capture like any other. */
    sample = NULL;
    touch_async( &touch, "whorl-rot4.pgm" );
    hr = WinBioCaptureSample( raw, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, &reject );
    touch_join( &touch );
    ok( hr == S_OK, "no purpose: got %#lx\n", hr );
    if (hr == S_OK && sample) WinBioFree( sample );

    /*
     * What the sensor cannot produce fails before any touch.  The page
     * names no code; of the sensor driver's codes, a processing level or
     * protection it cannot give is an unsupported data format (the ANSI
     * 381 format exists only raw), an unknown purpose an unsupported
     * purpose, and bits that are no flag at all are bad arguments.  One
     * code each, so that a change of mind shows here.
     */
    sample = (WINBIO_BIR *)0xdeadbeef;
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_PROCESSED, &unit, &sample, &size,
                              &reject );
    ok( hr == WINBIO_E_UNSUPPORTED_DATA_FORMAT, "processed: got %#lx\n", hr );
    ok( !sample, "sample %p\n", sample );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW | WINBIO_DATA_FLAG_PRIVACY, &unit,
                              &sample, &size, &reject );
    ok( hr == WINBIO_E_UNSUPPORTED_DATA_FORMAT, "encrypted: got %#lx\n", hr );
    hr = WinBioCaptureSample( raw, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW | 0x10, &unit, &sample, &size,
                              &reject );
    ok( hr == E_INVALIDARG, "flag 0x10: got %#lx\n", hr );
    hr = WinBioCaptureSample( raw, 0x40, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size, &reject );
    ok( hr == WINBIO_E_UNSUPPORTED_PURPOSE, "purpose 0x40: got %#lx\n", hr );

    hr = WinBioCloseSession( raw );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}

/* A private pool on the test database whose only unit is virtual_device. */
static BOOL open_device_pool( WINBIO_SESSION_FLAGS flags, WINBIO_SESSION_HANDLE *session )
{
    GUID database = test_database;
    HRESULT hr;

    *session = 0;
    if (!device_unit)
    {
        skip( "no virtual_device unit\n" );
        return FALSE;
    }
    if (!register_database( &test_database ))
    {
        skip( "cannot register a private database\n" );
        return FALSE;
    }
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, flags, &device_unit, 1, &database,
                            session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr == S_OK) return TRUE;
    unregister_database( &test_database );
    return FALSE;
}

/* A pool whose only sensor does its matching itself and hands out no
 * images: the unit "does not support the requested operation". */
static void test_capture_not_image(void)
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_BIR *sample = NULL;
    WINBIO_UNIT_ID unit;
    SIZE_T size;
    HRESULT hr;

    if (!open_device_pool( WINBIO_FLAG_RAW, &session )) return;
    hr = WinBioCaptureSample( session, WINBIO_PURPOSE_IDENTIFY, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    ok( hr == E_NOTIMPL, "got %#lx\n", hr );
    ok( !sample, "sample %p\n", sample );
    if (hr == S_OK && sample) WinBioFree( sample );
    WinBioCloseSession( session );
    unregister_database( &test_database );
}

/* Verify on virtual_device, a sensor that matches on its own and can only
 * verify: enrollment and matching take "SCAN <id>" touches. */
static HRESULT device_touch_call( WINBIO_SESSION_HANDLE session, const char *scan, WINBIO_IDENTITY *identity,
                                  WINBIO_REJECT_DETAIL *reject, BOOLEAN *match, WINBIO_UNIT_ID *unit )
{
    struct touch touch;
    HRESULT hr;

    start_touch( &touch, "DEVICE", scan, 0 );
    if (identity) hr = WinBioVerify( session, identity, WINBIO_ANSI_381_POS_LH_THUMB, unit, match, reject );
    else hr = WinBioEnrollCapture( session, reject );
    touch_join( &touch );
    return hr;
}

static void test_device_verify(void)
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_IDENTITY identity;
    WINBIO_UNIT_ID unit;
    BOOLEAN is_new, match;
    unsigned int i;
    HRESULT hr;

    if (!open_device_pool( WINBIO_FLAG_DEFAULT, &session )) return;

    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_THUMB, device_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    for (i = 0; hr == S_OK || hr == WINBIO_I_MORE_DATA; i++)
    {
        hr = device_touch_call( session, "SCAN finger-d", NULL, &reject, NULL, NULL );
        if (i < IMAGE_ENROLL_STAGES - 1) ok( hr == WINBIO_I_MORE_DATA, "capture %u: got %#lx\n", i, hr );
        else
        {
            ok( hr == S_OK, "capture %u: got %#lx\n", i, hr );
            break;
        }
    }
    hr = WinBioEnrollCommit( session, &identity, &is_new );
    ok( hr == S_OK, "WinBioEnrollCommit returned %#lx\n", hr );
    ok( is_new, "not a new template\n" );
    /* the private pool's new GUID */
    ok( identity.Type == WINBIO_ID_TYPE_GUID, "identity type %lu\n", identity.Type );

    hr = device_touch_call( session, "SCAN finger-d", &identity, &reject, &match, &unit );
    ok( hr == S_OK, "verify: got %#lx\n", hr );
    ok( match, "the enrolled finger does not match\n" );
    ok( unit == device_unit, "unit %lu\n", unit );

    hr = device_touch_call( session, "SCAN finger-x", &identity, &reject, &match, &unit );
    ok( hr == WINBIO_E_NO_MATCH, "another finger: got %#lx\n", hr );
    ok( !match, "another finger matches\n" );

    /* a sensor failure is reported, and the session goes on working */
    hr = device_touch_call( session, "ERROR 0", &identity, &reject, &match, &unit );
    ok( hr == WINBIO_E_DEVICE_FAILURE, "sensor error: got %#lx\n", hr );
    hr = device_touch_call( session, "SCAN finger-d", &identity, &reject, &match, &unit );
    ok( hr == S_OK && match, "verify after the error: got %#lx, match %u\n", hr, match );

    hr = WinBioDeleteTemplate( session, device_unit, &identity, WINBIO_SUBTYPE_ANY );
    ok( hr == S_OK, "WinBioDeleteTemplate returned %#lx\n", hr );

    /* a sensor unplugged while a call waits for the finger ends the call,
     * and is then gone from the units (last: the device is gone for good) */
    hr = WinBioEnrollBegin( session, WINBIO_ANSI_381_POS_LH_THUMB, device_unit );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    hr = device_touch_call( session, "UNPLUG", NULL, &reject, NULL, NULL );
    ok( hr == WINBIO_E_SENSOR_UNAVAILABLE, "capture on an unplugged sensor: got %#lx\n", hr );
    WinBioEnrollDiscard( session );
    /* the unplugged device is closed as soon as nothing runs on it, and
     * libfprint forgets it then, while the session is still open */
    ok( !find_unit( L"virtual_device" ), "the unplugged sensor is still listed\n" );
    WinBioCloseSession( session );
    unregister_database( &test_database );
}

START_TEST(match)
{
    WINBIO_SESSION_HANDLE session = 0;
    char **argv;
    int argc = winetest_get_mainargs( &argv );
    BOOL enrolled;
    HRESULT hr;

    if (argc >= 4 && !strcmp( argv[2], "child_identify" ))
    {
        child_identify( argv[3] );
        return;
    }
    if (argc >= 4 && !strcmp( argv[2], "child_hold" ))
    {
        image_unit = strtoul( argv[3], NULL, 10 );
        vsensor_init();
        child_hold();
        return;
    }
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                            WINBIO_DB_DEFAULT, &session );
    ok( hr == S_OK, "WinBioOpenSession returned %#lx\n", hr );
    if (hr != S_OK) return;
    test_arguments( session );
    test_capture_arguments( session );

    /* the rest enrolls and deletes templates: on the project's virtual
     * sensors only, never on a real machine's */
    if (have_virtual_sensors())
    {
        image_unit = find_unit( L"virtual_image" );
        if (GetEnvironmentVariableA( "FP_VIRTUAL_DEVICE", NULL, 0 )) device_unit = find_unit( L"virtual_device" );
        ok( image_unit != 0, "no virtual_image unit\n" );
    }
    if (!image_unit)
    {
        WinBioCloseSession( session );
        return;
    }

    delete_user_templates( session, image_unit );
    enrolled = enroll_whorl( session );
    if (enrolled)
    {
        test_persistence( session );
        test_identify( session );
        test_verify( session );
        test_locate( session );
        test_taking_turns( session );
        test_busy( session );
        test_cancel( session );
        test_close_while_waiting();
    }
    else skip( "no template: identification and verification not tested\n" );
    test_capture_sample();
    test_capture_not_image();
    test_device_verify();
    delete_user_templates( session, image_unit );

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
}
