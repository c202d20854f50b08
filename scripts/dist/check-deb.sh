#!/usr/bin/env bash
# Checks a built .deb (what `make dist` runs after bundling): its control fields, the desktop
# file, the AppStream metainfo and lintian (no error, no warning), then installs it into a
# scratch root (dpkg -x) and checks what it ships, that `banthao --version` runs from there,
# and with ldd that both binaries find every library, each one covered by the package's Depends.
# Usage: check-deb.sh PATH/TO/banthao_*.deb
set -euo pipefail
deb=$(realpath "$1")
fail() { echo "check-deb: $*" >&2; exit 1; }
[ -f "$deb" ] || fail "no such package: $1"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

# ---- control ------------------------------------------------------------------------------
maintainer=$(dpkg-deb -f "$deb" Maintainer)
[[ $maintainer =~ ^[^\<]+\ \<[^@\>]+@[^@\>]+\>$ ]] || fail "Maintainer without a name and an address: '$maintainer'"
# The package names Depends promises, one a line (versions and alternatives' bars dropped).
depends=$(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any//; s/^ +//; s/ +$//' | grep -v '^$')
dups=$(sort <<<"$depends" | uniq -d)
[ -z "$dups" ] || fail "Depends names a package twice: $dups"

# ---- desktop file, metainfo, lintian ------------------------------------------------------
desktop-file-validate "$root/usr/share/applications/banthao.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/vn.banthao.editor.metainfo.xml" >/dev/null ||
  { appstreamcli validate --no-net "$root/usr/share/metainfo/vn.banthao.editor.metainfo.xml"; fail "appstreamcli validate"; }
# Info tags are shown, not fatal. (Lintian's "running with root privileges" note is not about us.)
lintian_out=$(lintian --display-info --fail-on error,warning "$deb" 2>&1 | grep -v 'running with root privileges') ||
  { echo "$lintian_out"; fail "lintian reports errors or warnings"; }
[ -z "$lintian_out" ] || echo "$lintian_out"
lintian_summary="lintian: no error, no warning, $(grep -c '^I: ' <<<"$lintian_out" || true) info tags"

# ---- what it ships ------------------------------------------------------------------------
expected=(
  usr/bin/banthao-app
  usr/bin/banthao
  usr/share/man/man1/banthao.1.gz
  usr/share/man/man1/banthao-app.1.gz
  usr/share/bash-completion/completions/banthao
  usr/share/zsh/vendor-completions/_banthao
  usr/share/fish/vendor_completions.d/banthao.fish
  usr/share/applications/banthao.desktop
  usr/share/metainfo/vn.banthao.editor.metainfo.xml
  usr/share/doc/banthao/copyright
  usr/share/doc/banthao/changelog.gz
)
icons='usr/share/icons/hicolor/*/apps/banthao-app.png'
shipped=$(cd "$root" && find . \( -type f -o -type l \) -printf '%P\n' | sort)
for f in "${expected[@]}"; do
  grep -qxF "$f" <<<"$shipped" || fail "missing from the package: /$f"
done
icon_count=0
while read -r f; do
  # shellcheck disable=SC2053 # $icons is a pattern on purpose
  if [[ $f == $icons ]]; then
    icon_count=$((icon_count + 1))
  else
    printf '%s\n' "${expected[@]}" | grep -qxF "$f" || fail "not expected in the package: /$f"
  fi
done <<<"$shipped"
[ "$icon_count" -gt 0 ] || fail "no icon shipped"

# ---- it runs from the scratch root --------------------------------------------------------
version=$("$root/usr/bin/banthao" --version) || fail "banthao --version failed"
[ "$version" = "banthao $(dpkg-deb -f "$deb" Version)" ] || fail "banthao --version says '$version'"

# ---- libraries: all found, each covered by Depends ----------------------------------------
# Every package Depends brings in, recursively (from the host's dpkg database).
closure=$(sort -u <<<"$depends")
frontier=$closure
while [ -n "$frontier" ]; do
  next=$(while read -r p; do dpkg-query -W -f='${Depends}, ${Pre-Depends}\n' "$p" 2>/dev/null || true; done <<<"$frontier" |
    tr ',|' '\n\n' | sed -E 's/\(.*\)//; s/:any//; s/^ +//; s/ +$//' | grep -v '^$' | sort -u | comm -13 <(echo "$closure") - || true)
  closure=$(sort -u <(echo "$closure") <(echo "$next") | grep -v '^$' || true)
  frontier=$next
done
# The package (name, no architecture) that installed a library file on this host.
owner() {
  local path=$1 p
  for p in "$path" "$(realpath "$path")" "${path#/usr}" "/usr${path}"; do
    dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1 && return
  done
  return 0
}
libs_summary=()
for bin in banthao-app banthao; do
  exe=$root/usr/bin/$bin
  ldd_out=$(ldd "$exe")
  if grep -q 'not found' <<<"$ldd_out"; then
    grep 'not found' <<<"$ldd_out"
    fail "$bin: libraries not found"
  fi
  needed=$(objdump -p "$exe" | awk '/NEEDED/ {print $2}')
  all=0
  while read -r name path; do
    [ -n "$path" ] || continue
    pkg=$(owner "$path")
    [ -n "$pkg" ] || fail "$bin: $name ($path) comes from no package"
    all=$((all + 1))
    if grep -qxF "$name" <<<"$needed"; then
      # Linked directly: Depends must name its package.
      grep -qxF "$pkg" <<<"$depends" || fail "$bin links $name from $pkg, which Depends does not name"
    else
      grep -qxF "$pkg" <<<"$closure" || fail "$bin loads $name from $pkg, which Depends does not bring in"
    fi
  done < <(awk '$2 == "=>" {print $1, $3}' <<<"$ldd_out")
  libs_summary+=("$bin: $all libraries found, $(wc -l <<<"$needed") linked directly, all covered by Depends")
done

echo "---- $(basename "$deb") ($(du -h "$deb" | cut -f1))"
echo "Maintainer: $maintainer"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "$lintian_summary"
echo "desktop-file-validate, appstreamcli validate: clean"
echo "files:"
sed 's|^|  /|' <<<"$shipped"
echo "banthao --version from the scratch root: $version"
printf '%s\n' "${libs_summary[@]}"
