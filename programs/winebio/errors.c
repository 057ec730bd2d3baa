/*
 * winebio: error texts
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

/* The names of the codes a WinBio call returns, for when winbio.dll has
 * no text for one (its message table is newer than this program may
 * find) or the system has none; the one list of them in this program. */
#define CODE(name) { name, L"" #name }
static const struct
{
    HRESULT hr;
    const WCHAR *name;
}
code_names[] =
{
    CODE( WINBIO_E_UNSUPPORTED_FACTOR ),
    CODE( WINBIO_E_INVALID_UNIT ),
    CODE( WINBIO_E_UNKNOWN_ID ),
    CODE( WINBIO_E_CANCELED ),
    CODE( WINBIO_E_NO_MATCH ),
    CODE( WINBIO_E_CAPTURE_ABORTED ),
    CODE( WINBIO_E_ENROLLMENT_IN_PROGRESS ),
    CODE( WINBIO_E_BAD_CAPTURE ),
    CODE( WINBIO_E_INVALID_CONTROL_CODE ),
    CODE( WINBIO_E_DATA_COLLECTION_IN_PROGRESS ),
    CODE( WINBIO_E_UNSUPPORTED_DATA_FORMAT ),
    CODE( WINBIO_E_UNSUPPORTED_DATA_TYPE ),
    CODE( WINBIO_E_UNSUPPORTED_PURPOSE ),
    CODE( WINBIO_E_INVALID_DEVICE_STATE ),
    CODE( WINBIO_E_DEVICE_BUSY ),
    CODE( WINBIO_E_DATABASE_CANT_CREATE ),
    CODE( WINBIO_E_DATABASE_CANT_OPEN ),
    CODE( WINBIO_E_DATABASE_CANT_CLOSE ),
    CODE( WINBIO_E_DATABASE_CANT_ERASE ),
    CODE( WINBIO_E_DATABASE_CANT_FIND ),
    CODE( WINBIO_E_DATABASE_ALREADY_EXISTS ),
    CODE( WINBIO_E_DATABASE_FULL ),
    CODE( WINBIO_E_DATABASE_LOCKED ),
    CODE( WINBIO_E_DATABASE_CORRUPTED ),
    CODE( WINBIO_E_DATABASE_NO_SUCH_RECORD ),
    CODE( WINBIO_E_DUPLICATE_ENROLLMENT ),
    CODE( WINBIO_E_DATABASE_READ_ERROR ),
    CODE( WINBIO_E_DATABASE_WRITE_ERROR ),
    CODE( WINBIO_E_DATABASE_NO_RESULTS ),
    CODE( WINBIO_E_DATABASE_NO_MORE_RECORDS ),
    CODE( WINBIO_E_DATABASE_EOF ),
    CODE( WINBIO_E_DATABASE_BAD_INDEX_VECTOR ),
    CODE( WINBIO_E_INCORRECT_BSP ),
    CODE( WINBIO_E_INCORRECT_SENSOR_POOL ),
    CODE( WINBIO_E_NO_CAPTURE_DATA ),
    CODE( WINBIO_E_INVALID_SENSOR_MODE ),
    CODE( WINBIO_E_LOCK_VIOLATION ),
    CODE( WINBIO_E_DUPLICATE_TEMPLATE ),
    CODE( WINBIO_E_INVALID_OPERATION ),
    CODE( WINBIO_E_SESSION_BUSY ),
    CODE( WINBIO_E_CRED_PROV_DISABLED ),
    CODE( WINBIO_E_CRED_PROV_NO_CREDENTIAL ),
    CODE( WINBIO_E_DISABLED ),
    CODE( WINBIO_E_CONFIGURATION_FAILURE ),
    CODE( WINBIO_E_SENSOR_UNAVAILABLE ),
    CODE( WINBIO_E_SAS_ENABLED ),
    CODE( WINBIO_E_DEVICE_FAILURE ),
    CODE( WINBIO_E_FAST_USER_SWITCH_DISABLED ),
    CODE( WINBIO_E_NOT_ACTIVE_CONSOLE ),
    CODE( WINBIO_E_EVENT_MONITOR_ACTIVE ),
    CODE( WINBIO_E_INVALID_PROPERTY_TYPE ),
    CODE( WINBIO_E_INVALID_PROPERTY_ID ),
    CODE( WINBIO_E_UNSUPPORTED_PROPERTY ),
    CODE( WINBIO_E_ADAPTER_INTEGRITY_FAILURE ),
    CODE( WINBIO_E_INCORRECT_SESSION_TYPE ),
    CODE( WINBIO_E_SESSION_HANDLE_CLOSED ),
    CODE( WINBIO_E_DEADLOCK_DETECTED ),
    CODE( WINBIO_E_NO_PREBOOT_IDENTITY ),
    CODE( WINBIO_E_MAX_ERROR_COUNT_EXCEEDED ),
    CODE( WINBIO_E_AUTO_LOGON_DISABLED ),
    CODE( WINBIO_E_INVALID_TICKET ),
    CODE( WINBIO_E_TICKET_QUOTA_EXCEEDED ),
    CODE( WINBIO_E_DATA_PROTECTION_FAILURE ),
    CODE( WINBIO_E_CRED_PROV_SECURITY_LOCKOUT ),
    CODE( WINBIO_E_UNSUPPORTED_POOL_TYPE ),
    CODE( WINBIO_E_SELECTION_REQUIRED ),
    CODE( WINBIO_E_PRESENCE_MONITOR_ACTIVE ),
    CODE( WINBIO_E_INVALID_SUBFACTOR ),
    CODE( WINBIO_E_INVALID_CALIBRATION_FORMAT_ARRAY ),
    CODE( WINBIO_E_NO_SUPPORTED_CALIBRATION_FORMAT ),
    CODE( WINBIO_E_UNSUPPORTED_SENSOR_CALIBRATION_FORMAT ),
    CODE( WINBIO_E_CALIBRATION_BUFFER_TOO_SMALL ),
    CODE( WINBIO_E_CALIBRATION_BUFFER_TOO_LARGE ),
    CODE( WINBIO_E_CALIBRATION_BUFFER_INVALID ),
    CODE( WINBIO_E_INVALID_KEY_IDENTIFIER ),
    CODE( WINBIO_E_KEY_CREATION_FAILED ),
    CODE( WINBIO_E_KEY_IDENTIFIER_BUFFER_TOO_SMALL ),
    CODE( WINBIO_E_PROPERTY_UNAVAILABLE ),
    CODE( WINBIO_E_POLICY_PROTECTION_UNAVAILABLE ),
    CODE( WINBIO_E_INSECURE_SENSOR ),
    CODE( WINBIO_E_INVALID_BUFFER_ID ),
    CODE( WINBIO_E_INVALID_BUFFER ),
    CODE( WINBIO_E_TRUSTLET_INTEGRITY_FAIL ),
    CODE( WINBIO_E_ENROLLMENT_CANCELED_BY_SUSPEND ),
    CODE( WINBIO_I_MORE_DATA ),
    CODE( WINBIO_I_EXTENDED_STATUS_INFORMATION ),
    CODE( E_ACCESSDENIED ),
    CODE( E_FAIL ),
    CODE( E_HANDLE ),
    CODE( E_INVALIDARG ),
    CODE( E_NOTIMPL ),
    CODE( E_OUTOFMEMORY ),
    CODE( E_POINTER ),
};
#undef CODE

static const WCHAR *code_name( HRESULT hr )
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(code_names); i++)
        if (code_names[i].hr == hr) return code_names[i].name;
    return NULL;
}

/* FormatMessage's text of HR from MODULE (NULL: the system's), on one line. */
static BOOL message_text( HMODULE module, HRESULT hr, WCHAR *buffer, DWORD size )
{
    DWORD flags = FORMAT_MESSAGE_IGNORE_INSERTS | (module ? FORMAT_MESSAGE_FROM_HMODULE : FORMAT_MESSAGE_FROM_SYSTEM);
    DWORD len;

    len = FormatMessageW( flags, module, hr, 0, buffer, size, NULL );
    while (len && (buffer[len - 1] == '\n' || buffer[len - 1] == '\r' || buffer[len - 1] == ' ')) len--;
    if (!len) return FALSE;
    buffer[len] = 0;
    return TRUE;
}

/* "text (NAME)" from winbio.dll's messages, else (for the codes that are
 * not WinBio's own) the system's; with no text, "NAME (0x...)"; with
 * neither, the number. */
void format_hresult( HRESULT hr, WCHAR *buffer, DWORD size )
{
    const WCHAR *name = code_name( hr );
    WCHAR text[512];
    BOOL found;

    found = message_text( GetModuleHandleW( L"winbio.dll" ), hr, text, ARRAY_SIZE(text) );
    if (!found && (!name || wcsncmp( name, L"WINBIO_", 7 )))
        found = message_text( NULL, hr, text, ARRAY_SIZE(text) );
    if (found && name) _snwprintf( buffer, size, L"%ls (%ls)", text, name );
    else if (found) _snwprintf( buffer, size, L"%ls (0x%08lx)", text, (ULONG)hr );
    else if (name) _snwprintf( buffer, size, L"%ls (0x%08lx)", name, (ULONG)hr );
    else _snwprintf( buffer, size, L"error 0x%08lx", (ULONG)hr );
    buffer[size - 1] = 0;
}

/* Prints the failure's one line and gives the exit status for it. */
int fail_hr( const WCHAR *what, HRESULT hr )
{
    WCHAR text[640];

    format_hresult( hr, text, ARRAY_SIZE(text) );
    output_error( L"%ls: %ls", what, text );
    return EXIT_FAILED;
}

/* What the user should do differently after a bad touch. */
const WCHAR *reject_reason( WINBIO_REJECT_DETAIL reject )
{
    switch (reject & WINBIO_REJECT_DETAIL_REASON_MASK)
    {
    case WINBIO_FP_TOO_HIGH:      return L"the finger was too high on the sensor; move it down";
    case WINBIO_FP_TOO_LOW:       return L"the finger was too low on the sensor; move it up";
    case WINBIO_FP_TOO_LEFT:      return L"the finger was too far left; move it to the right";
    case WINBIO_FP_TOO_RIGHT:     return L"the finger was too far right; move it to the left";
    case WINBIO_FP_TOO_FAST:      return L"too fast; swipe more slowly";
    case WINBIO_FP_TOO_SLOW:      return L"too slow; swipe a little faster";
    case WINBIO_FP_POOR_QUALITY:  return L"the print was unclear; press the whole pad flat on the sensor";
    case WINBIO_FP_TOO_SKEWED:    return L"the finger was at an angle; keep it straight";
    case WINBIO_FP_TOO_SHORT:     return L"too short; swipe more slowly, over the whole sensor";
    case WINBIO_FP_MERGE_FAILURE: return L"this touch did not fit the earlier ones; use the same finger";
    default:                      return L"the sensor could not read the finger; lift it and touch again";
    }
}
