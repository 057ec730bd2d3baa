/*
 * What the replay clients share: reporting the one unit a recording
 * provides, and failing with the call that failed.
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
#include <windows.h>
#include <winbio.h>

static const char *program;

/* Prints one line of output with a single write.  The replays trace, and
 * Wine's traces from the program's other threads go to the same file: a
 * printf, which writes its output in pieces, could be cut by one and the
 * test script then no longer finds the line. */
static void say( const char *format, ... )
{
    char line[1024];
    va_list args;
    int len;

    va_start( args, format );
    len = vsnprintf( line, sizeof(line), format, args );
    va_end( args );
    if (len < 0) return;
    fwrite( line, 1, min( len, sizeof(line) - 1 ), stdout );
    fflush( stdout );
}

static int fail( const char *what, HRESULT hr )
{
    say( "%s: %s failed: 0x%08lx\n", program, what, (unsigned long)hr );
    return 1;
}

/* Prints every unit as WinBioEnumBiometricUnits reports it (the test
 * script compares the fields with what the driver says of the sensor) and
 * returns the id of the only one, or 0 when there is not exactly one. */
static WINBIO_UNIT_ID recorded_unit(void)
{
    WINBIO_UNIT_SCHEMA *units;
    WINBIO_UNIT_ID id = 0;
    SIZE_T count, i;
    HRESULT hr;

    if (FAILED(hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count )))
    {
        fail( "WinBioEnumBiometricUnits", hr );
        return 0;
    }
    for (i = 0; i < count; i++)
        say( "unit %lu: description \"%ls\", manufacturer \"%ls\", model \"%ls\", instance \"%ls\", "
                "subtype %lu, capabilities 0x%lx\n", units[i].UnitId, units[i].Description,
                units[i].Manufacturer, units[i].Model, units[i].DeviceInstanceId, units[i].SensorSubType,
                units[i].Capabilities );
    if (count == 1) id = units[0].UnitId;
    else say( "%s: %lu units, expected the recorded one\n", program, (unsigned long)count );
    WinBioFree( units );
    return id;
}

/* Asks tests/replay/testbed.py to change the sensor ("unplug", "plug",
 * "release") and waits until it has; 0 on success. */
static inline int ask_testbed( const char *what )
{
    char line[64];

    say( "testbed: %s\n", what );
    return fgets( line, sizeof(line), stdin ) ? 0 : 1;
}
