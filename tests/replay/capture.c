/*
 * A client that captures one sample from the only sensor present and saves
 * its picture: run inside umockdev-run, it replays a real sensor's recorded
 * USB traffic through libfprint's real driver (tests/run-tests.sh).
 *
 *   capture.exe OUTPUT.pgm
 *
 * Prints the unit as WinBioEnumBiometricUnits reports it and the fields of
 * the ANSI INCITS 381 record, then writes the pixels as a binary PGM, so
 * that they can be compared with the picture libfprint's own test expects.
 * Built with plain mingw against the public headers.
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

int main( int argc, char **argv )
{
    program = "capture";

    if (argc < 2)
    {
        say( "usage: capture.exe OUTPUT.pgm\n" );
        return 2;
    }
    if (!recorded_unit()) return 1;
    return capture_picture( argv[1] );
}
