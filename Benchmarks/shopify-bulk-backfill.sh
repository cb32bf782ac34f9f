#!/usr/bin/env bash
# Backfills Shopify orders with `aftercart sync --resources orders` (a first sync) against
# the emulator at Shopify's standard limits (REST bucket 40 leaking 2 req/s; GraphQL 100
# points/s, the emulator's defaults), once through a GraphQL bulk query (bulk_backfill =
# true, the default) and once through REST pages (bulk_backfill = false). Prints wall time,
# requests the emulator answered (its /__mock/stats) and the sync's peak RSS (GNU time).
#
# Usage: Benchmarks/shopify-bulk-backfill.sh [ORDERS ...]      (default: 100000)
# Env:   MODES ("bulk rest"), CONFIG=debug|release, SCRATCH (.build), PAGE_SIZE (250).
set -euo pipefail

cd "$(dirname "$0")/.."
CONFIG=${CONFIG:-debug}
MODES=${MODES:-"bulk rest"}
PAGE_SIZE=${PAGE_SIZE:-250}
ORDERS=("$@")
[ ${#ORDERS[@]} -eq 0 ] && ORDERS=(100000)

. Benchmarks/mock-harness.sh
build_binaries

printf '| orders | mode | requests | wall (s) | peak RSS (MB) | records |\n|---|---|---|---|---|---|\n'
for orders in "${ORDERS[@]}"; do
    for mode in $MODES; do
        bulk=true
        [ "$mode" = rest ] && bulk=false
        start_mock --platform shopify --orders "$orders" --seed 3 --bucket-size 40 --rate-limit 2
        url=$MOCK_URL
        token=$(sed -n 's/^access token: //p' "$WORK/mock.out")
        rm -f "$WORK"/bench.sqlite*
        cat >"$WORK/aftercart.toml" <<TOML
[database]
url = "sqlite:$WORK/bench.sqlite"

[[stores]]
name = "bench-shopify"
platform = "shopify"
base_url = "$url"
access_token = { env = "BENCH_SHOPIFY_TOKEN" }
page_size = $PAGE_SIZE
bucket_size = 40
leak_rate = "2"
bulk_backfill = $bulk
TOML
        start=$(date +%s.%N)
        BENCH_SHOPIFY_TOKEN=$token /usr/bin/time -f '%M' -o "$WORK/rss" "$BIN/aftercart" sync \
            --config "$WORK/aftercart.toml" --log-level warning --resources orders >"$WORK/sync.out"
        end=$(date +%s.%N)
        requests=$(curl -s "$url/__mock/stats" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
        records=$(grep -o '[0-9]* records' "$WORK/sync.out" | head -1 | cut -d' ' -f1 || true)
        stop_mock
        awk -v o="$orders" -v m="$mode" -v r="$requests" -v s="$start" -v e="$end" -v k="$(cat "$WORK/rss")" \
            -v n="${records:-?}" 'BEGIN { printf "| %d | %s | %d | %.1f | %.0f | %s |\n", o, m, r, e - s, k / 1024, n }'
    done
done
