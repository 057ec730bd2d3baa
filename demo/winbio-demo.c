/*
 * winbio-demo: a Windows console client of the Windows Biometric Framework
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
 * Built like any third-party client: plain mingw-w64, <windows.h>,
 * <winbio.h> and the winbio import library, nothing Wine-specific.
 */

#include <windows.h>
#include <stdio.h>
#include <winbio.h>

static const char *subtype_name( WINBIO_BIOMETRIC_SENSOR_SUBTYPE subtype )
{
    switch (subtype)
    {
    case WINBIO_FP_SENSOR_SUBTYPE_SWIPE: return "swipe";
    case WINBIO_FP_SENSOR_SUBTYPE_TOUCH: return "touch";
    default: return "unknown";
    }
}

static void print_capabilities( WINBIO_CAPABILITIES caps )
{
    static const struct { WINBIO_CAPABILITIES flag; const char *name; } names[] =
    {
        { WINBIO_CAPABILITY_SENSOR, "sensor" },
        { WINBIO_CAPABILITY_MATCHING, "matching" },
        { WINBIO_CAPABILITY_DATABASE, "database" },
        { WINBIO_CAPABILITY_PROCESSING, "processing" },
        { WINBIO_CAPABILITY_VIRTUAL_SENSOR, "virtual" },
    };
    unsigned int i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (caps & names[i].flag) printf( " %s", names[i].name );
    printf( "\n" );
}

static int list_units(void)
{
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    if (FAILED(hr))
    {
        printf( "WinBioEnumBiometricUnits failed: 0x%08lx\n", (unsigned long)hr );
        return 1;
    }

    printf( "%lu fingerprint sensor(s)\n", (unsigned long)count );
    for (i = 0; i < count; i++)
    {
        printf( "unit %lu: %ls\n", (unsigned long)units[i].UnitId, units[i].Description );
        printf( "    manufacturer: %ls\n", units[i].Manufacturer );
        printf( "    model:        %ls\n", units[i].Model );
        printf( "    instance:     %ls\n", units[i].DeviceInstanceId );
        printf( "    sensor type:  %s\n", subtype_name( units[i].SensorSubType ) );
        printf( "    capabilities:" );
        print_capabilities( units[i].Capabilities );
    }
    if (units) WinBioFree( units );
    return 0;
}

int main( int argc, char **argv )
{
    return list_units();
}
