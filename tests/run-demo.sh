#!/bin/sh
# "make demo": runs winbio-demo.exe under Wine with the build-tree
# winbio.dll.  Without a real sensor it brings up libfprint's virtual
# sensors, so there is always something to show.
#
# Environment: WINEPREFIX (default: build/demo-prefix), WINBIO_DEMO_REAL=1
# to use only the real sensors attached to this machine.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e
. tests/wine-env.sh

prefix=${WINEPREFIX:-$(pwd)/build/demo-prefix}
work=$(mktemp -d /tmp/winbio-demo.XXXXXX)
trap 'wine_env_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "demo: Wine prefix $prefix (refreshing it with the build-tree winbio.dll)"
wine_env_setup "$prefix"
sensor_env=
if [ "${WINBIO_DEMO_REAL:-0}" != 1 ]; then
    vsensor_start "$work/vs" "${PRINTS_DIR:-$(pwd)/../shared/data/prints}"
    echo "demo: libfprint's virtual sensors are up"
fi
env $sensor_env "$WINE64" build/x86_64-windows/winbio-demo.exe "$@"
