# The figures of bench/run.sh, from its two files:
#   pairs: "<op> <templates>" and for libfprint then WinBio "<us> <CPU us> <us
#          waiting for a CPU> <threads ended> <the program's CPU us> <its
#          feeder's> <its Wine processes'>", one line per pair of neighbouring
#          repetitions; a pair in which a thread ended has no CPU time
#   costs: "handoff <us> <feeder us>" (native_bench) and
#          "latency <enum us> <open+close us> <syscall us> <feeder us>" (winbio_bench)
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

# the q-quantile of the n values of v (sorted in place), interpolated
function quantile(v, n, q,    i, j, x, pos)
{
    for (i = 2; i <= n; i++)
    {
        x = v[i]
        for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]
        v[j + 1] = x
    }
    pos = 1 + (n - 1) * q
    i = int(pos)
    return i >= n ? v[n] : v[i] + (v[i + 1] - v[i]) * (pos - i)
}

# the q-quantile of column field (a "key,index" array) of one operation,
# whose n is in counts
function column(field, key, q, counts,    i, v)
{
    for (i = 1; i <= counts[key]; i++) v[i] = field[key, i]
    return quantile(v, counts[key], q)
}

FILENAME == ARGV[1] {
    key = $1 " " $2
    if (!(key in count)) order[++keys] = key
    n = ++count[key]
    native[key, n] = $3
    winbio[key, n] = $10
    ratio[key, n] = $10 / $3
    extra[key, n] = $10 - $3
    if (!(key in cpu_count)) cpu_count[key] = 0
    if ($6 || $13) next
    n = ++cpu_count[key]
    native_cpu[key, n] = $4
    winbio_cpu[key, n] = $11
    cpu_ratio[key, n] = $11 / $4
    cpu_extra[key, n] = $11 - $4
    native_wait[key, n] = $5
    winbio_wait[key, n] = $12
    program_extra[key, n] = $14 - $7
    feeder_extra[key, n] = $15 - $8
    wineserver[key, n] = $16
    next
}
$1 == "handoff" { handoff[++handoffs] = $2; native_ping[handoffs] = $3 }
$1 == "latency" { enum_us[++latencies] = $2; open_us[latencies] = $3; syscall_us[latencies] = $4; winbio_ping[latencies] = $5 }

# one table: the medians of each side and of the pairs' ratios
function table(title, n_field, w_field, r_field, counts,    k, key, f, r)
{
    printf "%s\n", title
    printf "operation   templates pairs     libfprint        winbio   winbio/libfprint (median of pairs, IQR)   goal 1.02\n"
    for (k = 1; k <= keys; k++)
    {
        key = order[k]
        split(key, f, " ")
        if (!counts[key])
        {
            printf "%-10s %9s %5d\n", f[1], f[2], 0
            continue
        }
        r = column(r_field, key, 0.5, counts)
        printf "%-10s %9s %5d %10.0f us %10.0f us   %6.3f  [%.3f, %.3f]%23s\n", f[1], f[2], counts[key],
               column(n_field, key, 0.5, counts), column(w_field, key, 0.5, counts), r,
               column(r_field, key, 0.25, counts), column(r_field, key, 0.75, counts),
               r <= 1.02 ? "met" : sprintf("missed by %.1f%%", (r - 1.02) * 100)
    }
}

END {
    table("wall time, from the first touch to the result", native, winbio, ratio, count)
    table("\nCPU time of each side (its threads and its feeder's, and for WinBio those of the\n" \
          "wineserver and the other Wine processes of its prefix; pairs in which a thread ended\n" \
          "are left out)", native_cpu, winbio_cpu, cpu_ratio, cpu_count)

    printf "\nthe CPU time WinBio adds (winbio - libfprint, medians of the pairs, us): in the\n"
    printf "program (winbio_bench.exe with winbio.dll and Wine, native_bench), in its feeder\n"
    printf "(tests/vsensor), and in the wineserver and Wine's other processes of its prefix\n"
    printf "operation   templates    in all   the program   the feeder         Wine\n"
    for (k = 1; k <= keys; k++)
    {
        key = order[k]
        if (!cpu_count[key]) continue
        split(key, f, " ")
        printf "%-10s %9s %9.0f %13.0f %12.0f %12.0f\n", f[1], f[2], column(cpu_extra, key, 0.5, cpu_count),
               column(program_extra, key, 0.5, cpu_count), column(feeder_extra, key, 0.5, cpu_count),
               column(wineserver, key, 0.5, cpu_count)
    }

    key = "enroll 0"
    if (!(key in count) || !cpu_count[key]) exit
    hand = quantile(handoff, handoffs, 0.5)
    sys = quantile(syscall_us, latencies, 0.5)
    extra_cpu = column(cpu_extra, key, 0.5, cpu_count)
    printf "\nwhere an enrollment's time goes (medians over the pairs, ms)\n"
    printf "  libfprint's enrollment, natively: virtual_image reads and        %8.2f\n", column(native, key, 0.5, count) / 1000
    printf "    processes 5 images; of it CPU time                             %8.2f\n", column(native_cpu, key, 0.5, cpu_count) / 1000
    printf "  the threads' waits for a CPU (their sum: they overlap), natively %8.2f\n", column(native_wait, key, 0.5, cpu_count) / 1000
    printf "    and for WinBio                                                 %8.2f\n", column(winbio_wait, key, 0.5, cpu_count) / 1000
    printf "  what WinBio adds (winbio - libfprint, pair by pair; IQR)\n"
    printf "    wall time                                                      %8.2f  [%.2f, %.2f]\n",
           column(extra, key, 0.5, count) / 1000, column(extra, key, 0.25, count) / 1000, column(extra, key, 0.75, count) / 1000
    printf "    CPU time                                                       %8.2f  [%.2f, %.2f]\n",
           extra_cpu / 1000, column(cpu_extra, key, 0.25, cpu_count) / 1000, column(cpu_extra, key, 0.75, cpu_count) / 1000
    printf "  of which, estimated from costs measured in the same run:\n"
    printf "    10 unix calls (op_start, 6 op_wait, 2 op_get_data, op_free),\n"
    printf "      at %.3f us each (a Wine syscall, the same crossing)           %8.3f\n", sys, 10 * sys / 1000
    printf "    6 wake-ups of the calling thread by the dll's loop thread\n"
    printf "      (5 stages, the end), at %.1f us (a GCond wake-up, natively)   %8.2f\n", hand, 6 * hand / 1000
    printf "  the feeder: each side's 5 touches are sent (Linux's TCP, Wine's winsock) as\n"
    printf "    the sensor wants them and counted, their replies read afterwards; a whole\n"
    printf "    round trip (PING) takes %.3f natively, %.3f from Wine\n",
           quantile(native_ping, handoffs, 0.5) / 1000, quantile(winbio_ping, latencies, 0.5) / 1000
    printf "  not measured: the programs' start-up (both are started once)\n"
    printf "\ncalls without sensor I/O (winbio, medians of 1000): WinBioEnumBiometricUnits %.1f us,\n",
           quantile(enum_us, latencies, 0.5)
    printf "  WinBioOpenSession + WinBioCloseSession %.1f us\n", quantile(open_us, latencies, 0.5)
}
