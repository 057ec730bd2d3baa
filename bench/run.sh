#!/bin/sh
# Benchmark: WinBio calls under Wine against the same libfprint operations
# called directly, on libfprint's virtual image sensor with the same prints
# fed through the same feeder (tests/vsensor).  Both sides are servers that
# run one repetition per request (bench/native_bench.c, a Linux program,
# and bench/winbio_bench.c, a Windows program), started once, so that
# start-up is never measured; this script alternates them repetition by
# repetition, the side that goes first alternating too, so that both see
# the same machine however its load changes.  It prints per operation the
# two medians and the median of the ratios of the pairs of neighbouring
# repetitions with their interquartile range, for the wall time and for
# the CPU time; then where an enrollment's milliseconds go.
#
# Usage (from the top of the build tree, after make): bench/run.sh [PAIRS]
# PAIRS per operation, default 100 (40% of them for 100 templates, a tenth
# but at least 3 for 1000, whose repetitions take seconds).
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e
pairs=${1:-100}
prints=${PRINTS_DIR:-$(pwd)/build/prints}
. tests/wine-env.sh
work=$(mktemp -d /tmp/winbio-bench.XXXXXX)
native_feeder=
trap 'exec 3>&- 5>&-; [ -n "$native_feeder" ] && kill "$native_feeder"; wine_env_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
cr=$(printf '\r')

# the other fingers identify compares with (drawn once, 8 minutes of CPU)
gallery=$(pwd)/build/prints/gallery
make -s -j2 gallery build/native/native_bench build/native/vsensor build/x86_64-windows/winbio_bench.exe \
    build/x86_64-windows/async_bench.exe

# a prefix of our own: its wineserver's and its other Wine processes' CPU
# time counts for the WinBio side (find_wine_processes)
mkdir -p "$work/prefix"
WINEPREFIX=$work/prefix "$WINESERVER" -f -p &

# one feeder for each side: each process has its own virtual_image socket
wine_env_setup "$work/prefix"
vsensor_start "$work/vn" "$prints"
native_feeder=$vsensor_pid
native_port=$(cat "$work/vn/port")
vsensor_start "$work/vw" "$prints"

# glibc's malloc adapts when it maps and unmaps big blocks, and it adapts
# differently in the small native program and in Wine's process: left to
# itself it maps the native side's image buffers afresh for every image
# (800 page faults, 15 ms of an enrollment here) and not Wine's.  Both
# sides get the same fixed thresholds, so that neither is measured with an
# allocator the other does not have.
malloc=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456

mkfifo "$work/native.in" "$work/native.out" "$work/winbio.in" "$work/winbio.out"
env GLIBC_TUNABLES=$malloc FP_VIRTUAL_IMAGE="$work/vn/image.sock" WINBIO_VSENSOR_PORT="$native_port" \
    build/native/native_bench <"$work/native.in" >"$work/native.out" 2>"$work/native.err" &
native_pid=$!
env GLIBC_TUNABLES=$malloc FP_VIRTUAL_IMAGE="$work/vw/image.sock" WINBIO_VSENSOR_PORT="$(cat "$work/vw/port")" \
    "$WINE64" build/x86_64-windows/winbio_bench.exe <"$work/winbio.in" >"$work/winbio.out" 2>"$work/winbio.err" &
winbio_pid=$!
exec 3>"$work/native.in" 4<"$work/native.out" 5>"$work/winbio.in" 6<"$work/winbio.out"

# send SIDE REQUEST / receive SIDE: one request to one server, and its
# reply line into $reply; a server that dies ends the run with its errors
send()
{
    if [ "$1" = native ]; then printf '%s\n' "$2" >&3; else printf '%s\n' "$2" >&5; fi
}

receive()
{
    if [ "$1" = native ]; then read -r reply <&4 || reply=; else read -r reply <&6 || reply=; fi
    reply=${reply%"$cr"}
    if [ -z "$reply" ]; then
        echo "bench: $1 side stopped:" >&2
        cat "$work/$1.err" >&2
        exit 1
    fi
}

# ask SIDE REQUEST: send and receive, and into $sched what the kernel's
# schedstat says the side's processes did meanwhile: "<CPU us> <us waiting
# for a CPU> <threads that ended> <the server's CPU us> <the feeder's>
# <Wine's>", the CPU time being that of the server, its feeder and, for
# WinBio, the other Wine processes of its prefix (0 natively).  Threads
# are matched by id: one that started meanwhile counts whole, one that
# ended took its time with it, so such a repetition's CPU time is not
# known (stats.awk leaves it out).
ask()
{
    side=$1 request=$2
    if [ "$side" = native ]; then
        set -- $native_pid $native_feeder
    else
        set -- $winbio_pid $vsensor_pid $wine_processes
    fi
    before=$(schedstat "$@")
    send "$side" "$request"
    receive "$side"
    sched=$({ printf '%s\n-\n' "$before"; schedstat "$@"; } |
        awk '$1 == "-" { after = 1; next }
             !after { run[$2] = $3; wait[$2] = $4; next }
             { cpu[$1 < 3 ? $1 : 3] += $3 - run[$2]; waited += $4 - wait[$2]; delete run[$2] }
             END {
                 for (tid in run) ended++
                 printf "%d %d %d %d %d %d", (cpu[1] + cpu[2] + cpu[3]) / 1000, waited / 1000, ended,
                        cpu[1] / 1000, cpu[2] / 1000, cpu[3] / 1000
             }')
}

# the Wine processes of WinBio's prefix but its server: the wineserver,
# services, device drivers, whose work for WinBio counts on its side
find_wine_processes()
{
    for dir in /proc/[0-9]*; do
        [ "${dir#/proc/}" = "$winbio_pid" ] && continue
        case $(readlink "$dir/exe" 2>/dev/null) in
        */wine*|*-preloader) ;;
        *) continue ;;
        esac
        tr '\0' '\n' <"$dir/environ" 2>/dev/null | grep -qx "WINEPREFIX=$work/prefix" && echo "${dir#/proc/}"
    done
}

# schedstat PID...: "<process> <thread id> <ns on a CPU> <ns waiting for
# one>" for each thread of the processes, numbered from 1 in their order
schedstat()
{
    n=0
    for pid; do
        n=$((n + 1))
        for task in /proc/$pid/task/*; do
            read -r run wait slices <"$task/schedstat" 2>/dev/null && echo "$n ${task##*/} $run $wait"
        done
    done
}

# measure REQUEST TEMPLATES COUNT: COUNT pairs of repetitions after one
# pair not counted; each pair becomes the line "<op> <templates>" and for
# libfprint then WinBio "<us>" and $sched
measure()
{
    ask native "$1"
    ask winbio "$1"
    i=0
    while [ $i -lt "$3" ]; do
        if [ $((i % 2)) = 0 ]; then
            ask native "$1"; native="${reply##* } $sched"
            ask winbio "$1"; winbio="${reply##* } $sched"
        else
            ask winbio "$1"; winbio="${reply##* } $sched"
            ask native "$1"; native="${reply##* } $sched"
        fi
        echo "${1%% *} $2 $native $winbio" >>"$work/pairs"
        i=$((i + 1))
    done
}

# the other fingers' templates: enrolled natively the first time (several
# minutes), kept for the next runs, and put into the WinBio side's database
mkdir -p build/bench/templates
ask native "setup $gallery $(pwd)/build/bench/templates"
ask winbio "setup $(winepath_of "$(pwd)/build/bench/templates")"
wine_processes=$(find_wine_processes)

: >"$work/pairs"
measure enroll 0 "$pairs"
measure verify 1 "$pairs"
measure capture - "$pairs"
measure "identify 1" 1 "$pairs"
measure "identify 10" 10 "$pairs"
measure "identify 100" 100 $(((pairs * 2 + 4) / 5))
measure "identify 1000" 1000 $((pairs / 10 > 3 ? pairs / 10 : 3))

# what lies between a WinBio call and libfprint, three times each way
: >"$work/costs"
for i in 1 2 3; do
    ask native handoff; echo "$reply" >>"$work/costs"
    ask winbio latency; echo "$reply" >>"$work/costs"
done
exec 3>&- 5>&-
wait $native_pid $winbio_pid

# the raw figures stay for a closer look: build/bench/pairs.txt, costs.txt
cp "$work/pairs" build/bench/pairs.txt
cp "$work/costs" build/bench/costs.txt
awk -f bench/stats.awk build/bench/pairs.txt build/bench/costs.txt

# asynchronous delivery on the same sensor, in the same prefix
env FP_VIRTUAL_IMAGE="$work/vw/image.sock" WINBIO_VSENSOR_PORT="$(cat "$work/vw/port")" \
    "$WINE64" build/x86_64-windows/async_bench.exe 2>/dev/null | tr -d '\r' >"$work/async.txt"
awk '{ v[$1] = $2 }
     END {
         printf "\nasynchronous delivery (medians, WinBioGetProperty, no sensor I/O)\n"
         printf "  synchronous call            %8.1f us\n", v["sync_call"]
         printf "  call to completion callback %8.1f us   latency %6.1f us (goal 100)\n", v["callback_call"], v["callback_latency"]
         printf "  call to window message      %8.1f us   latency %6.1f us (goal 200)\n", v["message_call"], v["message_latency"]
         printf "captures with one touch each on virtual_image\n"
         printf "  synchronous %.2f/s, asynchronous %.2f/s, ratio %.3f\n", v["sync_captures_per_s"], v["async_captures_per_s"], v["async_captures_per_s"] / v["sync_captures_per_s"]
         printf "cancel of a capture waiting for a finger, to its result: %.1f us (goal 100000)\n", v["cancel_latency"]
     }' "$work/async.txt"
