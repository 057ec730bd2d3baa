#!/bin/sh
# Every function include/winbio.h declares must be an export of winbio.spec:
# a prototype without one compiles in a client and then fails to link
# (WinBioImproveBegin/End, declared by newer SDKs, are not in the export
# table this dll mirrors).  Prints the names missing, fails if any.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

top=${1:-.}
declared=$(grep -o 'WINAPI[[:space:]]*[A-Za-z_0-9]*(' "$top/include/winbio.h" | sed 's/^WINAPI[[:space:]]*//; s/($//' | sort -u)
[ -n "$declared" ] || { echo "no prototypes found in include/winbio.h"; exit 1; }
missing=0
for name in $declared; do
    if ! grep -Eq "^[^#]*[[:space:]]$name(\(|[[:space:]]|$)" "$top/dlls/winbio/winbio.spec"; then
        echo "declared but not exported: $name"
        missing=$((missing + 1))
    fi
done
echo "$(echo "$declared" | wc -l) prototypes, $missing not exported"
[ "$missing" -eq 0 ]
