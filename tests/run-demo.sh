#!/bin/bash
# "make demo": runs winbio-demo.exe under Wine with the build-tree
# winbio.dll.  Without a real sensor it brings up libfprint's virtual
# sensors and plays the user's finger on the virtual image sensor: five
# touches to enroll, then a second impression each to identify and verify.
#
# Environment: WINEPREFIX (default: build/demo-prefix), WINBIO_DEMO_REAL=1
# to use only the real sensors attached to this machine (you touch them),
# SENSOR=<folder of ../shared/data/recordings> to replay a recorded real
# sensor and save the picture it captures (make demo SENSOR=vfs301).
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e
. tests/wine-env.sh

prefix=${WINEPREFIX:-$(pwd)/build/demo-prefix}
work=$(mktemp -d /tmp/winbio-demo.XXXXXX)
trap 'wine_env_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# One request to the feeder, one reply line back.
feeder()
{
    local reply
    exec 3<>"/dev/tcp/127.0.0.1/$(cat "$work/vs/port")"
    echo "$1" >&3
    read -r reply <&3
    exec 3>&-
    case "$reply" in OK*) return 0 ;; *) echo "demo: feeder: $1: $reply" >&2; return 1 ;; esac
}

# The finger: it touches the sensor whenever the program asks for it,
# five times to enroll, then a second impression for identify and verify.
play_finger()
{
    local line prints="whorl.pgm whorl.pgm whorl.pgm whorl.pgm whorl.pgm whorl-rot10.pgm whorl-shift4.pgm"

    while IFS= read -r line; do
        line=${line%$'\r'}
        echo "$line"
        case "$line" in
        *"touch the sensor"*)
            set -- $prints
            [ $# -gt 0 ] || continue
            feeder "IMAGE $1" && echo "demo: (the virtual finger touches: $1)"
            prints=${prints#"$1"}
            prints=${prints# }
            ;;
        esac
    done
}

echo "demo: Wine prefix $prefix (refreshing it with the build-tree winbio.dll)"
wine_env_setup "$prefix"

# SENSOR=<recording>: a real sensor's recorded traffic, replayed to
# libfprint's real driver with umockdev; the demo captures one sample and
# saves its picture
if [ -n "${SENSOR:-}" ]; then
    dir=${RECORDINGS_DIR:-$(pwd)/../shared/data/recordings}/$SENSOR
    [ -d "$dir" ] || { echo "demo: no recording $dir"; exit 1; }
    command -v umockdev-run >/dev/null || { echo "demo: umockdev-run is missing (apt-get install umockdev)"; exit 1; }
    picture=${DEMO_PICTURE:-$(pwd)/demo-$SENSOR.bmp}
    echo "demo: replaying the $SENSOR recording with libfprint's $(recording_driver "$dir") driver"
    rm -f "$picture"
    status=0
    replay "$dir" "$WINE64" "$(pwd)/build/x86_64-windows/winbio-demo.exe" capture "$(winepath_of "$picture")" \
        >"$work/replay.log" 2>&1 || status=$?
    # the demo's own lines, without umockdev's and libusb's chatter
    tr -d '\r' <"$work/replay.log" | grep -v '^UMockdev\|^ [0-9a-f][0-9a-f] \|umockdev\|^$\|^libusb'
    [ "$status" -eq 0 ] && [ -f "$picture" ] || { echo "demo: the replay failed (status $status)"; exit 1; }
    echo "demo: open $picture to see the finger"
    exit 0
fi

if [ "${WINBIO_DEMO_REAL:-0}" = 1 ]; then
    exec "$WINE64" build/x86_64-windows/winbio-demo.exe "${@:-cycle}"
fi
vsensor_start "$work/vs" "${PRINTS_DIR:-$(pwd)/build/prints}"
echo "demo: libfprint's virtual sensors are up"
env $sensor_env "$WINE64" build/x86_64-windows/winbio-demo.exe "${@:-cycle}" | play_finger
exit "${PIPESTATUS[0]}"
