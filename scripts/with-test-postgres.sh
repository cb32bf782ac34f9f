#!/usr/bin/env bash
# Runs a command (e.g. `swift test`) with a throwaway PostgreSQL cluster and
# AFTERCART_TEST_POSTGRES_URL pointing at it, so the store tests run on both
# backends. The cluster lives under .build/test-postgres, listens on
# 127.0.0.1 on a free port, needs no system service, and is stopped and
# deleted when the command ends, whatever its outcome.
#
#   scripts/with-test-postgres.sh swift test
#
# The cluster itself is scripts/test-postgres-cluster.sh's (as root, the
# server runs as the unprivileged `postgres` user Debian's package creates).
# Tests that stop and start a server (a restart during a sync) make their
# own cluster with that script: AFTERCART_TEST_POSTGRES_CLUSTER names it.
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cluster_script="$root/scripts/test-postgres-cluster.sh"
# As root, this also creates the postgres user the server runs as.
bin="$("$cluster_script" bin)"

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

base="$root/.build/test-postgres"
mkdir -p "$base"
cluster="$(mktemp -d "$base/cluster.XXXXXX")"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$cluster"
    # The data folder's parents must be passable for the postgres user.
    if ! runuser -u postgres -- test -w "$cluster"; then
        rm -rf "$cluster"
        cluster="$(mktemp -d /tmp/aftercart-test-postgres.XXXXXX)"
        chown postgres: "$cluster"
    fi
fi
password="aftercart-test-$RANDOM$RANDOM"
started=""

stop_cluster() {
    local status=$?
    if [ -n "$started" ]; then "$cluster_script" stop "$cluster" || true; fi
    rm -rf "$cluster"
    exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$cluster_script" init "$cluster" "$password"

# Workers connect over TCP only; the socket lives in the cluster folder.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_is_free "$port" || continue
    if "$cluster_script" start "$cluster" "$port"; then
        started=yes
        break
    fi
done
if [ -z "$started" ]; then
    echo "could not start a test PostgreSQL cluster; its log:" >&2
    cat "$cluster/server.log" >&2 || true
    exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi
"${as_owner[@]}" "$bin/createdb" -h "$cluster" -p "$port" -U aftercart aftercart_test

export AFTERCART_TEST_POSTGRES_URL="postgres://aftercart:$password@127.0.0.1:$port/aftercart_test"
export AFTERCART_TEST_POSTGRES_CLUSTER="$cluster_script"
echo "test PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $cluster/data)"
"$@"
