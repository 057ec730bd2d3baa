/*
 * Fuzz test: every export of winbio.dll with hostile arguments, from
 * several threads at once
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
 * A plain client program.  Worker threads call the 52 exports that have a
 * public prototype in turn (the other 22 are stubs, only looked up), each
 * call with arguments drawn from a seeded
 * generator: NULL, closed, made-up and wrong-kind handles, counts and
 * sizes far beyond their buffers, enums out of range, identities of every
 * type with damaged contents.  Meanwhile one thread keeps closing the
 * handles the workers use and opening new ones, and another cancels them,
 * so that calls that wait for a finger end.
 *
 * It fails on a crash (the process dies), on a call that has not returned
 * after 10 s (a watchdog thread says which, and ends the process), and on
 * any success with a handle that is not open.
 *
 * Pointers are either NULL or point to buffers large enough for what the
 * call may legitimately touch: a count or size beyond a buffer is always
 * one the call must refuse before reading.  The credential and logon
 * calls (which would change the account on Windows) are made only on
 * Wine, where the prefix's store is the test's own.
 *
 *   FUZZ_SEED     the seed (default 13); printed, so that a run can be repeated
 *   FUZZ_CALLS    calls per export (default 1000)
 *   FUZZ_THREADS  worker threads (default 4)
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>
#include <winbio.h>

#include "wine/test.h"

#define EXPORT_COUNT      52        /* those with a public prototype: call_export()'s cases */
#define LIVE_SLOTS        6
#define CLOSED_RING       64
#define HANG_SECONDS      10
#define MAX_THREADS       32
#define SWAPPING          1000      /* struct worker's current: in swap_slot() */
/* more than any pool may name (dlls/winbio/session.c) */
#define UNIT_ARRAY_SIZE   512
#define BUFFER_SIZE       4096

enum handle_kind
{
    KIND_SYNC,
    KIND_ASYNC,
    KIND_FRAMEWORK,
    KIND_COUNT
};

struct slot
{
    volatile LONG handle;
    enum handle_kind kind;
};

static struct slot slots[LIVE_SLOTS];
static SRWLOCK slots_lock = SRWLOCK_INIT;
static volatile LONG closed_ring[CLOSED_RING];
static volatile LONG closed_next;
static volatile LONG stopping;

static unsigned int fuzz_seed = 13, calls_per_export = 1000, thread_count = 4;
static BOOL on_wine;
static HMODULE winbio;

static LONG export_calls[EXPORT_COUNT];
static LONG invalid_successes;
static LONG sessions_swapped;

/* the exports without a public prototype, in the order of winbio.spec */
static const char * const undocumented[] =
{
    "WinBioDiscardTicket", "WinBioEnrollAuthorize", "WinBioEnrollRevoke", "WinBioGetCredentialWithTicket",
    "WinBioGetGestureMetadata", "WinBioGetLastBioUseTime", "WinBioGetPolicyProtectionSupport",
    "WinBioGetProtectionPolicy", "WinBioIdentifyAndReleaseTicket", "WinBioNgcAuthorizeEnrollment",
    "WinBioNgcCloseAuthorizationSession", "WinBioNgcGetAuthorizationWithTicket",
    "WinBioNgcOpenAuthorizationSession", "WinBioProtectData", "WinBioProtectDataWithPolicy",
    "WinBioRegisterServiceMonitor", "WinBioSetMSACredential", "WinBioUnprotectData",
    "WinBioUnregisterServiceMonitor", "WinBioVerifyAndReleaseTicket",
};

/* Those and ordinals 1 and 2 are stubs in the spec, as in upstream Wine
 * (doc/undocumented-exports.md): their signatures are not known, so no
 * arguments can be made up for them, and calling one raises Wine's stub
 * exception.  The fuzzer checks they are exported and calls none. */
static void check_undocumented(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(undocumented) + 2; i++)
    {
        FARPROC proc;

        if (i < ARRAY_SIZE(undocumented)) proc = GetProcAddress( winbio, undocumented[i] );
        else proc = GetProcAddress( winbio, MAKEINTRESOURCEA( i - ARRAY_SIZE(undocumented) + 1 ) );
        ok( proc != NULL, "export %u not found\n", EXPORT_COUNT + i );
    }
}


/* what a worker is doing, for the watchdog */
struct worker
{
    HANDLE thread;
    unsigned int seed;
    unsigned int index;
    volatile LONG progress;
    volatile LONG current;          /* export index of the call in progress, -1 between calls */
    volatile LONG handle;           /* the handle it was given */
    ULONG calls;
};

static struct worker workers[MAX_THREADS];

static unsigned int next_random( unsigned int *seed )
{
    /* xorshift32: cheap, and the same sequence on every machine */
    unsigned int x = *seed ? *seed : 0x9e3779b9;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *seed = x;
}

static ULONGLONG random64( unsigned int *seed )
{
    return ((ULONGLONG)next_random( seed ) << 32) | next_random( seed );
}

static unsigned int env_number( const char *name, unsigned int fallback )
{
    char buffer[32];

    if (!GetEnvironmentVariableA( name, buffer, sizeof(buffer) )) return fallback;
    return strtoul( buffer, NULL, 0 );
}

static void close_handle( WINBIO_SESSION_HANDLE handle, enum handle_kind kind );

/* A handle opened with AsynchronousOpen comes only with its open's result:
 * that is where it is closed, or it would stay open with its worker. */
static void CALLBACK free_result( WINBIO_ASYNC_RESULT *result )
{
    if (SUCCEEDED(result->ApiStatus) && result->Operation == WINBIO_OPERATION_OPEN)
        close_handle( result->SessionHandle, KIND_ASYNC );
    else if (SUCCEEDED(result->ApiStatus) && result->Operation == WINBIO_OPERATION_OPEN_FRAMEWORK)
        close_handle( result->SessionHandle, KIND_FRAMEWORK );
    WinBioFree( result );
}

static void CALLBACK free_event( void *context, HRESULT status, WINBIO_EVENT *event )
{
    if (event) WinBioFree( event );
}

static void CALLBACK verify_done( void *context, HRESULT status, WINBIO_UNIT_ID unit, BOOLEAN match,
                                  WINBIO_REJECT_DETAIL reject )
{
}

static void CALLBACK identify_done( void *context, HRESULT status, WINBIO_UNIT_ID unit, WINBIO_IDENTITY *identity,
                                    WINBIO_BIOMETRIC_SUBTYPE subfactor, WINBIO_REJECT_DETAIL reject )
{
}

static void CALLBACK capture_done( void *context, HRESULT status, WINBIO_REJECT_DETAIL reject )
{
}

static void CALLBACK sample_done( void *context, HRESULT status, WINBIO_UNIT_ID unit, WINBIO_BIR *sample,
                                  SIZE_T size, WINBIO_REJECT_DETAIL reject )
{
    if (sample) WinBioFree( sample );
}

static void CALLBACK locate_done( void *context, HRESULT status, WINBIO_UNIT_ID unit )
{
}

/* A new handle of the kind, or 0. */
static WINBIO_SESSION_HANDLE open_handle( enum handle_kind kind )
{
    WINBIO_SESSION_HANDLE handle = 0;

    switch (kind)
    {
    case KIND_SYNC:
        WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL, &handle );
        break;
    case KIND_ASYNC:
        WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0, NULL,
                                WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, free_result, NULL, FALSE, &handle );
        break;
    default:
        WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, free_result, NULL, FALSE, &handle );
        break;
    }
    return handle;
}

static void close_handle( WINBIO_SESSION_HANDLE handle, enum handle_kind kind )
{
    HRESULT hr;

    if (!handle) return;
    hr = kind == KIND_FRAMEWORK ? WinBioCloseFramework( handle ) : WinBioCloseSession( handle );
    if (FAILED(hr)) return;
    closed_ring[InterlockedIncrement( &closed_next ) % CLOSED_RING] = handle;
}

/* Replaces the handle of a slot, closing the old one under the workers. */
static void swap_slot( struct worker *worker, unsigned int index )
{
    struct slot *slot = &slots[index % LIVE_SLOTS];
    WINBIO_SESSION_HANDLE handle = open_handle( slot->kind ), old;

    AcquireSRWLockExclusive( &slots_lock );
    old = InterlockedExchange( &slot->handle, handle );
    ReleaseSRWLockExclusive( &slots_lock );
    if (worker) worker->handle = old;
    close_handle( old, slot->kind );
    InterlockedIncrement( &sessions_swapped );
}

/* A handle for a call: *invalid is set when it is certainly not open. */
static WINBIO_SESSION_HANDLE pick_handle( unsigned int *seed, BOOL *invalid )
{
    unsigned int what = next_random( seed ) % 10;
    LONG closed;

    *invalid = TRUE;
    switch (what)
    {
    case 0:
        return 0;
    case 1:
        /* far above any handle this process can have had */
        return 0x40000000 | next_random( seed );
    case 2:
        if ((closed = closed_ring[next_random( seed ) % CLOSED_RING])) return closed;
        return 0x7fffffff;
    default:
        *invalid = FALSE;
        return slots[next_random( seed ) % LIVE_SLOTS].handle;
    }
}

static WINBIO_UNIT_ID pick_unit( unsigned int *seed )
{
    switch (next_random( seed ) % 4)
    {
    case 0: return 0;
    case 1: return next_random( seed );
    default: return 1 + next_random( seed ) % 4;
    }
}

static ULONG pick_enum( unsigned int *seed, ULONG limit )
{
    switch (next_random( seed ) % 4)
    {
    case 0: return next_random( seed );
    case 1: return 0xffffffff;
    default: return next_random( seed ) % limit;
    }
}

static SIZE_T pick_size( unsigned int *seed, SIZE_T real )
{
    switch (next_random( seed ) % 6)
    {
    case 0: return 0;
    case 1: return (SIZE_T)random64( seed );
    case 2: return ~(SIZE_T)0;
    case 3: return real + 1 + next_random( seed ) % 0x10000;
    default: return next_random( seed ) % (real + 1);
    }
}

/* Where a call may write: NULL or a buffer of its own. */
static void *maybe( unsigned int *seed, void *ptr )
{
    return next_random( seed ) % 5 ? ptr : NULL;
}

static void fill_identity( unsigned int *seed, WINBIO_IDENTITY *identity )
{
    static const ULONG types[] = { WINBIO_ID_TYPE_NULL, WINBIO_ID_TYPE_WILDCARD, WINBIO_ID_TYPE_GUID,
                                   WINBIO_ID_TYPE_SID, 0, 5, 0xffffffff };
    BYTE *bytes = (BYTE *)identity;
    unsigned int i;

    for (i = 0; i < sizeof(*identity); i++) bytes[i] = next_random( seed );
    identity->Type = types[next_random( seed ) % ARRAY_SIZE(types)];
    if (identity->Type == WINBIO_ID_TYPE_SID)
    {
        switch (next_random( seed ) % 4)
        {
        case 0: identity->Value.AccountSid.Size = 0xffffffff; break;
        case 1: identity->Value.AccountSid.Size = SECURITY_MAX_SID_SIZE + 1 + next_random( seed ) % 100; break;
        default: identity->Value.AccountSid.Size = next_random( seed ) % (SECURITY_MAX_SID_SIZE + 1); break;
        }
    }
    else if (identity->Type == WINBIO_ID_TYPE_WILDCARD && next_random( seed ) % 2)
        identity->Value.Wildcard = WINBIO_IDENTITY_WILDCARD;
}

static WINBIO_IDENTITY *pick_identity( unsigned int *seed, WINBIO_IDENTITY *identity )
{
    fill_identity( seed, identity );
    return maybe( seed, identity );
}

static WINBIO_BIOMETRIC_SUBTYPE pick_subfactor( unsigned int *seed )
{
    switch (next_random( seed ) % 3)
    {
    case 0: return next_random( seed );
    case 1: return WINBIO_SUBTYPE_ANY;
    default: return 1 + next_random( seed ) % 10;
    }
}

struct fuzz_buffers
{
    WINBIO_UNIT_ID units[UNIT_ARRAY_SIZE];
    BYTE in[BUFFER_SIZE];
    BYTE out[BUFFER_SIZE];
    GUID guid;
    WINBIO_IDENTITY identity, identity_out;
};

static void free_if( void *ptr )
{
    if (ptr) WinBioFree( ptr );
}

/* One call of export number index; returns its HRESULT, or S_FALSE for a
 * call whose handle says nothing (no handle, or a void function). */
static HRESULT call_export( struct worker *worker, unsigned int index, unsigned int *seed, struct fuzz_buffers *buf,
                            BOOL *uses_handle, BOOL *invalid )
{
    WINBIO_SESSION_HANDLE handle = worker->handle = pick_handle( seed, invalid );
    WINBIO_UNIT_ID unit_out, unit = pick_unit( seed );
    WINBIO_BIOMETRIC_SUBTYPE subfactor_out, *subfactors = NULL;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_BIR *sample = NULL;
    WINBIO_UNIT_SCHEMA *unit_schemas = NULL;
    WINBIO_STORAGE_SCHEMA *storage_schemas = NULL;
    WINBIO_BSP_SCHEMA *bsp_schemas = NULL;
    WINBIO_CREDENTIAL_STATE state;
    WINBIO_SETTING_SOURCE_TYPE source;
    WINBIO_BIOMETRIC_TYPE factors;
    SIZE_T count = 0, size = 0, received;
    BOOLEAN flag, match;
    ULONG status;
    void *buffer = NULL;
    GUID *database;
    HRESULT hr = S_FALSE;
    unsigned int i;

    *uses_handle = TRUE;
    for (i = 0; i < 8; i++) buf->units[i] = pick_unit( seed );
    switch (next_random( seed ) % 4)
    {
    case 0: database = NULL; break;
    case 1: database = (GUID *)(ULONG_PTR)(1 + next_random( seed ) % 3); break;
    default:
        for (i = 0; i < sizeof(GUID); i++) ((BYTE *)&buf->guid)[i] = next_random( seed );
        database = &buf->guid;
        break;
    }

    switch (index)
    {
    case 0:
        *uses_handle = FALSE;
        return WinBioAcquireFocus();
    case 1:
        return WinBioAsyncEnumBiometricUnits( handle, pick_enum( seed, 64 ) );
    case 2:
        return WinBioAsyncEnumDatabases( handle, pick_enum( seed, 64 ) );
    case 3:
        return WinBioAsyncEnumServiceProviders( handle, pick_enum( seed, 64 ) );
    case 4:
        return WinBioAsyncMonitorFrameworkChanges( handle, pick_enum( seed, 4 ) );
    case 5:
    {
        WINBIO_ASYNC_NOTIFICATION_METHOD method = pick_enum( seed, 3 );
        WINBIO_FRAMEWORK_HANDLE fw = 0;

        /* with AsynchronousOpen, only a callback gets the handle (see free_result) */
        *uses_handle = FALSE;
        hr = WinBioAsyncOpenFramework( method, (HWND)(ULONG_PTR)(next_random( seed ) % 3 * 0x1234),
                                       pick_enum( seed, 0xc000 ), maybe( seed, free_result ), NULL,
                                       method == WINBIO_ASYNC_NOTIFY_CALLBACK && next_random( seed ) % 2,
                                       maybe( seed, &fw ) );
        if (SUCCEEDED(hr) && fw) close_handle( fw, KIND_FRAMEWORK );
        return hr;
    }
    case 6:
    {
        WINBIO_ASYNC_NOTIFICATION_METHOD method = pick_enum( seed, 3 );
        WINBIO_SESSION_HANDLE session = 0;

        *uses_handle = FALSE;
        hr = WinBioAsyncOpenSession( pick_enum( seed, 64 ), pick_enum( seed, 4 ), pick_enum( seed, 0x40000 ),
                                     maybe( seed, buf->units ), pick_size( seed, MAX_PATH / 2 ), database,
                                     method, (HWND)(ULONG_PTR)(next_random( seed ) % 3 * 0x1234),
                                     pick_enum( seed, 0xc000 ), maybe( seed, free_result ), NULL,
                                     method == WINBIO_ASYNC_NOTIFY_CALLBACK && next_random( seed ) % 2,
                                     maybe( seed, &session ) );
        if (SUCCEEDED(hr) && session) close_handle( session, KIND_ASYNC );
        return hr;
    }
    case 7:
        return WinBioCancel( handle );
    case 8:
        hr = WinBioCaptureSample( handle, pick_enum( seed, 0x40 ), pick_enum( seed, 0x100 ), maybe( seed, &unit_out ),
                                  maybe( seed, &sample ), maybe( seed, &size ), maybe( seed, &reject ) );
        free_if( sample );
        return hr;
    case 9:
        return WinBioCaptureSampleWithCallback( handle, pick_enum( seed, 0x40 ), pick_enum( seed, 0x100 ),
                                                maybe( seed, sample_done ), NULL );
    case 10:
    case 11:
        /* only made-up and closed handles: the live ones are swap_slot()'s */
        if (!*invalid)
        {
            handle = 0x7fffffff;
            *invalid = TRUE;
        }
        return index == 10 ? WinBioCloseFramework( handle ) : WinBioCloseSession( handle );
    case 12:
    case 13:
    {
        HRESULT (WINAPI *control)( WINBIO_SESSION_HANDLE, WINBIO_UNIT_ID, WINBIO_COMPONENT, ULONG, UCHAR *, SIZE_T,
                                   UCHAR *, SIZE_T, SIZE_T *, ULONG * );
        SIZE_T send_size = pick_size( seed, BUFFER_SIZE ), receive_size = pick_size( seed, BUFFER_SIZE );
        UCHAR *send = maybe( seed, buf->in ), *receive = maybe( seed, buf->out );

        control = index == 12 ? WinBioControlUnit : WinBioControlUnitPrivileged;
        return control( handle, unit, pick_enum( seed, 5 ), next_random( seed ), send, send_size, receive,
                        receive_size, maybe( seed, &received ), maybe( seed, &status ) );
    }
    case 14:
        return WinBioDeleteTemplate( handle, unit, pick_identity( seed, &buf->identity ), pick_subfactor( seed ) );
    case 15:
        return WinBioEnrollBegin( handle, pick_subfactor( seed ), unit );
    case 16:
        return WinBioEnrollCapture( handle, maybe( seed, &reject ) );
    case 17:
        return WinBioEnrollCaptureWithCallback( handle, maybe( seed, capture_done ), NULL );
    case 18:
        return WinBioEnrollCommit( handle, maybe( seed, &buf->identity_out ), maybe( seed, &flag ) );
    case 19:
        return WinBioEnrollDiscard( handle );
    case 20:
        return WinBioEnrollSelect( handle, random64( seed ) >> (next_random( seed ) % 64) );
    case 21:
        *uses_handle = FALSE;
        hr = WinBioEnumBiometricUnits( pick_enum( seed, 64 ), maybe( seed, &unit_schemas ), maybe( seed, &count ) );
        free_if( unit_schemas );
        return hr;
    case 22:
        *uses_handle = FALSE;
        hr = WinBioEnumDatabases( pick_enum( seed, 64 ), maybe( seed, &storage_schemas ), maybe( seed, &count ) );
        free_if( storage_schemas );
        return hr;
    case 23:
        hr = WinBioEnumEnrollments( handle, unit, pick_identity( seed, &buf->identity ), maybe( seed, &subfactors ),
                                    maybe( seed, &count ) );
        free_if( subfactors );
        return hr;
    case 24:
        *uses_handle = FALSE;
        hr = WinBioEnumServiceProviders( pick_enum( seed, 64 ), maybe( seed, &bsp_schemas ), maybe( seed, &count ) );
        free_if( bsp_schemas );
        return hr;
    case 25:
        /* only what the dll gave out may be freed: NULL here */
        *uses_handle = FALSE;
        return WinBioFree( NULL );
    case 26:
        *uses_handle = FALSE;
        fill_identity( seed, &buf->identity );
        return WinBioGetCredentialState( buf->identity, pick_enum( seed, 3 ), maybe( seed, &state ) );
    case 27:
    case 28:
    case 29:
        *uses_handle = FALSE;
        if (index == 27) WinBioGetDomainLogonSetting( maybe( seed, &flag ), maybe( seed, &source ) );
        else if (index == 28) WinBioGetEnabledSetting( maybe( seed, &flag ), maybe( seed, &source ) );
        else WinBioGetLogonSetting( maybe( seed, &flag ), maybe( seed, &source ) );
        return S_FALSE;
    case 30:
        *uses_handle = FALSE;
        return WinBioGetEnrolledFactors( pick_identity( seed, &buf->identity ), maybe( seed, &factors ) );
    case 31:
        hr = WinBioGetProperty( handle, pick_enum( seed, 4 ), pick_enum( seed, 16 ), unit,
                                pick_identity( seed, &buf->identity ), pick_subfactor( seed ),
                                maybe( seed, &buffer ), maybe( seed, &size ) );
        free_if( buffer );
        return hr;
    case 32:
        return WinBioIdentify( handle, maybe( seed, &unit_out ), maybe( seed, &buf->identity_out ),
                               maybe( seed, &subfactor_out ), maybe( seed, &reject ) );
    case 33:
        return WinBioIdentifyWithCallback( handle, maybe( seed, identify_done ), NULL );
    case 34:
        return WinBioLocateSensor( handle, maybe( seed, &unit_out ) );
    case 35:
        return WinBioLocateSensorWithCallback( handle, maybe( seed, locate_done ), NULL );
    case 36:
        return WinBioLockUnit( handle, unit );
    case 37:
        /* logs the identified user on, on Windows */
        if (!on_wine) return S_FALSE;
        return WinBioLogonIdentifiedUser( handle );
    case 38:
        return WinBioMonitorPresence( handle, unit );
    case 39:
    {
        WINBIO_SESSION_HANDLE session = 0;

        *uses_handle = FALSE;
        hr = WinBioOpenSession( pick_enum( seed, 64 ), pick_enum( seed, 4 ), pick_enum( seed, 0x40000 ),
                                maybe( seed, buf->units ), pick_size( seed, MAX_PATH / 2 ), database,
                                maybe( seed, &session ) );
        if (SUCCEEDED(hr) && session) close_handle( session, KIND_SYNC );
        return hr;
    }
    case 40:
        return WinBioRegisterEventMonitor( handle, pick_enum( seed, 4 ), maybe( seed, free_event ), NULL );
    case 41:
        *uses_handle = FALSE;
        return WinBioReleaseFocus();
    case 42:
        *uses_handle = FALSE;
        if (!on_wine) return S_FALSE;
        return WinBioRemoveAllCredentials();
    case 43:
        *uses_handle = FALSE;
        if (!on_wine) return S_FALSE;
        return WinBioRemoveAllDomainCredentials();
    case 44:
        *uses_handle = FALSE;
        if (!on_wine) return S_FALSE;
        fill_identity( seed, &buf->identity );
        return WinBioRemoveCredential( buf->identity, pick_enum( seed, 3 ) );
    case 45:
        *uses_handle = FALSE;
        if (!on_wine) return S_FALSE;
        return WinBioSetCredential( pick_enum( seed, 3 ), maybe( seed, buf->in ), pick_size( seed, BUFFER_SIZE ),
                                    pick_enum( seed, 3 ) );
    case 46:
        return WinBioSetProperty( handle, pick_enum( seed, 4 ), pick_enum( seed, 16 ), unit,
                                  pick_identity( seed, &buf->identity ), pick_subfactor( seed ),
                                  maybe( seed, buf->in ), pick_size( seed, BUFFER_SIZE ) );
    case 47:
        return WinBioUnlockUnit( handle, unit );
    case 48:
        return WinBioUnregisterEventMonitor( handle );
    case 49:
        return WinBioVerify( handle, pick_identity( seed, &buf->identity ), pick_subfactor( seed ),
                             maybe( seed, &unit_out ), maybe( seed, &match ), maybe( seed, &reject ) );
    case 50:
        return WinBioVerifyWithCallback( handle, pick_identity( seed, &buf->identity ), pick_subfactor( seed ),
                                         maybe( seed, verify_done ), NULL );
    default:    /* 51, the last one */
        return WinBioWait( handle );
    }
}

static DWORD WINAPI worker_proc( void *arg )
{
    struct worker *worker = arg;
    struct fuzz_buffers *buf = malloc( sizeof(*buf) );
    unsigned int seed = worker->seed, index, turn;
    ULONG total = calls_per_export * EXPORT_COUNT / thread_count;
    BOOL uses_handle, invalid;
    HRESULT hr;

    memset( buf, 0, sizeof(*buf) );
    for (turn = 0; turn < total && !stopping; turn++)
    {
        /* every export in turn, each thread starting elsewhere */
        index = (turn + worker->index * 7) % EXPORT_COUNT;
        /* now and then a handle closed and replaced under the others */
        if (!(next_random( &seed ) % 64))
        {
            worker->current = SWAPPING;
            worker->handle = 0;
            swap_slot( worker, next_random( &seed ) );
        }
        worker->current = index;
        hr = call_export( worker, index, &seed, buf, &uses_handle, &invalid );
        worker->current = -1;
        InterlockedIncrement( &worker->progress );
        InterlockedIncrement( &export_calls[index] );
        worker->calls++;
        if (uses_handle && invalid && hr != S_FALSE && SUCCEEDED(hr))
        {
            if (InterlockedIncrement( &invalid_successes ) <= 10)
                ok( 0, "export %u succeeded (%#lx) with a handle that is not open\n", index, hr );
        }
    }
    free( buf );
    return 0;
}

/* Cancels the live handles all the time: calls that wait for a finger end. */
static DWORD WINAPI canceller_proc( void *arg )
{
    unsigned int i = 0;

    while (!stopping)
    {
        WinBioCancel( slots[i++ % LIVE_SLOTS].handle );
        Sleep( 1 );
    }
    return 0;
}

static const char *export_name( LONG index )
{
    static char name[32];

    if (index == SWAPPING) return "WinBioCloseSession or WinBioCloseFramework of a live handle";
    snprintf( name, sizeof(name), "export %ld", index );
    return name;
}

START_TEST(fuzz)
{
    HANDLE canceller;
    LONG last[MAX_THREADS];
    DWORD stalled[MAX_THREADS], start, elapsed;
    unsigned int i, running;
    ULONG total = 0;

    fuzz_seed = env_number( "FUZZ_SEED", fuzz_seed );
    calls_per_export = env_number( "FUZZ_CALLS", calls_per_export );
    thread_count = min( max( env_number( "FUZZ_THREADS", thread_count ), 1 ), MAX_THREADS );
    on_wine = GetProcAddress( GetModuleHandleA( "ntdll.dll" ), "wine_get_version" ) != NULL;
    winbio = GetModuleHandleA( "winbio.dll" );
    check_undocumented();
    trace( "seed %u, %u calls per export, %u threads%s\n", fuzz_seed, calls_per_export, thread_count,
           on_wine ? "" : " (not Wine: no credential calls)" );

    for (i = 0; i < LIVE_SLOTS; i++)
    {
        slots[i].kind = i % KIND_COUNT;
        slots[i].handle = open_handle( slots[i].kind );
        ok( slots[i].handle != 0, "cannot open a handle of kind %u\n", slots[i].kind );
    }
    canceller = CreateThread( NULL, 0, canceller_proc, NULL, 0, NULL );

    start = GetTickCount();
    for (i = 0; i < thread_count; i++)
    {
        workers[i].index = i;
        workers[i].seed = fuzz_seed * 2654435761u + i + 1;
        workers[i].current = -1;
        workers[i].thread = CreateThread( NULL, 0, worker_proc, &workers[i], 0, NULL );
        last[i] = -1;
        stalled[i] = 0;
    }

    /* the watchdog: a thread whose call does not return for 10 s hangs */
    do
    {
        running = 0;
        for (i = 0; i < thread_count; i++)
        {
            if (!WaitForSingleObject( workers[i].thread, 0 )) continue;
            running++;
            if (workers[i].progress != last[i])
            {
                last[i] = workers[i].progress;
                stalled[i] = GetTickCount();
            }
            else if (GetTickCount() - stalled[i] > HANG_SECONDS * 1000)
            {
                ok( 0, "thread %u hangs in %s with handle %ld for more than %u s (seed %u)\n", i,
                    export_name( workers[i].current ), workers[i].handle, HANG_SECONDS, fuzz_seed );
                for (running = 0; running < thread_count; running++)
                    trace( "thread %u: in %s with handle %ld, since %lu ms\n", running,
                           export_name( workers[running].current ), workers[running].handle,
                           GetTickCount() - stalled[running] );
                fflush( stdout );
                /* nothing would end it: end the test here, as a failure */
                TerminateProcess( GetCurrentProcess(), 1 );
            }
        }
        if (running) Sleep( 100 );
    }
    while (running);
    elapsed = GetTickCount() - start;

    stopping = TRUE;
    WaitForSingleObject( canceller, INFINITE );
    CloseHandle( canceller );
    for (i = 0; i < thread_count; i++)
    {
        CloseHandle( workers[i].thread );
        total += workers[i].calls;
    }
    for (i = 0; i < LIVE_SLOTS; i++) close_handle( slots[i].handle, slots[i].kind );

    for (i = 0; i < EXPORT_COUNT; i++)
        ok( export_calls[i] >= calls_per_export / 2, "export %u called %ld times\n", i, export_calls[i] );
    ok( !invalid_successes, "%ld calls succeeded with a handle that is not open\n", invalid_successes );
    trace( "%lu calls in %lu.%03lu s from %u threads, seed %u, %ld handles closed under them; 0 crashes, 0 hangs\n",
           total, elapsed / 1000, elapsed % 1000, thread_count, fuzz_seed, sessions_swapped );
}
