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

#ifndef __WINEBIO_H
#define __WINEBIO_H

#include <windows.h>
#include <winbio.h>

/* exit statuses */
#define EXIT_OK       0
#define EXIT_FAILED   1
#define EXIT_USAGE    2

struct options
{
    WINBIO_UNIT_ID unit;  /* --unit N; 0 for any unit */
    BOOL yes;             /* --yes: do not ask before deleting */
};

/* output.c */
void output( const WCHAR *format, ... );
void output_error( const WCHAR *format, ... );
BOOL ask_yes_no( const WCHAR *question );

/* errors.c */
void format_hresult( HRESULT hr, WCHAR *buffer, DWORD size );
int fail_hr( const WCHAR *what, HRESULT hr );
const WCHAR *reject_reason( WINBIO_REJECT_DETAIL reject );

/* fingers.c */
BOOL finger_from_name( const WCHAR *name, WINBIO_BIOMETRIC_SUBTYPE *finger );
const WCHAR *finger_name( WINBIO_BIOMETRIC_SUBTYPE finger );
const WCHAR *finger_words( WINBIO_BIOMETRIC_SUBTYPE finger );
void finger_names( WCHAR *buffer, DWORD size );

/* session.c */
HRESULT open_session( WINBIO_SESSION_FLAGS flags, WINBIO_SESSION_HANDLE *session );
void close_session( WINBIO_SESSION_HANDLE session );
BOOL was_canceled(void);
HRESULT get_user_identity( WINBIO_IDENTITY *identity );
void identity_words( const WINBIO_IDENTITY *identity, WCHAR *buffer, DWORD size );
HRESULT check_unit( const struct options *options );
HRESULT choose_unit( WINBIO_SESSION_HANDLE session, const struct options *options, WINBIO_UNIT_ID *unit );
BOOL wrong_unit( const struct options *options, WINBIO_UNIT_ID touched );

/* the commands */
int cmd_list( const struct options *options );
int cmd_enroll( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger );
int cmd_verify( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger );
int cmd_identify( const struct options *options );
int cmd_delete( const struct options *options, WINBIO_BIOMETRIC_SUBTYPE finger );
int cmd_capture( const struct options *options, const WCHAR *path );
int list_user_fingers( WINBIO_SESSION_HANDLE session, WINBIO_UNIT_ID unit, const WCHAR *indent );
void report_not_enrolled( WINBIO_BIOMETRIC_SUBTYPE finger );
int count_user_fingers( WINBIO_SESSION_HANDLE session, const struct options *options,
                        WINBIO_BIOMETRIC_SUBTYPE finger );

#endif /* __WINEBIO_H */
