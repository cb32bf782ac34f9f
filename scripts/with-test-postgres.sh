#!/usr/bin/env bash
# Runs a command (e.g. `swift test`) with a throwaway PostgreSQL cluster and
# AFTERCART_TEST_POSTGRES_URL pointing at it, so the store tests run on both
# backends. The cluster lives under .build/test-postgres, listens on
# 127.0.0.1 on a free port, needs no system service, and is stopped and
# deleted when the command ends, whatever its outcome.
#
#   scripts/with-test-postgres.sh swift test
#
# As root (CI), initdb and pg_ctl run as the unprivileged `postgres` user
# that Debian's package creates; as any other user they run directly.
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"

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

if ! bin="$(find_bin)"; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing: postgresql"
    $sudo apt-get update -qq
    # Debian's package would start a system cluster; policy-rc.d keeps it
    # from starting services where there is no init system.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin="$(find_bin)" || { echo "postgresql installed but no initdb found under /usr/lib/postgresql" >&2; exit 1; }
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root.
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    as_owner=(runuser -u postgres --)
fi

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

base="$root/.build/test-postgres"
mkdir -p "$base"
cluster="$(mktemp -d "$base/cluster.XXXXXX")"
if ((${#as_owner[@]})); then
    chown postgres: "$cluster"
    # The data folder's parents must be passable for the postgres user.
    if ! runuser -u postgres -- test -w "$cluster"; then
        rm -rf "$cluster"
        cluster="$(mktemp -d /tmp/aftercart-test-postgres.XXXXXX)"
        chown postgres: "$cluster"
    fi
fi
data="$cluster/data"
password="aftercart-test-$RANDOM$RANDOM"
started=""

stop_cluster() {
    local status=$?
    if [ -n "$started" ]; then
        "${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m fast -w >/dev/null 2>&1 \
            || "${as_owner[@]}" "$bin/pg_ctl" -D "$data" stop -m immediate -w >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
    exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$password" >"$cluster/pwfile"
if ((${#as_owner[@]})); then chown postgres: "$cluster/pwfile"; fi
chmod 600 "$cluster/pwfile"
"${as_owner[@]}" "$bin/initdb" -D "$data" -U aftercart --pwfile="$cluster/pwfile" -E UTF8 --locale=C \
    --auth-host=scram-sha-256 --auth-local=trust >"$cluster/initdb.log" 2>&1 \
    || { cat "$cluster/initdb.log" >&2; exit 1; }
rm -f "$cluster/pwfile"

# Workers connect over TCP only; the socket lives in the cluster folder.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$cluster/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $cluster -c fsync=off -c max_connections=200" start >/dev/null; then
        started=yes
        break
    fi
done
if [ -z "$started" ]; then
    echo "could not start a test PostgreSQL cluster; its log:" >&2
    cat "$cluster/server.log" >&2 || true
    exit 1
fi

"${as_owner[@]}" "$bin/createdb" -h "$cluster" -p "$port" -U aftercart aftercart_test

export AFTERCART_TEST_POSTGRES_URL="postgres://aftercart:$password@127.0.0.1:$port/aftercart_test"
echo "test PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
"$@"
