#!/usr/bin/env bash
# Runs a command against the private test WordPress, inside a private D-Bus session with an
# unlocked Secret Service (gnome-keyring), as the sync tests need:
#   install.sh (missing packages), start.sh (site up, STATE_DIR/env), then CMD ARGS... with
#   BANTHAO_WP_URL, BANTHAO_WP_{ADMIN,AUTHOR}_{USER,PASSWORD} and DBUS_SESSION_BUS_ADDRESS set.
# WordPress stays up afterwards (the next run is fast) unless BANTHAO_WP_STOP=1. Exits with
# CMD's status. The keyring is new and empty each run, in a temporary directory: the tests never
# see (or damage) the login keyring in the developer's home.
#
# Usage: scripts/wordpress/with-wordpress.sh CMD [ARGS...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# Always the default state dir: not $BANTHAO_WP_STATE_DIR, which a sourced env file of another
# site would have set.
state="$repo/target/wordpress"
[ $# -ge 1 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

"$here/install.sh"
"$here/start.sh" "$state"
# shellcheck disable=SC1091
. "$state/env"

# dbus-daemon and gnome-keyring-daemon are started here as children of this shell (rather than
# with dbus-run-session and a self-daemonising gnome-keyring-daemon) so that they are killed and
# reaped by pid at the end: PID 1 on these machines reaps no orphans.
tmp="$(mktemp -d)"
bus_pid=""; keyring_pid=""
cleanup() {
  [ -n "$keyring_pid" ] && { kill "$keyring_pid" 2>/dev/null || true; wait "$keyring_pid" 2>/dev/null || true; }
  [ -n "$bus_pid" ] && { kill "$bus_pid" 2>/dev/null || true; wait "$bus_pid" 2>/dev/null || true; }
  rm -rf "$tmp"
  if [ "${BANTHAO_WP_STOP:-0}" = 1 ]; then "$here/stop.sh" "$state"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The keyring files live in $XDG_DATA_HOME/keyrings and the control socket in $XDG_RUNTIME_DIR:
# point both at the temporary directory for the daemons (the bus passes its environment on to
# anything it activates), and give CMD its own values back.
mkdir -m 700 "$tmp/data" "$tmp/run"
orig_data="${XDG_DATA_HOME-__unset__}"; orig_run="${XDG_RUNTIME_DIR-__unset__}"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"

# As root in a container dbus-daemon logs a harmless "Failed to set fd limit": keep its chatter
# in a file, shown only if the bus does not come up.
dbus-daemon --session --nofork --nopidfile --print-address=3 3>"$tmp/bus-address" 2>"$tmp/dbus.log" &
bus_pid=$!
for _ in $(seq 100); do [ -s "$tmp/bus-address" ] && break; sleep 0.05; done
[ -s "$tmp/bus-address" ] || { cat "$tmp/dbus.log" >&2; echo "with-wordpress.sh: no D-Bus session bus" >&2; exit 1; }
DBUS_SESSION_BUS_ADDRESS="$(head -n1 "$tmp/bus-address")"
export DBUS_SESSION_BUS_ADDRESS

# --unlock reads the password on stdin and creates the "login" keyring with it, unlocked.
pw="$(head -c 18 /dev/urandom | base64)"
printf %s "$pw" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$tmp/keyring.env" 2>"$tmp/keyring.log" &
keyring_pid=$!
# Wait until it owns org.freedesktop.secrets, or the first client would make the bus activate a
# second daemon.
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.05
done
dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' ||
  { cat "$tmp/keyring.log" >&2; echo "with-wordpress.sh: the Secret Service did not come up" >&2; exit 1; }
while IFS= read -r line; do [[ "$line" == *=* ]] && export "${line?}"; done <"$tmp/keyring.env"

if [ "$orig_data" = __unset__ ]; then unset XDG_DATA_HOME; else export XDG_DATA_HOME="$orig_data"; fi
if [ "$orig_run" = __unset__ ]; then unset XDG_RUNTIME_DIR; else export XDG_RUNTIME_DIR="$orig_run"; fi

set +e
"$@"
rc=$?
set -e
exit "$rc"
