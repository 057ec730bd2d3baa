#!/bin/sh
# Puts winbio into a Wine source tree as a series of commits, the way it
# would go upstream, and writes the series with git format-patch:
#
#   1  include: the winbio headers, listed in include/Makefile.in
#   2  winbio: the dll with every export and its Unix library (libfprint,
#      optional: a configure.ac check modelled on libusb's); the exports
#      of the later patches are FIXME stubs in stubs.c
#   3  sessions and enrollment (async.c is a placeholder until patch 5)
#   4  matching and sample capture
#   5  the asynchronous API; stubs.c is gone
#   6  the conformance tests
#
# Usage: tools/wine-tree.sh WINE_SOURCE_DIR [OUTPUT_DIR]
#
# WINE_SOURCE_DIR is a Wine git checkout with no local changes, or an
# unpacked source such as Debian's (apt-get source wine), which becomes a
# git repository with the source as its first commit.  A dlls/winbio the
# tree has already (upstream's stub dll) is replaced.  Afterwards the tree
# holds the series as commits, tools/make_makefiles, autoconf and autoheader have
# run, and it can be configured and built.  OUTPUT_DIR (default
# build/wine-patches) receives the patches.  configure and
# include/config.h.in are generated and left out of the series.
#
# Needs git, perl, python3 and autoconf.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 WINE_SOURCE_DIR [OUTPUT_DIR]" >&2; exit 2; }
wine=$(cd "$1" && pwd)
out=${2:-$top/build/wine-patches}
case $out in /*) ;; *) out=$PWD/$out ;; esac

die() { echo "wine-tree: $*" >&2; exit 1; }

for f in configure.ac include/Makefile.in tools/make_makefiles tools/makedep.c; do
    [ -e "$wine/$f" ] || die "$wine is not a Wine source tree (no $f)"
done

name=$(git -C "$top" config user.name || echo "winbio developers")
email=$(git -C "$top" config user.email || echo "winbio@localhost")
export GIT_AUTHOR_NAME="$name" GIT_AUTHOR_EMAIL="$email"
export GIT_COMMITTER_NAME="$name" GIT_COMMITTER_EMAIL="$email"

cd "$wine"
if [ ! -d .git ]; then
    echo "wine-tree: $wine is not a git checkout; committing it as found"
    git init -q
    # generated files, and quilt's copies of the files Debian patches
    printf '%s\n' /configure /include/config.h.in /autom4te.cache/ /tools/config.sub \
        /tools/config.guess /configure~ /include/config.h.in~ /.pc/ >>.git/info/exclude
    git add -A
    git commit -q -m "Wine source as found in $(basename "$wine")"
fi
[ -z "$(git status --porcelain --untracked-files=no)" ] || die "$wine has uncommitted changes"
base=$(git rev-parse HEAD)

src=$top/dlls/winbio
# Which sources each patch adds; what is left over of the exports stays a
# stub until its patch.
p2_srcs="config.c databases.c enum.c files.c identity.c main.c pools.c storage.c units.c
         unix_files.c unix_ops.c unix_usb.c unixlib.c"
p2_hdrs="storage.h unix_private.h unixlib.h winbio_private.h"
p3_srcs="credentials.c device.c enroll.c properties.c session.c"
p4_srcs="bir.c match.c"
p5_srcs="async.c callbacks.c framework.c monitor.c"

# Every source of the dll is in exactly one patch.
all=$(echo $p2_srcs $p3_srcs $p4_srcs $p5_srcs | tr ' ' '\n' | sort)
listed=$(sed -n 's/^[[:space:]]*\([A-Za-z0-9_]*\.c\).*/\1/p' "$src/Makefile.in" | sort)
[ "$all" = "$listed" ] || die "the patch split does not match dlls/winbio/Makefile.in's SOURCES"

commit() {
    git add -A -- "$@"
    git commit -q -F -
}

# tools/make_makefiles, keeping only what it does for winbio: in a tree
# with generated files missing (Debian removes them from its source) it
# also drops those from other makefiles and from wine.inf
make_makefiles() {
    tools/make_makefiles >/dev/null
    others=$(git diff --name-only | grep -v -e '^configure\.ac$' -e '^dlls/winbio/' || true)
    [ -z "$others" ] || git checkout -q -- $others
    ! git diff configure.ac | grep -q '^-[^-]' || die "make_makefiles removed lines from configure.ac"
}

# dlls/winbio/Makefile.in with SOURCES limited to the given entries
write_makefile() {
    sed '/^SOURCES/,$d' "$src/Makefile.in" >dlls/winbio/Makefile.in
    printf 'SOURCES = \\\n' >>dlls/winbio/Makefile.in
    printf '%s\n' "$@" | sort | sed 's/^/\t/; $!s/$/ \\/' >>dlls/winbio/Makefile.in
}

# stubs.c: a FIXME stub for every export defined in the given sources
write_stubs() {
    python3 - "$src" "$@" >dlls/winbio/stubs.c <<'EOF'
import re, sys
src, files = sys.argv[1], sys.argv[2:]
print('''/*
 * winbio.dll: exports implemented by later changes
 *
 * Copyright the winbio project developers
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, write to the Free Software
 * Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA
 */

#include "winbio_private.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);''')
pattern = re.compile(r'^ \*      (\w+) \(winbio\.@\)\n(?: \*.*\n)* \*/\n((HRESULT|void) WINAPI \1\((?:[^)]|\n)*\))\n\{', re.M)
for name in sorted(files):
    for m in pattern.finditer(open('%s/%s' % (src, name)).read()):
        print('''
/***********************************************************************
 *      %s (winbio.@)
 */
%s
{
    FIXME( "stub\\n" );%s
}''' % (m.group(1), m.group(2), '\n    return E_NOTIMPL;' if m.group(3) == 'HRESULT' else ''))
EOF
    # the stubs must cover every export the given sources define
    want=$(cd "$src" && cat "$@" | grep -c '^ \*      [A-Za-z_]* (winbio\.@)$' || true)
    have=$(grep -c '^ \*      [A-Za-z_]* (winbio\.@)$' dlls/winbio/stubs.c || true)
    [ "$want" = "$have" ] || die "stubs.c has $have of $want exports"
}

# 1: the headers
for h in winbio.h winbio_err.h winbio_types.h; do
    cp "$top/include/$h" include/
    grep -q "^[[:space:]]$h[[:space:]]" include/Makefile.in && continue
    awk -v h="$h" '
        /^SOURCES = / { in_sources = 1 }
        in_sources && /^\t/ && !done { name = $1; if (name > h) { print "\t" h " \\"; done = 1 } }
        in_sources && !/\\$/ { in_sources = 0 }
        { print }' include/Makefile.in >include/Makefile.in.new
    mv include/Makefile.in.new include/Makefile.in
    grep -q "^[[:space:]]$h[[:space:]]" include/Makefile.in || die "could not list $h in include/Makefile.in"
done
commit include <<'EOF'
include: Add the Windows Biometric Framework headers.

winbio.h with the client API's prototypes, winbio_types.h with its types
and constants, winbio_err.h with its HRESULTs.
EOF

# 2: the dll, its Unix library and the configure check
[ -d dlls/winbio ] && git rm -q -r dlls/winbio
mkdir -p dlls/winbio
(cd "$src" && cp $p2_srcs $p2_hdrs winbio.spec version.rc winbio.mc "$wine/dlls/winbio/")
write_stubs $p3_srcs $p4_srcs $p5_srcs
write_makefile $p2_srcs stubs.c version.rc winbio.mc

grep -q 'with_fprint' configure.ac || {
    grep -q '^AC_ARG_WITH(freetype,' configure.ac && grep -q '^dnl \*\*\*\* Check for libv4l2 \*\*\*\*$' configure.ac ||
        die "configure.ac has not the places the libfprint check goes to (before --with-freetype and the libv4l2 check)"
    awk '
    /^AC_ARG_WITH\(freetype,/ {
        print "AC_ARG_WITH(fprint,    AS_HELP_STRING([--without-fprint],[do not use libfprint (fingerprint sensors)]))"
    }
    /^dnl \*\*\*\* Check for libv4l2 \*\*\*\*$/ {
        print "dnl **** Check for libfprint ****"
        print "if test \"x$with_fprint\" != \"xno\""
        print "then"
        print "    WINE_PACKAGE_FLAGS(FPRINT,[libfprint-2],[-lfprint-2],,,"
        print "        [AC_CHECK_HEADER([fprint.h],"
        print "            [AC_CHECK_LIB(fprint-2,fp_context_new,"
        print "                [AC_DEFINE(HAVE_LIBFPRINT, 1, [Define to 1 if you have libfprint 2])],"
        print "                [FPRINT_LIBS=\"\"],[$FPRINT_LIBS])],"
        print "            [FPRINT_LIBS=\"\"])])"
        print "fi"
        print "WINE_NOTICE_WITH(fprint,[test \"$ac_cv_lib_fprint_2_fp_context_new\" != \"yes\"],"
        print "                 [libfprint-2 ${notice_platform}development files not found, fingerprint sensors won'"'"'t be supported.])"
        print ""
    }
    { print }' configure.ac >configure.ac.new
    mv configure.ac.new configure.ac
}
git add dlls/winbio
make_makefiles
grep -q '^WINE_CONFIG_MAKEFILE(dlls/winbio)$' configure.ac || die "make_makefiles did not add dlls/winbio"
commit configure.ac dlls/winbio <<'EOF'
winbio: Add the dll with every export and its Unix library.

The Unix library drives fingerprint sensors through libfprint; without
libfprint it is built empty, and the dll then reports no biometric units.
The 22 exports without a public prototype are stubs in the spec file.
Exports implemented by the following changes are FIXME stubs for now.
EOF

# 3: sessions and enrollment, with async.c a placeholder
(cd "$src" && cp $p3_srcs "$wine/dlls/winbio/")
write_stubs $p4_srcs $p5_srcs
cat >dlls/winbio/async.c <<'EOF'
/*
 * winbio.dll: asynchronous handles (not yet)
 *
 * Copyright the winbio project developers
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, write to the Free Software
 * Foundation, Inc., 51 Franklin St, Fifth Floor, Boston, MA 02110-1301, USA
 */

#include "winbio_private.h"

WINE_DEFAULT_DEBUG_CHANNEL(winbio);

/* No handle is asynchronous yet: every call begins at once. */
HRESULT async_begin( WINBIO_SESSION_HANDLE handle, const struct async_call *call, struct session **session )
{
    struct session *grabbed;

    *session = NULL;
    if (!(grabbed = session_grab( handle ))) return E_HANDLE;
    if (FAILED(call->outputs))
    {
        session_release( grabbed );
        return call->outputs;
    }
    return session_start( grabbed, session );
}

HRESULT async_queue_session( struct session *session, const struct async_call *call )
{
    return E_NOTIMPL;
}

HRESULT async_check_notify( const struct async_notify *notify )
{
    FIXME( "asynchronous handles are not supported yet\n" );
    return E_NOTIMPL;
}

BOOL async_job_canceled( struct session *session )
{
    return FALSE;
}

void async_cancel( struct session *session )
{
}

void async_wait( struct session *session )
{
}

BOOL async_in_job( const struct session *session )
{
    return FALSE;
}
EOF
write_makefile $p2_srcs $p3_srcs async.c stubs.c version.rc winbio.mc
commit dlls/winbio <<'EOF'
winbio: Implement sessions and enrollment.

WinBioOpenSession, WinBioCloseSession, WinBioCancel, WinBioWait, unit
locking, the enrollment calls, WinBioEnumEnrollments, WinBioDeleteTemplate
and the unit properties.  Templates are kept in the prefix, in
system32\WinBioDatabase.  Asynchronous handles come later; async.c only
runs every call at once until then.
EOF

# 4: matching and capture
(cd "$src" && cp $p4_srcs "$wine/dlls/winbio/")
write_stubs $p5_srcs
write_makefile $p2_srcs $p3_srcs $p4_srcs async.c stubs.c version.rc winbio.mc
commit dlls/winbio <<'EOF'
winbio: Implement matching and sample capture.

WinBioIdentify, WinBioVerify, WinBioLocateSensor and WinBioCaptureSample,
whose WINBIO_BIR holds the image in the ANSI INCITS 381 layout.
EOF

# 5: the asynchronous API
(cd "$src" && cp $p5_srcs "$wine/dlls/winbio/")
git rm -q dlls/winbio/stubs.c
cp "$src/Makefile.in" dlls/winbio/Makefile.in
commit dlls/winbio <<'EOF'
winbio: Implement the asynchronous API.

Asynchronous sessions and framework handles with results to a completion
callback or a window message, the Windows 7 style *WithCallback calls,
framework change and event monitors, and WinBioAcquireFocus/ReleaseFocus.
EOF

# 6: the tests
mkdir -p dlls/winbio/tests
(cd "$src/tests" && cp Makefile.in *.c *.h "$wine/dlls/winbio/tests/")
git add dlls/winbio/tests
make_makefiles
grep -q '^WINE_CONFIG_MAKEFILE(dlls/winbio/tests)$' configure.ac || die "make_makefiles did not add dlls/winbio/tests"
commit configure.ac dlls/winbio/tests <<'EOF'
winbio/tests: Add conformance tests.
EOF

# the tree is ready to configure (autoconf and autoheader: autoreconf
# would want tools/config.sub, which Debian's source does not have)
autoconf -f
autoheader -f

rm -rf "$out"
mkdir -p "$out"
git format-patch -q -o "$out" "$base..HEAD"
echo "wine-tree: $(git rev-list --count "$base..HEAD") patches in $out:"
(cd "$out" && ls)
