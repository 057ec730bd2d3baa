/*
 * Client for the vsensor fixture, which drives libfprint's virtual sensors
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
 * The virtual sensors' sockets are Unix sockets inside the Wine process,
 * which Wine's winsock cannot reach; tests/vsensor/vsensor.c, started by the
 * test runner, talks to them and listens on 127.0.0.1:$WINBIO_VSENSOR_PORT.
 * See that file for the full protocol.  Link the test with ws2_32, and
 * include this header before windows.h: it includes winsock2.h, which has to
 * come first.
 *
 *     if (!vsensor_init()) { skip("vsensor fixture not running\n"); return; }
 *     ok(vsensor_touch_image("whorl.pgm"), "touch: %s\n", vsensor_last_reply);
 *     ok(vsensor_storage("LIST", reply, sizeof(reply)), "LIST: %s\n", reply);
 *
 * A touch may be made before the capture starts or while it waits; it stays
 * queued until the sensor reads it.  Touch an enrollment one stage at a time:
 * images sent before the sensor has taken the previous one are lost.  A
 * touch landing in the very moment a capture starts can make libfprint warn
 * "Error on old connection, ignoring." on stderr; the touch still counts.  If the
 * device is not open yet, the fixture keeps retrying for up to its timeout
 * (10 s, see vsensor_set_timeout), so a request made from a helper thread can
 * wait for the code under test to open the device.
 *
 * One TCP connection per process, made on first use and shared by all
 * threads; requests are serialised.  Nothing here prints anything.
 */

#ifndef __WINBIO_TESTS_VSENSOR_H
#define __WINBIO_TESTS_VSENSOR_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <winsock2.h>
#include <windows.h>

#define VSENSOR_LINE_MAX 4096

static SOCKET vsensor_socket = INVALID_SOCKET;
static unsigned short vsensor_port;
static DWORD vsensor_wait_ms = 10000;       /* the fixture's retry timeout */
static SRWLOCK vsensor_lock = SRWLOCK_INIT;

/* Reply to the latest request ("OK ..."/"ERR ..."), for failure messages.
 * Shared by all threads: only meaningful right after one's own request. */
static char vsensor_last_reply[VSENSOR_LINE_MAX];

/* Reads WINBIO_VSENSOR_PORT; FALSE when the fixture is not available, so the
 * caller can skip.  Does not connect yet. */
static inline BOOL vsensor_init(void)
{
    static BOOL wsa_started;
    char value[16];
    WSADATA wsa;
    BOOL ret = TRUE;
    DWORD len;
    long port;
    char *end;

    len = GetEnvironmentVariableA("WINBIO_VSENSOR_PORT", value, sizeof(value));
    if (!len || len >= sizeof(value)) return FALSE;
    port = strtol(value, &end, 10);
    if (*end || port <= 0 || port > 65535) return FALSE;

    AcquireSRWLockExclusive(&vsensor_lock);
    if (!wsa_started) wsa_started = !WSAStartup(MAKEWORD(2, 2), &wsa);
    if (wsa_started) vsensor_port = port;
    else ret = FALSE;
    ReleaseSRWLockExclusive(&vsensor_lock);
    return ret;
}

static inline void vsensor_disconnect(void)
{
    if (vsensor_socket == INVALID_SOCKET) return;
    closesocket(vsensor_socket);
    vsensor_socket = INVALID_SOCKET;
}

/* A socket timeout well beyond the fixture's own, so that a test fails
 * instead of hanging forever if the fixture dies in the middle. */
static inline void vsensor_apply_socket_timeout(void)
{
    DWORD ms = vsensor_wait_ms < MAXDWORD - 30000 ? vsensor_wait_ms + 30000 : MAXDWORD;

    setsockopt(vsensor_socket, SOL_SOCKET, SO_RCVTIMEO, (const char *)&ms, sizeof(ms));
    setsockopt(vsensor_socket, SOL_SOCKET, SO_SNDTIMEO, (const char *)&ms, sizeof(ms));
}

static inline BOOL vsensor_connect(char *error, size_t size)
{
    struct sockaddr_in addr;
    BOOL one = TRUE;

    if (vsensor_socket != INVALID_SOCKET) return TRUE;
    if (!vsensor_port)
    {
        snprintf(error, size, "ERR vsensor_init() not called or WINBIO_VSENSOR_PORT not set");
        return FALSE;
    }

    vsensor_socket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (vsensor_socket == INVALID_SOCKET)
    {
        snprintf(error, size, "ERR socket failed, error %d", WSAGetLastError());
        return FALSE;
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(vsensor_port);
    if (connect(vsensor_socket, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR)
    {
        snprintf(error, size, "ERR cannot connect to the fixture on port %u, error %d",
                 vsensor_port, WSAGetLastError());
        vsensor_disconnect();
        return FALSE;
    }
    /* Each request goes out in one send(); no reason to let Nagle hold it. */
    setsockopt(vsensor_socket, IPPROTO_TCP, TCP_NODELAY, (const char *)&one, sizeof(one));
    vsensor_apply_socket_timeout();
    return TRUE;
}

/* Sends one request line and reads its one reply line; call with the lock. */
static inline BOOL vsensor_roundtrip(const char *line, char *reply, size_t size)
{
    size_t len = strlen(line), done = 0;
    char buffer[512];
    int ret, i;

    if (!vsensor_connect(reply, size)) return FALSE;

    while (done < len)
    {
        ret = send(vsensor_socket, line + done, (int)(len - done), 0);
        if (ret <= 0)
        {
            snprintf(reply, size, "ERR send to the fixture failed, error %d", WSAGetLastError());
            vsensor_disconnect();
            return FALSE;
        }
        done += ret;
    }

    /* The reply is the only thing the fixture sends us, so nothing beyond
     * its newline can arrive. */
    done = 0;
    for (;;)
    {
        ret = recv(vsensor_socket, buffer, sizeof(buffer), 0);
        if (ret <= 0)
        {
            snprintf(reply, size, "ERR %s", ret ? "no reply from the fixture (timeout or error)"
                                               : "fixture closed the connection");
            vsensor_disconnect();
            return FALSE;
        }
        for (i = 0; i < ret; i++)
        {
            if (buffer[i] == '\n')
            {
                reply[done] = 0;
                return !strncmp(reply, "OK", 2) && (!reply[2] || reply[2] == ' ');
            }
            /* keep what fits, drop the rest of an overlong reply */
            if (buffer[i] != '\r' && done + 1 < size) reply[done++] = buffer[i];
        }
    }
}

/* Sends one request (printf-style, without newline) and reads the reply
 * into reply (may be NULL).  TRUE when the fixture answered "OK". */
static inline BOOL vsensor_command(char *reply, size_t reply_size, const char *fmt, ...)
{
    char line[VSENSOR_LINE_MAX], answer[VSENSOR_LINE_MAX];
    va_list args;
    BOOL ret;
    int len;

    va_start(args, fmt);
    len = vsnprintf(line, sizeof(line) - 1, fmt, args);
    va_end(args);
    if (len < 0 || len >= (int)sizeof(line) - 1 || strchr(line, '\n'))
    {
        snprintf(answer, sizeof(answer), "ERR request too long or contains a newline");
        ret = FALSE;
    }
    else
    {
        line[len++] = '\n';
        line[len] = 0;
        AcquireSRWLockExclusive(&vsensor_lock);
        ret = vsensor_roundtrip(line, answer, sizeof(answer));
        ReleaseSRWLockExclusive(&vsensor_lock);
    }

    lstrcpynA(vsensor_last_reply, answer, sizeof(vsensor_last_reply));
    if (reply && reply_size) lstrcpynA(reply, answer, reply_size);
    return ret;
}

/* Puts a finger on the virtual_image sensor: a PGM from the prints
 * directory (e.g. "whorl.pgm") or an absolute Unix path. */
static inline BOOL vsensor_touch_image(const char *pgm_name)
{
    return vsensor_command(NULL, 0, "IMAGE %s", pgm_name);
}

/* Returns once a capture runs on virtual_image, that is once libfprint has
 * activated it and waits for a finger: its driver reads the socket only
 * then, and a finger-off report changes nothing while it waits for a
 * finger.  Twice, since a report sent while another process gives the
 * sensor up is dropped with its connection, which IMAGE_SYNC does not
 * tell from read.  Gives up after about a minute, only against a hang. */
static inline BOOL vsensor_wait_image_capture(void)
{
    int synced = 0, tries;

    for (tries = 0; tries < 6 && synced < 2; tries++)
        if (vsensor_command(NULL, 0, "IMAGE_FINGER 0") && vsensor_command(NULL, 0, "IMAGE_SYNC")) synced++;
    return synced == 2;
}

/* One virtual_device command, e.g. "SCAN finger-1", "ERROR 5", "UNPLUG". */
static inline BOOL vsensor_device(const char *cmd)
{
    return vsensor_command(NULL, 0, "DEVICE %s", cmd);
}

/* One virtual_device_storage command; for "LIST" the reply is
 * "OK id1 id2 ..." (may be NULL when not needed). */
static inline BOOL vsensor_storage(const char *cmd, char *reply, size_t size)
{
    return vsensor_command(reply, size, "STORAGE %s", cmd);
}

/* How long the fixture keeps retrying a driver that is not open yet, for
 * the following requests of this process. */
static inline BOOL vsensor_set_timeout(DWORD ms)
{
    BOOL ret = vsensor_command(NULL, 0, "TIMEOUT %lu", (unsigned long)ms);

    if (ret)
    {
        AcquireSRWLockExclusive(&vsensor_lock);
        vsensor_wait_ms = ms;
        if (vsensor_socket != INVALID_SOCKET) vsensor_apply_socket_timeout();
        ReleaseSRWLockExclusive(&vsensor_lock);
    }
    return ret;
}

#endif /* __WINBIO_TESTS_VSENSOR_H */
