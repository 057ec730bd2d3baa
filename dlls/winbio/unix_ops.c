#if 0
#pragma makedep unix
#endif

/*
 * Unix side of winbio.dll: libfprint operations
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
 * Each WinBio request that needs the sensor becomes exactly one libfprint
 * operation (open, close, enroll, verify, identify, capture, list, delete,
 * clear),
 * started on the loop thread.  The PE side waits for its events with
 * op_wait, which can wait for several operations at once (a system pool
 * identify runs on every unit and takes the first touch), and cancels it
 * with op_cancel from any thread.
 */

#include "config.h"

#ifdef HAVE_LIBFPRINT

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "unix_private.h"

#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

struct event
{
    UINT32 event;
    UINT32 result;
    UINT32 retry;
    UINT32 stage;
};

struct op
{
    gint refcount;              /* one for the PE side, one while libfprint runs it */
    UINT32 type;
    FpDevice *device;
    GCancellable *cancellable;
    GPtrArray *templates;       /* FpPrint inputs that could be read */
    GArray *indices;            /* guint: where each of templates is in the caller's list */
    UINT32 template_count;      /* in the caller's list, read or not */
    GQueue events;              /* struct event, guarded by ops_mutex */
    struct event *held;         /* progress kept back until the sensor is ready again */
    gulong status_handler;      /* notify::finger-status, while enrolling */
    guint hold_timeout;
    gboolean finished;          /* DONE queued, guarded by ops_mutex */
    /* results, written once before the DONE event */
    INT32 match;
    GPtrArray *data;            /* GBytes: the template, the image, or the listed templates */
    UINT32 width, height, ppmm_x100;
};

/* one lock and condition for every operation, so that a wait can cover several */
static GMutex ops_mutex;
static GCond ops_cond;

static const char *debugstr_op( UINT32 type )
{
    static const char * const names[] =
    {
        "open", "close", "enroll", "verify", "identify", "capture", "list", "delete", "clear"
    };

    return type < G_N_ELEMENTS(names) ? names[type] : wine_dbg_sprintf( "%u", type );
}

static struct op *op_from_handle( UINT64 handle )
{
    return (struct op *)(ULONG_PTR)handle;
}

static void op_release( struct op *op )
{
    if (!g_atomic_int_dec_and_test( &op->refcount )) return;
    g_queue_clear_full( &op->events, g_free );
    g_free( op->held );
    g_clear_pointer( &op->templates, g_ptr_array_unref );
    g_clear_pointer( &op->indices, g_array_unref );
    g_clear_pointer( &op->data, g_ptr_array_unref );
    g_clear_object( &op->cancellable );
    g_clear_object( &op->device );
    g_free( op );
}

static void queue_event( struct op *op, struct event *ev )
{
    g_mutex_lock( &ops_mutex );
    if (ev->event == WINBIO_UNIX_EVENT_DONE) op->finished = TRUE;
    g_queue_push_tail( &op->events, ev );
    g_cond_broadcast( &ops_cond );
    g_mutex_unlock( &ops_mutex );
}

static struct event *new_event( UINT32 event, UINT32 result, UINT32 retry, UINT32 stage )
{
    struct event *ev = g_new0( struct event, 1 );

    ev->event = event;
    ev->result = result;
    ev->retry = retry;
    ev->stage = stage;
    return ev;
}

/* Hands a progress report on that was kept back (see enroll_progress). */
static void release_held( struct op *op )
{
    if (op->hold_timeout) g_source_remove( op->hold_timeout );
    op->hold_timeout = 0;
    if (op->held) queue_event( op, op->held );
    op->held = NULL;
}

static gboolean hold_expired( gpointer data )
{
    struct op *op = data;

    op->hold_timeout = 0;
    release_held( op );
    return G_SOURCE_REMOVE;
}

static void finger_status_changed( GObject *device, GParamSpec *spec, gpointer data )
{
    if (fp_device_get_finger_status( FP_DEVICE(device) ) & FP_FINGER_STATUS_NEEDED) release_held( data );
}

static void push_event( struct op *op, UINT32 event, UINT32 result, UINT32 retry, UINT32 stage )
{
    queue_event( op, new_event( event, result, retry, stage ) );
}

static UINT32 map_device_error( int code )
{
    switch (code)
    {
    case FP_DEVICE_ERROR_NOT_SUPPORTED:  return WINBIO_UNIX_NOT_SUPPORTED;
    case FP_DEVICE_ERROR_NOT_OPEN:       return WINBIO_UNIX_NOT_OPEN;
    case FP_DEVICE_ERROR_ALREADY_OPEN:   return WINBIO_UNIX_ALREADY_OPEN;
    case FP_DEVICE_ERROR_BUSY:           return WINBIO_UNIX_BUSY;
    case FP_DEVICE_ERROR_PROTO:          return WINBIO_UNIX_PROTO;
    case FP_DEVICE_ERROR_DATA_INVALID:   return WINBIO_UNIX_DATA_INVALID;
    case FP_DEVICE_ERROR_DATA_NOT_FOUND: return WINBIO_UNIX_DATA_NOT_FOUND;
    case FP_DEVICE_ERROR_DATA_FULL:      return WINBIO_UNIX_DATA_FULL;
    case FP_DEVICE_ERROR_DATA_DUPLICATE: return WINBIO_UNIX_DATA_DUPLICATE;
    case FP_DEVICE_ERROR_REMOVED:        return WINBIO_UNIX_REMOVED;
    case FP_DEVICE_ERROR_TOO_HOT:        return WINBIO_UNIX_TOO_HOT;
    default:                             return WINBIO_UNIX_FAILED;
    }
}

/* GUsb's error for a device node the user may not open; libfprint passes
 * it on as it is.  GUsb's headers are not installed with libfprint's, so
 * its domain is found by name: G_USB_DEVICE_ERROR_PERMISSION_DENIED. */
#define GUSB_ERROR_DOMAIN "g-usb-device-error-quark"
#define GUSB_ERROR_NO_DEVICE 4
#define GUSB_ERROR_PERMISSION_DENIED 9
#define GUSB_ERROR_BUSY 10

static gboolean is_permission_denied( const GError *error )
{
    return g_error_matches( error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED ) ||
           (error->domain == g_quark_try_string( GUSB_ERROR_DOMAIN ) &&
            error->code == GUSB_ERROR_PERMISSION_DENIED);
}

/* Another process (fprintd) has claimed the device.  GUsb 0.3 (Debian 12)
 * reports libusb's LIBUSB_ERROR_BUSY as G_USB_DEVICE_ERROR_NO_DEVICE, and
 * only its message, "USB error on device VID:PID : Resource busy [-6]",
 * keeps libusb's code; later versions have G_USB_DEVICE_ERROR_BUSY. */
static gboolean is_busy( const GError *error )
{
    if (error->domain != g_quark_try_string( GUSB_ERROR_DOMAIN )) return FALSE;
    return error->code == GUSB_ERROR_BUSY ||
           (error->code == GUSB_ERROR_NO_DEVICE && g_str_has_suffix( error->message, "[-6]" ));
}

/* The node of the USB device with these ids, as sysfs describes it. */
static gchar *find_usb_node( guint vendor, guint product )
{
    GDir *dir = g_dir_open( "/sys/bus/usb/devices", 0, NULL );
    const gchar *name;
    gchar *node = NULL;
    guint64 bus, address;

    if (!dir) return NULL;
    while (!node && (name = g_dir_read_name( dir )))
    {
        if (usb_read_attribute( name, "idVendor", 16 ) != vendor ||
            usb_read_attribute( name, "idProduct", 16 ) != product)
            continue;
        bus = usb_read_attribute( name, "busnum", 10 );
        address = usb_read_attribute( name, "devnum", 10 );
        if (bus && address)
            node = g_strdup_printf( "/dev/bus/usb/%03u/%03u", (unsigned int)bus, (unsigned int)address );
    }
    g_dir_close( dir );
    return node;
}

/*
 * The one failure a user can fix alone, so it says how: the device node
 * and a udev rule for the sensor.  GUsb names the USB ids in its message
 * ("USB error on device 08ff:2580 : Access denied ...").
 */
static void report_permission_denied( FpDevice *device, const GError *error )
{
    g_autofree gchar *node = NULL;
    const char *ids = strstr( error->message, "device " );
    unsigned int vendor, product;

    if (!ids || sscanf( ids, "device %4x:%4x", &vendor, &product ) != 2)
    {
        ERR( "%s: %s.  Give your user read and write access to the sensor's device node "
             "(a udev rule, see winbio's README).\n", fp_device_get_name( device ), error->message );
        return;
    }
    node = find_usb_node( vendor, product );
    ERR( "%s: permission denied on %s (USB %04x:%04x).  Give your user read and write access to it, "
         "for example with the udev rule SUBSYSTEM==\"usb\", ATTRS{idVendor}==\"%04x\", "
         "ATTRS{idProduct}==\"%04x\", MODE=\"0660\", GROUP=\"plugdev\" and membership of plugdev "
         "(see winbio's README).\n", fp_device_get_name( device ), node ? node : "its USB device node",
         vendor, product, vendor, product );
}

/* Turn a GError into our result code, reporting it on the debug channel. */
static UINT32 map_error( const struct op *op, const GError *error, UINT32 *retry )
{
    *retry = 0;
    if (!error) return WINBIO_UNIX_OK;

    if (g_error_matches( error, G_IO_ERROR, G_IO_ERROR_CANCELLED ))
    {
        TRACE( "%s canceled\n", debugstr_op( op->type ) );
        return WINBIO_UNIX_CANCELED;
    }
    if (error->domain == FP_DEVICE_RETRY)
    {
        TRACE( "%s: retry %d: %s\n", debugstr_op( op->type ), error->code, error->message );
        *retry = error->code;
        return WINBIO_UNIX_RETRY;
    }
    if (is_permission_denied( error ))
    {
        report_permission_denied( op->device, error );
        return WINBIO_UNIX_PERMISSION;
    }
    if (is_busy( error ))
    {
        /* the caller waits a while for it: not a failure yet */
        TRACE( "%s: %s: busy: %s\n", fp_device_get_name( op->device ), debugstr_op( op->type ), error->message );
        return WINBIO_UNIX_BUSY;
    }
    WARN( "%s: %s failed: %s (%s %d)\n", fp_device_get_name( op->device ), debugstr_op( op->type ),
          error->message, g_quark_to_string( error->domain ), error->code );
    if (error->domain == FP_DEVICE_ERROR) return map_device_error( error->code );
    return WINBIO_UNIX_FAILED;
}

static void op_done( struct op *op, const GError *error )
{
    UINT32 retry, result = map_error( op, error, &retry );

    release_held( op );
    if (op->status_handler) g_signal_handler_disconnect( op->device, op->status_handler );
    op->status_handler = 0;
    push_event( op, WINBIO_UNIX_EVENT_DONE, result, retry, 0 );
    op_release( op );
}

static void add_print_data( struct op *op, FpPrint *print )
{
    g_autoptr(GError) error = NULL;
    guchar *data = NULL;
    gsize size = 0;

    if (!fp_print_serialize( print, &data, &size, &error ))
    {
        ERR( "cannot serialize a print: %s\n", error->message );
        return;
    }
    g_ptr_array_add( op->data, g_bytes_new_take( data, size ) );
}

/*
 * libfprint 1.94 leaves the USB device open when a driver's open fails
 * after GUsb opened it, as when another process (fprintd) has claimed the
 * interface: every later open then fails with "already open", and the
 * sensor would stay unusable in this process even once the other one lets
 * it go.  So a failed open closes the USB device itself, through GUsb
 * (libfprint's own dependency, already loaded; its headers are not
 * installed with libfprint's).
 */
static void close_usb_device( FpDevice *device )
{
    static gboolean (*usb_device_close)( GObject *usb_device, GError **error );
    g_autoptr(GObject) usb_device = NULL;
    void *gusb;

    if (!g_object_class_find_property( G_OBJECT_GET_CLASS(device), "fpi-usb-device" )) return;
    g_object_get( device, "fpi-usb-device", &usb_device, NULL );
    if (!usb_device) return;  /* not a USB sensor */
    if (!usb_device_close && (gusb = dlopen( "libgusb.so.2", RTLD_NOW | RTLD_NOLOAD )))
    {
        usb_device_close = dlsym( gusb, "g_usb_device_close" );
        dlclose( gusb );  /* libfprint keeps it loaded */
    }
    /* fails harmlessly when GUsb had not opened it */
    if (usb_device_close && usb_device_close( usb_device, NULL ))
        TRACE( "%s: closed the USB device the failed open left open\n", fp_device_get_name( device ) );
}

static void open_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;

    if (!fp_device_open_finish( FP_DEVICE(device), res, &error )) close_usb_device( FP_DEVICE(device) );
    op_done( user, error );
}

static void close_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;

    fp_device_close_finish( FP_DEVICE(device), res, &error );
    op_done( user, error );
}

/*
 * A WinBio client touches the sensor again as soon as WinBioEnrollCapture
 * returns.  libfprint is not ready for that touch until it asks for the
 * finger again (an image sensor drops a picture taken while it still
 * processes the previous one), so a progress report is handed on when the
 * sensor wants the next finger, or after a second for a sensor that never
 * says so.  The last stage needs no next touch.
 */
static void enroll_progress( FpDevice *device, gint stages, FpPrint *print, gpointer user, GError *error )
{
    struct op *op = user;
    UINT32 retry, result = map_error( op, error, &retry );
    struct event *ev = new_event( WINBIO_UNIX_EVENT_PROGRESS, result, retry, stages );

    release_held( op );
    if ((result == WINBIO_UNIX_OK && stages >= fp_device_get_nr_enroll_stages( device )) ||
        (fp_device_get_finger_status( device ) & FP_FINGER_STATUS_NEEDED))
    {
        queue_event( op, ev );
        return;
    }
    op->held = ev;
    op->hold_timeout = g_timeout_add( 1000, hold_expired, op );
}

static void enroll_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpPrint) print = fp_device_enroll_finish( FP_DEVICE(device), res, &error );
    struct op *op = user;

    if (print) add_print_data( op, print );
    op_done( op, error );
}

static void verify_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;
    struct op *op = user;
    gboolean match = FALSE;

    fp_device_verify_finish( FP_DEVICE(device), res, &match, NULL, &error );
    op->match = match;
    op_done( op, error );
}

static void identify_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpPrint) match = NULL;
    struct op *op = user;
    guint index;

    fp_device_identify_finish( FP_DEVICE(device), res, &match, NULL, &error );
    op->match = -1;
    if (match)
    {
        if (g_ptr_array_find( op->templates, match, &index ) ||
            g_ptr_array_find_with_equal_func( op->templates, match, (GEqualFunc)fp_print_equal, &index ))
            op->match = g_array_index( op->indices, guint, index );
    }
    op_done( op, error );
}

static void capture_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(FpImage) image = fp_device_capture_finish( FP_DEVICE(device), res, &error );
    struct op *op = user;
    const guchar *pixels;
    gsize size;

    if (image)
    {
        pixels = fp_image_get_data( image, &size );
        op->width = fp_image_get_width( image );
        op->height = fp_image_get_height( image );
        op->ppmm_x100 = fp_image_get_ppmm( image ) * 100 + 0.5;
        g_ptr_array_add( op->data, g_bytes_new( pixels, size ) );
    }
    op_done( op, error );
}

/* Which of the templates given to the operation the device still stores. */
static void list_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) prints = fp_device_list_prints_finish( FP_DEVICE(device), res, &error );
    struct op *op = user;
    guint8 *stored;
    guint i, j;

    if (prints)
    {
        /* a template that could not be read cannot be compared: it is
         * reported as stored, so that nobody deletes it for that */
        stored = g_malloc( op->template_count + 1 );
        memset( stored, 1, op->template_count + 1 );
        for (i = 0; i < op->templates->len; i++)
        {
            guint8 *found = &stored[g_array_index( op->indices, guint, i )];

            for (*found = 0, j = 0; j < prints->len && !*found; j++)
                *found = fp_print_equal( g_ptr_array_index( op->templates, i ), g_ptr_array_index( prints, j ) );
        }
        g_ptr_array_add( op->data, g_bytes_new_take( stored, op->template_count ) );
        TRACE( "%u print(s) on the device\n", prints->len );
    }
    op_done( op, error );
}

static void delete_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;

    fp_device_delete_print_finish( FP_DEVICE(device), res, &error );
    op_done( user, error );
}

static void clear_done( GObject *device, GAsyncResult *res, gpointer user )
{
    g_autoptr(GError) error = NULL;

    fp_device_clear_storage_finish( FP_DEVICE(device), res, &error );
    op_done( user, error );
}

static BOOL load_templates( struct op *op, const struct op_start_params *params )
{
    const struct winbio_unix_blob *blobs = (const struct winbio_unix_blob *)(ULONG_PTR)params->templates;
    UINT32 i;

    op->templates = g_ptr_array_new_full( params->count, g_object_unref );
    op->indices = g_array_sized_new( FALSE, FALSE, sizeof(guint), params->count );
    op->template_count = params->count;
    for (i = 0; i < params->count; i++)
    {
        g_autoptr(GError) error = NULL;
        FpPrint *print = fp_print_deserialize( (const guchar *)(ULONG_PTR)blobs[i].data, blobs[i].size, &error );

        if (!print)
        {
            /* one damaged template must not keep the others from matching,
             * nor from being checked against what the sensor stores */
            if (op->type == WINBIO_UNIX_OP_IDENTIFY || op->type == WINBIO_UNIX_OP_LIST)
            {
                WARN( "template %u cannot be read, skipped: %s\n", i, error->message );
                continue;
            }
            WARN( "template %u cannot be read: %s\n", i, error->message );
            return FALSE;
        }
        g_ptr_array_add( op->templates, print );
        g_array_append_val( op->indices, i );
    }
    return TRUE;
}

static NTSTATUS loop_op_start( void *args )
{
    struct op_start_params *params = args;
    FpDevice *device = device_from_id( params->device );
    FpPrint *print;
    struct op *op;

    if (!device) return STATUS_INVALID_HANDLE;

    op = g_new0( struct op, 1 );
    op->refcount = 2;
    op->type = params->type;
    op->device = g_object_ref( device );
    op->cancellable = g_cancellable_new();
    op->data = g_ptr_array_new_with_free_func( (GDestroyNotify)g_bytes_unref );
    op->match = -1;
    g_queue_init( &op->events );
    params->op = (ULONG_PTR)op;

    if (!load_templates( op, params ))
    {
        push_event( op, WINBIO_UNIX_EVENT_DONE, WINBIO_UNIX_DATA_INVALID, 0, 0 );
        op_release( op );
        return STATUS_SUCCESS;
    }

    TRACE( "%s: starting %s\n", fp_device_get_name( device ), debugstr_op( op->type ) );
    switch (op->type)
    {
    case WINBIO_UNIX_OP_OPEN:
        fp_device_open( device, op->cancellable, open_done, op );
        break;
    case WINBIO_UNIX_OP_CLOSE:
        fp_device_close( device, op->cancellable, close_done, op );
        break;
    case WINBIO_UNIX_OP_ENROLL:
        /*
         * No finger, user name or date: match-on-chip drivers build the id
         * they store on the sensor from those, and who a print belongs to
         * is the template database's business (a Windows SID and subfactor,
         * which the Unix user name is not).  So the sensor holds anonymous
         * prints, and the id it stores depends on nothing but the sensor.
         */
        print = fp_print_new( device );
        params->description[sizeof(params->description) - 1] = 0;
        fp_print_set_description( print, params->description );
        op->status_handler = g_signal_connect( device, "notify::finger-status",
                                               G_CALLBACK(finger_status_changed), op );
        fp_device_enroll( device, print, op->cancellable, enroll_progress, op, NULL, enroll_done, op );
        break;
    case WINBIO_UNIX_OP_VERIFY:
        if (op->templates->len != 1) goto invalid;
        fp_device_verify( device, g_ptr_array_index( op->templates, 0 ), op->cancellable,
                          NULL, NULL, NULL, verify_done, op );
        break;
    case WINBIO_UNIX_OP_IDENTIFY:
        /* none could be read: the touch is still awaited, and matches nothing */
        if (!op->templates->len && fp_device_has_feature( device, FP_DEVICE_FEATURE_CAPTURE ))
        {
            fp_device_capture( device, TRUE, op->cancellable, capture_done, op );
            break;
        }
        fp_device_identify( device, op->templates, op->cancellable, NULL, NULL, NULL, identify_done, op );
        break;
    case WINBIO_UNIX_OP_CAPTURE:
        fp_device_capture( device, TRUE, op->cancellable, capture_done, op );
        break;
    case WINBIO_UNIX_OP_LIST:
        fp_device_list_prints( device, op->cancellable, list_done, op );
        break;
    case WINBIO_UNIX_OP_DELETE:
        if (op->templates->len != 1) goto invalid;
        fp_device_delete_print( device, g_ptr_array_index( op->templates, 0 ), op->cancellable,
                                delete_done, op );
        break;
    case WINBIO_UNIX_OP_CLEAR:
        fp_device_clear_storage( device, op->cancellable, clear_done, op );
        break;
    default:
        goto invalid;
    }
    return STATUS_SUCCESS;

invalid:
    push_event( op, WINBIO_UNIX_EVENT_DONE, WINBIO_UNIX_DATA_INVALID, 0, 0 );
    op_release( op );
    return STATUS_SUCCESS;
}

NTSTATUS op_start( void *args )
{
    return run_on_loop( loop_op_start, args );
}

NTSTATUS op_wait( void *args )
{
    struct op_wait_params *params = args;
    struct event *ev = NULL;
    struct op *op = NULL;
    UINT32 i;

    if (!params->count || params->count > WINBIO_UNIX_MAX_WAIT) return STATUS_INVALID_PARAMETER;

    g_mutex_lock( &ops_mutex );
    for (;;)
    {
        for (i = 0; i < params->count; i++)
        {
            op = op_from_handle( params->ops[i] );
            if ((ev = g_queue_pop_head( &op->events ))) break;
        }
        if (ev) break;
        g_cond_wait( &ops_cond, &ops_mutex );
    }
    g_mutex_unlock( &ops_mutex );

    params->index = i;
    params->event = ev->event;
    params->result = ev->result;
    params->retry = ev->retry;
    params->stage = ev->stage;
    if (ev->event == WINBIO_UNIX_EVENT_DONE)
    {
        /* the results were written before the DONE event was queued */
        params->match = op->match;
        params->items = op->data->len;
        params->data_size = op->data->len ? g_bytes_get_size( g_ptr_array_index( op->data, 0 ) ) : 0;
        params->width = op->width;
        params->height = op->height;
        params->ppmm_x100 = op->ppmm_x100;
    }
    g_free( ev );
    return STATUS_SUCCESS;
}

NTSTATUS op_get_data( void *args )
{
    struct op_get_data_params *params = args;
    struct op *op = op_from_handle( params->op );
    GBytes *bytes;
    gsize size;

    if (params->item >= op->data->len) return STATUS_INVALID_PARAMETER;
    bytes = g_ptr_array_index( op->data, params->item );
    size = g_bytes_get_size( bytes );
    if (params->size < size)
    {
        params->size = size;
        return STATUS_BUFFER_TOO_SMALL;
    }
    memcpy( (void *)(ULONG_PTR)params->buffer, g_bytes_get_data( bytes, NULL ), size );
    params->size = size;
    return STATUS_SUCCESS;
}

static NTSTATUS loop_op_cancel( void *args )
{
    struct op *op = args;

    /* libfprint reacts to the cancellation on the thread that cancels */
    g_cancellable_cancel( op->cancellable );
    return STATUS_SUCCESS;
}

NTSTATUS op_cancel( void *args )
{
    struct op_params *params = args;

    return run_on_loop( loop_op_cancel, op_from_handle( params->op ) );
}

/*
 * An operation still running is cancelled, and waited for: libfprint
 * reports a device busy until the cancelled action has returned, which
 * for an image sensor takes a few turns of the loop, and the caller is
 * about to hand the device to the next operation.
 */
NTSTATUS op_free( void *args )
{
    struct op_params *params = args;
    struct op *op = op_from_handle( params->op );
    gint64 deadline = g_get_monotonic_time() + 10 * G_TIME_SPAN_SECOND;
    gboolean finished;

    g_mutex_lock( &ops_mutex );
    finished = op->finished;
    g_mutex_unlock( &ops_mutex );
    if (!finished) run_on_loop( loop_op_cancel, op );

    g_mutex_lock( &ops_mutex );
    while (!op->finished)
    {
        if (!g_cond_wait_until( &ops_cond, &ops_mutex, deadline ))
        {
            WARN( "%s did not end after being cancelled\n", debugstr_op( op->type ) );
            break;
        }
    }
    g_mutex_unlock( &ops_mutex );
    op_release( op );
    return STATUS_SUCCESS;
}

#endif /* HAVE_LIBFPRINT */
