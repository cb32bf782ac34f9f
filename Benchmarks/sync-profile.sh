#!/usr/bin/env bash
# CPU per order of `aftercart sync --resources orders` end to end (fetch, decode, map, upsert)
# against one emulator, and where that CPU goes: the process's user + system time divided by
# the orders synced, then `perf record -g` of a second sync and its top entries.
#
# Usage: Benchmarks/sync-profile.sh [ORDERS]      (default: 20000)
# Env:   PLATFORM=woocommerce|shopify (woocommerce), CONFIG=release|debug (release),
#        SCRATCH (.build-release for release, .build for debug), PERF=0 to skip the profile,
#        TOP (40): how many `perf report` lines to print, PERF_DATA (a path) to keep the profile. The Shopify emulator runs without a
#        rate limit, so the sync is bound by CPU, as the WooCommerce one is; it reads REST pages
#        (the ones the Python loop reads) unless BULK=1 (the GraphQL bulk backfill, the default).
set -euo pipefail

cd "$(dirname "$0")/.."
ORDERS=${1:-20000}
PLATFORM=${PLATFORM:-woocommerce}
CONFIG=${CONFIG:-release}
[ "$CONFIG" = release ] && SCRATCH=${SCRATCH:-.build-release}
PERF=${PERF:-1}
TOP=${TOP:-40}

. Benchmarks/mock-harness.sh
build_binaries

limit=()
[ "$PLATFORM" = shopify ] && limit=(--rate-limit 0)
start_mock --platform "$PLATFORM" --orders "$ORDERS" --seed 1 "${limit[@]}"
write_config() {
    {
        printf '[database]\nurl = "sqlite:%s"\n\n[[stores]]\nname = "bench"\nplatform = "%s"\nbase_url = "%s"\n' \
            "$1" "$PLATFORM" "$MOCK_URL"
        if [ "$PLATFORM" = shopify ]; then
            printf 'access_token = { env = "BENCH_SHOPIFY_TOKEN" }\nbulk_backfill = %s\n' \
                "$([ "${BULK:-0}" = 1 ] && echo true || echo false)"
        else
            printf 'consumer_key = { env = "BENCH_WOO_KEY" }\nconsumer_secret = { env = "BENCH_WOO_SECRET" }\n'
            printf 'marketing_consent = "unknown"\n'
        fi
    } >"$WORK/aftercart.toml"
}
export BENCH_SHOPIFY_TOKEN BENCH_WOO_KEY BENCH_WOO_SECRET
BENCH_SHOPIFY_TOKEN=$(sed -n 's/^access token: //p' "$WORK/mock.out")
BENCH_WOO_KEY=$(sed -n 's/^consumer key: //p' "$WORK/mock.out")
BENCH_WOO_SECRET=$(sed -n 's/^consumer secret: \([^ ]*\).*/\1/p' "$WORK/mock.out")

sync_once() {
    "$@" "$BIN/aftercart" sync --config "$WORK/aftercart.toml" --log-level error --resources orders >"$WORK/sync.out"
}

write_config "$WORK/timed.sqlite"
/usr/bin/time -f '%e %U %S %M' -o "$WORK/time.out" bash -c \
    "\"$BIN/aftercart\" sync --config \"$WORK/aftercart.toml\" --log-level error --resources orders >\"$WORK/sync.out\""
read -r wall user sys rss <"$WORK/time.out"
awk -v o="$ORDERS" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v p="$PLATFORM" 'BEGIN {
    printf "%s, %d orders: wall %.2f s (%.0f orders/s), CPU user %.2f s + sys %.2f s = %.1f µs per order, peak RSS %.0f MB\n",
        p, o, w, o / w, u, s, (u + s) * 1e6 / o, r / 1024 }'
sed 's/^/    /' "$WORK/sync.out"

if [ "$PERF" = 1 ]; then
    write_config "$WORK/profiled.sqlite"
    data=${PERF_DATA:-$WORK/perf.data}
    sync_once perf record -q -g -o "$data"
    # Inclusive time (children) of each function, the sync's own frames first: where the CPU goes.
    echo "perf report --children (self + callees), top $TOP:"
    perf report -i "$data" --stdio --children --percent-limit 1.5 --sort symbol -g none 2>/dev/null |
        grep -E '^ +[0-9.]+%' | head -n "$TOP" | sed -E 's/ +$//' | cut -c1-180
fi
