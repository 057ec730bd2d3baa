/*
 * A client whose sensor another program (fprintd) holds: run by
 * tests/replay/testbed.py --claimed, where claiming the sensor's USB
 * interface fails as it does then.
 *
 *   busy.exe OUTPUT.pgm
 *
 * Two captures must each fail with WINBIO_E_DEVICE_BUSY, after a bounded
 * wait, never with another error: the second shows that the first left
 * nothing half open.  Then the other program lets the sensor go ("testbed:
 * release", after which the testbed replays the recorded traffic), and a
 * third capture must succeed; its picture is saved to OUTPUT.pgm, for the
 * test runner to compare with the recording's.  Built with plain mingw
 * against the public headers.
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

/* One capture in a raw system-pool session; returns its HRESULT. */
static HRESULT capture( const char *when )
{
    WINBIO_SESSION_HANDLE session;
    WINBIO_REJECT_DETAIL reject;
    WINBIO_UNIT_ID unit;
    WINBIO_BIR *sample = NULL;
    SIZE_T size;
    DWORD start = GetTickCount();
    HRESULT hr;

    if (FAILED(hr = WinBioOpenSession( WINBIO_TYPE_FINGERPRINT, WINBIO_POOL_SYSTEM, WINBIO_FLAG_RAW, NULL, 0,
                                       NULL, &session )))
        return hr;
    hr = WinBioCaptureSample( session, WINBIO_NO_PURPOSE_AVAILABLE, WINBIO_DATA_FLAG_RAW, &unit, &sample, &size,
                              &reject );
    say( "busy: capture %s: 0x%08lx after %lu ms\n", when, (unsigned long)hr, GetTickCount() - start );
    if (sample) WinBioFree( sample );
    WinBioCloseSession( session );
    return hr;
}

int main( int argc, char **argv )
{
    HRESULT hr;

    program = "busy";
    if (argc != 2) return fail( "usage: busy.exe OUTPUT.pgm", E_INVALIDARG );
    if (!recorded_unit()) return 1;
    if ((hr = capture( "while held" )) != WINBIO_E_DEVICE_BUSY) return fail( "the first capture", hr );
    if ((hr = capture( "again while held" )) != WINBIO_E_DEVICE_BUSY) return fail( "the second capture", hr );
    if (ask_testbed( "release" )) return 1;
    if (capture_picture( argv[1] )) return 1;
    say( "busy: done\n" );
    return 0;
}
