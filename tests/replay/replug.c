/*
 * A client that sees its sensor unplugged and plugged in again, as a
 * fingerprint manager does while it stays open: run by tests/replay/testbed.py,
 * which replays a real sensor's recorded traffic with umockdev and sends
 * the kernel's uevents for the device when this program asks for them.
 *
 *   replug.exe OUTPUT.pgm
 *
 * It captures once, asks for the sensor to be unplugged (a line
 * "testbed: unplug" on stdout, answered by a line on stdin), and then
 * requires a framework monitor's UNIT_REMOVAL for the unit and a unit list
 * without it; asks for it to be plugged in again ("testbed: plug"), and
 * requires UNIT_ARRIVAL for the same unit id, the unit listed again, and a
 * second capture, saved to OUTPUT.pgm.  Built with plain mingw against the
 * public headers.
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

#include "replay.h"
#include "picture.h"

/* how long a uevent may take to reach the monitor */
#define CHANGE_TIMEOUT 10000

/* the unit changes the framework monitor reported, in order */
static CRITICAL_SECTION changes_cs;
static HANDLE changes_event;
static struct
{
    WINBIO_OPERATION_TYPE operation;
    WINBIO_UNIT_ID unit;
} changes[16];
static unsigned int changes_count;

static void CALLBACK on_result( WINBIO_ASYNC_RESULT *result )
{
    EnterCriticalSection( &changes_cs );
    if ((result->Operation == WINBIO_OPERATION_UNIT_ARRIVAL || result->Operation == WINBIO_OPERATION_UNIT_REMOVAL)
        && changes_count < ARRAYSIZE(changes))
    {
        changes[changes_count].operation = result->Operation;
        changes[changes_count].unit = result->UnitId;
        changes_count++;
        SetEvent( changes_event );
    }
    LeaveCriticalSection( &changes_cs );
    WinBioFree( result );
}

/* The monitor's next report must be this change of this unit; 0 if it is. */
static int expect_change( WINBIO_OPERATION_TYPE operation, WINBIO_UNIT_ID unit, unsigned int *seen )
{
    WINBIO_OPERATION_TYPE got_operation = 0;
    WINBIO_UNIT_ID got_unit = 0;
    BOOL have;

    do
    {
        EnterCriticalSection( &changes_cs );
        if ((have = *seen < changes_count))
        {
            got_operation = changes[*seen].operation;
            got_unit = changes[*seen].unit;
            (*seen)++;
        }
        LeaveCriticalSection( &changes_cs );
    } while (!have && WaitForSingleObject( changes_event, CHANGE_TIMEOUT ) == WAIT_OBJECT_0);

    if (!have)
    {
        say( "replug: no unit change reported in %u ms\n", CHANGE_TIMEOUT );
        return 1;
    }
    say( "replug: monitor reported %s of unit %lu\n",
            got_operation == WINBIO_OPERATION_UNIT_ARRIVAL ? "arrival" : "removal", got_unit );
    return got_operation == operation && got_unit == unit ? 0 : 1;
}

/* Whether WinBioEnumBiometricUnits lists the unit: 1 or 0, -1 on failure. */
static int listed( WINBIO_UNIT_ID unit )
{
    WINBIO_UNIT_SCHEMA *units;
    SIZE_T count, i;
    int ret = 0;
    HRESULT hr;

    if (FAILED(hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count )))
        return -fail( "WinBioEnumBiometricUnits", hr );
    for (i = 0; i < count; i++) if (units[i].UnitId == unit) ret = 1;
    WinBioFree( units );
    return ret;
}

int main( int argc, char **argv )
{
    WINBIO_FRAMEWORK_HANDLE framework;
    WINBIO_UNIT_ID unit, again;
    unsigned int seen = 0;
    HRESULT hr;

    program = "replug";
    if (argc < 2)
    {
        say( "usage: replug.exe OUTPUT.pgm\n" );
        return 2;
    }
    InitializeCriticalSection( &changes_cs );
    changes_event = CreateEventW( NULL, FALSE, FALSE, NULL );

    if (!(unit = recorded_unit())) return 1;
    if (FAILED(hr = WinBioAsyncOpenFramework( WINBIO_ASYNC_NOTIFY_CALLBACK, NULL, 0, on_result, NULL, FALSE,
                                              &framework )))
        return fail( "WinBioAsyncOpenFramework", hr );
    if (FAILED(hr = WinBioAsyncMonitorFrameworkChanges( framework, WINBIO_FRAMEWORK_CHANGE_UNIT )))
        return fail( "WinBioAsyncMonitorFrameworkChanges", hr );
    if (capture_picture( argv[1] )) return 1;
    say( "replug: captured before unplugging\n" );

    if (ask_testbed( "unplug" ) || expect_change( WINBIO_OPERATION_UNIT_REMOVAL, unit, &seen )) return 1;
    /* the unit is gone from the list, not only from the monitor */
    if (listed( unit ))
    {
        say( "replug: unit %lu is still listed after the removal\n", unit );
        return 1;
    }

    if (ask_testbed( "plug" ) || expect_change( WINBIO_OPERATION_UNIT_ARRIVAL, unit, &seen )) return 1;
    if (!(again = recorded_unit())) return 1;
    if (again != unit)
    {
        say( "replug: the sensor came back as unit %lu, was %lu\n", again, unit );
        return 1;
    }
    if (capture_picture( argv[1] )) return 1;
    say( "replug: captured after plugging in again\n" );

    WinBioCloseFramework( framework );
    say( "replug: done\n" );
    return 0;
}
