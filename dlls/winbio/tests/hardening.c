/*
 * Hostile arguments and damaged state: each test here once crashed, hung
 * or leaked data (issue 13)
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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vsensor.h"
#include "windef.h"
#include "winbase.h"
#include "winreg.h"
#include "winbio.h"

#include "wine/test.h"
#include "winbio_test.h"

static const GUID hardening_database =
    { 0x5b0e9c27, 0x41d3, 0x4e8a, { 0xa6, 0x1f, 0x72, 0x3c, 0x09, 0xd4, 0xbe, 0x58 } };

static WINBIO_UNIT_ID first_unit(void)
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count = 0;

    if (WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count ) == S_OK && count)
        id = units[0].UnitId;
    if (units) WinBioFree( units );
    return id;
}

static void CALLBACK ignore_result( WINBIO_ASYNC_RESULT *result )
{
    WinBioFree( result );
}

/* A private-pool UnitCount whose size in bytes overflows must fail before
 * anything is allocated or copied: it once copied about 2^63 bytes. */
static void test_open_unit_count_overflow(void)
{
    const SIZE_T counts[] =
    {
        (SIZE_T)-1 / 8 + 2,     /* times 8 wraps to 8 */
        (SIZE_T)-1 / 4 + 2,     /* times 4 wraps to 4 */
        (SIZE_T)-1 / 16 + 1,
        (SIZE_T)-1,
        0x10000,
    };
    GUID database = hardening_database;
    WINBIO_SESSION_HANDLE session;
    WINBIO_UNIT_ID units[1];
    unsigned int i;
    BOOL async_open;
    HRESULT hr;

    if (!(units[0] = first_unit()))
    {
        skip( "no biometric unit for a private pool\n" );
        return;
    }
    if (!register_database( &hardening_database ))
    {
        skip( "cannot register a private database\n" );
        return;
    }

    for (i = 0; i < ARRAY_SIZE(counts); i++)
    {
        session = 0xdeadbeef;
        hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, counts[i],
                                &database, &session );
        ok( hr == E_INVALIDARG, "count %#Ix: got %#lx\n", counts[i], hr );
        ok( !session, "count %#Ix: handle %lu\n", counts[i], session );
        if (SUCCEEDED(hr) && session) WinBioCloseSession( session );

        for (async_open = FALSE; async_open <= TRUE; async_open++)
        {
            session = 0xdeadbeef;
            hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units,
                                         counts[i], &database, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0,
                                         ignore_result, NULL, async_open, &session );
            ok( hr == E_INVALIDARG, "async %d, count %#Ix: got %#lx\n", async_open, counts[i], hr );
            ok( !session, "async %d, count %#Ix: handle %lu\n", async_open, counts[i], session );
            if (SUCCEEDED(hr) && session) WinBioCloseSession( session );
        }
    }

    /* the one real unit still opens */
    session = 0;
    hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_PRIVATE, WINBIO_FLAG_DEFAULT, units, 1,
                            &database, &session );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (session) WinBioCloseSession( session );
    unregister_database( &hardening_database );
}

/* The result of the last call of one kind on an asynchronous session. */
struct last_result
{
    WINBIO_OPERATION_TYPE operation;
    HANDLE event;
    HRESULT status;
};

static void CALLBACK record_result( WINBIO_ASYNC_RESULT *result )
{
    struct last_result *last = result->UserData;

    if (result->Operation == last->operation)
    {
        last->status = result->ApiStatus;
        SetEvent( last->event );
    }
    WinBioFree( result );
}

/* The asynchronous WinBioSetProperty once copied PropertyBufferSize bytes
 * before checking it: 4 GB allocated, or a read past the caller's buffer.
 * The policy lies at the end of a page whose next page is inaccessible,
 * so a copy of more than its size faults. */
static void test_async_set_property_size(void)
{
    static const SIZE_T sizes[] = { 0, sizeof(WINBIO_ANTI_SPOOF_POLICY) + 1, 4096, 0xffffffff, (SIZE_T)-1 };
    struct last_result last = { WINBIO_OPERATION_SET_PROPERTY };
    WINBIO_ANTI_SPOOF_POLICY *policy;
    WINBIO_SESSION_HANDLE session = 0;
    WINBIO_IDENTITY identity;
    SYSTEM_INFO info;
    unsigned int i;
    DWORD old;
    BYTE *pages;
    HRESULT hr;

    GetSystemInfo( &info );
    pages = VirtualAlloc( NULL, 2 * info.dwPageSize, MEM_COMMIT, PAGE_READWRITE );
    ok( pages != NULL, "VirtualAlloc failed\n" );
    if (!pages) return;
    VirtualProtect( pages + info.dwPageSize, info.dwPageSize, PAGE_NOACCESS, &old );
    policy = (WINBIO_ANTI_SPOOF_POLICY *)(pages + info.dwPageSize - sizeof(*policy));
    policy->Action = WINBIO_ANTI_SPOOF_DISABLE;
    policy->Source = WINBIO_POLICY_LOCAL;
    get_user_identity( &identity );

    last.event = CreateEventA( NULL, FALSE, FALSE, NULL );
    hr = WinBioAsyncOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_DEFAULT, NULL, 0,
                                 WINBIO_DB_DEFAULT, WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, record_result, &last,
                                 FALSE, &session );
    ok( hr == S_OK, "WinBioAsyncOpenSession returned %#lx\n", hr );
    if (hr != S_OK)
    {
        CloseHandle( last.event );
        VirtualFree( pages, 0, MEM_RELEASE );
        return;
    }

    /* refused at once, as the synchronous call refuses them */
    for (i = 0; i < ARRAY_SIZE(sizes); i++)
    {
        hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                                &identity, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizes[i] );
        ok( hr == E_INVALIDARG, "size %#Ix: got %#lx\n", sizes[i], hr );
    }
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            NULL, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizeof(*policy) );
    ok( hr == E_POINTER, "no identity: got %#lx\n", hr );
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, NULL, 4096 );
    ok( hr == E_POINTER, "no buffer: got %#lx\n", hr );

    /* the right size is still queued, and its result comes */
    hr = WinBioSetProperty( session, WINBIO_PROPERTY_TYPE_ACCOUNT, WINBIO_PROPERTY_ANTI_SPOOF_POLICY, 0,
                            &identity, WINBIO_SUBTYPE_NO_INFORMATION, policy, sizeof(*policy) );
    ok( hr == S_OK, "got %#lx\n", hr );
    if (hr == S_OK)
    {
        ok( !WaitForSingleObject( last.event, 10000 ), "no result\n" );
        ok( last.status == S_OK, "result %#lx\n", last.status );
    }

    hr = WinBioCloseSession( session );
    ok( hr == S_OK, "WinBioCloseSession returned %#lx\n", hr );
    WinBioWait( session );
    CloseHandle( last.event );
    VirtualFree( pages, 0, MEM_RELEASE );
}

START_TEST(hardening)
{
    test_open_unit_count_overflow();
    test_async_set_property_size();
}
