#!/bin/sh
# CI gate: winbio inside Wine's own tree.  Fetches the Wine source of the
# running Debian release (apt-get source wine, through a deb-src entry this
# script writes), puts winbio into it with tools/wine-tree.sh, configures
# it with --enable-werror and builds dlls/winbio and dlls/winbio/tests:
# for x86_64, then for --enable-archs=i386,x86_64 (new WoW64) when the
# mingw i686 compiler is installed.  Prints each step's time.
#
# Usage: tools/wine-tree-check.sh [WORK_DIR]   (default build/wine-tree)
#
# WINE_TREE_SOURCE=DIR uses that unpacked Wine source instead of fetching
# one (it is copied, never changed).  It also builds dlls/winbio after
# each of patches 2 to 5, in the x86_64 build (about half a minute);
# WINE_TREE_EACH_PATCH=0 leaves that out.
#
# Debian's source is repacked without generated files.  Those this build
# reads are made as Debian's own build makes them: include/wine/
# server_protocol.h by tools/make_requests, the icons' symbolic links and
# the links to autotools-dev's config.sub and config.guess of debian/rules,
# and nls/locale.nls (wrc reads it for every resource) by tools/make_unicode,
# or copied from the installed Wine when that is the same version.  Debian
# builds in the source directory; a build outside it does not find
# ntdll's version.h where its make rule writes it, so the source gets one,
# with what that rule would write.  The other generated sources (the rest
# of make_unicode's tables, make_opengl's and make_vulkan's output, the
# tests' generated.c) are only needed by makedep, which stops on a listed
# file it cannot open: each becomes an empty placeholder.  None of them is
# part of what is built here.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$top/build/wine-tree}
mkdir -p "$work"
work=$(cd "$work" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

die() { echo "wine-tree-check: $*" >&2; exit 1; }
now() { date +%s; }
step_start=$(now)
step() {
    t=$(now)
    echo "wine-tree-check: $1 ($((t - step_start)) s)"
    step_start=$t
}

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo

# What a Wine build needs beyond this project's own dependencies.
need=
for p in flex bison autoconf autotools-dev libxml-libxml-perl unicode-data gcc-mingw-w64-x86-64 dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
    echo "wine-tree-check: installing$need"
    $sudo apt-get install -y --no-install-recommends $need >/dev/null
fi

# 1. the source
if [ -n "${WINE_TREE_SOURCE:-}" ]; then
    pristine=$(cd "$WINE_TREE_SOURCE" && pwd)
else
    . /etc/os-release
    list=/etc/apt/sources.list.d/winbio-deb-src.sources
    if ! grep -rqs "^Types:.*deb-src" /etc/apt/sources.list.d/ && ! grep -qs '^deb-src ' /etc/apt/sources.list; then
        echo "wine-tree-check: adding a deb-src entry for $VERSION_CODENAME in $list"
        printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" "Suites: $VERSION_CODENAME" \
            "Components: main" "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" | $sudo tee "$list" >/dev/null
        $sudo apt-get update >/dev/null || echo "wine-tree-check: apt-get update reported errors; trying the source anyway"
    fi
    rm -rf "$work/src"
    mkdir -p "$work/src"
    (cd "$work/src" && apt-get source -q wine >/dev/null 2>"$work/src.log") ||
        { cat "$work/src.log"; die "apt-get source wine failed"; }
    pristine=$(ls -d "$work"/src/wine-*/ | head -n 1)
    step "fetched $(basename "$pristine")"
fi
version=$(cd "$pristine" && dpkg-parsechangelog -S Version 2>/dev/null || cat VERSION)

# 2. the series
tree=$work/tree
rm -rf "$tree"
cp -a "$pristine" "$tree"
"$top/tools/wine-tree.sh" "$tree" "$work/patches"
step "series written"

# 3. what Debian's source lacks
cd "$tree"
for f in trace request; do
    printf '/* ### make_requests begin ### */\n/* ### make_requests end ### */\n' >server/$f.generated
done
tools/make_requests >/dev/null
# ntdll's version.h is made in the build directory, where the source's
# #include "version.h" does not look in a build outside the source
[ -e dlls/ntdll/unix/version.h ] ||
    printf '#ifndef wine_build\n#define wine_build "wine-%s"\n#endif\n' "$(sed 's/^Wine version //' VERSION)" \
        >dlls/ntdll/unix/version.h
for f in config.sub config.guess; do
    [ -e tools/$f ] || ln -s /usr/share/misc/$f tools/$f
done
if [ -f debian/rules ]; then
    grep -E '^[[:space:]]+ln -sf \.\./\.\./[^ ]+\.svg [^ ]+$' debian/rules | sh
fi
installed=$(dpkg-query -W -f='${Version}' wine 2>/dev/null || true)
if [ -f /usr/share/wine/nls/locale.nls ] && [ "$installed" = "$version" ]; then
    cp /usr/share/wine/nls/locale.nls nls/locale.nls
    echo "wine-tree-check: nls/locale.nls from the installed Wine $installed"
elif [ ! -f nls/locale.nls ]; then
    tools/make_unicode >/dev/null
fi
placeholders=$(python3 - <<'EOF'
import os, re
for root, dirs, files in os.walk('.'):
    dirs[:] = [d for d in dirs if d not in ('.git', '.pc', 'debian')]
    if 'Makefile.in' not in files: continue
    text = open(os.path.join(root, 'Makefile.in'), errors='replace').read().replace('\\\n', ' ')
    parent = re.search(r'^PARENTSRC\s*=\s*(\S+)', text, re.M)
    for m in re.finditer(r'^(SOURCES|[A-Z_]*_SRCS)\s*=(.*)$', text, re.M):
        for name in m.group(2).split():
            path = os.path.normpath(os.path.join(root, name))
            if os.path.lexists(path): continue
            if parent and os.path.lexists(os.path.join(root, parent.group(1), name)): continue
            print(path)
EOF
)
for f in $placeholders; do : >"$f"; done
echo "wine-tree-check: $(echo $placeholders | wc -w) empty placeholders:" $placeholders
step "generated files made"

# 4. configure and build
build() {
    dir=$1; shift
    mkdir -p "$work/$dir"
    cd "$work/$dir"
    "$tree/configure" --enable-werror --without-x --without-freetype "$@" >configure.log 2>&1 ||
        { tail -n 30 configure.log; die "$dir: configure failed"; }
    grep -q '^#define HAVE_LIBFPRINT 1' include/config.h || die "$dir: configure did not find libfprint"
    step "$dir: configured ($*)"
    make -j"$jobs" dlls/winbio/all dlls/winbio/tests/all >make.log 2>&1 ||
        { grep -E 'error|Error' make.log | head -n 30; die "$dir: build failed (see $work/$dir/make.log)"; }
    step "$dir: dlls/winbio and dlls/winbio/tests built"
    ls dlls/winbio/*/winbio.dll dlls/winbio/winbio.so dlls/winbio/tests/*/winbio_test.exe 2>/dev/null || true
}

build build64 --enable-win64

# Patch 1 adds headers only; patches 2 to 5 each build the dll.  configure
# and the tests' directory stay as in the whole series, which is what the
# configured build tree knows.
if [ "${WINE_TREE_EACH_PATCH:-1}" != 0 ]; then
    cd "$tree"
    head=$(git rev-parse HEAD)
    for k in 2 3 4 5; do
        cd "$tree"
        git reset -q --hard
        git checkout -q "$head~$((6 - k))"
        git checkout -q "$head" -- configure.ac dlls/winbio/tests
        cd "$work/build64"
        tools/makedep
        make -j"$jobs" dlls/winbio/all >make-$k.log 2>&1 || { tail -n 20 make-$k.log; die "patches 1-$k do not build"; }
        step "patches 1-$k: dlls/winbio built"
    done
    cd "$tree"
    git reset -q --hard
    git checkout -q "$head"
    cd "$work/build64"
    tools/makedep
fi

if command -v i686-w64-mingw32-gcc >/dev/null; then
    build build-wow64 --enable-archs=i386,x86_64
else
    echo "wine-tree-check: i686-w64-mingw32-gcc missing: the WoW64 (--enable-archs=i386,x86_64) build is skipped"
fi

echo "wine-tree-check: patches in $work/patches:"
ls "$work/patches"
