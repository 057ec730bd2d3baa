#if 0
#pragma makedep unix
#endif

/*
 * Unix side of winbio.dll: libfprint behind a GLib main loop
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
 * libfprint objects belong to the GMainContext they were created on and are
 * not thread safe.  All of them live on one thread: a PE thread that the
 * dll starts lazily and that spends its life inside unix_loop_run(), which
 * owns the global default main context (the one libfprint's enumeration and
 * *_sync helpers iterate).  Other threads never touch libfprint directly:
 * they queue a request on that context and sleep until it has run.  The
 * loop thread is a Wine thread, so Wine debug output from it is safe.
 */

#include "config.h"

#ifdef HAVE_LIBFPRINT

#include <string.h>

#include "unix_private.h"

#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

static gint loop_quit;
static GThread *loop_thread;
static GLogFunc default_log_handler;
static GMutex loop_mutex;
static GCond loop_cond;
static int loop_state;  /* 0 starting, 1 running, -1 failed */
static FpContext *fp_context;
/* hotplug reports, handed to the PE thread in wait_device_change */
static GMutex changes_mutex;
static GCond changes_cond;
static GQueue changes = G_QUEUE_INIT;
static gboolean watching;
/* every device ever enumerated, by the id handed to the PE side */
static GHashTable *devices_by_id;
static UINT64 next_device_id = 1;

/* A piece of work to run on the loop thread, waited for by its caller. */
struct request
{
    NTSTATUS (*func)( void *args );
    void *args;
    NTSTATUS status;
    gboolean done;
    GMutex mutex;
    GCond cond;
};

static void request_complete( struct request *req, NTSTATUS status )
{
    g_mutex_lock( &req->mutex );
    req->status = status;
    req->done = TRUE;
    g_cond_signal( &req->cond );
    g_mutex_unlock( &req->mutex );
}

static gboolean request_dispatch( gpointer data )
{
    struct request *req = data;

    request_complete( req, req->func( req->args ) );
    return G_SOURCE_REMOVE;
}

/* Run func(args) on the loop thread and wait for its result. */
NTSTATUS run_on_loop( NTSTATUS (*func)( void *args ), void *args )
{
    struct request req = { func, args };
    GSource *source;

    g_mutex_init( &req.mutex );
    g_cond_init( &req.cond );

    /* Always go through a source, even if this thread could acquire the
     * context: libfprint state must only ever be touched by the loop thread. */
    source = g_idle_source_new();
    g_source_set_priority( source, G_PRIORITY_DEFAULT );
    g_source_set_callback( source, request_dispatch, &req, NULL );
    g_source_attach( source, g_main_context_default() );
    g_source_unref( source );

    g_mutex_lock( &req.mutex );
    while (!req.done) g_cond_wait( &req.cond, &req.mutex );
    g_mutex_unlock( &req.mutex );

    g_cond_clear( &req.cond );
    g_mutex_clear( &req.mutex );
    return req.status;
}

/* libfprint's context, created on first use; enumeration happens once per
 * process, later device changes arrive through its hotplug signals. */
static FpContext *get_fp_context(void)
{
    if (!fp_context)
    {
        TRACE( "creating libfprint context\n" );
        fp_context = fp_context_new();
    }
    return fp_context;
}

/* The device behind an id, or NULL; only used on the loop thread. */
FpDevice *device_from_id( UINT64 id )
{
    return devices_by_id ? g_hash_table_lookup( devices_by_id, &id ) : NULL;
}

/* A device keeps its id for the life of the process, even if unplugged. */
static UINT64 device_id( FpDevice *device )
{
    UINT64 *id = g_object_get_data( G_OBJECT(device), "winbio-id" );

    if (!id)
    {
        if (!devices_by_id)
            devices_by_id = g_hash_table_new_full( g_int64_hash, g_int64_equal, NULL, g_object_unref );
        id = g_new( UINT64, 1 );
        *id = next_device_id++;
        g_object_set_data_full( G_OBJECT(device), "winbio-id", id, g_free );
        g_hash_table_insert( devices_by_id, id, g_object_ref( device ) );
    }
    return *id;
}

static UINT32 map_features( FpDeviceFeature features )
{
    static const struct
    {
        FpDeviceFeature fp;
        UINT32 ours;
    }
    map[] =
    {
        { FP_DEVICE_FEATURE_CAPTURE,          WINBIO_UNIX_FEATURE_CAPTURE },
        { FP_DEVICE_FEATURE_IDENTIFY,         WINBIO_UNIX_FEATURE_IDENTIFY },
        { FP_DEVICE_FEATURE_VERIFY,           WINBIO_UNIX_FEATURE_VERIFY },
        { FP_DEVICE_FEATURE_STORAGE,          WINBIO_UNIX_FEATURE_STORAGE },
        { FP_DEVICE_FEATURE_STORAGE_LIST,     WINBIO_UNIX_FEATURE_STORAGE_LIST },
        { FP_DEVICE_FEATURE_STORAGE_DELETE,   WINBIO_UNIX_FEATURE_STORAGE_DELETE },
        { FP_DEVICE_FEATURE_STORAGE_CLEAR,    WINBIO_UNIX_FEATURE_STORAGE_CLEAR },
        { FP_DEVICE_FEATURE_DUPLICATES_CHECK, WINBIO_UNIX_FEATURE_DUPLICATES_CHECK },
    };
    UINT32 ret = 0;
    unsigned int i;

    for (i = 0; i < G_N_ELEMENTS(map); i++)
        if (features & map[i].fp) ret |= map[i].ours;
    return ret;
}

/* index: how many devices of the same driver come before it; drivers:
 * those of every device */
static void describe_device( FpDevice *device, guint index, const char * const *drivers,
                             struct winbio_unix_device *out )
{
    const char *driver = fp_device_get_driver( device );
    const char *id = fp_device_get_device_id( device );
    const char *name = fp_device_get_name( device );

    memset( out, 0, sizeof(*out) );
    out->id = device_id( device );
    g_strlcpy( out->driver, driver ? driver : "", sizeof(out->driver) );
    g_strlcpy( out->device_id, id ? id : "", sizeof(out->device_id) );
    g_strlcpy( out->name, name ? name : "", sizeof(out->name) );
    /* libfprint has no public accessor for the device type; its test
     * drivers are the ones whose id starts with "virtual_". */
    out->device_type = g_str_has_prefix( out->driver, "virtual_" ) ? WINBIO_UNIX_DEVICE_VIRTUAL
                                                                   : WINBIO_UNIX_DEVICE_HARDWARE;
    out->scan_type = fp_device_get_scan_type( device ) == FP_SCAN_TYPE_SWIPE ? WINBIO_UNIX_SCAN_SWIPE
                                                                             : WINBIO_UNIX_SCAN_PRESS;
    out->features = map_features( fp_device_get_features( device ) );
    out->enroll_stages = fp_device_get_nr_enroll_stages( device );
    usb_describe( device, index, drivers, out );
}

static guint driver_index( GPtrArray *devices, guint i )
{
    FpDevice *device = g_ptr_array_index( devices, i );
    guint j, index = 0;

    for (j = 0; j < i; j++)
        if (!strcmp( fp_device_get_driver( g_ptr_array_index( devices, j ) ), fp_device_get_driver( device ) ))
            index++;
    return index;
}

static void queue_change( FpDevice *device, UINT32 added )
{
    struct device_change_params *change = g_new0( struct device_change_params, 1 );

    change->device = device_id( device );
    change->added = added;
    TRACE( "%s %s\n", fp_device_get_name( device ), added ? "added" : "removed" );
    g_mutex_lock( &changes_mutex );
    g_queue_push_tail( &changes, change );
    g_cond_broadcast( &changes_cond );
    g_mutex_unlock( &changes_mutex );
}

static void device_added( FpContext *context, FpDevice *device, gpointer data )
{
    queue_change( device, 1 );
}

static void device_removed( FpContext *context, FpDevice *device, gpointer data )
{
    queue_change( device, 0 );
}

/* libfprint keeps an unplugged device in its list until the device is
 * closed, which may be a moment after the failed call that found it gone;
 * it marks it "removed" at once. */
static gboolean device_is_removed( FpDevice *device )
{
    gboolean removed = FALSE;

    g_object_get( device, "removed", &removed, NULL );
    return removed;
}

static NTSTATUS loop_enum_devices( void *args )
{
    struct enum_devices_params *params = args;
    struct winbio_unix_device *out = (struct winbio_unix_device *)(ULONG_PTR)params->devices;
    g_autofree const char **drivers = NULL;
    GPtrArray *devices;
    UINT32 i, count = 0;

    devices = fp_context_get_devices( get_fp_context() );
    /* from the first enumeration on, changes are news */
    if (!watching)
    {
        g_signal_connect( fp_context, "device-added", G_CALLBACK(device_added), NULL );
        g_signal_connect( fp_context, "device-removed", G_CALLBACK(device_removed), NULL );
        watching = TRUE;
    }
    for (i = 0; devices && i < devices->len; i++)
        if (!device_is_removed( g_ptr_array_index( devices, i ) )) count++;
    params->count = count;
    TRACE( "%u device(s)\n", count );
    if (count > params->capacity) return STATUS_BUFFER_TOO_SMALL;

    drivers = g_new0( const char *, (devices ? devices->len : 0) + 1 );
    for (i = 0; devices && i < devices->len; i++) drivers[i] = fp_device_get_driver( g_ptr_array_index( devices, i ) );
    for (i = 0, count = 0; devices && i < devices->len; i++)
    {
        FpDevice *device = g_ptr_array_index( devices, i );

        if (device_is_removed( device )) continue;
        describe_device( device, driver_index( devices, i ), drivers, &out[count] );
        TRACE( "device %u: driver %s id %s name %s, features %#x, %s, %u enroll stages\n", count,
               debugstr_a(out[count].driver), debugstr_a(out[count].device_id), debugstr_a(out[count].name),
               out[count].features, out[count].scan_type == WINBIO_UNIX_SCAN_SWIPE ? "swipe" : "press",
               out[count].enroll_stages );
        count++;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS enum_devices( void *args )
{
    return run_on_loop( loop_enum_devices, args );
}

/* Called by a PE thread that does nothing else: waits for the next hotplug. */
static NTSTATUS wait_device_change( void *args )
{
    struct device_change_params *params = args, *change;

    g_mutex_lock( &changes_mutex );
    while (!(change = g_queue_pop_head( &changes ))) g_cond_wait( &changes_cond, &changes_mutex );
    g_mutex_unlock( &changes_mutex );
    *params = *change;
    g_free( change );
    return STATUS_SUCCESS;
}

/*
 * libfprint reports problems (a device it cannot open, a driver error)
 * through GLib's log.  Messages logged on the loop thread, a Wine thread,
 * go to the winbio channel; everything else keeps GLib's handling, since
 * Wine's debug output must not be used from threads Wine did not create.
 */
static void log_handler( const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data )
{
    if (g_thread_self() != loop_thread || !domain || strncmp( domain, "libfprint", 9 ))
    {
        default_log_handler( domain, level, message, data );
        return;
    }
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) ERR( "%s: %s\n", domain, message );
    else if (level & G_LOG_LEVEL_WARNING) WARN( "%s: %s\n", domain, message );
    else TRACE( "%s: %s\n", domain, message );
}

static void set_loop_state( int state )
{
    g_mutex_lock( &loop_mutex );
    loop_state = state;
    g_cond_broadcast( &loop_cond );
    g_mutex_unlock( &loop_mutex );
}

static NTSTATUS loop_run( void *args )
{
    if (!g_main_context_acquire( g_main_context_default() ))
    {
        ERR( "libfprint's main context is owned by another thread\n" );
        set_loop_state( -1 );
        return STATUS_UNSUCCESSFUL;
    }
    loop_thread = g_thread_self();
    default_log_handler = g_log_set_default_handler( log_handler, NULL );
    set_loop_state( 1 );
    TRACE( "libfprint loop running\n" );
    while (!g_atomic_int_get( &loop_quit ))
        g_main_context_iteration( g_main_context_default(), TRUE );
    g_main_context_release( g_main_context_default() );
    TRACE( "libfprint loop stopped\n" );
    return STATUS_SUCCESS;
}

static NTSTATUS loop_wait_ready( void *args )
{
    int state;

    g_mutex_lock( &loop_mutex );
    while (!loop_state) g_cond_wait( &loop_cond, &loop_mutex );
    state = loop_state;
    g_mutex_unlock( &loop_mutex );
    return state > 0 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}

static NTSTATUS loop_stop( void *args )
{
    g_atomic_int_set( &loop_quit, 1 );
    g_main_context_wakeup( g_main_context_default() );
    return STATUS_SUCCESS;
}

static NTSTATUS process_detach( void *args )
{
    /* only called once the loop thread has returned */
    g_clear_pointer( &devices_by_id, g_hash_table_unref );
    g_clear_object( &fp_context );
    return STATUS_SUCCESS;
}

const unixlib_entry_t __wine_unix_call_funcs[] =
{
    process_detach,
    loop_run,
    loop_wait_ready,
    loop_stop,
    enum_devices,
    op_start,
    op_wait,
    op_get_data,
    op_cancel,
    op_free,
    wait_device_change,
    make_private,
};

C_ASSERT( ARRAYSIZE(__wine_unix_call_funcs) == unix_funcs_count );

#ifdef _WIN64

/* 32-bit PE code calling this 64-bit library (new WoW64).  The params have
 * the same layout for 32-bit callers (asserted in unixlib.h) and carry
 * pointers as zero-extended UINT64s, so no call needs a thunk. */
const unixlib_entry_t __wine_unix_call_wow64_funcs[] =
{
    process_detach,
    loop_run,
    loop_wait_ready,
    loop_stop,
    enum_devices,
    op_start,
    op_wait,
    op_get_data,
    op_cancel,
    op_free,
    wait_device_change,
    make_private,
};

C_ASSERT( ARRAYSIZE(__wine_unix_call_wow64_funcs) == unix_funcs_count );

#endif /* _WIN64 */

#endif /* HAVE_LIBFPRINT */
