/*
 * A test program that cannot start: it imports from a dll that is not
 * there (the build leaves rsmissing.dll in another directory), so Wine
 * ends it with STATUS_DLL_NOT_FOUND before it can list its tests.
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdarg.h>

#include "windef.h"
#include "winbase.h"

#include "wine/test.h"

extern int __declspec(dllimport) rsmissing_answer( void );

START_TEST(noload)
{
    ok( rsmissing_answer() == 42, "the missing dll answered\n" );
}
