/*
 * Declarations shared by the PE-side sources of winbio.dll
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

#ifndef __WINE_WINBIO_PRIVATE_H
#define __WINE_WINBIO_PRIVATE_H

#include <stdarg.h>

#include "ntstatus.h"
#define WIN32_NO_STATUS
#include "windef.h"
#include "winbase.h"
#include "winnls.h"
#include "winternl.h"
#include "winbio.h"

#include "wine/debug.h"
#include "wine/unixlib.h"

#include "unixlib.h"

#define UNIX_CALL( func, params ) WINE_UNIX_CALL( unix_ ## func, params )

/* main.c */
extern BOOL winbio_init(void);

/* Every block handed to a caller is released by WinBioFree(). */
static inline void *winbio_alloc( SIZE_T size )
{
    return HeapAlloc( GetProcessHeap(), HEAP_ZERO_MEMORY, size );
}

static inline void winbio_free( void *ptr )
{
    HeapFree( GetProcessHeap(), 0, ptr );
}

/* identity.c */
/* TRUE when two identities name the same owner; a wildcard matches anything. */
extern BOOL identity_equal( const WINBIO_IDENTITY *a, const WINBIO_IDENTITY *b );
/* The calling thread's user (its token's SID, as on Windows). */
extern HRESULT identity_get_current_user( WINBIO_IDENTITY *identity );
/* For traces: the type and a short form of the value, never biometric data. */
extern const char *debugstr_identity( const WINBIO_IDENTITY *identity );

/* A biometric unit: one libfprint device, shared by every session of the process. */
struct unit
{
    WINBIO_UNIT_ID id;
    struct winbio_unix_device device;
    char key[256];                  /* "driver/device_id", the unit's name in the database */
    CRITICAL_SECTION cs;            /* guards what follows */
    CONDITION_VARIABLE changed;     /* signalled when busy or owner change */
    BOOL busy;                      /* an operation runs on the device */
    struct session *owner;          /* session enrolling on it or holding WinBioLockUnit */
    BOOL open;                      /* libfprint device open */
    HANDLE claim;                   /* lock file: held by the process that has the device open */
    PTP_TIMER idle_timer;           /* closes the device after a short idle grace */
};

/* units.c */
extern HRESULT units_get_schemas( WINBIO_UNIT_SCHEMA **schemas, SIZE_T *count );
extern struct unit *unit_from_id( WINBIO_UNIT_ID id );
extern WINBIO_CAPABILITIES unit_capabilities( const struct unit *unit );
/* all current units; the array is freed with winbio_free, the units live on */
extern HRESULT units_get_all( struct unit ***units, SIZE_T *count );

/* A session: a pool of units and a database, opened by WinBioOpenSession. */
struct session
{
    LONG refcount;
    WINBIO_SESSION_HANDLE handle;
    WINBIO_POOL_TYPE pool;
    WINBIO_SESSION_FLAGS flags;
    GUID database_id;
    struct winbio_database *db;
    SIZE_T unit_count;
    struct unit **units;
    CRITICAL_SECTION cs;            /* guards what follows */
    CONDITION_VARIABLE idle;        /* signalled when an operation ends */
    LONG operations;                /* operations in progress (WinBioWait) */
    BOOL closing;
    UINT64 running[WINBIO_UNIX_MAX_WAIT]; /* libfprint operations to cancel */
    UINT32 running_count;
    struct unit *locked;            /* unit held by WinBioLockUnit */
    struct enrollment *enrollment;  /* pending enrollment, if any */
};

/* databases.c */
extern const GUID winbio_system_database;
extern const GUID winbio_template_format;
extern BOOL database_is_installed( const GUID *id );
extern HRESULT databases_get_schemas( WINBIO_STORAGE_SCHEMA **schemas, SIZE_T *count );

/* enroll.c */
extern void enrollment_discard( struct session *session );
extern BOOL is_finger_subfactor( WINBIO_BIOMETRIC_SUBTYPE subfactor );
extern void enrollment_get_status( struct session *session, struct unit *unit,
                                   WINBIO_EXTENDED_ENROLLMENT_STATUS *status );

/* bir.c */
extern HRESULT bir_from_image( const BYTE *pixels, UINT32 width, UINT32 height, UINT32 ppmm_x100,
                               WINBIO_BIR_PURPOSE purpose, BOOL swipe, WINBIO_BIR **bir, SIZE_T *size );

/* session.c */
/* Looks up a handle and starts an operation on it; end it with session_end(). */
extern HRESULT session_begin( WINBIO_SESSION_HANDLE handle, struct session **session );
extern void session_end( struct session *session );
extern struct unit *session_find_unit( struct session *session, WINBIO_UNIT_ID id );

/* device.c: one libfprint operation at a time per unit */
struct device_op
{
    struct unit *unit;
    struct op_start_params start;
    struct op_wait_params result;   /* the DONE event */
    BOOL started;
};
/* Takes the unit for an operation of the session: waits while another
 * operation runs, fails if another session owns it, opens the device. */
extern HRESULT device_acquire( struct unit *unit, struct session *session );
extern void device_release( struct unit *unit );
extern HRESULT device_set_owner( struct unit *unit, struct session *session, BOOL own );
extern HRESULT device_check_enrollment( struct unit *unit, struct session *session );
extern void device_wait_owner( struct unit *unit, struct session *session );
/* Runs operations on several units at once and waits until the first one
 * finishes; the others are cancelled.  Returns the index of the winner. */
extern HRESULT device_run_first( struct session *session, struct device_op *ops, SIZE_T count, SIZE_T *winner );
extern HRESULT device_start( struct session *session, struct device_op *op );
extern HRESULT device_wait( struct session *session, UINT64 op, struct op_wait_params *event );
extern void device_finish( struct session *session, struct device_op *op );
extern void *device_get_data( UINT64 op, UINT32 item, UINT32 *size );
extern HRESULT map_unix_result( UINT32 result );
extern WINBIO_REJECT_DETAIL map_retry( UINT32 retry );

#endif /* __WINE_WINBIO_PRIVATE_H */
