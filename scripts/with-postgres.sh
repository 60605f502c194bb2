#!/usr/bin/env bash
# Runs a command next to a throw-away PostgreSQL cluster, then stops and deletes the cluster.
#   scripts/with-postgres.sh swift test
#   scripts/with-postgres.sh bash            (a shell with the variables below, to try things by hand)
# The cluster lives in a temporary folder, listens on 127.0.0.1 at a free port (and a Unix socket in that
# folder), and has a database segmenta_test owned by the login role segmenta with a random password
# (scram-sha-256 over TCP, so the tests really authenticate). Exported for the command:
#   SEGMENTA_TEST_POSTGRES_URL  postgresql://segmenta@127.0.0.1:PORT/segmenta_test   (no password in it)
#   PGPASSWORD                  the role's password, which libpq reads from the environment
# Needs Debian's postgresql package (initdb, pg_ctl); as root, the server runs as the postgres user.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARG…]" >&2; exit 2; }

bindir=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && bindir="$dir"; done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir="$(dirname "$(command -v initdb)")"; fi
[ -n "$bindir" ] || { echo "$0: initdb not found; install PostgreSQL: apt-get install -y postgresql" >&2; exit 1; }

as_server=()
if [ "$(id -u)" = 0 ]; then as_server=(runuser -u postgres --); fi

cluster=$(mktemp -d "${TMPDIR:-/tmp}/segmenta-pg.XXXXXX")
chmod 755 "$cluster"
[ ${#as_server[@]} -eq 0 ] || chown postgres "$cluster"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')

# Runs on exit, so it must not fail: under `set -e` a failing command here would replace the command's exit status.
stop() {
  if [ -f "$cluster/data/postmaster.pid" ] \
    && ! "${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1; then
    echo "with-postgres: the server did not stop in time; stopping it immediately" >&2
    "${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster" || echo "with-postgres: could not remove $cluster" >&2
}
trap stop EXIT

"${as_server[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres -E UTF8 --locale=C \
  --auth-local=trust --auth-host=scram-sha-256 >"$cluster/initdb.log" 2>&1 \
  || { cat "$cluster/initdb.log" >&2; exit 1; }
"${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$cluster/server.log" >&2; exit 1; }
"${as_server[@]}" "$bindir/psql" -q -v ON_ERROR_STOP=1 -h "$cluster" -p "$port" -U postgres -d postgres \
  -c "CREATE ROLE segmenta LOGIN PASSWORD '$password'" -c "CREATE DATABASE segmenta_test OWNER segmenta"

export SEGMENTA_TEST_POSTGRES_URL="postgresql://segmenta@127.0.0.1:$port/segmenta_test"
export PGPASSWORD="$password"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') at $SEGMENTA_TEST_POSTGRES_URL" >&2
set +e
"$@"
status=$?
set -e
exit $status
