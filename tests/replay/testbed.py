#!/usr/bin/python3
# Runs a program against a recorded sensor as umockdev-run does, but from
# umockdev's testbed in this process, so that the sensor can change while
# the program runs.  The program asks by printing a line:
#   "testbed: unplug", "testbed: plug"  the kernel's "remove" or "add"
#                                       uevent for the device is sent;
#   "testbed: release"                  (with --claimed) the other program
#                                       lets the sensor go, and the next
#                                       opens replay the recorded traffic;
# and a line on its stdin says it was done.  Everything it prints is
# passed on.
#
#   testbed.py FOLDER [--claimed] COMMAND...
#
# FOLDER is one of ../shared/data/recordings (see its README).  With
# --claimed, its traffic is not replayed: the sensor is held by another
# program, so claiming its USB interface fails with EBUSY, as the kernel
# answers when fprintd has it, and every other request fails.  The
# environment for libfprint (FP_DEVICE_EMULATION, FP_DRIVERS_WHITELIST)
# and umockdev's LD_PRELOAD are the caller's.  Needs Debian's
# gir1.2-umockdev-1.0 and python3-gi, hence /usr/bin/python3.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

import errno
import os
import subprocess
import sys

import gi

gi.require_version("UMockdev", "1.0")
from gi.repository import UMockdev  # noqa: E402

# _IOR('U', 15, unsigned int) in linux/usbdevice_fs.h
USBDEVFS_CLAIMINTERFACE = 0x8004550F


class Claimed(UMockdev.IoctlBase):
    """A USB device node whose interface another program has claimed."""

    released = False

    def do_handle_ioctl(self, client):
        if client.get_request() == USBDEVFS_CLAIMINTERFACE and self.released:
            client.complete(0, 0)
        elif client.get_request() == USBDEVFS_CLAIMINTERFACE:
            client.complete(-1, errno.EBUSY)
        else:
            client.complete(-1, errno.ENOTTY)
        return True


def first_line(path):
    with open(path) as f:
        return f.readline().strip()


def device_node(folder):
    """The recorded USB device's node, from the N: line of its device file."""
    with open(os.path.join(folder, "device")) as f:
        for line in f:
            if line.startswith("N: "):
                return "/dev/" + line[3:].split("=")[0]
    raise ValueError("no device node in " + folder)


def load_traffic(testbed, folder, sysfs):
    """The recording's traffic on its device node, from then on."""
    ioctl = os.path.join(folder, "capture.ioctl")
    if os.path.exists(ioctl):
        testbed.load_ioctl(first_line(ioctl).split()[1], ioctl)
    else:
        pcap = [n for n in os.listdir(folder) if n.endswith(".pcapng")][0]
        testbed.load_pcap(sysfs, os.path.join(folder, pcap))


def testbed_for(folder, claimed):
    """A testbed with the recording's devices, and its traffic or a claimed
    node; returns it, the device's sysfs path and the node's handler."""
    testbed = UMockdev.Testbed.new()
    for name in sorted(os.listdir(folder)):
        if name.startswith("device"):
            testbed.add_from_file(os.path.join(folder, name))
    sysfs = "/sys" + first_line(os.path.join(folder, "device"))[len("P: "):]
    handler = None
    if claimed:
        handler = Claimed()
        testbed.attach_ioctl(device_node(folder), handler)
    else:
        load_traffic(testbed, folder, sysfs)
    return testbed, sysfs, handler


def main():
    args = sys.argv[1:]
    claimed = len(args) > 1 and args[1] == "--claimed"
    if claimed:
        del args[1]
    if len(args) < 2:
        print("usage: testbed.py FOLDER [--claimed] COMMAND...", file=sys.stderr)
        return 2
    testbed, sysfs, handler = testbed_for(args[0], claimed)
    env = dict(os.environ, UMOCKDEV_DIR=testbed.get_root_dir())
    program = subprocess.Popen(args[1:], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    for line in program.stdout:
        sys.stdout.buffer.write(line)
        sys.stdout.flush()
        request = line.decode(errors="replace").strip()
        if request in ("testbed: unplug", "testbed: plug"):
            action = "remove" if request == "testbed: unplug" else "add"
            testbed.uevent(sysfs, action)
        elif request == "testbed: release" and handler:
            handler.released = True
            testbed.detach_ioctl(device_node(args[0]))
            load_traffic(testbed, args[0], sysfs)
        else:
            continue
        print("testbed.py: done: %s" % request[len("testbed: "):], flush=True)
        program.stdin.write(b"done\n")
        program.stdin.flush()
    return program.wait()


if __name__ == "__main__":
    sys.exit(main())
