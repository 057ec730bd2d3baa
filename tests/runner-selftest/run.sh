# The runner's self-test: tests/runner.sh, the code that counts make
# check's totals, counts programs that misbehave on purpose, in a shell
# and a directory of its own, so that none of it reaches the real totals.
# Prints what the runner printed; tests/run-tests.sh checks each line.
#
#   sh tests/runner-selftest/run.sh WINE BINDIR WORKDIR
#
# with WINEPREFIX set to a prefix made for the build tree.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u
wine=$1 bin=$2 work=$3
TEST_TIMEOUT=60
mkdir -p "$work"
. tests/runner.sh

# every test of the misbehaving program, and one that it does not have
cat "$bin/misbehave/testlist.txt" >"$work/expected"
echo vanished >>"$work/expected"
run_program "selftest" "$work/expected" sleeper "$wine" "$bin/misbehave.exe"

# a program that cannot start cannot list its tests either
run_program "noload" "$bin/noload/testlist.txt" "" "$wine" "$bin/noload.exe"

# a client that prints what was expected, then crashes
crashed_client()
{
    client_output "$work/client.out" "$wine" "$bin/misbehave.exe" crash && grep -q 'crashing now' "$work/client.out"
}
check "pipeline" crashed_client

# a shell-level check whose program leaves a child behind
check "check child" "$wine" "$bin/misbehave.exe" child

# a start that fails without a word the first time only
run_test "retried" sh -c "[ -e '$work/started' ] || { touch '$work/started'; exit 1; }; \
                         exec '$wine' '$bin/misbehave.exe' pass"

skip_section "a section" 7 "the self-test skips it" estimated
print_summary
