#!/usr/bin/env bash
# One throwaway PostgreSQL cluster for tests, on 127.0.0.1, with no system
# service: the pieces scripts/with-test-postgres.sh and the restart test use.
#
#   scripts/test-postgres-cluster.sh bin                  # the server's bin folder (installs postgresql if missing)
#   scripts/test-postgres-cluster.sh init DIR PASSWORD    # a cluster in DIR/data, superuser `aftercart`
#   scripts/test-postgres-cluster.sh start DIR PORT       # listens on 127.0.0.1:PORT, socket in DIR
#   scripts/test-postgres-cluster.sh stop DIR             # fast shutdown (immediate if that fails)
#
# As root, the server runs as the unprivileged `postgres` user (PostgreSQL
# refuses root); DIR must then be passable for that user.
set -euo pipefail

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

bin_dir() {
    local bin
    if bin="$(find_bin)"; then
        echo "$bin"
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing: postgresql" >&2
    $sudo apt-get update -qq >&2
    # Debian's package would start a system cluster; where there is no init
    # system, policy-rc.d keeps it from starting services.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    find_bin || { echo "postgresql installed but no initdb found under /usr/lib/postgresql" >&2; return 1; }
}

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    as_owner=(runuser -u postgres --)
fi

command="${1:-}"
case "$command" in
bin)
    bin_dir
    ;;
init)
    dir="$2" password="$3"
    bin="$(bin_dir)"
    mkdir -p "$dir"
    printf '%s\n' "$password" >"$dir/pwfile"
    chmod 600 "$dir/pwfile"
    if ((${#as_owner[@]})); then chown -R postgres: "$dir"; fi
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U aftercart --pwfile="$dir/pwfile" -E UTF8 --locale=C \
        --auth-host=scram-sha-256 --auth-local=trust >"$dir/initdb.log" 2>&1 \
        || { rm -f "$dir/pwfile"; cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    ;;
start)
    dir="$2" port="$3"
    bin="$(bin_dir)"
    # The server outlives this script: it must not keep open any descriptor
    # the caller inherited to us (a test process waits for those to close).
    for fd in $(ls /proc/$$/fd); do
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
    ;;
stop)
    dir="$2"
    bin="$(bin_dir)"
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m fast -w >/dev/null 2>&1 \
        || "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w >/dev/null 2>&1
    ;;
*)
    echo "usage: $0 bin | init DIR PASSWORD | start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
