/*
 * System test: a plain client program enumerating sensors
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
 * Built like a third-party client (plain mingw-w64 headers, <winbio.h>,
 * the import library), run under Wine with the build-tree dll and the
 * virtual sensors the test runner started.
 */

#include "vsensor.h"
#include <winbio.h>

#include "wine/test.h"

static void test_bridge(void)
{
    char reply[64];

    if (!vsensor_init())
    {
        skip( "no virtual sensor feeder (WINBIO_VSENSOR_PORT unset)\n" );
        return;
    }
    ok( vsensor_command( reply, sizeof(reply), "PING" ), "PING failed: %s\n", reply );
    ok( !strcmp( reply, "OK" ), "got %s\n", reply );
    ok( !vsensor_command( reply, sizeof(reply), "NO_SUCH_COMMAND" ), "bad command accepted\n" );
    ok( !strncmp( reply, "ERR", 3 ), "got %s\n", reply );
}

static void test_client_enumeration(void)
{
    static const char *variables[] = { "FP_VIRTUAL_IMAGE", "FP_VIRTUAL_DEVICE", "FP_VIRTUAL_DEVICE_STORAGE" };
    static const WCHAR *models[] = { L"virtual_image", L"virtual_device", L"virtual_device_storage" };
    WINBIO_UNIT_SCHEMA *units = NULL;
    SIZE_T count = 0, i, j;
    HRESULT hr;

    hr = WinBioEnumBiometricUnits( WINBIO_TYPE_FINGERPRINT, &units, &count );
    ok( hr == S_OK, "WinBioEnumBiometricUnits returned %#lx\n", hr );

    for (i = 0; i < ARRAYSIZE(variables); i++)
    {
        if (!GetEnvironmentVariableA( variables[i], NULL, 0 )) continue;
        for (j = 0; j < count; j++)
            if (!wcscmp( units[j].Model, models[i] )) break;
        ok( j < count, "%s is not listed\n", variables[i] );
        if (j == count) continue;
        /* what a client shows its user */
        ok( units[j].Description[0] != 0, "%s has no description\n", variables[i] );
        ok( units[j].UnitId != 0, "%s has unit id 0\n", variables[i] );
    }
    if (units) ok( WinBioFree( units ) == S_OK, "WinBioFree failed\n" );
}

START_TEST(enumerate)
{
    test_bridge();
    test_client_enumeration();
}
