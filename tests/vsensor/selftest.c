/*
 * End-to-end check of the vsensor fixture, natively, without Wine
 *
 * Copyright 2026 the winbio project developers
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
 * Build:  gcc -Wall -O2 selftest.c -o selftest $(pkg-config --cflags --libs libfprint-2)
 * Run:    run-selftest.sh, or by hand: selftest [PRINTSDIR] with FP_VIRTUAL_IMAGE,
 *         FP_VIRTUAL_DEVICE, FP_VIRTUAL_DEVICE_STORAGE and WINBIO_VSENSOR_PORT set and
 *         vsensor running.  PRINTSDIR (or $PRINTS_DIR) only serves to read the
 *         PGM sizes; without it the sizes vsensor reports are trusted.
 *         WINETEST_DEBUG=2 traces the steps with timestamps.
 *
 * This program plays the part that Wine and winbio.dll play in the real tests:
 * it uses libfprint in-process, so the drivers create their sockets here,
 * while it drives the sensors through vsensor over TCP exactly as a Windows
 * test would.  libfprint runs on the main thread's default GMainContext; the
 * blocking fixture requests are made from a short-lived worker thread while
 * the main thread keeps iterating that context, because the drivers can only
 * accept and read our commands while their main loop runs.  (winbio.dll's
 * Unix side must likewise keep libfprint's main loop running, or DEVICE and
 * STORAGE requests time out waiting for the driver to take them.)
 *
 * Covered: enumeration of the three drivers; virtual_image captures with the
 * touch made before the open, while the capture waits and while the device is
 * idle, IMAGE_RETRY/IMAGE_ERROR, manual finger reports, a 5-stage enrollment
 * with match/non-match verification, IMAGE_UNPLUG and the refusal after the
 * close; virtual_device SCAN enrollment/verification, ERROR and UNPLUG;
 * virtual_device_storage LIST/INSERT/REMOVE against fp_device_list_prints.
 * Finally no libfprint warning or critical may have been logged: lost images
 * show up only there.
 *
 * Output follows winetest so the runner can count it.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <fprint.h>

#define OP_TIMEOUT_MS      15000  /* cancel any libfprint operation after that */
#define SOCKET_TIMEOUT_S   30     /* longer than any fixture timeout */

static int tests_executed, tests_failed, tests_skipped, debug_level;
static gint64 start_time;
static int log_warnings;
static const char *prints_dir;
static int fixture_fd = -1;

/* winetest style results */

static int ok_(int line, int condition, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static int ok_(int line, int condition, const char *fmt, ...)
{
    va_list args;

    tests_executed++;
    if (condition) return 1;
    tests_failed++;
    va_start(args, fmt);
    printf("selftest.c:%d: Test failed: ", line);
    vprintf(fmt, args);
    va_end(args);
    fflush(stdout);
    return 0;
}

static void skip_(int line, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void skip_(int line, const char *fmt, ...)
{
    va_list args;

    tests_skipped++;
    va_start(args, fmt);
    printf("selftest.c:%d: Tests skipped: ", line);
    vprintf(fmt, args);
    va_end(args);
    fflush(stdout);
}

static void trace_(int line, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void trace_(int line, const char *fmt, ...)
{
    va_list args;

    if (debug_level < 2) return;
    va_start(args, fmt);
    printf("selftest.c:%d: %6.3f ", line, (g_get_monotonic_time() - start_time) / 1e6);
    vprintf(fmt, args);
    va_end(args);
    fflush(stdout);
}

#define ok(cond, ...) ok_(__LINE__, (cond), __VA_ARGS__)
#define skip(...) skip_(__LINE__, __VA_ARGS__)
#define trace(...) trace_(__LINE__, __VA_ARGS__)

/* virtual_image's warning when a connection replaces one it was still
 * reading from; nothing is lost (see the connection policy in vsensor.c),
 * and how often it comes depends only on how the main loop's callbacks
 * interleave, so it is not counted. */
static int is_replaced_connection_warning(const GLogField *fields, gsize n_fields)
{
    gsize i;

    for (i = 0; i < n_fields; i++)
        if (!strcmp(fields[i].key, "MESSAGE") && fields[i].length < 0 &&
            g_str_has_suffix(fields[i].value, ": Error on old connection, ignoring."))
            return 1;
    return 0;
}

/* Counts libfprint's warnings and criticals: lost images and misuse of the
 * drivers show up there and nowhere else. */
static GLogWriterOutput log_writer(GLogLevelFlags level, const GLogField *fields,
                                   gsize n_fields, gpointer user_data)
{
    if ((level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) &&
        !is_replaced_connection_warning(fields, n_fields))
        log_warnings++;
    return g_log_writer_default(level, fields, n_fields, user_data);
}

/* The fixture client, as a Windows test would use it (minus winsock). */

static int fixture_connect(void)
{
    struct sockaddr_in addr;
    struct timeval tv = { SOCKET_TIMEOUT_S, 0 };
    int one = 1;
    const char *port = getenv("WINBIO_VSENSOR_PORT");

    if (fixture_fd >= 0) return 1;
    if (!port || !*port) return 0;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(atoi(port));
    if ((fixture_fd = socket(AF_INET, SOCK_STREAM, 0)) < 0) return 0;
    /* never hang on a broken fixture */
    setsockopt(fixture_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fixture_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    setsockopt(fixture_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fixture_fd, (struct sockaddr *)&addr, sizeof(addr)))
    {
        close(fixture_fd);
        fixture_fd = -1;
        return 0;
    }
    return 1;
}

/* Sends one line, reads one reply line; returns TRUE for "OK...". */
static gboolean fixture_roundtrip(const char *line, char *reply, size_t size)
{
    ssize_t ret, sent;
    size_t len = 0;
    char *request;
    char c;

    reply[0] = 0;
    if (!fixture_connect())
    {
        snprintf(reply, size, "ERR no fixture connection");
        return FALSE;
    }
    /* one send per request: a second small segment would sit in Nagle's
     * algorithm until the fixture's delayed ACK, 40 ms per request */
    request = g_strconcat(line, "\n", NULL);
    sent = send(fixture_fd, request, strlen(request), MSG_NOSIGNAL);
    g_free(request);
    if (sent != (ssize_t)strlen(line) + 1)
    {
        snprintf(reply, size, "ERR send failed");
        return FALSE;
    }
    /* byte by byte: replies are short and this never reads past the line */
    for (;;)
    {
        ret = recv(fixture_fd, &c, 1, 0);
        if (ret <= 0)
        {
            snprintf(reply, size, "ERR connection lost");
            return FALSE;
        }
        if (c == '\n') break;
        if (c != '\r' && len + 1 < size) reply[len++] = c;
    }
    reply[len] = 0;
    return !strncmp(reply, "OK", 2) && (!reply[2] || reply[2] == ' ');
}

struct request
{
    char line[1100];
    char reply[4096];
    gboolean ok;
    gint done;
};

static gpointer request_thread(gpointer data)
{
    struct request *req = data;

    req->ok = fixture_roundtrip(req->line, req->reply, sizeof(req->reply));
    g_atomic_int_set(&req->done, 1);
    g_main_context_wakeup(NULL);
    return NULL;
}

/* Runs one fixture request while libfprint's main loop keeps running. */
static gboolean vsensor(char *reply, size_t size, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static gboolean vsensor(char *reply, size_t size, const char *fmt, ...)
{
    struct request req;
    GThread *thread;
    va_list args;

    memset(&req, 0, sizeof(req));
    va_start(args, fmt);
    vsnprintf(req.line, sizeof(req.line), fmt, args);
    va_end(args);

    thread = g_thread_new("vsensor-request", request_thread, &req);
    while (!g_atomic_int_get(&req.done))
        g_main_context_iteration(NULL, TRUE);
    g_thread_join(thread);

    trace("%s -> %s\n", req.line, req.reply);
    if (reply) g_strlcpy(reply, req.reply, size);
    return req.ok;
}

#define vsensor_ok(...) vsensor(reply, sizeof(reply), __VA_ARGS__)

/* libfprint operations with a hard time limit */

struct op
{
    GAsyncResult *res;
    GCancellable *cancellable;
    guint timeout_id;
    gboolean timed_out;
    int progress;           /* enroll stages reported */
    int progress_errors;    /* enroll retries reported */
};

static gboolean op_timeout(gpointer data)
{
    struct op *op = data;

    op->timeout_id = 0;
    op->timed_out = TRUE;
    g_cancellable_cancel(op->cancellable);
    return G_SOURCE_REMOVE;
}

static void op_start(struct op *op)
{
    memset(op, 0, sizeof(*op));
    op->cancellable = g_cancellable_new();
    op->timeout_id = g_timeout_add(OP_TIMEOUT_MS, op_timeout, op);
}

static void op_done(GObject *source, GAsyncResult *res, gpointer data)
{
    struct op *op = data;

    op->res = g_object_ref(res);
}

/* Iterates until the operation completes.  Cancellation makes libfprint
 * complete it; should a driver ignore that, give up after twice the time. */
static gboolean op_wait(struct op *op)
{
    gint64 deadline = g_get_monotonic_time() + 2 * OP_TIMEOUT_MS * (gint64)1000;

    while (!op->res && g_get_monotonic_time() < deadline)
        g_main_context_iteration(NULL, TRUE);
    if (op->timeout_id) g_source_remove(op->timeout_id);
    op->timeout_id = 0;
    if (!op->res)
    {
        printf("selftest.c:%d: operation hangs even after cancellation, giving up\n", __LINE__);
        exit(255);
    }
    return !op->timed_out;
}

static void op_end(struct op *op)
{
    g_clear_object(&op->res);
    g_clear_object(&op->cancellable);
}

static gboolean device_open(FpDevice *dev, GError **error)
{
    struct op op;
    gboolean ret;

    op_start(&op);
    fp_device_open(dev, op.cancellable, op_done, &op);
    op_wait(&op);
    ret = fp_device_open_finish(dev, op.res, error);
    op_end(&op);
    return ret;
}

static gboolean device_close(FpDevice *dev, GError **error)
{
    struct op op;
    gboolean ret;

    op_start(&op);
    fp_device_close(dev, op.cancellable, op_done, &op);
    op_wait(&op);
    ret = fp_device_close_finish(dev, op.res, error);
    op_end(&op);
    return ret;
}

static GPtrArray *device_list_prints(FpDevice *dev, GError **error)
{
    struct op op;
    GPtrArray *ret;

    op_start(&op);
    fp_device_list_prints(dev, op.cancellable, op_done, &op);
    op_wait(&op);
    ret = fp_device_list_prints_finish(dev, op.res, error);
    op_end(&op);
    return ret;
}

static void enroll_progress(FpDevice *dev, gint stages, FpPrint *print, gpointer data, GError *error)
{
    struct op *op = data;

    if (error) op->progress_errors++;
    else op->progress = stages;
}

static FpPrint *new_template(FpDevice *dev)
{
    FpPrint *print = fp_print_new(dev);

    fp_print_set_finger(print, FP_FINGER_RIGHT_INDEX);
    fp_print_set_username(print, "vsensor-selftest");
    return print;
}

static gboolean tick(gpointer data)
{
    return G_SOURCE_CONTINUE;
}

/* Waits until a callback has raised *value to wanted (or the operation has
 * completed), iterating the loop; a ticking source lets us watch the clock. */
static gboolean wait_for(const int *value, int wanted, const struct op *op, int timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + timeout_ms * (gint64)1000;
    guint id = g_timeout_add(50, tick, NULL);

    while (*value < wanted && (!op || !op->res) && g_get_monotonic_time() < deadline)
        g_main_context_iteration(NULL, TRUE);
    g_source_remove(id);
    return *value >= wanted;
}

/* Waits until the running operation reports that it waits for a finger. */
static gboolean wait_finger_needed(FpDevice *dev, const struct op *op, int timeout_ms)
{
    gint64 deadline = g_get_monotonic_time() + timeout_ms * (gint64)1000;
    guint id = g_timeout_add(50, tick, NULL);

    while (!(fp_device_get_finger_status(dev) & FP_FINGER_STATUS_NEEDED) && !op->res &&
           g_get_monotonic_time() < deadline)
        g_main_context_iteration(NULL, TRUE);
    g_source_remove(id);
    /* Let the activation settle before touching.  virtual_image starts a
     * second read on activation, which fails with G_IO_ERROR_PENDING in an
     * idle callback; if the fixture's new connection is accepted before that
     * callback runs, the driver warns "Error receiving header for image
     * data: Error on old connection, ignoring." (harmless, and not
     * counted, but rarer this way). */
    while (g_main_context_iteration(NULL, FALSE));
    return (fp_device_get_finger_status(dev) & FP_FINGER_STATUS_NEEDED) != 0;
}

/* The id of a print of the virtual_device drivers ("fpi-data" string). */
static char *print_id(FpPrint *print)
{
    GVariant *data = NULL;
    char *id = NULL;

    g_object_get(print, "fpi-data", &data, NULL);
    if (data && g_variant_is_of_type(data, G_VARIANT_TYPE_STRING))
        id = g_variant_dup_string(data, NULL);
    if (data) g_variant_unref(data);
    return id;
}

static gboolean prints_contain(GPtrArray *prints, const char *id)
{
    gboolean found = FALSE;
    unsigned int i;

    for (i = 0; prints && i < prints->len; i++)
    {
        char *print = print_id(g_ptr_array_index(prints, i));
        if (print && !strcmp(print, id)) found = TRUE;
        g_free(print);
    }
    return found;
}

/* Whether a reply "OK a b c" lists the word id. */
static gboolean reply_has_word(const char *reply, const char *id)
{
    char **words = g_strsplit(reply, " ", -1);
    gboolean found = FALSE;
    int i;

    for (i = 0; words[i]; i++) if (i && !strcmp(words[i], id)) found = TRUE;
    g_strfreev(words);
    return found;
}

static void read_pgm_size(const char *name, int *width, int *height)
{
    char *path, header[256];
    FILE *f;

    *width = *height = -1;
    if (!prints_dir) return;
    path = g_build_filename(prints_dir, name, NULL);
    if ((f = fopen(path, "rb")))
    {
        /* the prints have no comments in their headers */
        if (fgets(header, sizeof(header), f) && !strncmp(header, "P5", 2) &&
            fscanf(f, "%d %d", width, height) != 2)
            *width = *height = -1;
        fclose(f);
    }
    g_free(path);
}

static void on_removed(FpDevice *dev, GParamSpec *pspec, gpointer data)
{
    gboolean removed;

    g_object_get(dev, "removed", &removed, NULL);
    if (removed) *(int *)data = 1;
}

/* Starts a capture, optionally touches the sensor once the capture waits
 * for the finger, and returns the result. */
static FpImage *capture(FpDevice *dev, const char *touch_after_start, GError **error)
{
    char reply[256];
    struct op op;
    FpImage *image;

    op_start(&op);
    fp_device_capture(dev, TRUE, op.cancellable, op_done, &op);
    if (touch_after_start)
    {
        ok(wait_finger_needed(dev, &op, 5000), "capture does not wait for a finger\n");
        ok(vsensor_ok("IMAGE %s", touch_after_start), "IMAGE %s: %s\n", touch_after_start, reply);
    }
    ok(op_wait(&op), "capture timed out\n");
    image = fp_device_capture_finish(dev, op.res, error);
    op_end(&op);
    return image;
}

static gboolean verify_image(FpDevice *dev, FpPrint *template, const char *touch, GError **error)
{
    gboolean match = FALSE;
    char reply[256];
    struct op op;

    op_start(&op);
    fp_device_verify(dev, template, op.cancellable, NULL, NULL, NULL, op_done, &op);
    ok(wait_finger_needed(dev, &op, 5000), "verify does not wait for a finger\n");
    ok(vsensor_ok("IMAGE %s", touch), "IMAGE %s: %s\n", touch, reply);
    ok(op_wait(&op), "verify timed out\n");
    if (!fp_device_verify_finish(dev, op.res, &match, NULL, error)) match = FALSE;
    op_end(&op);
    return match;
}

static void test_virtual_image(FpDevice *dev)
{
    FpPrint *template, *enrolled = NULL;
    GError *error = NULL;
    int width, height, removed = 0, never = 0, stage;
    gulong handler;
    FpImage *image;
    char reply[256];
    struct op op;

    read_pgm_size("whorl.pgm", &width, &height);

    /* Touch before the device is even open: the fixture has to keep
     * retrying until the driver creates its socket, and the image has to
     * wait in the socket until a capture starts. */
    op_start(&op);
    fp_device_open(dev, op.cancellable, op_done, &op);
    ok(vsensor_ok("IMAGE whorl.pgm"), "IMAGE before open: %s\n", reply);
    if (width < 0) sscanf(reply, "OK %d %d", &width, &height);
    else
    {
        char *expect = g_strdup_printf("OK %d %d", width, height);
        ok(!strcmp(reply, expect), "got %s, expected %s\n", reply, expect);
        g_free(expect);
    }
    ok(op_wait(&op), "open timed out\n");
    if (!ok(fp_device_open_finish(dev, op.res, &error), "open failed: %s\n", error ? error->message : "?"))
    {
        g_clear_error(&error);
        op_end(&op);
        return;
    }
    op_end(&op);

    image = capture(dev, NULL, &error);
    ok(image != NULL, "capture of an early touch failed: %s\n", error ? error->message : "?");
    if (image)
    {
        ok(fp_image_get_width(image) == (guint)width && fp_image_get_height(image) == (guint)height,
           "got %ux%u, expected %dx%d\n", fp_image_get_width(image), fp_image_get_height(image),
           width, height);
        g_object_unref(image);
    }
    g_clear_error(&error);

    /* touch while the capture waits for the finger */
    image = capture(dev, "whorl.pgm", &error);
    ok(image != NULL, "capture with touch after start failed: %s\n", error ? error->message : "?");
    if (image)
    {
        ok(fp_image_get_width(image) == (guint)width && fp_image_get_height(image) == (guint)height,
           "got %ux%u, expected %dx%d\n", fp_image_get_width(image), fp_image_get_height(image),
           width, height);
        g_object_unref(image);
    }
    g_clear_error(&error);

    /* touch while idle, after the driver has read everything before */
    ok(vsensor_ok("IMAGE tented-arch.pgm"), "IMAGE while idle: %s\n", reply);
    image = capture(dev, NULL, &error);
    ok(image != NULL, "capture of an idle touch failed: %s\n", error ? error->message : "?");
    if (image)
    {
        read_pgm_size("tented-arch.pgm", &width, &height);
        ok(width < 0 || (fp_image_get_width(image) == (guint)width && fp_image_get_height(image) == (guint)height),
           "got %ux%u, expected %dx%d\n", fp_image_get_width(image), fp_image_get_height(image),
           width, height);
        g_object_unref(image);
    }
    g_clear_error(&error);

    /* retry and error conditions */
    ok(vsensor_ok("IMAGE_RETRY %d", FP_DEVICE_RETRY_GENERAL), "IMAGE_RETRY: %s\n", reply);
    image = capture(dev, NULL, &error);
    ok(!image && error && error->domain == FP_DEVICE_RETRY && error->code == FP_DEVICE_RETRY_GENERAL,
       "expected retry error, got %p %s %d\n", image,
       error ? g_quark_to_string(error->domain) : "no error", error ? error->code : 0);
    g_clear_error(&error);
    if (image) g_object_unref(image);

    op_start(&op);
    fp_device_capture(dev, TRUE, op.cancellable, op_done, &op);
    ok(wait_finger_needed(dev, &op, 5000), "capture does not wait for a finger\n");
    ok(vsensor_ok("IMAGE_ERROR %d", FP_DEVICE_ERROR_PROTO), "IMAGE_ERROR: %s\n", reply);
    op_wait(&op);
    image = fp_device_capture_finish(dev, op.res, &error);
    ok(!image && g_error_matches(error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_PROTO),
       "expected protocol error, got %p %s %d\n", image,
       error ? g_quark_to_string(error->domain) : "no error", error ? error->code : 0);
    g_clear_error(&error);
    if (image) g_object_unref(image);
    op_end(&op);

    /* Manual finger reports: without automatic finger reporting the capture
     * only completes when the finger is lifted.  Every request here makes a
     * new connection, so this also checks that the fixture re-sends
     * IMAGE_AUTOFINGER 0 each time. */
    op_start(&op);
    fp_device_capture(dev, TRUE, op.cancellable, op_done, &op);
    ok(wait_finger_needed(dev, &op, 5000), "capture does not wait for a finger\n");
    ok(vsensor_ok("IMAGE_AUTOFINGER 0"), "IMAGE_AUTOFINGER: %s\n", reply);
    ok(vsensor_ok("IMAGE_FINGER 1"), "IMAGE_FINGER 1: %s\n", reply);
    ok(vsensor_ok("IMAGE whorl.pgm"), "IMAGE: %s\n", reply);
    ok(vsensor_ok("IMAGE_SYNC"), "IMAGE_SYNC: %s\n", reply);
    wait_for(&never, 1, &op, 300);
    ok(!op.res, "capture completed with the finger still on the sensor\n");
    ok(vsensor_ok("IMAGE_FINGER_NOW 0"), "IMAGE_FINGER_NOW 0: %s\n", reply);
    ok(op_wait(&op), "capture timed out\n");
    image = fp_device_capture_finish(dev, op.res, &error);
    ok(image != NULL, "capture with manual finger reports failed: %s\n", error ? error->message : "?");
    if (image) g_object_unref(image);
    g_clear_error(&error);
    op_end(&op);
    ok(vsensor_ok("IMAGE_AUTOFINGER 1"), "IMAGE_AUTOFINGER: %s\n", reply);

    /* enrollment: one touch per stage, each once the sensor asks for it */
    ok(fp_device_get_nr_enroll_stages(dev) == 5, "%d enroll stages\n", fp_device_get_nr_enroll_stages(dev));
    op_start(&op);
    template = new_template(dev);
    fp_device_enroll(dev, template, op.cancellable, enroll_progress, &op, NULL, op_done, &op);
    for (stage = 1; stage <= fp_device_get_nr_enroll_stages(dev) && !op.res; stage++)
    {
        ok(wait_finger_needed(dev, &op, 5000), "stage %d does not wait for a finger\n", stage);
        ok(vsensor_ok("IMAGE whorl.pgm"), "IMAGE for stage %d: %s\n", stage, reply);
        if (!ok(wait_for(&op.progress, stage, &op, 10000), "stage %d not reached (%d)\n", stage, op.progress))
            break;
    }
    ok(op_wait(&op), "enroll timed out\n");
    enrolled = fp_device_enroll_finish(dev, op.res, &error);
    ok(enrolled != NULL, "enroll failed: %s\n", error ? error->message : "?");
    ok(op.progress == 5 && !op.progress_errors, "progress %d, %d retries\n", op.progress, op.progress_errors);
    g_clear_error(&error);
    op_end(&op);

    if (enrolled)
    {
        ok(verify_image(dev, enrolled, "whorl-rot10.pgm", &error), "whorl-rot10 does not match: %s\n",
           error ? error->message : "no error");
        g_clear_error(&error);
        ok(!verify_image(dev, enrolled, "tented-arch.pgm", &error) && !error,
           "tented-arch matches or fails: %s\n", error ? error->message : "matched");
        g_clear_error(&error);
        g_object_unref(enrolled);
    }
    else skip("no enrolled print to verify\n");

    /* unplug while idle: the driver is reading its connection right now */
    handler = g_signal_connect(dev, "notify::removed", G_CALLBACK(on_removed), &removed);
    ok(vsensor_ok("IMAGE_UNPLUG"), "IMAGE_UNPLUG: %s\n", reply);
    ok(wait_for(&removed, 1, NULL, 5000), "device not removed\n");
    g_signal_handler_disconnect(dev, handler);
    device_close(dev, &error);
    trace("close after unplug: %s\n", error ? error->message : "ok");
    g_clear_error(&error);

    /* closed: the driver socket refuses, the fixture gives up after its timeout */
    ok(vsensor_ok("TIMEOUT 300"), "TIMEOUT: %s\n", reply);
    ok(!vsensor_ok("IMAGE whorl.pgm") && !strncmp(reply, "ERR ", 4), "IMAGE after close: %s\n", reply);
    ok(vsensor_ok("TIMEOUT 10000"), "TIMEOUT: %s\n", reply);
}

static gboolean verify_device(FpDevice *dev, FpPrint *template, GError **error)
{
    gboolean match = FALSE;
    struct op op;

    op_start(&op);
    fp_device_verify(dev, template, op.cancellable, NULL, NULL, NULL, op_done, &op);
    ok(op_wait(&op), "verify timed out\n");
    if (!fp_device_verify_finish(dev, op.res, &match, NULL, error)) match = FALSE;
    op_end(&op);
    return match;
}

/* Enrolls with SCAN commands queued before the operation starts. */
static FpPrint *enroll_scans(FpDevice *dev, const char *request, const char *id)
{
    GError *error = NULL;
    FpPrint *print;
    char reply[256];
    struct op op;
    int i;

    for (i = 0; i < fp_device_get_nr_enroll_stages(dev); i++)
        ok(vsensor_ok("%s SCAN %s", request, id), "%s SCAN %s: %s\n", request, id, reply);
    op_start(&op);
    fp_device_enroll(dev, new_template(dev), op.cancellable, enroll_progress, &op, NULL, op_done, &op);
    ok(op_wait(&op), "enroll timed out\n");
    print = fp_device_enroll_finish(dev, op.res, &error);
    ok(print != NULL, "enroll %s failed: %s\n", id, error ? error->message : "?");
    ok(op.progress == fp_device_get_nr_enroll_stages(dev), "progress %d\n", op.progress);
    g_clear_error(&error);
    op_end(&op);
    return print;
}

static void test_virtual_device(FpDevice *dev)
{
    GError *error = NULL;
    FpPrint *enrolled;
    char reply[256];
    int removed = 0;
    gulong handler;

    if (!ok(device_open(dev, &error), "open failed: %s\n", error ? error->message : "?"))
    {
        g_clear_error(&error);
        return;
    }

    if ((enrolled = enroll_scans(dev, "DEVICE", "finger-a")))
    {
        ok(vsensor_ok("DEVICE SCAN finger-a"), "DEVICE SCAN: %s\n", reply);
        ok(verify_device(dev, enrolled, &error), "finger-a does not match: %s\n",
           error ? error->message : "no error");
        g_clear_error(&error);

        ok(vsensor_ok("DEVICE SCAN finger-b"), "DEVICE SCAN: %s\n", reply);
        ok(!verify_device(dev, enrolled, &error) && !error, "finger-b matches or fails: %s\n",
           error ? error->message : "matched");
        g_clear_error(&error);

        ok(vsensor_ok("DEVICE ERROR %d", FP_DEVICE_ERROR_PROTO), "DEVICE ERROR: %s\n", reply);
        verify_device(dev, enrolled, &error);
        ok(g_error_matches(error, FP_DEVICE_ERROR, FP_DEVICE_ERROR_PROTO), "expected protocol error, got %s\n",
           error ? error->message : "no error");
        g_clear_error(&error);
        g_object_unref(enrolled);
    }
    else skip("no enrolled print to verify\n");

    handler = g_signal_connect(dev, "notify::removed", G_CALLBACK(on_removed), &removed);
    ok(vsensor_ok("DEVICE UNPLUG"), "DEVICE UNPLUG: %s\n", reply);
    ok(wait_for(&removed, 1, NULL, 5000), "device not removed\n");
    g_signal_handler_disconnect(dev, handler);
    device_close(dev, &error);
    trace("close after unplug: %s\n", error ? error->message : "ok");
    g_clear_error(&error);
}

static void test_virtual_device_storage(FpDevice *dev)
{
    GPtrArray *prints;
    GError *error = NULL;
    FpPrint *enrolled;
    char reply[256];

    if (!ok(device_open(dev, &error), "open failed: %s\n", error ? error->message : "?"))
    {
        g_clear_error(&error);
        return;
    }

    if ((enrolled = enroll_scans(dev, "STORAGE", "stor-a")))
    {
        ok(vsensor_ok("STORAGE LIST") && reply_has_word(reply, "stor-a"), "LIST: %s\n", reply);
        g_object_unref(enrolled);
    }

    /* INSERT is queued and applied by the next operation; "CONT " spares
     * the list operation its 500 ms wait for further commands. */
    ok(vsensor_ok("STORAGE INSERT stor-b"), "INSERT: %s\n", reply);
    ok(vsensor_ok("STORAGE CONT "), "CONT: %s\n", reply);
    prints = device_list_prints(dev, &error);
    ok(prints && prints->len == 2u && prints_contain(prints, "stor-a") && prints_contain(prints, "stor-b"),
       "list after INSERT: %u prints, %s\n", prints ? prints->len : 0, error ? error->message : "no error");
    if (prints) g_ptr_array_unref(prints);
    g_clear_error(&error);
    ok(vsensor_ok("STORAGE LIST") && reply_has_word(reply, "stor-a") && reply_has_word(reply, "stor-b"),
       "LIST: %s\n", reply);

    ok(vsensor_ok("STORAGE REMOVE stor-b"), "REMOVE: %s\n", reply);
    ok(vsensor_ok("STORAGE CONT "), "CONT: %s\n", reply);
    prints = device_list_prints(dev, &error);
    ok(prints && prints->len == 1u && prints_contain(prints, "stor-a") && !prints_contain(prints, "stor-b"),
       "list after REMOVE: %u prints, %s\n", prints ? prints->len : 0, error ? error->message : "no error");
    if (prints) g_ptr_array_unref(prints);
    g_clear_error(&error);
    ok(vsensor_ok("STORAGE LIST") && !strcmp(reply, "OK stor-a"), "LIST: %s\n", reply);

    ok(device_close(dev, &error), "close failed: %s\n", error ? error->message : "?");
    g_clear_error(&error);
}

int main(int argc, char **argv)
{
    FpDevice *image_dev = NULL, *device_dev = NULL, *storage_dev = NULL;
    const char *env = getenv("WINETEST_DEBUG");
    FpContext *context;
    GPtrArray *devices;
    char reply[256];
    unsigned int i;

    setvbuf(stdout, NULL, _IOLBF, 0);
    start_time = g_get_monotonic_time();
    if (env) debug_level = atoi(env);
    prints_dir = argc > 1 ? argv[1] : getenv("PRINTS_DIR");
    g_log_set_writer_func(log_writer, NULL, NULL);

    if (!getenv("WINBIO_VSENSOR_PORT") || !getenv("FP_VIRTUAL_IMAGE") ||
        !getenv("FP_VIRTUAL_DEVICE") || !getenv("FP_VIRTUAL_DEVICE_STORAGE"))
    {
        skip("WINBIO_VSENSOR_PORT or FP_VIRTUAL_* not set, run run-selftest.sh\n");
        goto done;
    }
    ok(vsensor_ok("PING") && !strcmp(reply, "OK"), "PING: %s\n", reply);

    context = fp_context_new();
    devices = fp_context_get_devices(context);
    for (i = 0; devices && i < devices->len; i++)
    {
        FpDevice *dev = g_ptr_array_index(devices, i);
        const char *driver = fp_device_get_driver(dev);

        trace("device %s (%s)\n", fp_device_get_name(dev), driver);
        if (!strcmp(driver, "virtual_image"))
        {
            ok(!image_dev, "two virtual_image devices\n");
            image_dev = dev;
        }
        else if (!strcmp(driver, "virtual_device"))
        {
            ok(!device_dev, "two virtual_device devices\n");
            device_dev = dev;
        }
        else if (!strcmp(driver, "virtual_device_storage"))
        {
            ok(!storage_dev, "two virtual_device_storage devices\n");
            storage_dev = dev;
        }
    }
    ok(image_dev && device_dev && storage_dev, "missing virtual devices: image %p device %p storage %p\n",
       image_dev, device_dev, storage_dev);

    if (image_dev) test_virtual_image(image_dev);
    if (device_dev) test_virtual_device(device_dev);
    if (storage_dev) test_virtual_device_storage(storage_dev);

    /* let late callbacks run before judging the log */
    while (g_main_context_iteration(NULL, FALSE));
    ok(!log_warnings, "libfprint logged %d warnings or criticals\n", log_warnings);
    g_object_unref(context);

done:
    if (fixture_fd >= 0) close(fixture_fd);
    printf("%04x:vsensor: %d tests executed (0 marked as todo, 0 as flaky, %d failures), %d skipped.\n",
           (unsigned int)getpid(), tests_executed, tests_failed, tests_skipped);
    return tests_failed > 255 ? 255 : tests_failed;
}
