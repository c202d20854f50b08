#!/usr/bin/env bash
# Installs what `make run` / `make test` need on a fresh Debian 12 machine, skipping what is present.
# Idempotent: every step checks first, so a second run costs a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Build: WebKitGTK (Tauri), libjpeg-turbo, libheif, lcms2 (photos), libdbus (the OS keychain). Run: Noto Serif
# (fonts-noto-core), the face the article text is set in. Tests and benchmarks:
# Xvfb + WebKitWebDriver (end-to-end), hunspell-vi (spelling; the hunspell program is the bench reference), exiftool, ImageMagick, libheif
# tools, vips, mate-backgrounds and ICC profiles (photo fixtures and references; libgs-common is
# Ghostscript's CMYK profile, which banthao-media assumes for CMYK photos without one), GNU time,
# LibreOffice Writer (the Word documents the import tests write, and the import benchmark's
# reference), python3-jsonschema (ninjs output checked against IPTC's schema), and xdotool with
# GTK's Python bindings (the end-to-end tests drop a file on the window from a real drag source),
# python3-xlib (keys typed on the X server's keyboard, timed to the pixels they draw: e2e/x-keyboard.py).
# `make dist` checks the .deb with lintian, desktop-file-validate (desktop-file-utils) and appstreamcli.
for pkg in libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev librsvg2-dev fonts-noto-core \
           libturbojpeg0-dev libheif-dev liblcms2-dev libdbus-1-dev \
           xvfb xauth webkit2gtk-driver imagemagick hunspell-vi hunspell \
           libheif-examples libimage-exiftool-perl libvips-tools mate-backgrounds icc-profiles-free colord-data libgs-common time \
           libreoffice-writer-nogui python3-jsonschema xdotool python3-gi gir1.2-gtk-3.0 python3-xlib \
           lintian desktop-file-utils appstream; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  echo "==> apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "==> npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
fi
