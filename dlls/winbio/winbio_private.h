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
extern BOOL winbio_no_unix(void);

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
extern BOOL identity_caller_is_admin(void);
/* E_ACCESSDENIED when the caller may not touch the identity's templates. */
extern HRESULT identity_check_access( const WINBIO_IDENTITY *identity );
/* A SID identity that names an account: a valid SID of the size announced. */
extern BOOL identity_is_account( const WINBIO_IDENTITY *identity );
/* Its SID string (free with LocalFree); E_INVALIDARG for other identities. */
extern HRESULT identity_account_name( const WINBIO_IDENTITY *identity, WCHAR **name );
/* For traces: the type and a short form of the value, never biometric data. */
extern const char *debugstr_identity( const WINBIO_IDENTITY *identity );

/*
 * Locks, always taken in this order, never the other way round:
 *
 *   handles_lock (session.c: the handle table)
 *     -> session->cs
 *       -> unit->cs
 *         -> pools_lock (pools.c: the units private pools hold)
 *
 * units_cs (units.c) is taken alone.  Nothing waits for a device or calls
 * back into the application with a session's or a unit's lock held, except
 * that close_if_unused() leaves unit->cs while a device closes.
 */

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
    BOOL owner_enrolls;             /* the owner enrolls on it (else it holds a lock) */
    BOOL open;                      /* libfprint device open */
    LONG users;                     /* sessions of this process that include the unit */
    BOOL wanted;                    /* another process waits for the device */
    BOOL gone;                      /* an operation found the sensor unplugged */
    HANDLE claim;                   /* lock file: held by the process that has the device open */
    HANDLE want_event;              /* named: set by a process that waits for the device */
    PTP_WAIT want_wait;             /* on want_event, while the device is open */
    /* session.c: a private pool of this process that has the unit,
     * guarded by the pools' lock */
    LONG pool_users;                /* its sessions */
    GUID pool_database;             /* its database */
    HANDLE pool_claim;              /* named: tells the other processes */
};

/* units.c */
extern HRESULT units_get_schemas( WINBIO_UNIT_SCHEMA **schemas, SIZE_T *count );
extern struct unit *unit_from_id( WINBIO_UNIT_ID id );
extern struct unit *unit_from_device( UINT64 device_id );
extern void unit_get_schema( const struct unit *unit, WINBIO_UNIT_SCHEMA *schema );
/* DeviceInstanceId: the unit's name under HKLM\System\CurrentControlSet\Enum */
extern void unit_get_instance_id( const struct unit *unit, WCHAR *id, SIZE_T len );
extern WINBIO_CAPABILITIES unit_capabilities( const struct unit *unit );
/* all current units; the array is freed with winbio_free, the units live on */
extern HRESULT units_get_all( struct unit ***units, SIZE_T *count );

/* What a handle stands for; every kind lives in one handle table. */
enum session_kind
{
    SESSION_SYNC,       /* WinBioOpenSession */
    SESSION_ASYNC,      /* WinBioAsyncOpenSession */
    SESSION_FRAMEWORK,  /* WinBioAsyncOpenFramework */
};

/* Where the results of an asynchronous handle go. */
struct async_notify
{
    WINBIO_ASYNC_NOTIFICATION_METHOD method;
    HWND window;
    UINT message;
    PWINBIO_ASYNC_COMPLETION_CALLBACK callback;
    void *user_data;
};

/* The arguments of one queued call (async.c), copied when it is made. */
struct async_call
{
    WINBIO_OPERATION_TYPE operation;
    WINBIO_UNIT_ID unit_id;
    WINBIO_IDENTITY identity;
    WINBIO_BIOMETRIC_SUBTYPE subfactor;
    WINBIO_BIR_PURPOSE purpose;
    WINBIO_BIR_DATA_FLAGS flags;
    ULONGLONG selector;
    WINBIO_BIOMETRIC_TYPE factor;
    WINBIO_PROPERTY_TYPE property_type;
    WINBIO_PROPERTY_ID property_id;
    void *buffer;                   /* a copy of an input buffer, owned by the call */
    SIZE_T buffer_size;
    struct                          /* WinBioControlUnit(Privileged): the caller's buffers */
    {
        WINBIO_COMPONENT component;
        ULONG code;
        UCHAR *send;
        SIZE_T send_size;
        UCHAR *receive;
        SIZE_T receive_size;
    } control;
    /* a Windows 7 style call: its own callback instead of a WINBIO_ASYNC_RESULT */
    void *legacy_callback;
    void *legacy_context;
    LONG event_epoch;               /* the event monitor this call runs */
    /* the verdict of the call's argument checks: a failure is returned at
     * once, after the handle's own errors, and nothing is copied */
    HRESULT check;
    /* E_POINTER when an output a synchronous call fills in is missing (an
     * asynchronous call reports in its result instead) */
    HRESULT outputs;
};

struct async_job;

/*
 * A session: a pool of units and a database, opened by WinBioOpenSession.
 *
 * Lifetime: the handle table holds one reference; every call looks the
 * handle up once (async_begin, session_begin) and holds a reference of its
 * own until it returns, so that a close from another thread never frees
 * the session under it.
 * WinBioCloseSession takes the handle out of the table first (later calls
 * get E_HANDLE), marks the session closing, cancels what runs and waits
 * for the calls in flight (operations) before it gives the units back.
 *
 * Any thread may use a session: what several calls share is guarded by
 * cs.  Calls on the pending enrollment take turns (enroll_busy), so that
 * one never frees it while another waits on its libfprint operation.
 */
struct session
{
    LONG refcount;
    WINBIO_SESSION_HANDLE handle;
    enum session_kind kind;
    struct async_notify notify;
    WINBIO_POOL_TYPE pool;
    WINBIO_SESSION_FLAGS flags;
    GUID database_id;
    struct winbio_database *db;
    SIZE_T unit_count;
    struct unit **units;
    BOOL using_units;               /* counted among the users of its units */
    CRITICAL_SECTION cs;            /* guards what follows */
    CONDITION_VARIABLE idle;        /* signalled when an operation ends */
    LONG operations;                /* operations in progress (WinBioWait) */
    BOOL closing;
    UINT64 running[WINBIO_UNIX_MAX_WAIT]; /* libfprint operations to cancel */
    UINT32 running_count;
    struct unit *locked;            /* unit held by WinBioLockUnit */
    struct unit *lock_pending;      /* unit a WinBioLockUnit waits for */
    LONG lock_waiters;              /* calls waiting for lock_pending */
    BOOL lock_withdrawn;            /* WinBioUnlockUnit withdrew that request */
    struct enrollment *enrollment;  /* pending enrollment, if any */
    WINBIO_IDENTITY identified;     /* last successful WinBioIdentify, for a logon */
    ULONGLONG identified_time;      /* its GetTickCount64(), 0 if none */
    BOOL enroll_busy;               /* a call works on the enrollment */
    /* async.c: calls queued for the session's worker thread */
    struct async_job *queue_head, *queue_tail;
    struct async_job *job;          /* the call the worker runs now */
    CONDITION_VARIABLE queued;      /* signalled when a call is queued */
    DWORD worker_tid;               /* 0 when no worker runs */
    BOOL close_queued;              /* the close is queued: nothing may follow it */
    LONG pending;                   /* calls queued or running, for WinBioWait */
    LONG cancel_epoch;              /* WinBioCancel calls so far */
    ULONGLONG sequence;             /* last SequenceNumber handed out */
    WINBIO_FRAMEWORK_CHANGE_TYPE monitor; /* WinBioAsyncMonitorFrameworkChanges */
    /* monitor.c: WinBioRegisterEventMonitor, guarded by cs */
    PWINBIO_EVENT_CALLBACK event_callback;
    void *event_context;
    WINBIO_EVENT_TYPE event_mask;
    LONG event_epoch;               /* monitors registered so far */
};

/* databases.c */
struct winbio_database;
extern const GUID winbio_system_database;
extern const GUID winbio_template_format;
extern BOOL database_is_installed( const GUID *id );
extern BOOL database_parse_guid( const WCHAR *str, GUID *guid );
extern void database_register_system(void);
extern HRESULT database_open( const GUID *id, struct winbio_database **db );
extern HRESULT databases_get_schemas( WINBIO_STORAGE_SCHEMA **schemas, SIZE_T *count );
extern BOOL reg_get_dword( HKEY key, const WCHAR *name, DWORD *value );
extern BOOL reg_get_string( HKEY key, const WCHAR *name, WCHAR *value, DWORD len );
extern BOOL reg_set_dword( HKEY key, const WCHAR *name, DWORD value );
extern BOOL reg_set_string( HKEY key, const WCHAR *name, const WCHAR *value );

/* config.c: the units' configurations under Enum\<instance id> */
extern void config_register_unit( const struct unit *unit );
/* S_OK when the unit has a configuration for a private pool of this
 * database and mode, else WINBIO_E_CONFIGURATION_FAILURE. */
extern HRESULT config_check_private( const struct unit *unit, const GUID *database, WINBIO_SESSION_FLAGS flags );

/* pools.c */
/* WINBIO_POOL_PRIVATE while a private session of any process has the unit */
extern WINBIO_POOL_TYPE pool_of_unit( const struct unit *unit );
/* FALSE when the unit is in a private pool that is not the session's */
extern BOOL pool_may_use( const struct session *session, const struct unit *unit );
/* The session's units join its private pool, or none does. */
extern HRESULT pool_claim_units( struct session *session );
/* The first count units of the session leave its private pool. */
extern void pool_release_units( struct session *session, SIZE_T count );

/* enroll.c */
extern void enrollment_discard( struct session *session );
/* A call on the session's pending enrollment is in the way of the call (WINBIO_E_ENROLLMENT_IN_PROGRESS). */
extern BOOL session_enrolling( struct session *session );
extern struct unit *enrollment_unit( struct session *session );
extern BOOL is_finger_subfactor( WINBIO_BIOMETRIC_SUBTYPE subfactor );
/* Whether the system database has a template of the identity (wildcard: anybody's). */
extern HRESULT enrollment_exists( const WINBIO_IDENTITY *identity, BOOL *found );
extern void enrollment_get_status( struct session *session, struct unit *unit,
                                   WINBIO_EXTENDED_ENROLLMENT_STATUS *status );

/* bir.c */
extern HRESULT bir_from_image( const BYTE *pixels, UINT32 width, UINT32 height, UINT32 ppmm_x100,
                               WINBIO_BIR_PURPOSE purpose, BOOL swipe, WINBIO_BIR **bir, SIZE_T *size );

/* properties.c: WinBioControlUnit and WinBioControlUnitPrivileged */
extern HRESULT control_unit( WINBIO_SESSION_HANDLE handle, WINBIO_UNIT_ID unit_id, WINBIO_COMPONENT component,
                             ULONG code, UCHAR *send, SIZE_T send_size, UCHAR *receive, SIZE_T receive_size,
                             SIZE_T *received, ULONG *status, BOOL privileged );

/* session.c */
/* Looks up a handle and starts an operation on it; end it with session_end(). */
extern HRESULT session_begin( WINBIO_SESSION_HANDLE handle, struct session **session );
/* The same on a session looked up already, whose reference it takes over
 * (and releases on failure). */
extern HRESULT session_start( struct session *session, struct session **ret );
extern void session_end( struct session *session );
/* A WinBioCancel or close since the calling thread's call on it began. */
extern BOOL session_call_canceled( struct session *session );
extern struct unit *session_find_unit( struct session *session, WINBIO_UNIT_ID id );
/* The session's unit with this id: WINBIO_E_INVALID_UNIT when it has none,
 * WINBIO_E_INCORRECT_SENSOR_POOL when a private pool took it since. */
extern HRESULT session_get_unit( struct session *session, WINBIO_UNIT_ID id, struct unit **unit );
/* A reference on the session behind a handle of any kind, or NULL. */
extern struct session *session_grab( WINBIO_SESSION_HANDLE handle );
extern struct session *session_addref( struct session *session );
extern void session_release( struct session *session );
extern HRESULT session_insert( struct session *session );
extern struct session *session_remove( WINBIO_SESSION_HANDLE handle );
extern struct session *session_alloc( enum session_kind kind );
extern HRESULT session_connect( struct session *session );
extern void session_teardown( struct session *session );
extern void session_cancel_running( struct session *session );
/* every framework handle watching for unit changes */
extern HRESULT session_get_monitors( struct session ***list, SIZE_T *count );

/* async.c */
/* The start of a call that an asynchronous handle queues: looks the handle
 * up once, then queues the call (*session stays NULL) or, on a synchronous
 * handle, begins it as session_begin() does. */
extern HRESULT async_begin( WINBIO_SESSION_HANDLE handle, const struct async_call *call, struct session **session );
/* Queues a Windows 7 style call on a synchronous session. */
extern HRESULT async_queue_legacy( WINBIO_SESSION_HANDLE handle, const struct async_call *call );
/* Queues a call on a session already held (open, close, cancel, unit changes). */
extern HRESULT async_queue_session( struct session *session, const struct async_call *call );
extern HRESULT async_check_notify( const struct async_notify *notify );
extern BOOL async_is_worker( const struct session *session );
extern BOOL async_job_canceled( struct session *session );
extern void async_cancel( struct session *session );
extern void async_wait( struct session *session );
extern BOOL async_in_job( const struct session *session );
/* monitor.c: the event monitor's job, run by the worker */
extern void monitor_run_events( struct session *session, const struct async_call *call );
/* framework.c: what a framework handle's call produces */
extern HRESULT framework_run( struct session *session, const struct async_call *call, WINBIO_ASYNC_RESULT *result );
extern void framework_unit_changed( WINBIO_UNIT_ID id, BOOL arrived );

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
/* A session that includes the unit opens and closes: the device stays open
 * while a session of the process may use it. */
extern void device_add_user( struct unit *unit );
extern void device_remove_user( struct unit *unit );
enum device_owner
{
    OWNER_NONE,     /* gives the unit back */
    OWNER_LOCK,     /* WinBioLockUnit */
    OWNER_ENROLL,   /* an enrollment */
};
extern HRESULT device_set_owner( struct unit *unit, struct session *session, enum device_owner how );
extern HRESULT device_check_enrollment( struct unit *unit, struct session *session );
/* Waits while another session holds the unit, then reserves it; ends
 * early with WINBIO_E_CANCELED on a cancel or a withdrawn request. */
extern HRESULT device_wait_owner( struct unit *unit, struct session *session );
/* Wakes the calls waiting for the unit, so that they see a cancel. */
extern void device_wake_waiters( struct unit *unit );
/* Runs operations on several units at once and waits until the first one
 * finishes; the others are cancelled.  Returns the index of the winner. */
extern HRESULT device_run_first( struct session *session, struct device_op *ops, SIZE_T count, SIZE_T *winner );
extern HRESULT device_start( struct session *session, struct device_op *op );
extern HRESULT device_wait( struct session *session, struct device_op *op, struct op_wait_params *event );
extern void device_finish( struct session *session, struct device_op *op );
extern void *device_get_data( UINT64 op, UINT32 item, UINT32 *size );
extern HRESULT map_unix_result( UINT32 result );
extern WINBIO_REJECT_DETAIL map_retry( UINT32 retry );

#endif /* __WINE_WINBIO_PRIVATE_H */
