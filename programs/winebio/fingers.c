/*
 * winebio: finger names
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

#include <stdio.h>
#include <wchar.h>
#include "winebio.h"

/* The name a user types, and how a sentence says it. */
static const struct
{
    WINBIO_BIOMETRIC_SUBTYPE finger;
    const WCHAR *name;
    const WCHAR *words;
}
fingers[] =
{
    { WINBIO_ANSI_381_POS_RH_THUMB,         L"right-thumb",  L"right thumb" },
    { WINBIO_ANSI_381_POS_RH_INDEX_FINGER,  L"right-index",  L"right index finger" },
    { WINBIO_ANSI_381_POS_RH_MIDDLE_FINGER, L"right-middle", L"right middle finger" },
    { WINBIO_ANSI_381_POS_RH_RING_FINGER,   L"right-ring",   L"right ring finger" },
    { WINBIO_ANSI_381_POS_RH_LITTLE_FINGER, L"right-little", L"right little finger" },
    { WINBIO_ANSI_381_POS_LH_THUMB,         L"left-thumb",   L"left thumb" },
    { WINBIO_ANSI_381_POS_LH_INDEX_FINGER,  L"left-index",   L"left index finger" },
    { WINBIO_ANSI_381_POS_LH_MIDDLE_FINGER, L"left-middle",  L"left middle finger" },
    { WINBIO_ANSI_381_POS_LH_RING_FINGER,   L"left-ring",    L"left ring finger" },
    { WINBIO_ANSI_381_POS_LH_LITTLE_FINGER, L"left-little",  L"left little finger" },
};

/* NAME as typed (any case) to its ANSI 381 position. */
BOOL finger_from_name( const WCHAR *name, WINBIO_BIOMETRIC_SUBTYPE *finger )
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(fingers); i++)
    {
        if (wcsicmp( name, fingers[i].name )) continue;
        *finger = fingers[i].finger;
        return TRUE;
    }
    return FALSE;
}

static int finger_index( WINBIO_BIOMETRIC_SUBTYPE finger )
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(fingers); i++)
        if (fingers[i].finger == finger) return i;
    return -1;
}

/* The name to type; positions other programs enrolled get a number. */
const WCHAR *finger_name( WINBIO_BIOMETRIC_SUBTYPE finger )
{
    static WCHAR other[32];
    int i = finger_index( finger );

    if (i >= 0) return fingers[i].name;
    _snwprintf( other, ARRAY_SIZE(other) - 1, L"position-%u", finger );
    return other;
}

const WCHAR *finger_words( WINBIO_BIOMETRIC_SUBTYPE finger )
{
    static WCHAR other[32];
    int i = finger_index( finger );

    if (i >= 0) return fingers[i].words;
    _snwprintf( other, ARRAY_SIZE(other) - 1, L"finger at position %u", finger );
    return other;
}

/* "right-thumb, right-index, ...": every name, for help and errors. */
void finger_names( WCHAR *buffer, DWORD size )
{
    unsigned int i;
    int len = 0, n;

    buffer[0] = 0;
    for (i = 0; i < ARRAY_SIZE(fingers); i++)
    {
        n = _snwprintf( buffer + len, size - len - 1, L"%ls%ls", i ? L", " : L"", fingers[i].name );
        if (n < 0) break;
        len += n;
    }
    buffer[len] = 0;
}
