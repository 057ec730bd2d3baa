#!/bin/sh
# Runs every test of the project under Wine and prints one closing line:
#   N passed, N failed, N skipped
# counting individual checks (ok() calls) across all test programs.
#
# Started by "make check" from the top of the build tree, which passes
# WINE64, WINESERVER, MINGW_CC, mingw_prefix and ARCHS in the environment.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

top=$(pwd)
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
ARCHS=${ARCHS:-x86_64}
PRINTS_DIR=${PRINTS_DIR:-$top/../shared/data/prints}
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
    grep -E 'Test failed|timed out|unhandled exception|Test succeeded inside todo' "$2" | head -n 5 | \
        sed "s/^/run-tests:     /" >>"$failures"
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
run_test()
{
    label=$1
    shift
    log=$work/test.log
    timeout -k 10 "$TEST_TIMEOUT" "$@" >"$log" 2>&1
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

# test names a winetest program offers
list_tests()
{
    "$WINE64" "$1" --list 2>/dev/null | tr -d '\r' | sed -n 's/^ *\([A-Za-z0-9_]*\)$/\1/p'
}

check "winbio.dll is marked as a Wine builtin" grep -q "Wine builtin DLL" dlldir/x86_64-windows/winbio.dll
note "creating a Wine prefix in $work/prefix"
check "prefix has the build-tree winbio.dll" wine_env_setup "$work/prefix"
vs=$work/vs
if ! vsensor_start "$vs" "$PRINTS_DIR"; then
    note "the virtual sensor feeder did not start"
    exit 1
fi

for arch in $ARCHS; do
    bin=build/$arch-windows
    run_test "$arch harness" "$WINE64" "$bin/harness_test.exe" harness
    for t in $(list_tests "$bin/winbio_test.exe"); do
        run_test "$arch $t" env $sensor_env "$WINE64" "$bin/winbio_test.exe" "$t"
    done
    run_test "$arch storage" "$WINE64" "$bin/storage_test.exe" storage
    # the same enumeration with no sensor at all
    run_test "$arch units, no sensor" "$WINE64" "$bin/winbio_test.exe" units
    for t in $(list_tests "$bin/system_test.exe"); do
        run_test "$arch system $t" env $sensor_env "$WINE64" "$bin/system_test.exe" "$t"
    done
done

# the fixture itself, driven by libfprint directly without Wine
run_test "vsensor" env $sensor_env build/native/vsensor-selftest

# "make install" into a staging directory, then a plain mingw client built
# only against what was installed, run under Wine on the virtual sensors
stage=$work/stage
check "make install" make -s install DESTDIR="$stage"
check "installed dll and Unix library" test -f "$stage$(make -s print-winedlldir)/x86_64-windows/winbio.dll" -a \
      -f "$stage$(make -s print-winedlldir)/x86_64-unix/winbio.so"
check "mingw client builds against the installed headers" \
      "$MINGW_CC" -Wall -Werror -I"$stage$mingw_prefix/include" -o "$work/client.exe" demo/winbio-demo.c \
      -L"$stage$mingw_prefix/lib" -lwinbio
if [ -f "$work/client.exe" ]; then
    check "installed client lists the virtual sensors" sh -c \
        "env $sensor_env '$WINE64' '$work/client.exe' | tr -d '\r' >'$work/client.out' && \
         grep -q 'virtual_image' '$work/client.out' && grep -q 'virtual_device_storage' '$work/client.out'"
    # a process that sees only one of the sensors gives it the same unit id
    check "unit ids stay with their sensors" sh -c \
        "env FP_VIRTUAL_IMAGE='$vs/image.sock' '$WINE64' '$work/client.exe' | tr -d '\r' | \
         grep '^unit .*Virtual image' >'$work/alone.out' && \
         grep '^unit .*Virtual image' '$work/client.out' | cmp -s - '$work/alone.out'"
fi

feeder=$vsensor_pid
vsensor_stop
check "the virtual sensor feeder has exited" sh -c "! kill -0 $feeder 2>/dev/null"
cat "$failures"
[ "$todo" -gt 0 ] && note "$todo checks marked todo (counted as skipped)"
echo "$passed passed, $failed failed, $((skipped + todo)) skipped"
[ "$failed" -eq 0 ]
