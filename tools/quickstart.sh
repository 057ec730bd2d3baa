#!/bin/sh
# One command from a fresh Debian 12 machine to the demo: installs what is
# missing, configures, builds, and runs winbio-demo.exe under Wine on the
# virtual sensors.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e
cd "$(dirname "$0")/.."
tools/install-deps.sh
[ -f Makefile ] || ./configure
make -j"$(nproc)"
make demo
