#!/bin/sh
# Installs the Debian 12 packages needed to build and test winbio.
# Used by tools/quickstart.sh and by CI (.ci/run); safe to run again.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e

packages="gcc make pkg-config procps \
wine wine64 wine64-tools libwine-dev gcc-mingw-w64-x86-64 \
libfprint-2-dev libglib2.0-dev libusb-1.0-0-dev"

missing=
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

sudo=
[ "$(id -u)" -ne 0 ] && sudo=sudo
echo "install-deps: installing$missing"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
