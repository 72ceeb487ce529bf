#!/usr/bin/env bash
# Builds the Debian package from a build tree and checks it the way a user meets it:
# its control fields and dependencies, its files, and the installed desktop entry,
# AppStream metainfo, man page, completion and binaries.
# Usage: check_package.sh BUILD_DIR VERSION studio|cli
set -euo pipefail
build=$1 version=$2 flavour=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; echo "FAIL: cpack could not build the package"; exit 1; }
debs=("$work"/strata_"$version"_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { ls "$work"; echo "FAIL: no strata_${version}_*.deb"; exit 1; }
pass "built $(basename "$deb")"

# Control fields and dependencies.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = strata ] && pass "Package: strata" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)'"
for f in Maintainer Description Section Architecture; do
    [ -n "$(field $f)" ] && pass "$f: $(field $f | head -1)" || fail "no $f field"
done
depends=$(field Depends)
wanted=(libqt6core6 libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql libyaml-cpp0.7 libmimalloc2.0)
[ "$flavour" = studio ] && wanted+=(libqt6gui6 libqt6widgets6 qt6-qpa-plugins libqt6svg6)
for d in "${wanted[@]}"; do
    grep -qE "(^|, )$d( |,|$)" <<<"$depends" && pass "depends on $d" || fail "Depends lacks $d: $depends"
done

# Files.
listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|')
files=(/usr/bin/strata /usr/share/man/man1/strata.1.gz /usr/share/bash-completion/completions/strata
       /usr/share/zsh/vendor-completions/_strata /usr/share/strata/examples/habitz/strata.yaml
       /usr/share/strata/examples/habitz/models.yaml)
if [ "$flavour" = studio ]; then
    files+=(/usr/bin/strata-studio /usr/share/applications/strata-studio.desktop
            /usr/share/metainfo/io.github.strata.Studio.metainfo.xml
            /usr/share/icons/hicolor/scalable/apps/strata-studio.svg)
    [ -d "$build/packaging/icons" ] && files+=(/usr/share/icons/hicolor/48x48/apps/strata-studio.png
                                               /usr/share/icons/hicolor/256x256/apps/strata-studio.png)
fi
for f in "${files[@]}"; do
    grep -qxF "$f" <<<"$listing" && pass "ships $f" || fail "missing $f"
done
if grep -E '^/usr/(include|lib/.*\.a$)' <<<"$listing"; then fail "ships headers or static libraries"; fi

# The installed files, unpacked.
root=$work/root
dpkg-deb -x "$deb" "$root"
out=$("$root/usr/bin/strata" --version)
[[ $out =~ ^strata\ ${version//./\\.}(\ \([0-9a-f]{7,}(-dirty)?\))?$ ]] && pass "strata --version: $out" ||
    fail "strata --version printed '$out'"
man_text=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/strata.1.gz" 2>&1)
grep -q "strata - schema migrations" <<<"$man_text" && pass "man -l renders strata(1)" || fail "man page: $man_text"
commands=$("$root/usr/bin/strata" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
for c in $commands; do
    grep -qE "^ +$c( |$)" <<<"$man_text" || fail "the man page does not describe '$c'"
done
pass "the man page describes: $(echo $commands)"
bash -n "$root/usr/share/bash-completion/completions/strata" && pass "bash completion parses" || fail "bash completion syntax"

if [ "$flavour" = studio ]; then
    desktop-file-validate "$root/usr/share/applications/strata-studio.desktop" &&
        pass "desktop-file-validate" || fail "desktop-file-validate"
    appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.strata.Studio.metainfo.xml" &&
        pass "appstreamcli validate --no-net" || fail "appstreamcli validate"
    grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/io.github.strata.Studio.metainfo.xml" &&
        pass "metainfo names release $version" || fail "metainfo lacks release $version"
    out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/strata-studio" --version 2>&1)
    grep -q "$version" <<<"$out" && pass "strata-studio --version: $out" || fail "strata-studio --version: $out"
fi

[ $failures -eq 0 ] && echo "package OK" || { echo "$failures check(s) failed"; exit 1; }
