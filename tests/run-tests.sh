#!/bin/sh
# Runs every test of the project under Wine and prints one closing line:
#   N passed, N failed, N skipped
# counting individual checks (ok() calls) across all test programs.
#
# Started by "make check" from the top of the build tree, which passes
# WINE64, WINE32, WINESERVER, ARCHS, WIN32_SKIP (why i386 is not in ARCHS)
# and I386_RUN_SKIP (why i386 programs cannot run here, or empty) in the
# environment.  The counting lives in tests/runner.sh.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

top=$(pwd)
ARCHS=${ARCHS:-x86_64}
WINE32=${WINE32:-}
WIN32_SKIP=${WIN32_SKIP:-}
I386_RUN_SKIP=${I386_RUN_SKIP:-}
PRINTS_DIR=${PRINTS_DIR:-$top/build/prints}
TEST_TIMEOUT=${TEST_TIMEOUT:-300}

# Socket paths must stay short (108 bytes), hence /tmp.
work=$(mktemp -d /tmp/winbio-check.XXXXXX)
. tests/wine-env.sh
. tests/runner.sh
. tests/winebio-cli.sh
# a flaky failure in a child process counts in its exit status too
export WINETEST_REPORT_FLAKY=1

cleanup()
{
    wine_env_stop
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# loader ARCH: the Wine loader for programs of that architecture
loader()
{
    case $1 in
    i386) echo "$WINE32" ;;
    *) echo "$WINE64" ;;
    esac
}

# The architectures whose programs can run here.  i386 needs Debian's
# 32-bit loader (wine32:i386), which is not needed to build, and a kernel
# that runs 32-bit code; why it cannot run is i386_skip.
run_archs=
i386_skip=
for arch in $ARCHS; do
    if [ "$arch" = i386 ]; then
        if [ -n "$I386_RUN_SKIP" ]; then
            i386_skip=$I386_RUN_SKIP
        elif [ -z "$WINE32" ] || [ ! -x "$WINE32" ]; then
            i386_skip="no 32-bit Wine loader (install wine32:i386)"
        fi
        [ -n "$i386_skip" ] && continue
    fi
    run_archs="$run_archs $arch"
done

# has_arch ARCH: its programs can run here
has_arch()
{
    case " $run_archs " in *" $1 "*) return 0 ;; esac
    return 1
}

# unix_tables ARCH: winbio.so exports a call table with one entry per
# function of unixlib.h, and a 64-bit one a second for 32-bit PE callers
# (new WoW64), as ntdll looks them up by name
unix_tables()
{
    funcs=$(sed -n '/^enum winbio_unix_funcs/,/unix_funcs_count/p' dlls/winbio/unixlib.h | grep -c '^ *unix_[a-z_]*,')
    case $1 in
    x86_64) tables="__wine_unix_call_funcs __wine_unix_call_wow64_funcs" size=8 ;;
    *) tables="__wine_unix_call_funcs" size=4 ;;
    esac
    nm -D -S --defined-only dlldir/$1-unix/winbio.so >"$work/nm.out" || return 1
    for table in $tables; do
        bytes=$(sed -n "s/^[0-9a-f]* \([0-9a-f]*\) [DR] $table\$/\1/p" "$work/nm.out")
        [ -n "$bytes" ] || { echo "$table: not exported"; return 1; }
        echo "$table: $((0x$bytes)) bytes, expected $funcs entries of $size"
        [ $((0x$bytes)) -eq $((funcs * size)) ] || return 1
    done
}

check "every function winbio.h declares is exported" sh tests/check-prototypes.sh
for arch in $ARCHS; do
    check "$arch winbio.dll is marked as a Wine builtin" grep -q "Wine builtin DLL" dlldir/$arch-windows/winbio.dll
    check "$arch winebio.exe is marked as a Wine builtin" grep -q "Wine builtin DLL" dlldir/$arch-windows/winebio.exe
    # with new WoW64 the i386 dll has no winbio.so of its own
    [ "$(make -s print-${arch}_unixlib)" = yes ] &&
        check "$arch winbio.so exports its Unix call tables, one entry per function" unix_tables $arch
done
# the generated prints are the same bytes on every machine
check "fpgen draws the same finger from the same seed" sh -c \
    'sum=$(build/native/fpgen --seed 101 --class whorl --impression 2 | cksum); echo "cksum: $sum"; test "$sum" = "2261710890 65551"'
note "creating a Wine prefix in $work/prefix"
check "prefix has the build-tree winbio.dll" wine_env_setup "$work/prefix"
has_arch i386 && check "prefix has a 32-bit copy of winbio.dll" \
    test -f "$WINEPREFIX/drive_c/windows/syswow64/winbio.dll"
check "prefix has the settings program winebio.exe" test -f "$WINEPREFIX/drive_c/windows/system32/winebio.exe"
# The runner's self-test: tests/runner.sh counts programs made to
# misbehave, in a shell of its own whose totals stay out of these; each
# line it must print is one check here.
rs_arch=${run_archs# }
rs_arch=${rs_arch%% *}
rs_log=$work/runner-selftest.log
if [ -n "$rs_arch" ]; then
    sh tests/runner-selftest/run.sh "$(loader $rs_arch)" build/$rs_arch-windows/runner-selftest \
        "$work/runner-selftest" >"$rs_log" 2>&1
fi
# runner_says LINE...: the self-test printed each LINE, whole
runner_says()
{
    for line in "$@"; do
        grep -qxF "$line" "$rs_log" && continue
        note "the runner's self-test did not print: $line"
        cat "$rs_log"
        return 1
    done
}
no_sleeper_left()
{
    ! stray_processes | grep sleeper
}
check "runner self-test: a crash after the first lines is a failure" \
    runner_says "run-tests: FAILED selftest crash (1)"
check "runner self-test: a flaky failure is a failure" runner_says "run-tests: FAILED selftest flaky (1)"
check "runner self-test: a test that leaves a process behind fails, and the process ends" \
    runner_says "run-tests: FAILED selftest child: left a process running (1)"
check "runner self-test: the process left behind was killed before the next test" no_sleeper_left
check "runner self-test: a shell-level check that leaves a process behind fails" \
    runner_says "run-tests: FAILED check child (1)"
check "runner self-test: a test in the list that the program lacks is a failure, named" \
    runner_says "run-tests: FAILED selftest (1)" "run-tests: FAILED selftest vanished (1)"
check "runner self-test: a program that does not load fails, and so does each of its tests" \
    runner_says "run-tests: FAILED noload (1)" "run-tests: FAILED noload noload (1)"
check "runner self-test: a client's exit status is kept with its output" \
    runner_says "run-tests: FAILED pipeline (1)"
check "runner self-test: a test started again leaves a warning" \
    runner_says "run-tests: WARNING retried: did not start (exit status 1, no output), started again"
check "runner self-test: a skipped section counts its checks" \
    runner_says "run-tests: skipped a section: 7 checks (estimated): the self-test skips it"
check "runner self-test: its own totals, apart from these" \
    runner_says "6 passed, 9 failed, 7 skipped"

# The conformance tests as Wine's test machines and Windows run them: no
# feeder, no virtual sensor, and a libfprint that may load no driver, so
# that it sees no sensor even where one is plugged in.  Each program runs
# the checks that need no sensor and skips the others; none may fail, and
# none may run no check at all.  Their counts are printed on their own.
no_sensors="env -u FP_VIRTUAL_IMAGE -u FP_VIRTUAL_DEVICE -u FP_VIRTUAL_DEVICE_STORAGE -u WINBIO_VSENSOR_PORT
            -u PRINTS_DIR FP_DRIVERS_WHITELIST=none"

# ran_checks LOG...: the winetest program of each log ran at least one
# check (its own summary is the last one, after its children's)
ran_checks()
{
    local log executed status=0
    for log in "$@"; do
        executed=$(tr -d '\r' <"$log" | sed -n 's/^[0-9a-f]*:[A-Za-z0-9_]*: \([0-9]*\) tests executed .*/\1/p' |
                   tail -n 1)
        echo "${log##*/}: ${executed:-no} checks"
        [ "${executed:-0}" -gt 0 ] || status=1
    done
    return $status
}

before_p=$passed before_f=$failed before_s=$((skipped + todo))
nosensor_checks=0
for arch in $run_archs; do
    bin=build/$arch-windows
    counted=$((passed + failed + skipped + todo))
    run_program "$arch no sensors" "$bin/tests/testlist.txt" "" $no_sensors "$(loader $arch)" "$bin/winbio_test.exe"
    check "$arch no sensors: every conformance test runs checks" \
        ran_checks "$logdir"/*-"${arch}_no_sensors_"[a-z]*.log
    # what the same run of the other architecture would count
    nosensor_checks=$((passed + failed + skipped + todo - counted))
done
# why the 32-bit programs do not run here, if they do not
case " $ARCHS " in
*" i386 "*) i386_reason=$i386_skip ;;
*) i386_reason=${WIN32_SKIP:-i386 not configured} ;;
esac
[ -n "$i386_reason" ] &&
    skip_section "32-bit (i386) conformance tests with no sensors" $nosensor_checks "$i386_reason" estimated
# this run's counts: its own line now and above the closing one, and the
# rest of the checks are the normal run's
no_sensors_counts="$((passed - before_p)) $((failed - before_f)) $((skipped + todo - before_s))"
echo "no sensors: $(totals $before_p $before_f $before_s)" | tee -a "$runs"

vs=$work/vs
if ! vsensor_start "$vs" "$PRINTS_DIR"; then
    note "the virtual sensor feeder did not start"
    exit 1
fi

# The winetest programs of one architecture, each test in the list the
# build made from its START_TEST lines.  The harness's other tests are its
# own children; "share" runs below, across architectures.
arch_checks=0
for arch in $run_archs; do
    bin=build/$arch-windows
    wine=$(loader $arch)
    counted=$((passed + failed + skipped + todo))
    run_program "$arch harness" "$bin/harness/testlist.txt" \
        "harness_child harness_mute harness_threads harness_crash harness_wait" "$wine" "$bin/harness_test.exe"
    run_program "$arch" "$bin/tests/testlist.txt" "" env $sensor_env "$wine" "$bin/winbio_test.exe"
    run_program "$arch storage" "$bin/storage/testlist.txt" "" "$wine" "$bin/storage_test.exe"
    run_program "$arch system" "$bin/system/testlist.txt" share env $sensor_env "$wine" "$bin/system_test.exe"
    # the settings program, run as users run it: wine winebio <command>
    case $arch in
    i386) winebio_checks "$wine" 'C:\windows\syswow64\winebio.exe' $arch ;;
    *) winebio_checks "$wine" winebio $arch ;;
    esac
    # every export with hostile arguments from several threads (FUZZ_CALLS,
    # FUZZ_THREADS and FUZZ_SEED make it longer or different by hand)
    run_program "$arch fuzz" "$bin/fuzz/testlist.txt" "" env $sensor_env "$wine" "$bin/fuzz_test.exe"
    # what the same programs of the other architecture would count
    arch_checks=$((passed + failed + skipped + todo - counted))
done

# A 64-bit and a 32-bit program in one prefix share its enrollments: each
# step reads what a program of the other architecture wrote.  Part of the
# 32-bit tests: where those do not run, their skip line stands for it.
if has_arch x86_64 && has_arch i386; then
    for step in enroll:x86_64 handover:i386 finish:x86_64; do
        arch=${step#*:}
        run_test "shared enrollments: ${step%:*} ($arch)" env $sensor_env WINBIO_SHARE_STEP=${step%:*} \
            "$(loader $arch)" build/$arch-windows/system_test.exe share
    done
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

# client_lists WINE EXE: the demo client lists the virtual sensors
client_lists()
{
    client_output "$work/client.out" env $sensor_env "$1" "$2" &&
        grep -q 'virtual_image' "$work/client.out" && grep -q 'virtual_device_storage' "$work/client.out"
}

# client_unit_ids WINE EXE: with only the image sensor, it has the unit id
# it had among all three
client_unit_ids()
{
    client_output "$work/alone.out" env FP_VIRTUAL_IMAGE="$vs/image.sock" "$1" "$2" &&
        grep '^unit .*Virtual image' "$work/client.out" >"$work/all.units" &&
        grep '^unit .*Virtual image' "$work/alone.out" | cmp -s - "$work/all.units"
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
    check "$arch installed settings program" test -f "$dlldir/$arch-windows/winebio.exe"
    check "$arch installed dll and Unix library" sh -c "test -f '$dlldir/$arch-windows/winbio.dll' &&
          { [ '$(make -s print-${arch}_unixlib)' = no ] || test -f '$dlldir/$arch-unix/winbio.so'; }"
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
# installed_winebio WINE DLLDIR: a fresh prefix made with the installed Wine
# directory gets winebio.exe from wineboot -u, and "wine winebio" runs it
installed_winebio()
{
    (
        export WINEPREFIX="$work/fresh-prefix" WINEDLLPATH="$2"
        "$WINE64" wineboot -u >/dev/null 2>&1
        test -f "$WINEPREFIX/drive_c/windows/system32/winebio.exe" || { echo "no system32/winebio.exe"; exit 1; }
        client_output "$work/fresh.out" "$1" winebio --help || exit 1
        grep '^Usage: winebio' "$work/fresh.out"
        "$WINESERVER" -k 2>/dev/null
        "$WINESERVER" -w 2>/dev/null
    )
    status=$?
    rm -rf "$work/fresh-prefix"
    return $status
}

for arch in $run_archs; do
    wine=$(loader $arch)
    if [ -f "$work/client-$arch.exe" ]; then
        check "$arch installed client lists the virtual sensors" client_lists "$wine" "$work/client-$arch.exe"
        # a process that sees only one of the sensors gives it the same unit id
        check "$arch unit ids stay with their sensors" client_unit_ids "$wine" "$work/client-$arch.exe"
    fi
    [ $arch = x86_64 ] && check "installed winebio.exe starts in a fresh prefix: wine winebio --help" \
        installed_winebio "$wine" "$stage$(make -s print-x86_64_winedlldir)"
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
# the checks below for one architecture: per image sensor a capture and a
# unit; two match-on-chip replays and their units; vfs301's enrollment, in
# the system pool and in a private pool; no permission; replug and busy
replay_checks=$(($(echo $image_recordings | wc -w) * 2 + 9))

# The recordings were made for libfprint 1.94.5.  From 1.94.6 on goodixmoc
# starts an enrollment with a command that recording does not hold, so the
# replay stops there: umockdev reports "Replay may be stuck: Reaping discard
# URB of type BULK, for endpoint 0x01 with length 13 without corresponding
# submit", libfprint "SSM enroll failed in state 2 with error: transfer
# timed out" (measured with 1.94.9 on Debian 13; libfprint's own test
# suite re-recorded that device).
fprint_version=$(pkg-config --modversion libfprint-2 2>/dev/null)
goodixmoc_skip=
if [ "$(printf '%s\n' 1.94.5 "$fprint_version" | sort -V | tail -n 1)" != 1.94.5 ]; then
    goodixmoc_skip="recorded with libfprint 1.94.5, whose goodixmoc enrollment lacks the command $fprint_version sends first"
fi

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
    grep -av '^[0-9a-f]*:trace:' "$work/replay-$folder.log" |
        grep -a '^unit\|^moc\|^cleared\|^enroll\|^verify\|^identify\|^private'
    ran=$(sed -n 's/^[0-9a-f]*:trace:winbio:loop_op_start .*: starting \([a-z]*\)\r*$/\1/p' \
          "$work/replay-$folder.log" | tr '\n' ' ')
    echo "libfprint operations: $ran"
    [ "$status" -eq 0 ] && grep -q '^moc: done' "$work/replay-$folder.log" && [ "$ran" = "$expected " ]
}

# replay_private WINE EXE: the same client sets up a private pool on the
# replayed vfs301, whose configuration it finds and adds under the USB
# instance id, and does it all there with the libfprint operations alone
replay_private()
{
    replay_moc vfs301 "$1" "$2" "open enroll verify identify close" --private &&
        grep -aqF 'private pool: unit USB\VID_138A&PID_0005\' "$work/replay-vfs301.log" &&
        grep -aq '^private pool: 1 configuration(s) removed' "$work/replay-vfs301.log"
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
# program lets the sensor go, the same process captures the recorded picture
replay_busy()
{
    wine=$1 exe=$2 out=$work/busy.pgm
    rm -f "$out"
    on_testbed "$recordings/aes2501" --claimed env WINEDEBUG=trace+winbio "$wine" "$exe" "$(winepath_of "$out")" \
        >"$work/busy.log" 2>&1
    status=$?
    grep -a '^unit\|^busy\|^replay\|^testbed' "$work/busy.log"
    opens=$(grep -ac ':trace:winbio:loop_op_start .*: starting open' "$work/busy.log")
    captures=$(grep -ac ':trace:winbio:loop_op_start .*: starting capture' "$work/busy.log")
    echo "libfprint opens: $opens, captures: $captures"
    # several opens per busy capture, and one capture: the one once released
    [ "$status" -eq 0 ] && grep -aq '^busy: done' "$work/busy.log" && [ "$opens" -gt 4 ] && [ "$captures" -eq 1 ] &&
        python3 tests/replay/compare.py "$recordings/aes2501/capture.png" "$out"
}

# every architecture's replays and the demo's two
all_replay_checks=$(($(echo $run_archs | wc -w) * replay_checks + 2))
if [ ! -d "$recordings" ]; then
    skip_section "replays of real sensors" $all_replay_checks "no recordings in $recordings"
elif ! command -v umockdev-run >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    skip_section "replays of real sensors" $all_replay_checks \
        "umockdev-run or python3 not installed (apt-get install umockdev python3)"
else
    for arch in $run_archs; do
        wine=$(loader $arch)
        # The replayed program's libfprint only sees the recorded sensor
        # through umockdev's preload library, which must be built for its
        # architecture; Debian's umockdev package is one architecture only.
        if LD_PRELOAD=libumockdev-preload.so.0 "$wine" --version 2>&1 | grep -q 'cannot be preloaded'; then
            skip_section "$arch replays of real sensors" $replay_checks \
                "umockdev's preload library does not load into $arch programs"
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
        moc_recordings=elanmoc
        if [ -n "$goodixmoc_skip" ]; then
            skip_section "$arch replay goodixmoc" 2 "$goodixmoc_skip"
        else
            moc_recordings="$moc_recordings goodixmoc"
            check "$arch replay goodixmoc: clear, enroll, list, verify, identify, delete" \
                replay_moc goodixmoc "$wine" "$top/build/$arch-windows/replay_moc.exe" \
                    "open clear enroll list verify identify delete close" --clear
        fi
        if [ "$(id -u)" -eq 0 ] && ! setpriv --reuid=nobody --regid=nogroup --clear-groups \
                test -r "$top/build/$arch-windows/replay_capture.exe" 2>/dev/null; then
            skip_section "$arch replay without permission" 1 \
                "user nobody cannot read the build tree (or no setpriv)"
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
        check "$arch replay vfs301 in a private pool under USB\\VID_138A&PID_0005: GUID enrollment, verify, identify" \
            replay_private "$wine" "$top/build/$arch-windows/replay_moc.exe"
        if /usr/bin/python3 -c 'import gi; gi.require_version("UMockdev", "1.0")' 2>/dev/null; then
            check "$arch replay vfs301: unplugged and plugged in again, keeps its unit id, captures" \
                replay_replug "$wine" "$top/build/$arch-windows/replay_replug.exe"
            check "$arch aes2501 held by another program: WINBIO_E_DEVICE_BUSY, captures once released" \
                replay_busy "$wine" "$top/build/$arch-windows/replay_busy.exe"
        else
            skip_section "$arch replays on umockdev's testbed (replug, busy)" 2 \
                "no python3-gi or gir1.2-umockdev-1.0"
        fi
        # each sensor as the driver describes it (tests/replay/units.txt)
        for folder in $image_recordings $moc_recordings; do
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
    check "make demo SENSOR=vfs301: the picture is the recorded one, pixel for pixel" \
        python3 tests/replay/compare.py "$recordings/vfs301/capture.png" "$work/demo.bmp"
fi
# The 32-bit part that cannot run here is one section, as large as what the
# 64-bit programs counted, plus its shell checks: the installed clients
# run (2), the raw captures (2), the prefix's syswow64 copy (1), the real
# sensors' replays, and the three steps of the shared enrollments (their
# ok() calls, about 20).  Not built at all, it also lacks its build
# checks: the builtin mark, the installed files, three client builds and
# the ucrt imports (6).
i386_checks=$((arch_checks + 5 + replay_checks + 20))
if [ -n "$i386_reason" ]; then
    case " $ARCHS " in
    *" i386 "*)
        skip_section "32-bit (i386) tests and shared enrollments between 64-bit and 32-bit programs" \
            $i386_checks "$i386_reason" estimated ;;
    *)
        skip_section "32-bit (i386) build, tests and shared enrollments between 64-bit and 32-bit programs" \
            $((i386_checks + 8)) "$i386_reason" estimated ;;
    esac
fi

echo "with sensors (virtual and recorded ones, and the build's checks): $(totals $no_sensors_counts)" >>"$runs"
print_summary
[ "$failed" -eq 0 ]
