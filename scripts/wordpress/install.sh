#!/usr/bin/env bash
# Installs what the WordPress integration tests need (a private WordPress + MariaDB run by
# start.sh, a Secret Service for the keychain tests, curl for the tests' own checks), skipping
# what is already present. Idempotent: a second run is one dpkg-query, a few milliseconds.
set -euo pipefail

pkgs=(mariadb-server mariadb-client php-cli php-mysql php-gd php-xml php-mbstring php-intl php-curl
      wordpress wordpress-theme-twentytwentythree
      gnome-keyring dbus dbus-x11 libsecret-tools libdbus-1-dev curl)
# One dpkg-query for all of them (one per package costs ~20 ms each).
# (dpkg-query fails for a package it has never heard of: that just means "missing".)
installed=" $({ dpkg-query -W -f='${db:Status-Abbrev}${Package} \n' "${pkgs[@]}" 2>/dev/null || true; } |
  sed -n 's/^ii *//p' | tr -d '\n') "
need=()
for pkg in "${pkgs[@]}"; do
  [[ "$installed" == *" $pkg "* ]] || need+=("$pkg")
done
((${#need[@]})) || exit 0

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "==> apt-get install ${need[*]}"
# The maintainer scripts would start the system MariaDB and Apache (wordpress depends on
# apache2); the tests run their own private servers. A policy-rc.d answering 101 ("action
# forbidden") stops invoke-rc.d from starting anything during the install. It is removed (or the
# machine's own one put back) afterwards, even if apt fails.
policy=/usr/sbin/policy-rc.d
saved=""
if [ -e "$policy" ]; then
  saved="$(mktemp)"
  $SUDO cp -p "$policy" "$saved"
fi
restore_policy() {
  if [ -n "$saved" ]; then $SUDO cp -p "$saved" "$policy"; rm -f "$saved"; else $SUDO rm -f "$policy"; fi
}
trap restore_policy EXIT
printf '#!/bin/sh\n# Temporary, from scripts/wordpress/install.sh: start no services.\nexit 101\n' |
  $SUDO tee "$policy" >/dev/null
$SUDO chmod 755 "$policy"

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
