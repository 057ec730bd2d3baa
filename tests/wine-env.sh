# Shell functions shared by run-tests.sh and run-demo.sh: a Wine prefix that
# uses the build-tree winbio.dll, and libfprint's virtual sensors fed by
# build/native/vsensor.  Source it from the top of the build tree.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

# Debian keeps wine64 out of PATH
WINE64=${WINE64:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
WINESERVER=${WINESERVER:-$(command -v wineserver || echo /usr/lib/wine/wineserver)}
vsensor_pid=

# wine_env_setup PREFIX: point Wine at the build tree and refresh PREFIX.
# A prefix refreshed while WINEDLLPATH is set gets a system32 copy of
# winbio.dll, which the loader resolves to the builtin in $WINEDLLPATH.
wine_env_setup()
{
    export WINEPREFIX=$1
    export WINEDLLPATH=$(pwd)/dlldir
    export WINEDEBUG=${WINEDEBUG:--all}
    # Wine's own USB driver would otherwise claim emulated and real sensors
    # too.  And no debugger on a crash: with winedbg attached, a crashed
    # program's exit status is sometimes 0 (2 of 8 crashes at once here),
    # which would let a client that crashes after its last line pass;
    # without it the status is the exception's, every time.
    export WINEDLLOVERRIDES="wineusb.sys=d;winedbg.exe=d;${WINEDLLOVERRIDES:-}"
    unset DISPLAY WAYLAND_DISPLAY
    # Wine 10 looks for a Wayland compositor, and libwayland prints an
    # error on every program's standard error where a login session would
    # have set XDG_RUNTIME_DIR (a chroot, CI): give it one, empty.
    if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ]; then
        export XDG_RUNTIME_DIR=$WINEPREFIX.run
        mkdir -p "$XDG_RUNTIME_DIR"
        chmod 700 "$XDG_RUNTIME_DIR"
    fi
    "$WINE64" wineboot -u >/dev/null 2>&1
    test -f "$WINEPREFIX/drive_c/windows/system32/winbio.dll"
}

# vsensor_start DIR PRINTS: start the feeder; libfprint's virtual drivers
# will create their sockets in DIR (keep it short: sockets take 108 bytes).
# Sets sensor_env to the variables a Wine process needs to see them.
vsensor_start()
{
    mkdir -p "$1"
    vsensor_dir=$1
    build/native/vsensor --dir "$1" --prints "$2" &
    vsensor_pid=$!
    i=0
    while [ ! -s "$1/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$1/port" ] || return 1
    sensor_env="FP_VIRTUAL_IMAGE=$1/image.sock FP_VIRTUAL_DEVICE=$1/device.sock"
    sensor_env="$sensor_env FP_VIRTUAL_DEVICE_STORAGE=$1/storage.sock WINBIO_VSENSOR_PORT=$(cat "$1/port")"
    # tests compare captured pixels with the prints they touched with
    sensor_env="$sensor_env PRINTS_DIR=$2"
}

# vsensor_send LINE: one request to the feeder; prints its reply.  POSIX sh
# has no sockets, bash's /dev/tcp does.
vsensor_send()
{
    bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && echo "$2" >&3 && read -r reply <&3 && echo "$reply" &&
             case $reply in OK*) exit 0 ;; esac; exit 1' vsensor_send "$(cat "$vsensor_dir/port")" "$1"
}

vsensor_stop()
{
    [ -n "$vsensor_pid" ] && kill "$vsensor_pid" 2>/dev/null && wait "$vsensor_pid" 2>/dev/null
    vsensor_pid=
}

# The libfprint driver of a recording in ../shared/data/recordings.
recording_driver()
{
    case ${1##*/} in
    elan-cobo) echo elan ;;
    uru4000-*) echo uru4000 ;;
    *) echo "${1##*/}" ;;
    esac
}

# replay DIR COMMAND...: the Windows program COMMAND under umockdev-run,
# with libfprint's real driver talking to the traffic recorded in DIR (see
# the recordings' README), in a freshly started prefix.
# REPLAY_AS, when set, is a command that runs Wine and umockdev-run as
# another user (with WINEPREFIX and HOME exported for that user).
replay()
{
    replay_boot_prefix
    replay_native "$@"
}

# replay_native DIR COMMAND...: as replay, for a program that is not Wine's
replay_native()
{
    local dir=$1 node devices d
    shift
    if [ -f "$dir/capture.ioctl" ]; then
        node=$(sed -n '1s/^@DEV \([^ ]*\).*/\1/p' "$dir/capture.ioctl")
        devices=
        for d in "$dir"/device*; do devices="$devices -d $d"; done
        replay_run "$dir" umockdev-run $devices -i "$node=$dir/capture.ioctl" -- "$@"
    else
        replay_run "$dir" umockdev-run -d device \
            -p "/sys$(sed -n '1s/^P: //p' "$dir/device")=$(ls "$dir"/*.pcapng)" -- "$@"
    fi
}

# on_testbed DIR [--claimed] COMMAND...: as replay, but from umockdev's
# testbed in tests/replay/testbed.py, which changes the sensor when
# COMMAND asks (unplugs it, plugs it in again, or with --claimed, where
# another program holds the sensor, lets it go).  Needs Debian's
# python3-gi and gir1.2-umockdev-1.0.
on_testbed()
{
    local dir=$1
    shift
    replay_boot_prefix
    replay_run "$dir" env LD_PRELOAD=libumockdev-preload.so.0 \
        /usr/bin/python3 "$(pwd)/tests/replay/testbed.py" "$dir" "$@"
}

# replay_run DIR RUNNER...: RUNNER with the environment libfprint's
# drivers need to talk to DIR's recording, in DIR, with a time limit
replay_run()
{
    local dir=$1 status
    shift
    (cd "$dir" && timeout -k 5 60 ${REPLAY_AS:-} \
        env FP_DEVICE_EMULATION=1 FP_DRIVERS_WHITELIST="$(recording_driver "$dir")" "$@")
    status=$?
    [ "$status" -eq 124 ] && echo "replay: $(basename "$dir") timed out after 60 s"
    return $status
}

# Start a new wineserver, and the prefix's system processes (services,
# winedevice, explorer), outside umockdev, so that only the replayed
# program itself runs under its LD_PRELOAD.  Two reasons:
# - umockdev's preload library holds a lock of its own while it handles
#   open(); a multi-threaded process that forks just then leaves its child
#   waiting for that lock forever.  services.exe forks for every service it
#   starts, and when that happened inside a replay, wineboot, and so the
#   replayed program, waited until the timeout (seen once in a few hundred
#   replays).
# - no Wine process of an earlier replay survives into the next.
# The server persists (-p) until the next replay or wine_env_stop.
replay_boot_prefix()
{
    ${REPLAY_AS:-} "$WINESERVER" -k 2>/dev/null
    ${REPLAY_AS:-} "$WINESERVER" -w 2>/dev/null
    ${REPLAY_AS:-} "$WINESERVER" -p
    ${REPLAY_AS:-} "$WINE64" cmd /c exit >/dev/null 2>&1
}

# the Windows form of a Unix path: drive Z: is the root
winepath_of()
{
    printf 'Z:%s' "$1" | tr / '\\'
}

wine_env_stop()
{
    vsensor_stop
    "$WINESERVER" -k 2>/dev/null
    "$WINESERVER" -w 2>/dev/null
}
