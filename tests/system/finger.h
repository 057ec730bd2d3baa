/*
 * System tests: the user's finger on the virtual image sensor
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
 * The "user" is the virtual sensor feeder, touching virtual_image with the
 * test prints.  A touch comes from another thread: the client's call blocks
 * until the finger comes, and opens the sensor only once it runs.  Include
 * after vsensor.h, <winbio.h> and wine/test.h.
 */

#ifndef __WINBIO_TESTS_SYSTEM_FINGER_H
#define __WINBIO_TESTS_SYSTEM_FINGER_H

struct finger
{
    HANDLE thread;
    const char *print;
    char reply[VSENSOR_LINE_MAX];
    BOOL ret;
};

static DWORD WINAPI finger_thread( void *arg )
{
    struct finger *finger = arg;

    finger->ret = vsensor_command( finger->reply, sizeof(finger->reply), "IMAGE %s", finger->print );
    return 0;
}

static inline void put_finger( struct finger *finger, const char *print )
{
    finger->print = print;
    finger->reply[0] = 0;
    finger->ret = FALSE;
    finger->thread = CreateThread( NULL, 0, finger_thread, finger, 0, NULL );
}

static inline void lift_finger( struct finger *finger )
{
    ok( finger->thread != NULL, "CreateThread failed\n" );
    if (!finger->thread) return;
    ok( !WaitForSingleObject( finger->thread, 60000 ), "the touch of %s still waits\n", finger->print );
    CloseHandle( finger->thread );
    ok( finger->ret, "touch of %s: %s\n", finger->print, finger->reply );
}

/* Enrolls the print as the finger, touching until the template is complete;
 * the commit's result, with its identity and IsNewTemplate. */
static inline HRESULT enroll_print( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID sensor,
                                    WINBIO_BIOMETRIC_SUBTYPE finger_id, const char *print,
                                    WINBIO_IDENTITY *identity, BOOLEAN *is_new )
{
    WINBIO_REJECT_DETAIL reject = 0;
    unsigned int captures = 0;
    struct finger finger;
    HRESULT hr;

    *is_new = FALSE;
    hr = WinBioEnrollBegin( session, finger_id, sensor );
    ok( hr == S_OK, "WinBioEnrollBegin returned %#lx\n", hr );
    if (FAILED(hr)) return hr;
    do
    {
        put_finger( &finger, print );
        hr = WinBioEnrollCapture( session, &reject );
        lift_finger( &finger );
    }
    while ((hr == WINBIO_I_MORE_DATA || hr == WINBIO_E_BAD_CAPTURE) && ++captures < 10);
    ok( hr == S_OK, "WinBioEnrollCapture returned %#lx, reject detail %lu\n", hr, reject );
    if (hr != S_OK)
    {
        WinBioEnrollDiscard( session );
        return hr;
    }
    return WinBioEnrollCommit( session, identity, is_new );
}

/* WinBioIdentify with a touch of the print. */
static inline HRESULT identify_print( WINBIO_SESSION_HANDLE session, const char *print, WINBIO_UNIT_ID *unit,
                                      WINBIO_IDENTITY *identity, WINBIO_BIOMETRIC_SUBTYPE *subfactor )
{
    WINBIO_REJECT_DETAIL reject = 0;
    struct finger finger;
    HRESULT hr;

    *subfactor = WINBIO_SUBTYPE_NO_INFORMATION;
    put_finger( &finger, print );
    hr = WinBioIdentify( session, unit, identity, subfactor, &reject );
    lift_finger( &finger );
    return hr;
}

#endif /* __WINBIO_TESTS_SYSTEM_FINGER_H */
