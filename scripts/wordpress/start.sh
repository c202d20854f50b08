#!/usr/bin/env bash
# Starts a private WordPress for the sync tests: its own MariaDB (datadir, unix socket, no TCP)
# and PHP's built-in server on 127.0.0.1:PORT, all state under STATE_DIR (default
# target/wordpress). Installs the site on first run and writes STATE_DIR/env with the URL and
# Application Passwords. Idempotent: with everything up it only checks (well under a second);
# after stop.sh it reuses the data (a few seconds).
#
# Usage: scripts/wordpress/start.sh [STATE_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${1:-$repo/target/wordpress}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
# Two test runs starting at once must not both install: one at a time per state dir. (The
# daemons are started with fd 9 closed, or they would hold the lock for ever.)
exec 9>"$state/lock"
flock 9

datadir="$state/mysql"
sock="$state/mysql.sock"       # a unix socket path must stay under 108 bytes
mycnf="$state/my.cnf"
content="$state/content"
wp_config=/etc/wordpress/config-127.0.0.1.php

log() { echo "start.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# running PIDFILE: the pid in PIDFILE lives, whatever it runs yet. PID 1 here does not reap
# orphans, so a killed daemon stays a zombie: count that as dead.
running() {
  local pid
  [ -s "$1" ] || return 1
  pid="$(cat "$1")"
  [ -r "/proc/$pid/stat" ] && [ "$(awk '{print $3}' "/proc/$pid/stat")" != Z ]
}
# alive PIDFILE NAME: running, and really a NAME process.
alive() {
  running "$1" || return 1
  tr '\0' ' ' <"/proc/$(cat "$1")/cmdline" | grep -q -- "$2"
}

# write_if_changed FILE MODE [sudo]: stdin to FILE, only if the content differs.
write_if_changed() {
  local tmp; tmp="$(mktemp)"
  cat >"$tmp"
  if ! cmp -s "$tmp" "$1"; then
    ${3:-} install -m "$2" "$tmp" "$1"
  fi
  rm -f "$tmp"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- port: chosen once, kept in the state dir (WP_HOME and stored URLs carry it) -------------
pick_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }
if [ ! -s "$state/port" ]; then
  pick_port >"$state/port"
fi
port="$(cat "$state/port")"

# ---- MariaDB ---------------------------------------------------------------------------------
user="$(id -un)"
write_if_changed "$mycnf" 600 <<CNF
# Private MariaDB for the WordPress test site (scripts/wordpress/start.sh). No TCP.
[mariadbd]
user=$user
datadir=$datadir
socket=$sock
pid-file=$state/mariadb.pid
log-error=$state/mariadb.err
skip-networking
skip-log-bin
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
default-time-zone=+00:00
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
# Below the container's hard limit: avoids a warning at every start.
open_files_limit=4096
max_connections=50
table_open_cache=1000
# Tests only: speed over durability.
innodb_flush_log_at_trx_commit=2
innodb_doublewrite=0
[client]
user=root
socket=$sock
default-character-set=utf8mb4
CNF

if ! alive "$state/mariadb.pid" mariadbd; then
  if [ ! -d "$datadir/mysql" ]; then
    log "initialising MariaDB datadir"
    rm -rf "$datadir"
    mariadb-install-db --defaults-file="$mycnf" --auth-root-authentication-method=socket \
      --auth-root-socket-user="$user" --skip-test-db >"$state/mariadb-install.log" 2>&1 ||
      { cat "$state/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
    rm -f "$state/db-ready" "$state/installed"
  fi
  rm -f "$sock"
  # setsid: its own session, so it outlives this script and the caller's terminal signals.
  setsid mariadbd --defaults-file="$mycnf" </dev/null >>"$state/mariadb.out" 2>&1 9>&- &
  echo $! >"$state/mariadb.pid"
  for _ in $(seq 300); do
    mariadb-admin --defaults-file="$mycnf" ping >/dev/null 2>&1 && break
    running "$state/mariadb.pid" || { tail -20 "$state/mariadb.err" >&2; die "mariadbd exited"; }
    sleep 0.1
  done
  mariadb-admin --defaults-file="$mycnf" ping >/dev/null 2>&1 || die "MariaDB did not come up (see $state/mariadb.err)"
fi

if [ ! -s "$state/db-password" ]; then
  (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$state/db-password")
  rm -f "$state/db-ready"
fi
dbpw="$(cat "$state/db-password")"
if [ ! -e "$state/db-ready" ]; then
  mariadb --defaults-file="$mycnf" <<SQL
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$dbpw';
ALTER USER 'wordpress'@'localhost' IDENTIFIED BY '$dbpw';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL
  touch "$state/db-ready"
fi

# ---- WordPress config (Debian: /etc/wordpress/config-<host>.php) ------------------------------
mkdir -p "$content/themes" "$content/plugins" "$content/uploads"
ln -sfn /usr/share/wordpress/wp-content/themes/twentytwentythree "$content/themes/twentytwentythree"
if [ ! -s "$state/salts.php" ]; then
  (umask 077
   echo '<?php'
   for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
     echo "define('$k', '$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')');"
   done) >"$state/salts.php"
fi
[ -d /etc/wordpress ] || $SUDO mkdir -p /etc/wordpress
other="$(sed -n "s/^define('BANTHAO_WP_STATE', '\(.*\)');\$/\1/p" "$wp_config" 2>/dev/null || true)"
if [ -n "$other" ] && [ "$other" != "$state" ] && [ -d "$other" ] && alive "$other/php.pid" php; then
  log "warning: $wp_config served the site in $other (still running); it now serves $state and the other site stops working"
fi
# One such site per machine: the file is per Host (127.0.0.1), whatever the port. The port is
# read from the state dir so the file only changes if the state dir moves.
write_if_changed "$wp_config" 644 "$SUDO" <<PHP
<?php
// Written by Bản Thảo's scripts/wordpress/start.sh for the test site in $state.
define('BANTHAO_WP_STATE', '$state');
\$banthao_wp_port = trim(file_get_contents(BANTHAO_WP_STATE . '/port'));
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', trim(file_get_contents(BANTHAO_WP_STATE . '/db-password')));
define('DB_HOST', 'localhost:' . BANTHAO_WP_STATE . '/mysql.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', 'http://127.0.0.1:' . \$banthao_wp_port);
define('WP_SITEURL', 'http://127.0.0.1:' . \$banthao_wp_port);
define('WP_CONTENT_DIR', BANTHAO_WP_STATE . '/content');
define('WP_CONTENT_URL', 'http://127.0.0.1:' . \$banthao_wp_port . '/wp-content');
// Application Passwords need https unless the site says it is local.
define('WP_ENVIRONMENT_TYPE', 'local');
// WP-Cron would call back into the site on every request; tests request /wp-cron.php themselves.
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
require BANTHAO_WP_STATE . '/salts.php';
PHP

# ---- PHP's built-in server --------------------------------------------------------------------
# php_cmd PORT: sets php_cmd_line to the server's exact command line (also used to recognise it).
php_cmd() {
  # Uploads of newsroom photos exceed PHP's 2 MB/8 MB defaults; GD resizing needs memory.
  # -q: no per-request access log (benchmarks make thousands); PHP errors still go to php.log.
  php_cmd_line=(php -q -d upload_max_filesize=256M -d post_max_size=256M -d memory_limit=512M
    -d display_errors=stderr -d log_errors=On
    -S "127.0.0.1:$1" -t /usr/share/wordpress "$here/router.php")
}
if ! alive "$state/php.pid" "-S 127.0.0.1:$port "; then
  if ! port_free "$port"; then
    # Our own server whose pid file was lost? Adopt it rather than start a second one.
    php_cmd "$port"
    want="${php_cmd_line[*]} "
    for c in /proc/[0-9]*/cmdline; do
      pid="${c#/proc/}"; pid="${pid%/cmdline}"
      if [ "$(tr '\0' ' ' <"$c" 2>/dev/null)" = "$want" ] && [ "$(awk '{print $6}' "/proc/$pid/stat")" = "$pid" ]; then
        echo "$pid" >"$state/php.pid"
        break
      fi
    done
  fi
fi
if ! alive "$state/php.pid" "-S 127.0.0.1:$port "; then
  if ! port_free "$port"; then
    # Someone else took the port since the first run: move to a new one (WP_HOME follows).
    log "port $port is taken; picking another"
    pick_port >"$state/port"
    port="$(cat "$state/port")"
  fi
  php_cmd "$port"
  # setsid: the server and its workers form one process group (pgid = pid) that stop.sh kills.
  BANTHAO_WP_CONTENT_DIR="$content" PHP_CLI_SERVER_WORKERS=4 \
    setsid "${php_cmd_line[@]}" </dev/null >>"$state/php.log" 2>&1 9>&- &
  echo $! >"$state/php.pid"
  for _ in $(seq 100); do
    port_free "$port" || break
    # Just forked, the child still shows this script's command line: only its end is a failure.
    running "$state/php.pid" || { tail -20 "$state/php.log" >&2; die "php -S exited"; }
    sleep 0.05
  done
fi
url="http://127.0.0.1:$port"

# ---- install the site, users and Application Passwords (first run only) -----------------------
if [ ! -e "$state/installed" ] || [ ! -s "$state/credentials" ]; then
  log "installing WordPress into the private database"
  (umask 077; php "$here/setup-site.php" "$port" >"$state/credentials.tmp") || die "setup-site.php failed"
  mv "$state/credentials.tmp" "$state/credentials"
  touch "$state/installed"
fi
{
  echo "# Written by scripts/wordpress/start.sh; source it (with-wordpress.sh does)."
  echo "export BANTHAO_WP_URL=$url"
  echo "export BANTHAO_WP_STATE_DIR=$(printf %q "$state")"
  while IFS='=' read -r k v; do
    [ -n "$k" ] && echo "export $k=$(printf %q "$v")"
  done <"$state/credentials"
} | write_if_changed "$state/env" 600

# ---- ready when the REST API authenticates the admin ------------------------------------------
# shellcheck disable=SC1091
. "$state/env"
for i in $(seq 200); do
  # Credentials go to curl on stdin (-K -), never in argv.
  code="$(printf 'user = "%s:%s"\n' "$BANTHAO_WP_ADMIN_USER" "$BANTHAO_WP_ADMIN_PASSWORD" |
    curl -s -o /dev/null -w '%{http_code}' -K - --max-time 10 "$BANTHAO_WP_URL/wp-json/wp/v2/users/me" || true)"
  [ "$code" = 200 ] && exit 0
  [ "$i" -gt 20 ] && [ "$code" = 401 ] && break   # up, but the password is no longer known
  sleep 0.1
done
die "GET $BANTHAO_WP_URL/wp-json/wp/v2/users/me as admin answered $code (see $state/php.log); rm $state/credentials and re-run to mint new Application Passwords"
