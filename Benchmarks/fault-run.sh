#!/usr/bin/env bash
# One `aftercart sync --resources orders` of a 20k-order WooCommerce emulator that misbehaves
# (issue 18): 5% HTTP 500s, 1% answers slower than the store's request timeout, and one order
# whose line item says "quantity": "two" — against the same store clean. Prints the wall time
# of each, the exit status, the summary line and what `aftercart status` lists as rejected.
#
# Usage: Benchmarks/fault-run.sh [ORDERS]      (default: 20000)
# Env:   CONFIG=debug|release, SCRATCH (.build), FAULTS (the emulator's fault spec; empty: none),
#        TIMEOUT (the store's request_timeout; the slow answers take twice as long).
set -euo pipefail

cd "$(dirname "$0")/.."
ORDERS=${1:-20000}
CONFIG=${CONFIG:-debug}
TIMEOUT=${TIMEOUT:-3}
FAULTS=${FAULTS-500:0.05,slow:0.01@$((TIMEOUT * 2))s}
# Page 50 of 100-order pages: deep enough that a blocked walk would lose most of the store.
MALFORMED=$((ORDERS / 2 + 17))

. Benchmarks/mock-harness.sh
build_binaries

# run NAME [aftercart-mock arguments...]: one sync of a fresh database against a fresh emulator.
run() {
    local name=$1
    shift
    start_mock --platform woocommerce --orders "$ORDERS" --seed 18 "$@"
    local url=$MOCK_URL key secret
    key=$(sed -n 's/^consumer key: //p' "$WORK/mock.out")
    secret=$(sed -n 's/^consumer secret: \([^ ]*\).*/\1/p' "$WORK/mock.out")
    cat >"$WORK/$name.toml" <<TOML
[database]
url = "sqlite:$WORK/$name.sqlite"

[[stores]]
name = "bench-woo"
platform = "woocommerce"
base_url = "$url"
consumer_key = { env = "BENCH_WOO_KEY" }
consumer_secret = { env = "BENCH_WOO_SECRET" }
marketing_consent = "unknown"
request_timeout = "${TIMEOUT}s"
TOML
    local start end status=0
    start=$(date +%s.%N)
    BENCH_WOO_KEY=$key BENCH_WOO_SECRET=$secret "$BIN/aftercart" sync --config "$WORK/$name.toml" \
        --log-level error --resources orders >"$WORK/$name.out" 2>"$WORK/$name.err" || status=$?
    end=$(date +%s.%N)
    stop_mock
    awk -v n="$name" -v s="$start" -v e="$end" -v x="$status" \
        'BEGIN { printf "%s: %.1f s wall, exit %d\n", n, e - s, x }'
    sed 's/^/    /' "$WORK/$name.out"
    "$BIN/aftercart" status --config "$WORK/$name.toml" | awk '/^rejected records/ { on = 1 } /^stores / { on = 0 } on' |
        sed 's/^/    /'
}

echo "$ORDERS orders; faults: $FAULTS, request_timeout ${TIMEOUT}s, malformed order index $MALFORMED"
run clean
if [ -n "$FAULTS" ]; then
    run faulty --faults "$FAULTS" --fault-seed 7 --malformed-order "$MALFORMED"
else
    run faulty --malformed-order "$MALFORMED"
fi
