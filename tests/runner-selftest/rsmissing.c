/*
 * The dll noload.exe imports from, built where Wine will not find it.
 *
 * Copyright the winbio project developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

int __declspec(dllexport) rsmissing_answer( void )
{
    return 42;
}
