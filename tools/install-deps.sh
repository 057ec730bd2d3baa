#!/bin/sh
# Installs the Debian packages needed to build and test winbio, on Debian 12
# (Wine 8.0) and Debian 13 (Wine 10.0), whose package names are the same.
# Used by tools/quickstart.sh and by CI (.ci/run); safe to run again.
#
#   tools/install-deps.sh               64-bit packages, then try the i386 ones
#   tools/install-deps.sh --no-win32    64-bit packages only
#   tools/install-deps.sh --check-win32 exit 0 when the i386 packages are installed
#
# The i386 packages (for 32-bit Windows programs) need Debian's multiarch,
# which installs only when the archive's i386 and amd64 indexes carry the
# same versions of the shared libraries, and only where the packages are
# co-installable at all (Debian 13's libfprint is not).  When the install
# fails, this script says so with apt's reason and leaves the 64-bit setup
# as it is.  It never downgrades
# or removes packages to force the install.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e

# wine64-tools brings winegcc and winebuild, and wmc and wrc, which compile
# winbio.dll's message table and version resource (Debian 12 and 13 alike)
packages="gcc make pkg-config procps \
wine wine64 wine64-tools libwine-dev gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 \
libfprint-2-dev libglib2.0-dev libusb-1.0-0-dev umockdev python3 python3-gi gir1.2-umockdev-1.0"

# keep in step with win32_packages in configure.ac
win32_packages="wine32:i386 libwine:i386 libwine-dev:i386 libfprint-2-dev:i386 libglib2.0-dev:i386 \
gcc-mingw-w64-i686 g++-mingw-w64-i686 gcc-multilib"

# missing PACKAGES...: print the ones not installed
missing()
{
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf ' %s' "$p"
    done
}

win32=yes
case ${1:-} in
--no-win32) win32=no ;;
--check-win32) [ -z "$(missing $win32_packages)" ]; exit ;;
esac

sudo=
[ "$(id -u)" -ne 0 ] && sudo=sudo
updated=no
log=${TMPDIR:-/tmp}/install-deps.log
: >"$log"

# An index that fails to download (say the i386 one during a mirror sync)
# makes apt-get update fail as a whole; the other indexes are still usable,
# and the install that follows says whether they were enough.
update()
{
    [ $updated = yes ] && return 0
    updated=yes
    $sudo apt-get update -q >>"$log" 2>&1 || true
}

need=$(missing $packages)
if [ -n "$need" ]; then
    echo "install-deps: installing$need"
    update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $need
fi

[ $win32 = yes ] || exit 0
need=$(missing $win32_packages)
[ -z "$need" ] && exit 0

echo "install-deps: installing the i386 packages for 32-bit programs:$need"
if ! dpkg --print-foreign-architectures | grep -qx i386; then
    $sudo dpkg --add-architecture i386
    updated=no
fi
update
# --no-remove: apt may not make room by removing packages; downgrades are
# refused anyway without --allow-downgrades, which is never given here
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends --no-remove $need \
         >>"$log" 2>&1; then
    echo "install-deps: i386 packages not installable here (apt's reason below, all of it in $log): 32-bit skipped, 64-bit goes on"
    # apt's own reason, for logs that outlive this machine (CI, chroots)
    grep -E '^(E:| [^ ].* : (Depends|Breaks|Conflicts))' "$log" | head -n 8 | sed 's/^/install-deps:   /'
fi
exit 0
