/*
 * vsensor: drives libfprint's virtual fingerprint sensors for the winbio tests
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
 * Build:  gcc -Wall -O2 vsensor.c -o vsensor        (plain POSIX/Linux, no libraries)
 *
 * Usage:  vsensor --dir DIR [--prints PRINTSDIR] [--timeout-ms N] [--verbose]
 *
 * libfprint's virtual drivers (virtual_image, virtual_device,
 * virtual_device_storage) listen on Unix sockets which they create inside the
 * process that opens the device, i.e. inside Wine.  Wine 8.0's winsock has no
 * AF_UNIX, so the Windows test programs cannot reach those sockets.  This
 * daemon bridges the gap: it listens on 127.0.0.1 (ephemeral TCP port, written
 * to DIR/port once listening) and talks to DIR/image.sock, DIR/device.sock and
 * DIR/storage.sock as the drivers' client.  The runner exports
 * FP_VIRTUAL_IMAGE, FP_VIRTUAL_DEVICE, FP_VIRTUAL_DEVICE_STORAGE (those three
 * paths) and WINBIO_VSENSOR_PORT into Wine's environment.
 *
 * Protocol: one request line ("\n" or "\r\n" terminated) gives exactly one
 * reply line, "OK", "OK <text>" or "ERR <reason>".  The argument of a request
 * is everything after the first space, verbatim (trailing spaces are kept,
 * "STORAGE CONT " sends "CONT ").  Timeouts are per TCP client.
 *
 *   PING                    -> OK
 *   TIMEOUT <ms>            -> OK; how long later requests of this client keep
 *                              retrying a refused/missing driver socket (or wait
 *                              for a driver reply); default --timeout-ms (10 s)
 *   QUIT                    -> OK, then the daemon exits
 *
 *   IMAGE <file.pgm>        -> OK <width> <height>; sends a binary 8-bit PGM (name
 *                              relative to --prints, or an absolute Unix path)
 *                              to virtual_image
 *   IMAGE_RETRY <n>         -> OK; next capture fails with FpDeviceRetry <n>
 *   IMAGE_ERROR <n>         -> OK; next capture fails with FpDeviceError <n>
 *   IMAGE_FINGER <0|1>      -> OK; finger on/off report, for the next capture
 *   IMAGE_FINGER_NOW <0|1>  -> OK; finger on/off report for the running
 *                              operation (lifting the finger after a bad touch)
 *   IMAGE_AUTOFINGER <0|1>  -> OK; automatic finger on/off around images
 *   IMAGE_UNPLUG            -> OK; the device reports itself removed
 *   IMAGE_SYNC              -> OK once virtual_image has read (or dropped)
 *                              everything sent to it, ERR on timeout
 *
 *   DEVICE <command>        -> OK[ <response>]; one virtual_device command
 *   STORAGE <command>       -> OK[ <response>]; one virtual_device_storage command
 *                              (e.g. "SCAN id", "ERROR 5", "INSERT id", "LIST").
 *                              Each newline of the driver's response becomes one
 *                              space, trailing whitespace is dropped, so
 *                              "STORAGE LIST" answers "OK id1 id2" (ids must
 *                              not contain whitespace).
 *
 * The reply to an IMAGE* request means "written to the driver's socket", not
 * "processed": the driver reads its socket only while an operation runs.
 *
 * Image connection policy.  virtual_image treats every new connection as
 * replacing the previous one, and after it has read a message it immediately
 * starts reading the next one, even once the operation has finished.  So on a
 * connection that has been read completely, a message written while the device
 * is idle would be swallowed at once and dropped ("image captured" in the
 * wrong state).  A connection made while the device is idle, however, is not
 * read until the next capture starts.  Hence IMAGE, IMAGE_RETRY, IMAGE_ERROR
 * and IMAGE_FINGER open a fresh connection when everything sent on the current
 * one has been read already (SIOCOUTQ is 0), and append to it otherwise; this
 * works whether the capture is already waiting or starts later.  The replaced
 * connection is left for the driver to close (see retire_image_conn).  IMAGE_UNPLUG,
 * IMAGE_AUTOFINGER and IMAGE_FINGER_NOW reuse a live connection so that they
 * act at once; on a new connection made while the device is idle they, too,
 * wait for the next capture.  IMAGE_FINGER_NOW exists for libfprint 1.94.9,
 * whose virtual_image starts reading a new connection only while it waits for
 * a finger or captures: after a bad touch it waits for the finger to lift, and
 * an IMAGE_FINGER 0 on a new connection would never be read.  IMAGE_FINGER
 * followed by IMAGE_SYNC, on the other hand, tells whether a capture waits.  A new connection resets the driver's automatic finger flag, so
 * after IMAGE_AUTOFINGER 0 the fixture re-sends it first on every new
 * connection, until the driver hangs up (device closed).  Several images sent
 * before the driver has taken the first one still form a burst and get lost;
 * during an enrollment, touch again only once the previous stage is reported.
 * A new connection accepted in the same main loop iteration in which a capture
 * starts makes virtual_image warn "Error receiving header for image data:
 * Error on old connection, ignoring." (its activation issues a second read
 * that fails with G_IO_ERROR_PENDING in an idle callback); nothing is lost.
 *
 * Driver sockets that do not exist yet or refuse connections (device not open;
 * libfprint leaves the socket file behind when it closes the device) are
 * retried every 10 ms until the client's timeout.  The device drivers get one
 * connection at a time: connect, send the command, read until EOF, close.
 * The EOF comes from the driver's main loop, so DEVICE and STORAGE only
 * succeed while the process using libfprint keeps iterating it.
 *
 * Requests are executed one at a time in arrival order, so a request that
 * waits for a driver delays other clients.  The daemon exits on QUIT,
 * SIGTERM, SIGINT, SIGHUP and when its parent dies, removing DIR/port.  It
 * logs to stderr (prefixed "vsensor:") only on errors, or always with --verbose.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#define MAX_CLIENTS        16
#define MAX_REQUEST        4096
#define MAX_REPLY          65536
#define MAX_DRIVER_CMD     1023     /* the drivers read a command with one 1024 byte read */
#define MAX_IMAGE_SIDE     5000     /* virtual_image disconnects beyond that */
#define RETRY_INTERVAL_MS  10
#define REPLY_TIMEOUT_MS   5000
#define MAX_RETIRED        16

struct client
{
    int fd;
    int timeout_ms;
    size_t len;
    int overlong;                   /* discarding the rest of a too long line */
    char buf[MAX_REQUEST];
};

static const char *state_dir;
static const char *prints_dir = ".";
static int default_timeout_ms = 10000;
static int verbose;
static char port_path[PATH_MAX];

static volatile sig_atomic_t quit_signal;
static int quit_requested;
static sigset_t wait_mask;          /* our signal mask with the quit signals unblocked */

static int image_fd = -1;
static int retired_fds[MAX_RETIRED];
static int retired_count;
static int image_autofinger = 1;

static struct client *clients[MAX_CLIENTS];

static void log_error(const char *fmt, ...)
{
    va_list args;

    va_start(args, fmt);
    fputs("vsensor: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
}

#define log_verbose(...) do { if (verbose) log_error(__VA_ARGS__); } while (0)

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_quit_signal(int sig)
{
    quit_signal = sig;
}

/* Waits for events on fd, or only sleeps when fd is negative, until the
 * absolute deadline.  The quit signals are blocked everywhere except inside
 * ppoll(), so a signal can never slip in between the check and the wait.
 * Returns the revents, 0 on timeout, -1 when we have to quit. */
static int wait_fd(int fd, short events, long long deadline)
{
    struct pollfd pfd;
    struct timespec ts;
    long long left;
    int ret;

    for (;;)
    {
        if (quit_signal) return -1;
        left = deadline - now_ms();
        if (left < 0) left = 0;
        ts.tv_sec = left / 1000;
        ts.tv_nsec = (left % 1000) * 1000000;
        pfd.fd = fd;
        pfd.events = events;
        pfd.revents = 0;
        ret = ppoll(&pfd, 1, &ts, &wait_mask);
        if (ret < 0)
        {
            if (errno == EINTR) continue;
            return -1;
        }
        if (!ret) return 0;
        return pfd.revents;
    }
}

/* Sends all of buf on a non-blocking socket.  Returns 0, or -1 with errno set
 * (ETIMEDOUT when the peer stopped reading, EINTR when we have to quit). */
static int send_all(int fd, const void *buf, size_t len, long long deadline)
{
    const char *ptr = buf;
    ssize_t ret;
    int events;

    while (len)
    {
        ret = send(fd, ptr, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (ret > 0)
        {
            ptr += ret;
            len -= ret;
            continue;
        }
        if (ret < 0 && errno == EINTR) continue;
        if (ret < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
        events = wait_fd(fd, POLLOUT, deadline);
        if (events < 0)
        {
            errno = EINTR;
            return -1;
        }
        if (!events)
        {
            errno = ETIMEDOUT;
            return -1;
        }
    }
    return 0;
}

static const char *driver_path(const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", state_dir, name);
    return path;
}

/* Connects to a driver socket.  The socket only exists, and only accepts,
 * while the device is open in the process using libfprint, which may open it
 * lazily after the test asked for something; so a missing socket, a refusal
 * or a full backlog are retried until the deadline. */
static int connect_driver(const char *name, long long deadline, char *err, size_t err_size)
{
    struct sockaddr_un addr;
    int fd, saved;

    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    driver_path(name, addr.sun_path, sizeof(addr.sun_path));

    for (;;)
    {
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (fd < 0)
        {
            snprintf(err, err_size, "socket: %s", strerror(errno));
            return -1;
        }
        if (!connect(fd, (struct sockaddr *)&addr, sizeof(addr)))
        {
            log_verbose("connected to %s", addr.sun_path);
            return fd;
        }
        saved = errno;
        close(fd);
        if (saved != ENOENT && saved != ECONNREFUSED && saved != EAGAIN && saved != EINTR)
        {
            snprintf(err, err_size, "connecting to %s: %s", name, strerror(saved));
            return -1;
        }
        if (now_ms() >= deadline)
        {
            snprintf(err, err_size, "timed out connecting to %s (%s): device not open?",
                     name, strerror(saved));
            return -1;
        }
        if (wait_fd(-1, 0, deadline < now_ms() + RETRY_INTERVAL_MS ?
                    deadline : now_ms() + RETRY_INTERVAL_MS) < 0)
        {
            snprintf(err, err_size, "interrupted");
            return -1;
        }
    }
}

static void close_image_conn(void)
{
    if (image_fd < 0) return;
    close(image_fd);
    image_fd = -1;
}

/* The driver closes a connection when the device closes or when another
 * client connects; it never writes to us, so readable means EOF. */
static int conn_alive(int fd)
{
    struct pollfd pfd;
    char c;

    if (fd < 0) return 0;
    pfd.fd = fd;
    pfd.events = POLLIN | POLLRDHUP;
    pfd.revents = 0;
    if (poll(&pfd, 1, 0) < 0) return 0;
    if (pfd.revents & (POLLHUP | POLLRDHUP | POLLERR | POLLNVAL)) return 0;
    if ((pfd.revents & POLLIN) && recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0) return 0;
    return 1;
}

/* Replaces the image connection without closing our end.  Were we to close
 * it, the driver's pending read would complete with EOF, racing with its
 * accept of the new connection; a read completing on a replaced connection
 * makes virtual_image warn "Error receiving header for image data: Error on
 * old connection".  Left open, the old connection is closed by the driver
 * itself when it accepts the new one, which its pending read takes quietly;
 * we close our end after that. */
static void retire_image_conn(void)
{
    if (image_fd < 0) return;
    if (retired_count == MAX_RETIRED)
    {
        close(retired_fds[0]);
        memmove(retired_fds, retired_fds + 1, --retired_count * sizeof(retired_fds[0]));
    }
    retired_fds[retired_count++] = image_fd;
    image_fd = -1;
}

/* Closes the retired connections the driver has let go of. */
static void sweep_retired_conns(int all)
{
    int i = 0;

    while (i < retired_count)
    {
        if (all || !conn_alive(retired_fds[i]))
        {
            close(retired_fds[i]);
            memmove(retired_fds + i, retired_fds + i + 1, (--retired_count - i) * sizeof(retired_fds[0]));
        }
        else i++;
    }
}

/* Bytes we wrote that the driver has not read yet (queued in its socket). */
static int image_unread_bytes(void)
{
    int unread = 0;

    if (image_fd < 0 || ioctl(image_fd, SIOCOUTQ, &unread) < 0) return 0;
    return unread;
}

/* Writes one message to virtual_image, see "Image connection policy" above
 * for when a new connection is made. */
static int image_send(const void *data, size_t len, int reuse_drained,
                      long long deadline, char *err, size_t err_size)
{
    int32_t preamble[2] = { -3, 0 };
    int attempt, ret, error;

    sweep_retired_conns(0);
    for (attempt = 0; attempt < 2; attempt++)
    {
        if (image_fd >= 0 && !conn_alive(image_fd))
        {
            /* The device was closed (or another client took over): its
             * automatic finger flag starts afresh, and so does ours. */
            log_verbose("image connection closed by the driver");
            close_image_conn();
            image_autofinger = 1;
        }
        else if (image_fd >= 0 && !reuse_drained && !image_unread_bytes())
        {
            log_verbose("image connection drained, reconnecting");
            retire_image_conn();
        }

        ret = 0;
        if (image_fd < 0)
        {
            if ((image_fd = connect_driver("image.sock", deadline, err, err_size)) < 0)
                return -1;
            if (!image_autofinger) ret = send_all(image_fd, preamble, sizeof(preamble), deadline);
        }
        if (!ret) ret = send_all(image_fd, data, len, deadline);
        if (!ret) return 0;

        /* Whatever part was written cannot be taken back: start afresh. */
        error = errno;
        retire_image_conn();
        if ((error == EPIPE || error == ECONNRESET) && !attempt)
        {
            log_verbose("image connection lost while writing, retrying");
            continue;
        }
        snprintf(err, err_size, "writing to image.sock: %s%s", strerror(error),
                 error == ETIMEDOUT ? " (driver not reading)" : "");
        return -1;
    }
    snprintf(err, err_size, "writing to image.sock: connection lost twice");
    return -1;
}

static int image_command(int32_t code, int32_t arg, int reuse_drained, long long deadline,
                         char *err, size_t err_size)
{
    int32_t msg[2];

    msg[0] = code;
    msg[1] = arg;
    return image_send(msg, sizeof(msg), reuse_drained, deadline, err, err_size);
}

/* Reads a binary 8-bit PGM ("P5") and returns it in virtual_image's wire
 * format: native int32 width, height, then the pixels row by row. */
static void *load_pgm(const char *name, size_t *msg_size, int *width, int *height,
                      char *err, size_t err_size)
{
    char path[PATH_MAX];
    unsigned char *file = NULL, *msg = NULL;
    long values[3];
    size_t size, pos = 2;
    struct stat st;
    int32_t header[2];
    FILE *f;
    int i;

    if (name[0] == '/') snprintf(path, sizeof(path), "%s", name);
    else snprintf(path, sizeof(path), "%s/%s", prints_dir, name);

    if (!(f = fopen(path, "rb")))
    {
        snprintf(err, err_size, "cannot open %.300s: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) || st.st_size > 16 + 3 * 1024 + (off_t)MAX_IMAGE_SIDE * MAX_IMAGE_SIDE)
    {
        snprintf(err, err_size, "%.300s: unreadable or too large", path);
        goto done;
    }
    size = st.st_size;
    if (!(file = malloc(size + 1)) || fread(file, 1, size, f) != size)
    {
        snprintf(err, err_size, "cannot read %.300s", path);
        goto done;
    }
    file[size] = 0;

    if (size < 2 || file[0] != 'P' || file[1] != '5')
    {
        snprintf(err, err_size, "%.300s: not a binary PGM (P5)", path);
        goto done;
    }
    /* width, height and maxval, separated by whitespace and # comments */
    for (i = 0; i < 3; i++)
    {
        for (;;)
        {
            while (pos < size && strchr(" \t\r\n\v\f", file[pos])) pos++;
            if (pos < size && file[pos] == '#')
                while (pos < size && file[pos] != '\n') pos++;
            else
                break;
        }
        if (pos >= size || file[pos] < '0' || file[pos] > '9')
        {
            snprintf(err, err_size, "%.300s: malformed PGM header", path);
            goto done;
        }
        values[i] = 0;
        while (pos < size && file[pos] >= '0' && file[pos] <= '9' && values[i] < 100000)
            values[i] = values[i] * 10 + (file[pos++] - '0');
    }
    pos++;  /* exactly one whitespace character precedes the pixels */

    if (values[0] < 1 || values[0] > MAX_IMAGE_SIDE || values[1] < 1 || values[1] > MAX_IMAGE_SIDE)
    {
        snprintf(err, err_size, "%.300s: unsupported size %ldx%ld", path, values[0], values[1]);
        goto done;
    }
    if (values[2] < 1 || values[2] > 255)
    {
        snprintf(err, err_size, "%.300s: not an 8-bit PGM (maxval %ld)", path, values[2]);
        goto done;
    }
    if (pos > size || size - pos < (size_t)values[0] * values[1])
    {
        snprintf(err, err_size, "%.300s: truncated pixel data", path);
        goto done;
    }

    *width = header[0] = values[0];
    *height = header[1] = values[1];
    *msg_size = sizeof(header) + (size_t)values[0] * values[1];
    if (!(msg = malloc(*msg_size)))
    {
        snprintf(err, err_size, "out of memory");
        goto done;
    }
    memcpy(msg, header, sizeof(header));
    memcpy(msg + sizeof(header), file + pos, *msg_size - sizeof(header));

done:
    free(file);
    fclose(f);
    return msg;
}

/* One command for virtual_device(_storage): the driver reads one command per
 * connection and closes it when done, after writing the LIST answer if any.
 * The EOF is the acknowledgement; connecting again before it would make the
 * driver drop the unread command, so this never overlaps. */
static int driver_command(const char *sock_name, const char *cmd, long long deadline,
                          char *out, size_t out_size, char *err, size_t err_size)
{
    size_t len = 0;
    ssize_t ret;
    int fd, events;
    char chunk[4096];

    if (!*cmd || strlen(cmd) > MAX_DRIVER_CMD)
    {
        snprintf(err, err_size, "command empty or longer than %d bytes", MAX_DRIVER_CMD);
        return -1;
    }
    if ((fd = connect_driver(sock_name, deadline, err, err_size)) < 0) return -1;

    /* No newline: the driver takes the bytes of one read as the command. */
    if (send_all(fd, cmd, strlen(cmd), deadline))
    {
        snprintf(err, err_size, "writing to %s: %s", sock_name, strerror(errno));
        close(fd);
        return -1;
    }

    for (;;)
    {
        ret = recv(fd, chunk, sizeof(chunk), MSG_DONTWAIT);
        if (!ret) break;
        if (ret > 0)
        {
            /* keep what fits; the reply is truncated rather than failed */
            size_t take = (size_t)ret < out_size - 1 - len ? (size_t)ret : out_size - 1 - len;
            memcpy(out + len, chunk, take);
            len += take;
            continue;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
        {
            /* ECONNRESET: the driver closed without reading the command,
             * e.g. the device closed while we sat in its backlog. */
            snprintf(err, err_size, "%s dropped the command: %s", sock_name, strerror(errno));
            close(fd);
            return -1;
        }
        events = wait_fd(fd, POLLIN, deadline);
        if (events <= 0)
        {
            snprintf(err, err_size, events ? "interrupted" :
                     "timed out waiting for %s to take the command", sock_name);
            close(fd);
            return -1;
        }
    }
    close(fd);
    out[len] = 0;
    return 0;
}

/* Makes a driver response fit on one reply line. */
static void flatten_response(char *text)
{
    char *p;
    size_t len;

    for (p = text; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    len = strlen(text);
    while (len && text[len - 1] == ' ') text[--len] = 0;
}

static int parse_int(const char *text, long min, long max, int *value)
{
    char *end;
    long val;

    if (!text || !*text) return 0;
    errno = 0;
    val = strtol(text, &end, 10);
    if (errno || *end || val < min || val > max) return 0;
    *value = val;
    return 1;
}

/* Executes one request line; fills reply (without the newline). */
static void handle_request(struct client *client, char *line, char *reply, size_t reply_size)
{
    static const struct
    {
        const char *name;
        int32_t code;
        long min, max;
        int reuse_drained;
    } image_cmds[] =
    {
        { "IMAGE_RETRY",      -1, 0, INT32_MAX, 0 },
        { "IMAGE_ERROR",      -2, 0, INT32_MAX, 0 },
        { "IMAGE_AUTOFINGER", -3, 0, 1, 1 },
        { "IMAGE_FINGER",     -4, 0, 1, 0 },
        { "IMAGE_FINGER_NOW", -4, 0, 1, 1 },
    };
    long long deadline = now_ms() + client->timeout_ms;
    char err[512], *arg, *response;
    unsigned int i;
    int value;

    err[0] = 0;
    if ((arg = strchr(line, ' '))) *arg++ = 0;
    log_verbose("request: %s%s%s", line, arg ? " " : "", arg ? arg : "");

    if (!strcmp(line, "PING"))
    {
        snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "QUIT"))
    {
        quit_requested = 1;
        snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "TIMEOUT"))
    {
        if (!parse_int(arg, 0, INT_MAX, &value))
        {
            snprintf(reply, reply_size, "ERR usage: TIMEOUT <ms>");
            return;
        }
        client->timeout_ms = value;
        snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "IMAGE"))
    {
        size_t size;
        int width, height;
        void *msg;

        if (!arg || !*arg)
        {
            snprintf(reply, reply_size, "ERR usage: IMAGE <file.pgm>");
            return;
        }
        if (!(msg = load_pgm(arg, &size, &width, &height, err, sizeof(err))))
        {
            snprintf(reply, reply_size, "ERR %s", err);
            return;
        }
        if (image_send(msg, size, 0, deadline, err, sizeof(err)))
            snprintf(reply, reply_size, "ERR %s", err);
        else
            snprintf(reply, reply_size, "OK %d %d", width, height);
        free(msg);
        return;
    }
    for (i = 0; i < sizeof(image_cmds) / sizeof(image_cmds[0]); i++)
    {
        if (strcmp(line, image_cmds[i].name)) continue;
        if (!parse_int(arg, image_cmds[i].min, image_cmds[i].max, &value))
        {
            snprintf(reply, reply_size, "ERR usage: %s <%ld..%ld>", image_cmds[i].name,
                     image_cmds[i].min, image_cmds[i].max);
            return;
        }
        if (image_command(image_cmds[i].code, value, image_cmds[i].reuse_drained,
                          deadline, err, sizeof(err)))
        {
            snprintf(reply, reply_size, "ERR %s", err);
            return;
        }
        /* only now: a reconnect inside image_command() may have reset it */
        if (image_cmds[i].code == -3) image_autofinger = value;
        snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "IMAGE_UNPLUG"))
    {
        if (image_command(-5, 0, 1, deadline, err, sizeof(err)))
            snprintf(reply, reply_size, "ERR %s", err);
        else
            snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "IMAGE_SYNC"))
    {
        while (image_unread_bytes())
        {
            if (now_ms() >= deadline || wait_fd(-1, 0, now_ms() + RETRY_INTERVAL_MS) < 0)
            {
                snprintf(reply, reply_size, "ERR %d bytes still unread by virtual_image",
                         image_unread_bytes());
                return;
            }
        }
        snprintf(reply, reply_size, "OK");
        return;
    }
    if (!strcmp(line, "DEVICE") || !strcmp(line, "STORAGE"))
    {
        const char *sock = !strcmp(line, "DEVICE") ? "device.sock" : "storage.sock";

        if (!arg || !*arg)
        {
            snprintf(reply, reply_size, "ERR usage: %s <command>", line);
            return;
        }
        if (!(response = malloc(reply_size)))
        {
            snprintf(reply, reply_size, "ERR out of memory");
            return;
        }
        if (driver_command(sock, arg, deadline, response, reply_size - 4, err, sizeof(err)))
            snprintf(reply, reply_size, "ERR %s", err);
        else
        {
            flatten_response(response);
            snprintf(reply, reply_size, "OK%s%s", *response ? " " : "", response);
        }
        free(response);
        return;
    }
    snprintf(reply, reply_size, "ERR unknown request '%s'", line);
}

static void drop_client(int index)
{
    log_verbose("client %d disconnected", clients[index]->fd);
    close(clients[index]->fd);
    free(clients[index]);
    clients[index] = NULL;
}

static void send_reply(int index, const char *reply)
{
    size_t len = strlen(reply);
    char *line = malloc(len + 2);

    log_verbose("reply: %s", reply);
    if (!line)
    {
        drop_client(index);
        return;
    }
    memcpy(line, reply, len);
    line[len++] = '\n';
    if (send_all(clients[index]->fd, line, len, now_ms() + REPLY_TIMEOUT_MS))
    {
        if (errno != EINTR) log_error("cannot reply to client: %s", strerror(errno));
        drop_client(index);
    }
    free(line);
}

/* Reads what the client sent and executes every complete line. */
static void serve_client(int index, char *reply)
{
    struct client *client = clients[index];
    ssize_t ret;
    char *eol;

    ret = recv(client->fd, client->buf + client->len, sizeof(client->buf) - client->len, MSG_DONTWAIT);
    if (ret < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (ret <= 0)
    {
        drop_client(index);
        return;
    }
    client->len += ret;

    while (clients[index] && !quit_requested && !quit_signal)
    {
        if (!(eol = memchr(client->buf, '\n', client->len)))
        {
            if (client->len == sizeof(client->buf))
            {
                /* Answer once, then swallow the rest of the line. */
                if (!client->overlong) send_reply(index, "ERR request too long");
                if (!clients[index]) return;
                client->overlong = 1;
                client->len = 0;
            }
            return;
        }
        *eol = 0;
        if (eol > client->buf && eol[-1] == '\r') eol[-1] = 0;
        if (client->overlong)
            client->overlong = 0;
        else
        {
            handle_request(client, client->buf, reply, MAX_REPLY);
            send_reply(index, reply);
            if (!clients[index]) return;
        }
        client->len -= eol + 1 - client->buf;
        memmove(client->buf, eol + 1, client->len);
    }
}

static void accept_client(int listen_fd)
{
    struct client *client;
    int fd, i, one = 1;

    if ((fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK)) < 0)
    {
        if (errno != EAGAIN && errno != EINTR) log_error("accept: %s", strerror(errno));
        return;
    }
    for (i = 0; i < MAX_CLIENTS; i++) if (!clients[i]) break;
    if (i == MAX_CLIENTS || !(client = calloc(1, sizeof(*client))))
    {
        log_error("too many clients, refusing one");
        close(fd);
        return;
    }
    /* replies go out in one piece and the client waits for them */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    client->fd = fd;
    client->timeout_ms = default_timeout_ms;
    clients[i] = client;
    log_verbose("client %d connected", fd);
}

/* Publishes the port atomically: readers poll for DIR/port and must never
 * see it half written. */
static int write_port_file(unsigned int port)
{
    char tmp[PATH_MAX];
    FILE *f;

    snprintf(port_path, sizeof(port_path), "%s/port", state_dir);
    snprintf(tmp, sizeof(tmp), "%s/.port.%d", state_dir, (int)getpid());
    if (!(f = fopen(tmp, "w")))
    {
        log_error("cannot create %s: %s", tmp, strerror(errno));
        port_path[0] = 0;
        return -1;
    }
    fprintf(f, "%u\n", port);
    if (fclose(f) || rename(tmp, port_path))
    {
        log_error("cannot write %s: %s", port_path, strerror(errno));
        unlink(tmp);
        port_path[0] = 0;
        return -1;
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: vsensor --dir DIR [--prints PRINTSDIR] [--timeout-ms N] [--verbose]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct pollfd pfds[MAX_CLIENTS + 1];
    int owner[MAX_CLIENTS + 1];
    struct sockaddr_in addr;
    struct sigaction sa;
    socklen_t addr_len;
    sigset_t quit_set;
    pid_t parent;
    char *reply;
    struct stat st;
    int listen_fd, i, n;

    for (i = 1; i < argc; i++)
    {
        if (!strcmp(argv[i], "--dir") && i + 1 < argc) state_dir = argv[++i];
        else if (!strcmp(argv[i], "--prints") && i + 1 < argc) prints_dir = argv[++i];
        else if (!strcmp(argv[i], "--timeout-ms") && i + 1 < argc)
        {
            if (!parse_int(argv[++i], 0, INT_MAX, &default_timeout_ms)) usage();
        }
        else if (!strcmp(argv[i], "--verbose")) verbose = 1;
        else usage();
    }
    if (!state_dir) usage();
    if (stat(state_dir, &st) || !S_ISDIR(st.st_mode))
    {
        log_error("%s is not a directory", state_dir);
        return 1;
    }
    /* sun_path is 108 bytes: refuse up front rather than fail every request */
    if (strlen(state_dir) + sizeof("/storage.sock") > sizeof(((struct sockaddr_un *)0)->sun_path))
    {
        log_error("%s is too long for Unix socket paths", state_dir);
        return 1;
    }

    /* Do not outlive the runner, even if it gets killed. */
    parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) return 0;

    sigemptyset(&quit_set);
    sigaddset(&quit_set, SIGTERM);
    sigaddset(&quit_set, SIGINT);
    sigaddset(&quit_set, SIGHUP);
    sigprocmask(SIG_BLOCK, &quit_set, &wait_mask);
    sigdelset(&wait_mask, SIGTERM);
    sigdelset(&wait_mask, SIGINT);
    sigdelset(&wait_mask, SIGHUP);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);

    if ((listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0)
    {
        log_error("socket: %s", strerror(errno));
        return 1;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    addr_len = sizeof(addr);
    if (bind(listen_fd, (struct sockaddr *)&addr, sizeof(addr)) || listen(listen_fd, 16) ||
        getsockname(listen_fd, (struct sockaddr *)&addr, &addr_len))
    {
        log_error("cannot listen on 127.0.0.1: %s", strerror(errno));
        close(listen_fd);
        return 1;
    }
    if (write_port_file(ntohs(addr.sin_port)))
    {
        close(listen_fd);
        return 1;
    }
    log_verbose("listening on 127.0.0.1:%u", ntohs(addr.sin_port));

    if (!(reply = malloc(MAX_REPLY)))
    {
        log_error("out of memory");
        quit_requested = 1;
    }

    while (!quit_requested && !quit_signal)
    {
        pfds[0].fd = listen_fd;
        pfds[0].events = POLLIN;
        pfds[0].revents = 0;
        owner[0] = -1;
        for (i = 0, n = 1; i < MAX_CLIENTS; i++)
        {
            if (!clients[i]) continue;
            pfds[n].fd = clients[i]->fd;
            pfds[n].events = POLLIN;
            pfds[n].revents = 0;
            owner[n++] = i;
        }
        if (ppoll(pfds, n, NULL, &wait_mask) < 0)
        {
            if (errno == EINTR) continue;
            log_error("ppoll: %s", strerror(errno));
            break;
        }
        for (i = 1; i < n && !quit_requested && !quit_signal; i++)
            if (pfds[i].revents && clients[owner[i]]) serve_client(owner[i], reply);
        if (pfds[0].revents & POLLIN) accept_client(listen_fd);
    }

    if (quit_signal) log_verbose("exiting on signal %d", (int)quit_signal);
    for (i = 0; i < MAX_CLIENTS; i++) if (clients[i]) drop_client(i);
    close_image_conn();
    sweep_retired_conns(1);
    close(listen_fd);
    if (port_path[0]) unlink(port_path);
    free(reply);
    return 0;
}
