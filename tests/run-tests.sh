#!/bin/sh
# Runs every test of the project under Wine and prints one closing line:
#   N passed, N failed, N skipped
# counting individual checks (ok() calls) across all test programs.
#
# Started by "make check" from the top of the build tree, which passes
# WINE64, WINE32, WINESERVER, ARCHS and WIN32_SKIP (why i386 is not in
# ARCHS) in the environment.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

top=$(pwd)
ARCHS=${ARCHS:-x86_64}
WINE32=${WINE32:-}
WIN32_SKIP=${WIN32_SKIP:-}
PRINTS_DIR=${PRINTS_DIR:-$top/build/prints}
TEST_TIMEOUT=${TEST_TIMEOUT:-300}

passed=0
failed=0
skipped=0
todo=0

# Socket paths must stay short (108 bytes), hence /tmp.
work=$(mktemp -d /tmp/winbio-check.XXXXXX)
. tests/wine-env.sh

cleanup()
{
    wine_env_stop
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

note() { echo "run-tests: $*"; }

# Failures are repeated just before the closing line, so that a log cut
# to its last lines (as CI shows it) still says what failed.
failures=$work/failures
: >"$failures"
record_failure()
{
    echo "run-tests: FAILED $1 ($3)" >>"$failures"
    # the lines that say why, then the last ones: how far it got
    { grep -aE 'Test failed|timed out|unhandled exception|Test succeeded inside todo' "$2" | head -n 5
      echo "last lines:"
      tail -n 4 "$2"; } | cut -c 1-300 | sed "s/^/run-tests:     /" >>"$failures"
}

# Add the winetest summary of a log to the totals.  Only the last summary
# line counts: it is the test's own, printed after its child processes
# ended, and winetest_wait_child_process() has already added the
# children's failures to it.  A program that printed no summary, or
# exited with an error status but reported no failure (a crash), counts
# as one failure more.
count_log()
{
    label=$1 log=$2 status=$3
    summary=$(sed -n 's/^[0-9a-f]*:[A-Za-z0-9_]*: \([0-9]*\) tests executed (\([0-9]*\) marked as todo, \([0-9]*\) as flaky, \([0-9]*\) failures*), \([0-9]*\) skipped\./\1 \2 \3 \4 \5/p' "$log" |
              awk '{ e = $1; t = $2; f = $4; s = $5 } END { print e + 0, t + 0, f + 0, s + 0, NR }')
    set -- $summary
    executed=$1 t=$2 f=$3 s=$4 lines=$5
    passed=$((passed + executed - t - f))
    if [ "$lines" -eq 0 ]; then
        note "$label: no test summary (exit status $status)"
        f=$((f + 1))
    elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        note "$label: exit status $status with no failure reported"
        f=$((f + 1))
    fi
    failed=$((failed + f))
    [ "$f" -gt 0 ] && record_failure "$label" "$log" "$f"
    skipped=$((skipped + s))
    todo=$((todo + t))
}

# run_test LABEL COMMAND...: run one test program with a time limit
# start LABEL LOG COMMAND...: runs COMMAND with its output in LOG, and
# returns its status.  A program that failed at once without printing a
# single line never ran (a winetest program prints at least its summary,
# the replay client its unit, and Wine reports a crash): that happens
# rarely when Wine cannot start a process.  Once more, then.
start()
{
    local label=$1 log=$2 started status
    shift 2
    started=$(date +%s)
    "$@" >"$log" 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ ! -s "$log" ] && \
       [ $(($(date +%s) - started)) -lt 10 ]; then
        note "$label: did not start (exit status $status), starting it again"
        "$@" >"$log" 2>&1
        status=$?
    fi
    return $status
}

run_test()
{
    label=$1
    shift
    log=$work/test.log
    start "$label" "$log" timeout -k 10 "$TEST_TIMEOUT" "$@"
    status=$?
    [ "$status" -eq 124 ] && echo "run-tests: $label: timed out after ${TEST_TIMEOUT}s" >>"$log"
    sed "s/^/[$label] /" "$log"
    count_log "$label" "$log" "$status"
}

# check LABEL COMMAND...: a single shell-level check
check()
{
    label=$1
    shift
    if "$@" >"$work/check.log" 2>&1; then
        passed=$((passed + 1))
        echo "[$label] ok"
    else
        failed=$((failed + 1))
        sed "s/^/[$label] /" "$work/check.log"
        echo "[$label] Test failed"
        record_failure "$label" "$work/check.log" 1
    fi
}

# loader ARCH: the Wine loader for programs of that architecture
loader()
{
    case $1 in
    i386) echo "$WINE32" ;;
    *) echo "$WINE64" ;;
    esac
}

# test names a winetest program offers
list_tests()
{
    "$1" "$2" --list 2>/dev/null | tr -d '\r' | sed -n 's/^ *\([A-Za-z0-9_]*\)$/\1/p'
}

# A part that cannot run is one skipped check, with its reason on its own
# line: never a pass.
skip_part()
{
    note "$1 skipped: $2"
    skipped=$((skipped + 1))
}

# The architectures whose programs can run here.  i386 needs Debian's
# 32-bit loader (wine32:i386), which is not needed to build.
run_archs=
for arch in $ARCHS; do
    if [ "$arch" = i386 ] && { [ -z "$WINE32" ] || [ ! -x "$WINE32" ]; }; then
        skip_part "32-bit (i386) tests" "no 32-bit Wine loader (install wine32:i386)"
        continue
    fi
    run_archs="$run_archs $arch"
done

# has_arch ARCH: its programs can run here
has_arch()
{
    case " $run_archs " in *" $1 "*) return 0 ;; esac
    return 1
}

case " $ARCHS " in
*" i386 "*) ;;
*) skip_part "32-bit (i386) build and tests" "${WIN32_SKIP:-i386 not configured}" ;;
esac

for arch in $ARCHS; do
    check "$arch winbio.dll is marked as a Wine builtin" grep -q "Wine builtin DLL" dlldir/$arch-windows/winbio.dll
done
# the generated prints are the same bytes on every machine
check "fpgen draws the same finger from the same seed" sh -c \
    'sum=$(build/native/fpgen --seed 101 --class whorl --impression 2 | cksum); echo "cksum: $sum"; test "$sum" = "2261710890 65551"'
note "creating a Wine prefix in $work/prefix"
check "prefix has the build-tree winbio.dll" wine_env_setup "$work/prefix"
has_arch i386 && check "prefix has a 32-bit copy of winbio.dll" \
    test -f "$WINEPREFIX/drive_c/windows/syswow64/winbio.dll"
vs=$work/vs
if ! vsensor_start "$vs" "$PRINTS_DIR"; then
    note "the virtual sensor feeder did not start"
    exit 1
fi

for arch in $run_archs; do
    bin=build/$arch-windows
    wine=$(loader $arch)
    run_test "$arch harness" "$wine" "$bin/harness_test.exe" harness
    for t in $(list_tests "$wine" "$bin/winbio_test.exe"); do
        run_test "$arch $t" env $sensor_env "$wine" "$bin/winbio_test.exe" "$t"
    done
    run_test "$arch storage" "$wine" "$bin/storage_test.exe" storage
    # the same enumeration with no sensor at all
    run_test "$arch units, no sensor" "$wine" "$bin/winbio_test.exe" units
    for t in $(list_tests "$wine" "$bin/system_test.exe"); do
        # the cross-architecture steps run below
        [ "$t" = share ] && continue
        run_test "$arch system $t" env $sensor_env "$wine" "$bin/system_test.exe" "$t"
    done
done

# A 64-bit and a 32-bit program in one prefix share its enrollments: each
# step reads what a program of the other architecture wrote.
if has_arch x86_64 && has_arch i386; then
    for step in enroll:x86_64 handover:i386 finish:x86_64; do
        arch=${step#*:}
        run_test "shared enrollments: ${step%:*} ($arch)" env $sensor_env WINBIO_SHARE_STEP=${step%:*} \
            "$(loader $arch)" build/$arch-windows/system_test.exe share
    done
else
    skip_part "shared enrollments between 64-bit and 32-bit programs" "needs both architectures"
fi

# the fixture itself, driven by libfprint directly without Wine
run_test "vsensor" env $sensor_env build/native/vsensor-selftest

# raw_capture LOADER EXE LOG: run the raw-capture client and touch the
# sensor when it asks.  Nothing may buffer between the two (no tr): the
# prompt has to arrive while the client waits.
raw_capture()
{
    ( env $sensor_env timeout -k 10 "$TEST_TIMEOUT" "$1" "$2"; echo "exit status $?" ) 2>&1 |
        while IFS= read -r line; do
            echo "$line"
            case $line in *"touch the sensor"*) vsensor_send "IMAGE whorl.pgm" ;; esac
        done >"$3"
    cat "$3"
    grep -q '^rawcapture: done' "$3" && grep -q '^exit status 0' "$3"
}

# "make install" into a staging directory, then plain mingw clients built
# only against what was installed, run under Wine on the virtual sensors
stage=$work/stage
check "make install" make -s install DESTDIR="$stage"
for arch in $ARCHS; do
    dlldir=$stage$(make -s print-${arch}_winedlldir)
    incdir=$stage$(make -s print-${arch}_mingwincludedir)
    libdir=$stage$(make -s print-${arch}_mingwlibdir)
    cc=$(make -s print-${arch}_target)-gcc
    check "$arch installed dll and Unix library" test -f "$dlldir/$arch-windows/winbio.dll" -a \
          -f "$dlldir/$arch-unix/winbio.so"
    check "$arch mingw client builds against the installed headers" \
          "$cc" -Wall -Werror -I"$incdir" -o "$work/client-$arch.exe" demo/winbio-demo.c -L"$libdir" -lwinbio
    # the raw-capture client, with each C runtime a Windows program can use:
    # msvcrt (mingw's default) and ucrt (what MSVC links today), the latter
    # through gcc's own specs with msvcrt swapped for ucrt
    "$cc" -dumpspecs | sed -e 's/-lmsvcrt/-lucrt/g' >"$work/ucrt-$arch.specs"
    check "$arch raw-capture client builds with msvcrt" \
          "$cc" -Wall -Werror -I"$incdir" -o "$work/rawcapture-msvcrt-$arch.exe" tests/client/rawcapture.c \
          -L"$libdir" -lwinbio
    check "$arch raw-capture client builds with ucrt" \
          "$cc" -specs="$work/ucrt-$arch.specs" -D_UCRT -Wall -Werror -I"$incdir" \
          -o "$work/rawcapture-ucrt-$arch.exe" tests/client/rawcapture.c -L"$libdir" -lwinbio
    check "$arch ucrt client takes its C runtime from ucrt only" sh -c \
          "${cc%-gcc}-objdump -p '$work/rawcapture-ucrt-$arch.exe' >'$work/imports' && \
           grep -q 'DLL Name: api-ms-win-crt-runtime' '$work/imports' && ! grep -qi 'DLL Name: msvcrt' '$work/imports'"
done
for arch in $run_archs; do
    wine=$(loader $arch)
    if [ -f "$work/client-$arch.exe" ]; then
        check "$arch installed client lists the virtual sensors" sh -c \
            "env $sensor_env '$wine' '$work/client-$arch.exe' | tr -d '\r' >'$work/client.out' && \
             grep -q 'virtual_image' '$work/client.out' && grep -q 'virtual_device_storage' '$work/client.out'"
        # a process that sees only one of the sensors gives it the same unit id
        check "$arch unit ids stay with their sensors" sh -c \
            "env FP_VIRTUAL_IMAGE='$vs/image.sock' '$wine' '$work/client-$arch.exe' | tr -d '\r' | \
             grep '^unit .*Virtual image' >'$work/alone.out' && \
             grep '^unit .*Virtual image' '$work/client.out' | cmp -s - '$work/alone.out'"
    fi
    for crt in msvcrt ucrt; do
        [ -f "$work/rawcapture-$crt-$arch.exe" ] || continue
        check "$arch raw-capture client ($crt) captures a sample" \
            raw_capture "$wine" "$work/rawcapture-$crt-$arch.exe" "$work/rawcapture.log"
    done
done

feeder=$vsensor_pid
vsensor_stop
check "the virtual sensor feeder has exited" sh -c "! kill -0 $feeder 2>/dev/null"

# Real sensors: libfprint's real drivers replay recorded USB traffic under
# umockdev, inside a Windows program under Wine (see the recordings' README).
recordings=${RECORDINGS_DIR:-$top/../shared/data/recordings}
# the image sensors, whose capture must equal capture.png
image_recordings="aes2501 egis0570 elan-cobo elanspi upektc_img uru4000-4500 uru4000-msv2 vfs301"

replay_capture()
{
    folder=$1 exe=$2 wine=$3 out=$work/replay-$1.pgm
    rm -f "$out"
    # traced, so that a replay that hangs shows where
    start "replay $folder" "$work/replay-$folder.log" replay "$recordings/$folder" \
        env WINEDEBUG=trace+winbio "$wine" "$exe" "$(winepath_of "$out")"
    status=$?
    cat "$work/replay-$folder.log"
    [ "$status" -eq 0 ] || return 1
    python3 tests/replay/compare.py "$recordings/$folder/capture.png" "$out" || return 1
    # the record's size and resolution are those libfprint gives its own
    # caller; a driver that gives no resolution (0) gets 500 ppi, ANSI
    # 381's for an acquisition level 31 sensor, since the fields must not
    # be 0 (dlls/winbio/bir.c)
    # (once per recording: it is the same for every architecture)
    [ -s "$work/native-$folder.log" ] ||
        replay_native "$recordings/$folder" "$top/build/native/native_capture" >"$work/native-$folder.log" 2>&1
    set -- $(sed -n 's/^native: image \([0-9]*\) x \([0-9]*\), \([0-9]*\) ppi.*/\1 \2 \3/p' \
             "$work/native-$folder.log")
    [ $# -eq 3 ] || { cat "$work/native-$folder.log"; return 1; }
    ppi=$3
    [ "$ppi" -eq 0 ] && ppi=500
    echo "libfprint's own capture: image $1 x $2, $3 ppi; expected in the record: $ppi ppi"
    tr -d '\r' <"$work/replay-$folder.log" |
        grep -aq "^record: .*scan resolution $ppi x $ppi, image resolution $ppi x $ppi (.*image $1 x $2\$"
}

# replay_unit FOLDER: the unit the replay of FOLDER listed is the expected one
replay_unit()
{
    expected=$(sed -n "s/^$1\t//p" tests/replay/units.txt)
    printf "expected: unit N: %s\n" "$expected"
    grep -a '^unit' "$work/replay-$1.log"
    [ -n "$expected" ] && grep -aqF ": $expected" "$work/replay-$1.log"
}

# replay_moc FOLDER WINE EXE OPERATIONS [ARGS]: the match-on-chip client
# replays FOLDER, and the libfprint operations it ran are exactly OPERATIONS
replay_moc()
{
    folder=$1 wine=$2 exe=$3 expected=$4
    shift 4
    start "replay $folder" "$work/replay-$folder.log" replay "$recordings/$folder" \
        env WINEDEBUG=trace+winbio "$wine" "$exe" "$@"
    status=$?
    grep -av '^[0-9a-f]*:trace:' "$work/replay-$folder.log" | grep -a '^unit\|^moc\|^cleared\|^enroll\|^verify\|^identify'
    ran=$(sed -n 's/^[0-9a-f]*:trace:winbio:loop_op_start .*: starting \([a-z]*\)\r*$/\1/p' \
          "$work/replay-$folder.log" | tr '\n' ' ')
    echo "libfprint operations: $ran"
    [ "$status" -eq 0 ] && grep -q '^moc: done' "$work/replay-$folder.log" && [ "$ran" = "$expected " ]
}

# replay_denied WINE EXE: a sensor whose device node the user may not open
# (no udev rule): the capture fails with E_ACCESSDENIED and an ERR line
# names the node and a rule.  umockdev's testbed belongs to the user who
# runs it and root ignores file modes, so as root the replay runs as
# nobody, in a prefix of its own.
replay_denied()
{
    wine=$1 exe=$2 dir=$recordings/aes2501 as=
    node=$(sed -n '2s/^N: \([^=]*\)=.*/\1/p' "$dir/device")
    denied=$(mktemp -d /tmp/winbio-denied.XXXXXX)
    chmod 755 "$denied"
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody "$denied"
        as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    fi
    (
        export HOME="$denied" WINEPREFIX="$denied/prefix" WINEDEBUG=-all
        $as "$WINE64" wineboot -u >/dev/null 2>&1
        REPLAY_AS=$as replay "$dir" env WINEDEBUG=err+winbio \
            sh -c 'chmod 000 "$UMOCKDEV_DIR/dev/$0" && exec "$@"' "$node" "$wine" "$exe" 'C:\\denied.pgm'
        status=$?
        $as "$WINESERVER" -k 2>/dev/null
        exit $status
    ) >"$work/denied.log" 2>&1
    status=$?
    rm -rf "$denied"
    grep -a '^capture\|err:winbio' "$work/denied.log"
    [ "$status" -ne 0 ] && grep -aq 'WinBioCaptureSample failed: 0x80070005' "$work/denied.log" &&
        grep -aq "err:winbio:.*permission denied on /dev/$node" "$work/denied.log" &&
        grep -aq 'ATTRS{idVendor}=="08ff", ATTRS{idProduct}=="2580"' "$work/denied.log"
}

# replay_replug WINE EXE: vfs301 (whose recording can be replayed again
# and again) unplugged and plugged in again while a program runs: the
# unit leaves, comes back with its id, and captures the recorded picture
replay_replug()
{
    wine=$1 exe=$2 dir=$recordings/vfs301 out=$work/replug.pgm
    rm -f "$out"
    on_testbed "$dir" env WINEDEBUG=trace+winbio "$wine" "$exe" "$(winepath_of "$out")" >"$work/replug.log" 2>&1
    status=$?
    grep -a '^unit\|^replug\|^replay\|^testbed' "$work/replug.log"
    [ "$status" -eq 0 ] && grep -aq '^replug: done' "$work/replug.log" &&
        python3 tests/replay/compare.py "$dir/capture.png" "$out"
}

# replay_busy WINE EXE: an AES2501 whose USB interface another program
# (fprintd) has claimed: captures fail with WINBIO_E_DEVICE_BUSY after
# libfprint's open was tried again for a while, and once the other
# program lets the sensor go, the same process opens it
replay_busy()
{
    wine=$1 exe=$2
    on_testbed "$recordings/aes2501" --claimed env WINEDEBUG=trace+winbio "$wine" "$exe" >"$work/busy.log" 2>&1
    status=$?
    grep -a '^unit\|^busy\|^replay\|^testbed' "$work/busy.log"
    opens=$(grep -ac ':trace:winbio:loop_op_start .*: starting open' "$work/busy.log")
    captures=$(grep -ac ':trace:winbio:loop_op_start .*: starting capture' "$work/busy.log")
    echo "libfprint opens: $opens, captures: $captures"
    # several opens per busy capture, and one capture: the one once released
    [ "$status" -eq 0 ] && grep -aq '^busy: done' "$work/busy.log" && [ "$opens" -gt 4 ] && [ "$captures" -eq 1 ]
}

if [ ! -d "$recordings" ]; then
    note "replays of real sensors skipped: no recordings in $recordings"
    skipped=$((skipped + 1))
elif ! command -v umockdev-run >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    note "replays of real sensors skipped: umockdev-run or python3 not installed (apt-get install umockdev python3)"
    skipped=$((skipped + 1))
else
    for arch in $run_archs; do
        wine=$(loader $arch)
        # The replayed program's libfprint only sees the recorded sensor
        # through umockdev's preload library, which must be built for its
        # architecture; Debian's umockdev package is one architecture only.
        if LD_PRELOAD=libumockdev-preload.so.0 "$wine" --version 2>&1 | grep -q 'cannot be preloaded'; then
            note "$arch replays of real sensors skipped: umockdev's preload library does not load into $arch programs"
            skipped=$((skipped + 1))
            continue
        fi
        for folder in $image_recordings; do
            check "$arch replay $folder: the capture equals libfprint's picture" \
                replay_capture "$folder" "$top/build/$arch-windows/replay_capture.exe" "$wine"
        done
        # match on chip: each call is the one libfprint operation the recording holds
        check "$arch replay elanmoc: enroll, list, verify, identify, delete" \
            replay_moc elanmoc "$wine" "$top/build/$arch-windows/replay_moc.exe" \
                "open enroll list verify identify delete close"
        # removing every template of every identity empties the sensor at once
        check "$arch replay goodixmoc: clear, enroll, list, verify, identify, delete" \
            replay_moc goodixmoc "$wine" "$top/build/$arch-windows/replay_moc.exe" \
                "open clear enroll list verify identify delete close" --clear
        if [ "$(id -u)" -eq 0 ] && ! setpriv --reuid=nobody --regid=nogroup --clear-groups \
                test -r "$top/build/$arch-windows/replay_capture.exe" 2>/dev/null; then
            note "$arch replay without permission skipped: user nobody cannot read the build tree (or no setpriv)"
            skipped=$((skipped + 1))
        else
            check "$arch replay aes2501, no permission: E_ACCESSDENIED, and an ERR names the node and a udev rule" \
                replay_denied "$wine" "$top/build/$arch-windows/replay_capture.exe"
        fi
        # the vfs301 recording wraps around, so the same client enrolls in
        # five touches, verifies and identifies on an image sensor, whose
        # enrollments live in the database only (no list, no delete)
        check "$arch replay vfs301: enroll in 5 stages, verify, identify" \
            replay_moc vfs301 "$wine" "$top/build/$arch-windows/replay_moc.exe" \
                "open enroll verify identify close"
        if /usr/bin/python3 -c 'import gi; gi.require_version("UMockdev", "1.0")' 2>/dev/null; then
            check "$arch replay vfs301: unplugged and plugged in again, keeps its unit id, captures" \
                replay_replug "$wine" "$top/build/$arch-windows/replay_replug.exe"
            check "$arch aes2501 held by another program: WINBIO_E_DEVICE_BUSY, usable once released" \
                replay_busy "$wine" "$top/build/$arch-windows/replay_busy.exe"
        else
            note "$arch replays on umockdev's testbed (replug, busy) skipped: no python3-gi or gir1.2-umockdev-1.0"
            skipped=$((skipped + 2))
        fi
        # each sensor as the driver describes it (tests/replay/units.txt)
        for folder in $image_recordings elanmoc goodixmoc; do
            check "$arch replay $folder: the unit's description, subtype and capabilities" \
                replay_unit "$folder"
        done
    done
    # the README's demo on a recorded sensor saves the picture as a BMP
    check "make demo SENSOR=vfs301 saves the captured picture" sh -c \
        "DEMO_PICTURE='$work/demo.bmp' SENSOR=vfs301 RECORDINGS_DIR='$recordings' bash tests/run-demo.sh \
             >'$work/demo.log' 2>&1 && grep -q 'picture: 200 x 214 pixels' '$work/demo.log' && \
         test \"\$(head -c 2 '$work/demo.bmp')\" = BM && test \$(wc -c <'$work/demo.bmp') -eq 43878 || \
         { cat '$work/demo.log'; false; }"
fi
cat "$failures"
[ "$todo" -gt 0 ] && note "$todo checks marked todo (counted as skipped)"
echo "$passed passed, $failed failed, $((skipped + todo)) skipped"
[ "$failed" -eq 0 ]
