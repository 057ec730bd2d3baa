/*
 * winebio: fingerprint settings for a Wine prefix
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

#include <wchar.h>
#include "winebio.h"

static void usage(void)
{
    WCHAR names[256];

    output( L"Usage: winebio [--unit N] [--yes] <command> [<argument>]\n"
            L"\n"
            L"Fingerprint settings of this Wine prefix, for the account running it.\n"
            L"\n"
            L"Commands:\n"
            L"  list                the sensors (units), and your enrolled fingers on each\n"
            L"  enroll <finger>     enroll a finger: touch the sensor until it has enough\n"
            L"  verify [<finger>]   check that a touch is your finger (any of yours if none given)\n"
            L"  identify            tell whose finger touches the sensor, and which finger\n"
            L"  delete <finger>|all delete one or all of your fingers (asks first)\n"
            L"  capture <file.bmp>  save the picture of one touch (administrators only)\n"
            L"\n"
            L"Options:\n"
            L"  --unit N            use unit N only (see list); the default is any unit\n"
            L"  --yes               delete without asking\n"
            L"  --help              show this text\n"
            L"\n"
            L"Fingers: " );
    finger_names( names, ARRAY_SIZE(names) );
    output( L"%ls\n", names );
}

static int usage_error( const WCHAR *text, const WCHAR *arg )
{
    output_error( L"%ls%ls; see winebio --help", text, arg );
    return EXIT_USAGE;
}

static BOOL parse_unit( const WCHAR *text, WINBIO_UNIT_ID *unit )
{
    WCHAR *end;
    unsigned long value;

    if (!text || *text < '0' || *text > '9') return FALSE;
    value = wcstoul( text, &end, 10 );
    if (*end || !value || value > 0xffffffff) return FALSE;
    *unit = value;
    return TRUE;
}

static int parse_finger( const WCHAR *name, WINBIO_BIOMETRIC_SUBTYPE *finger )
{
    WCHAR names[256];

    if (!name) return usage_error( L"which finger? give its name, such as right-index", L"" );
    if (finger_from_name( name, finger )) return EXIT_OK;
    finger_names( names, ARRAY_SIZE(names) );
    output_error( L"'%ls' is not a finger name; the names are %ls", name, names );
    return EXIT_USAGE;
}

int __cdecl wmain( int argc, WCHAR *argv[] )
{
    struct options options = { 0 };
    WINBIO_BIOMETRIC_SUBTYPE finger = WINBIO_SUBTYPE_ANY;
    const WCHAR *command = NULL, *arg = NULL;
    int i, ret;

    for (i = 1; i < argc; i++)
    {
        if (!wcscmp( argv[i], L"--help" ) || !wcscmp( argv[i], L"-h" ) || !wcscmp( argv[i], L"/?" ))
        {
            usage();
            return EXIT_OK;
        }
        else if (!wcscmp( argv[i], L"--yes" ) || !wcscmp( argv[i], L"-y" )) options.yes = TRUE;
        else if (!wcscmp( argv[i], L"--unit" ))
        {
            if (!parse_unit( argv[++i], &options.unit ))
                return usage_error( L"--unit needs the number of a unit, as winebio list shows it", L"" );
        }
        else if (argv[i][0] == '-' && argv[i][1] == '-') return usage_error( L"unknown option ", argv[i] );
        else if (!command) command = argv[i];
        else if (!arg) arg = argv[i];
        else return usage_error( L"too many arguments: ", argv[i] );
    }
    if (!command)
    {
        usage();
        return EXIT_USAGE;
    }

    if (!wcscmp( command, L"list" ) || !wcscmp( command, L"identify" ))
    {
        if (arg) return usage_error( L"too many arguments: ", arg );
        return command[0] == 'l' ? cmd_list( &options ) : cmd_identify( &options );
    }
    if (!wcscmp( command, L"enroll" ))
    {
        if ((ret = parse_finger( arg, &finger ))) return ret;
        return cmd_enroll( &options, finger );
    }
    if (!wcscmp( command, L"verify" ))
    {
        if (arg && (ret = parse_finger( arg, &finger ))) return ret;
        return cmd_verify( &options, finger );
    }
    if (!wcscmp( command, L"delete" ))
    {
        if (!arg) return usage_error( L"delete what? give a finger name or all", L"" );
        if (wcscmp( arg, L"all" ) && (ret = parse_finger( arg, &finger ))) return ret;
        return cmd_delete( &options, finger );
    }
    if (!wcscmp( command, L"capture" ))
    {
        if (!arg) return usage_error( L"capture needs the name of the .bmp file to write", L"" );
        return cmd_capture( &options, arg );
    }
    output_error( L"unknown command '%ls'; see winebio --help", command );
    return EXIT_USAGE;
}
