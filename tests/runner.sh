# The counting part of the test runner: run-tests.sh sources it for the
# real run, tests/runner-selftest/run.sh for the runner's self-test, so
# that the self-test checks exactly the code that counts the real totals.
#
# Before sourcing, set work (a private directory) and TEST_TIMEOUT; the
# totals are passed, failed, skipped and todo.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

passed=0
failed=0
skipped=0
todo=0
tests_expected=0
tests_summarised=0

# What the closing line must not hide is repeated just above it, so that a
# log cut to its last lines (as CI shows it) still says what failed, what
# was skipped and what was retried.
failures=$work/failures
warnings=$work/warnings
skips=$work/skips
runs=$work/runs
logdir=$work/logs
: >"$failures"
: >"$warnings"
: >"$skips"
: >"$runs"
mkdir -p "$logdir"
log_serial=0

# printf, not echo: dash's echo would take the backslashes of Windows paths
note() { printf 'run-tests: %s\n' "$*"; }

warn()
{
    note "WARNING $*" | tee -a "$warnings"
}

record_failure()
{
    note "FAILED $1 ($3)" >>"$failures"
    # the lines that say why, then the last ones: how far it got
    { grep -aE 'Test failed|Test marked flaky|timed out|unhandled exception|Test succeeded inside|run-tests:' "$2" |
          head -n 5
      echo "last lines:"
      tail -n 4 "$2"; } | cut -c 1-300 | sed "s/^/run-tests:     /" >>"$failures"
}

# new_log LABEL: sets log_file to a log file of its own for each test, so
# that nothing a previous test left running can be charged to this one
new_log()
{
    log_serial=$((log_serial + 1))
    log_file=$logdir/$log_serial-$(echo "$1" | tr -c 'A-Za-z0-9_\n-' '_').log
}

# skip_section NAME COUNT REASON [estimated]: a part that cannot run is
# COUNT skipped checks (never a pass), listed above the closing line
skip_section()
{
    local size
    size=$(checks "$2")
    [ -n "${4:-}" ] && size="$size (estimated)"
    note "$1 skipped: $3"
    note "skipped $1: $size: $3" >>"$skips"
    skipped=$((skipped + $2))
}

# checks N: "N checks", or "1 check"
checks()
{
    if [ "$1" -eq 1 ]; then echo "1 check"; else echo "$1 checks"; fi
}

# Add the winetest summary of a log to the totals.  Only the last summary
# line counts: it is the test's own, printed after its child processes
# ended, and winetest_wait_child_process() has already added the
# children's failures to it.  Flaky failures are failures.  A program that
# printed no summary, or exited with an error status but reported no
# failure (a crash), counts as one failure more.
count_log()
{
    local label=$1 log=$2 status=$3 summary executed t fl f s lines
    summary=$(sed -n 's/^[0-9a-f]*:[A-Za-z0-9_]*: \([0-9]*\) tests executed (\([0-9]*\) marked as todo, \([0-9]*\) as flaky, \([0-9]*\) failures*), \([0-9]*\) skipped\./\1 \2 \3 \4 \5/p' "$log" |
              awk '{ e = $1; t = $2; fl = $3; f = $4; s = $5 } END { print e + 0, t + 0, fl + 0, f + 0, s + 0, NR }')
    set -- $summary
    executed=$1 t=$2 fl=$3 f=$4 s=$5 lines=$6
    passed=$((passed + executed - t - fl - f))
    f=$((f + fl))
    if [ "$lines" -eq 0 ]; then
        note "$label: no test summary (exit status $status)" | tee -a "$log"
        f=$((f + 1))
    else
        tests_summarised=$((tests_summarised + 1))
        if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
            note "$label: exit status $status with no failure reported" | tee -a "$log"
            f=$((f + 1))
        fi
    fi
    failed=$((failed + f))
    [ "$f" -gt 0 ] && record_failure "$label" "$log" "$f"
    if [ "$s" -gt 0 ]; then
        note "skipped in $label: $(checks "$s"): $(tr -d '\r' <"$log" |
              sed -n 's/^.*Tests skipped: //p' | head -n 1)" >>"$skips"
    fi
    skipped=$((skipped + s))
    todo=$((todo + t))
}

# Windows processes of this prefix other than Wine's own (which run from
# C:\windows\system32 and end with the wineserver): what a test left behind
stray_processes()
{
    [ -n "${WINEPREFIX:-}" ] || return 0
    grep -lzxF "WINEPREFIX=$WINEPREFIX" /proc/[0-9]*/environ 2>/dev/null | while read -r file; do
        pid=${file#/proc/}
        pid=${pid%/environ}
        case $(readlink "/proc/$pid/exe" 2>/dev/null) in
        */wine|*/wine64|*/wine-preloader|*/wine64-preloader) ;;
        *) continue ;;
        esac
        cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)
        case $cmd in
        [Cc]:\\[Ww]indows\\system32\\*|[Cc]:\\[Ww]indows\\syswow64\\*|'') continue ;;
        esac
        printf '%s %s\n' "$pid" "$cmd"
    done
}

# reap_strays LABEL LOG: a finished test's Windows processes get 5 s to
# end, then are killed before the next test starts, and the test fails
reap_strays()
{
    local i=0 strays
    strays=$(stray_processes)
    while [ -n "$strays" ] && [ $i -lt 50 ]; do
        sleep 0.1
        i=$((i + 1))
        strays=$(stray_processes)
    done
    [ -z "$strays" ] && return 0
    printf '%s\n' "$strays" | while read -r pid cmd; do
        note "$1: left a process running, killed: $pid $cmd"
        kill -KILL "$pid" 2>/dev/null
    done >>"$2"
    return 1
}

# start LABEL LOG COMMAND...: runs COMMAND with its output in LOG, and
# returns its status.  A program that failed at once without printing a
# single line never ran (a winetest program prints at least its summary,
# the replay client its unit, and Wine reports a crash): that happens
# rarely when Wine cannot start a process.  Once more, then, with a
# warning above the closing line.
start()
{
    local label=$1 log=$2 started status
    shift 2
    started=$(date +%s)
    "$@" >"$log" 2>&1
    status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ ! -s "$log" ] && \
       [ $(($(date +%s) - started)) -lt 10 ]; then
        warn "$label: did not start (exit status $status, no output), started again"
        "$@" >"$log" 2>&1
        status=$?
    fi
    return $status
}

# run_test LABEL COMMAND...: run one winetest program with a time limit
run_test()
{
    local label=$1 log status strays=0
    shift
    tests_expected=$((tests_expected + 1))
    new_log "$label"
    log=$log_file
    start "$label" "$log" timeout -k 10 "$TEST_TIMEOUT" "$@"
    status=$?
    [ "$status" -eq 124 ] && echo "run-tests: $label: timed out after ${TEST_TIMEOUT}s" >>"$log"
    reap_strays "$label" "$log" || strays=1
    sed "s/^/[$label] /" "$log"
    count_log "$label" "$log" "$status"
    if [ "$strays" -eq 1 ]; then
        failed=$((failed + 1))
        record_failure "$label: left a process running" "$log" 1
    fi
}

# check LABEL COMMAND...: a single shell-level check; one that leaves a
# Windows process running fails as a test does
check()
{
    local label=$1 log status
    shift
    new_log "$label"
    log=$log_file
    "$@" >"$log" 2>&1
    status=$?
    reap_strays "$label" "$log" || status=1
    if [ "$status" -eq 0 ]; then
        passed=$((passed + 1))
        echo "[$label] ok"
    else
        failed=$((failed + 1))
        sed "s/^/[$label] /" "$log"
        echo "[$label] Test failed"
        record_failure "$label" "$log" 1
    fi
}

# client_output OUT COMMAND...: COMMAND's output without carriage returns
# in OUT; the status is COMMAND's, which a pipe into tr would drop
client_output()
{
    local out=$1 status
    shift
    "$@" >"$out.raw"
    status=$?
    tr -d '\r' <"$out.raw" >"$out"
    return $status
}

# fail LABEL REASON: one failure the runner itself found
fail()
{
    local log
    new_log "$1"
    log=$log_file
    note "$1: $2" | tee "$log"
    failed=$((failed + 1))
    record_failure "$1" "$log" 1
}

# run_program LABEL LIST HELPERS COMMAND...: runs each test of a winetest
# program, COMMAND TEST, for every name in LIST (the build's list of the
# program's START_TEST lines) except HELPERS (tests that other tests run).
# A program that does not start, or lists other tests than LIST, fails,
# and each of its tests fails on its own for want of a summary.
run_program()
{
    local label=$1 list=$2 helpers=$3 out t
    shift 3
    new_log "$label --list"
    out=$log_file
    if [ ! -s "$list" ]; then
        fail "$label" "no list of its tests ($list)"
        return
    fi
    timeout -k 10 60 "$@" --list >"$out" 2>&1
    status=$?
    if [ "$status" -ne 0 ]; then
        fail "$label" "--list failed with exit status $status: $(tr -d '\r' <"$out" | head -n 3 | tr '\n' ' ')"
    elif ! tr -d '\r' <"$out" | sed -n 's/^    \([A-Za-z0-9_]*\)$/\1/p' | cmp -s - "$list"; then
        fail "$label" "lists $(tr -d '\r' <"$out" | sed -n 's/^    \([A-Za-z0-9_]*\)$/\1/p' | tr '\n' ' ')instead of $(tr '\n' ' ' <"$list")"
    fi
    for t in $(cat "$list"); do
        case " $helpers " in *" $t "*) continue ;; esac
        run_test "$label $t" "$@" "$t"
    done
}

# totals [P F S]: the counts so far, as print_summary's closing line has
# them; or those since the totals were P passed, F failed and S skipped
totals()
{
    echo "$((passed - ${1:-0})) passed, $((failed - ${2:-0})) failed, $((skipped + todo - ${3:-0})) skipped"
}

# print_summary: what failed, what was skipped and retried, the counts of
# each run that asked for its own (in $runs), and the totals
print_summary()
{
    note "$tests_summarised of the $tests_expected winetest runs gave a summary"
    cat "$warnings" "$skips" "$failures" "$runs"
    [ "$todo" -gt 0 ] && note "$todo checks marked todo (counted as skipped)"
    totals
}
