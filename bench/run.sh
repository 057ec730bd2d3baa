#!/bin/sh
# Benchmark: WinBio calls under Wine against the same libfprint operations
# called directly, side by side in one run, on libfprint's virtual image
# sensor with the same prints.  Prints the medians and their ratio.
#
# Usage (from the top of the build tree, after make): bench/run.sh [REPEAT]
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -e
repeat=${1:-9}
prints=${PRINTS_DIR:-$(pwd)/build/prints}
. tests/wine-env.sh
work=$(mktemp -d /tmp/winbio-bench.XXXXXX)
trap 'wine_env_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# the other fingers identify compares with (drawn once, several minutes)
gallery=$(pwd)/build/prints/gallery
make -s -j2 gallery build/native/native_bench build/x86_64-windows/winbio_bench.exe build/x86_64-windows/async_bench.exe

# libfprint directly: its own socket, no feeder
FP_VIRTUAL_IMAGE=$work/native.sock build/native/native_bench "$prints" "$repeat" "$gallery" 2>/dev/null >"$work/native.txt"

# the same through winbio.dll under Wine, with only the image sensor
wine_env_setup "$work/prefix"
vsensor_start "$work/vs" "$prints"
env FP_VIRTUAL_IMAGE="$work/vs/image.sock" WINBIO_VSENSOR_PORT="$(cat "$work/vs/port")" \
    "$WINE64" build/x86_64-windows/winbio_bench.exe "$repeat" "$gallery" 2>/dev/null | tr -d '\r' >"$work/winbio.txt"

echo "operation          templates      libfprint        winbio    ratio"
awk 'NR == FNR { native[$1 " " $2] = $3; next }
     {
         key = $1 " " $2
         if (key in native)
             printf "%-18s %9s %11.0f us %11.0f us   %6.3f\n", $1, $2, native[key], $3, $3 / native[key]
         else
             printf "%-18s %9s %14s %11.1f us\n", $1, "-", "-", $3
     }' "$work/native.txt" "$work/winbio.txt"

# asynchronous delivery on the same sensor, in the same prefix
env FP_VIRTUAL_IMAGE="$work/vs/image.sock" WINBIO_VSENSOR_PORT="$(cat "$work/vs/port")" \
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
