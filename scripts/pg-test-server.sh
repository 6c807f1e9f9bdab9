#!/bin/sh
# A throwaway PostgreSQL 15 + PostGIS cluster on loopback for the PostGIS
# tests (Debian's postgresql-15 and postgresql-15-postgis-3 packages).
#
#   scripts/pg-test-server.sh start   initdb + start + CREATE EXTENSION postgis; prints the URL
#   scripts/pg-test-server.sh stop    stops the cluster and removes its data
#   scripts/pg-test-server.sh url     prints the GDAL connection string
#   scripts/pg-test-server.sh pw-url  the same for the role geoevents_pw, which
#                                     logs in with a password and owns nothing
#   scripts/pg-test-server.sh status  exit 0 when running
#
# CTest runs start/stop as FIXTURES_SETUP/FIXTURES_CLEANUP around the tests
# tagged [postgis] (tests/CMakeLists.txt). Environment:
#   GEOEVENTS_PG_PORT  port on 127.0.0.1 (default 54329)
#   GEOEVENTS_PG_DIR   data directory (default /tmp/geoevents-pgtest-PORT)
#   GEOEVENTS_PG_BIN   PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
# PostgreSQL refuses to run as root: as root, the cluster runs as `postgres`.
set -eu

port=${GEOEVENTS_PG_PORT:-54329}
dir=${GEOEVENTS_PG_DIR:-/tmp/geoevents-pgtest-$port}
bin=${GEOEVENTS_PG_BIN:-/usr/lib/postgresql/15/bin}
db=geoevents_test
user=postgres
# A role without privileges that logs in with a password (see start).
pw_user=geoevents_pw
pw_password=geoevents-test-password

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url() { echo "PG:host=127.0.0.1 port=$port dbname=$db user=$user"; }

psql_do() {
    # $1: database, $2: SQL
    "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$1" -v ON_ERROR_STOP=1 -c "$2"
}

running() { [ -f "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; }

start() {
    for tool in initdb pg_ctl psql; do
        [ -x "$bin/$tool" ] || { echo "pg-test-server: $bin/$tool not found (install postgresql-15)" >&2; exit 1; }
    done
    if ! running; then
        rm -rf "$dir"
        mkdir -p "$dir"
        chmod 700 "$dir"
        if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
        if ! as_owner "$bin/initdb" -D "$dir" -A trust -U "$user" -E UTF8 --locale=C --no-sync >"$dir.initdb.log" 2>&1; then
            echo "pg-test-server: initdb failed:" >&2; cat "$dir.initdb.log" >&2; exit 1
        fi
        rm -f "$dir.initdb.log"
        # One role that must give its password (every other connection is
        # trusted): the tests of a wrong password and of tables owned by
        # another role connect as it. pg_hba.conf is read first match first.
        { echo "host all $pw_user 127.0.0.1/32 scram-sha-256"; cat "$dir/pg_hba.conf"; } >"$dir/pg_hba.new"
        mv "$dir/pg_hba.new" "$dir/pg_hba.conf"
        if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir/pg_hba.conf"; fi
        if ! as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
                -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null; then
            echo "pg-test-server: the server did not start:" >&2; cat "$dir/server.log" >&2 || true; exit 1
        fi
    fi
    if ! "$bin/psql" -X -tA -h 127.0.0.1 -p "$port" -U "$user" -d postgres \
            -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
        psql_do postgres "CREATE DATABASE $db"
    fi
    if ! "$bin/psql" -X -tA -h 127.0.0.1 -p "$port" -U "$user" -d postgres \
            -c "SELECT 1 FROM pg_roles WHERE rolname = '$pw_user'" | grep -q 1; then
        psql_do postgres "CREATE ROLE $pw_user LOGIN PASSWORD '$pw_password'"
    fi
    if ! psql_do "$db" "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>"$dir.ext.log"; then
        echo "pg-test-server: CREATE EXTENSION postgis failed (install postgresql-15-postgis-3):" >&2
        cat "$dir.ext.log" >&2; rm -f "$dir.ext.log"; exit 1
    fi
    rm -f "$dir.ext.log"
    url
}

stop() {
    if running; then as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    pw-url) echo "PG:host=127.0.0.1 port=$port dbname=$db user=$pw_user password=$pw_password" ;;
    status) running ;;
    *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
