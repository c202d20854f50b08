#!/usr/bin/env bash
# Stops the test site started by start.sh (PHP's server and its private MariaDB), by their pid
# files. Harmless when nothing runs. The data stays: start.sh reuses it.
#
# Usage: scripts/wordpress/stop.sh [STATE_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
state="${1:-$repo/target/wordpress}"
[ -d "$state" ] || exit 0
exec 9>"$state/lock"
flock 9

# alive PID NAME: live (not a zombie: PID 1 here does not reap orphans) and really NAME.
alive() {
  [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat")" != Z ] &&
    tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}

# stop PIDFILE NAME GROUP: SIGTERM (to the whole process group if GROUP=1: the PHP server's
# workers), wait up to 30 s, then SIGKILL.
stop() {
  local pidfile="$1" name="$2" group="$3" pid target
  [ -s "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if alive "$pid" "$name"; then
    target="$pid"; [ "$group" = 1 ] && target="-$pid"
    kill -TERM -- "$target" 2>/dev/null || true
    for _ in $(seq 300); do alive "$pid" "$name" || break; sleep 0.1; done
    if alive "$pid" "$name"; then
      echo "stop.sh: $name ($pid) ignored SIGTERM; killing" >&2
      kill -KILL -- "$target" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

stop "$state/php.pid" php 1
stop "$state/mariadb.pid" mariadbd 0
