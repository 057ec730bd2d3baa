#!/bin/sh
#
# Runs the vsensor fixture's native self-test: the same flow the Wine test
# runner uses, minus Wine.
#
# Copyright 2026 the winbio project developers
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# This library is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
# Lesser General Public License for more details.
#
# You should have received a copy of the GNU Lesser General Public
# License along with this library; if not, write to the Free Software
# Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA
#
# Usage: run-selftest.sh [PRINTSDIR]
#   PRINTSDIR defaults to the prints make draws (build/prints).
#   Builds vsensor and selftest into a temporary build directory unless
#   VSENSOR_BIN / SELFTEST_BIN name existing binaries.  VSENSOR_VERBOSE=1
#   makes vsensor log every request, WINETEST_DEBUG=2 traces the self-test.
#   Exits with the self-test's status (its failure count).

set -u

here=$(cd "$(dirname "$0")" && pwd)
prints=${1:-${WINBIO_PRINTS:-$here/../../build/prints}}

# Unix socket paths are limited to 108 bytes: keep the directory short.
dir=$(mktemp -d /tmp/vs.XXXXXX) || exit 1
vsensor_pid=

cleanup()
{
    if [ -n "$vsensor_pid" ] && kill -0 "$vsensor_pid" 2>/dev/null; then
        kill -TERM "$vsensor_pid" 2>/dev/null
        wait "$vsensor_pid" 2>/dev/null
    fi
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

vsensor=${VSENSOR_BIN:-}
selftest=${SELFTEST_BIN:-}
if [ -z "$vsensor" ]; then
    vsensor=$dir/bin/vsensor
    mkdir -p "$dir/bin"
    gcc -Wall -O2 "$here/vsensor.c" -o "$vsensor" || exit 1
fi
if [ -z "$selftest" ]; then
    selftest=$dir/bin/selftest
    mkdir -p "$dir/bin"
    gcc -Wall -O2 "$here/selftest.c" -o "$selftest" $(pkg-config --cflags --libs libfprint-2) || exit 1
fi

"$vsensor" --dir "$dir" --prints "$prints" ${VSENSOR_VERBOSE:+--verbose} &
vsensor_pid=$!

# vsensor renames DIR/port into place once it listens: never half written.
tries=0
while [ ! -s "$dir/port" ]; do
    if ! kill -0 "$vsensor_pid" 2>/dev/null || [ $tries -ge 500 ]; then
        echo "run-selftest.sh: vsensor did not start" >&2
        exit 1
    fi
    tries=$((tries + 1))
    sleep 0.01
done

export FP_VIRTUAL_IMAGE="$dir/image.sock"
export FP_VIRTUAL_DEVICE="$dir/device.sock"
export FP_VIRTUAL_DEVICE_STORAGE="$dir/storage.sock"
export WINBIO_VSENSOR_PORT=$(cat "$dir/port")

"$selftest" "$prints"
status=$?

# Stop the fixture the polite way; SIGTERM in cleanup is the fallback.
if [ -n "${WINBIO_VSENSOR_PORT:-}" ] && command -v socat >/dev/null 2>&1; then
    echo QUIT | socat -t 2 - "TCP:127.0.0.1:$WINBIO_VSENSOR_PORT" >/dev/null 2>&1
fi
exit $status
