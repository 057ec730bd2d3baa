#!/usr/bin/python3
# Replays a recorded sensor as umockdev-run does, but from umockdev's
# testbed in this process, so that the device can be unplugged and plugged
# in again while the program runs: when the program prints
# "replug: unplug" or "replug: plug", the kernel's "remove" or "add"
# uevent for the device is sent, and a line on the program's stdin says it
# was.  Everything the program prints is passed on.
#
#   replug.py FOLDER COMMAND...
#
# FOLDER is one of ../shared/data/recordings (see its README); the
# environment for libfprint (FP_DEVICE_EMULATION, FP_DRIVERS_WHITELIST) is
# the caller's.  Needs Debian's gir1.2-umockdev-1.0 and python3-gi, hence
# /usr/bin/python3.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import subprocess
import sys

import gi

gi.require_version("UMockdev", "1.0")
from gi.repository import UMockdev  # noqa: E402


def first_line(path):
    with open(path) as f:
        return f.readline().strip()


def testbed_for(folder):
    """A testbed with the recording's devices and traffic; returns it and
    the device's sysfs path."""
    testbed = UMockdev.Testbed.new()
    for name in sorted(os.listdir(folder)):
        if name.startswith("device"):
            testbed.add_from_file(os.path.join(folder, name))
    sysfs = "/sys" + first_line(os.path.join(folder, "device"))[len("P: "):]
    ioctl = os.path.join(folder, "capture.ioctl")
    if os.path.exists(ioctl):
        node = first_line(ioctl).split()[1]
        testbed.load_ioctl(node, ioctl)
    else:
        pcap = [n for n in os.listdir(folder) if n.endswith(".pcapng")][0]
        testbed.load_pcap(sysfs, os.path.join(folder, pcap))
    return testbed, sysfs


def main():
    if len(sys.argv) < 3:
        print("usage: replug.py FOLDER COMMAND...", file=sys.stderr)
        return 2
    testbed, sysfs = testbed_for(sys.argv[1])
    preload = "libumockdev-preload.so.0"
    if os.environ.get("LD_PRELOAD"):
        preload += ":" + os.environ["LD_PRELOAD"]
    env = dict(os.environ, UMOCKDEV_DIR=testbed.get_root_dir(), LD_PRELOAD=preload)
    program = subprocess.Popen(sys.argv[2:], env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    actions = {"replug: unplug": "remove", "replug: plug": "add"}
    for line in program.stdout:
        sys.stdout.buffer.write(line)
        sys.stdout.flush()
        action = actions.get(line.decode(errors="replace").strip())
        if action:
            testbed.uevent(sysfs, action)
            print("replug.py: sent %s for %s" % (action, sysfs), flush=True)
            program.stdin.write(b"sent\n")
            program.stdin.flush()
    return program.wait()


if __name__ == "__main__":
    sys.exit(main())
