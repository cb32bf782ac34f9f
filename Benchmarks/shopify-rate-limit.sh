#!/usr/bin/env bash
# Times `aftercart sync --resources orders` against a Shopify emulator whose REST leaky
# bucket is tiny, and compares the time with the bucket's floor:
#
#     floor = max(0, requests - bucket) / leak_rate
#
# (the first `bucket` requests are free, every further one waits 1/leak_rate). `requests`
# and the number of 429s are read from the emulator's own stats (/__mock/stats).
#
# Usage: Benchmarks/shopify-rate-limit.sh [PAGES ...]      (default: 10 40)
# Env:   BUCKET (4), LEAK (2), PAGE_SIZE (250): the emulator's bucket, told to the client as
#        the store's bucket_size and leak_rate (Shopify Plus stores have 80 and 4),
#        CONFIG=debug|release (debug: the sync is bound by the rate limit, not the CPU),
#        SCRATCH (.build; e.g. .build-release to reuse make bench's release build),
#        TELL_CLIENT=0 to leave bucket_size and leak_rate out of the config: the client then
#        learns the bucket from X-Shopify-Shop-Api-Call-Limit (and the rate from its size).
#        LEAK=0 is a store without a limit (floor 0: the ratio column reads n/a).
set -euo pipefail

cd "$(dirname "$0")/.."
BUCKET=${BUCKET:-4}
LEAK=${LEAK:-2}
PAGE_SIZE=${PAGE_SIZE:-250}
CONFIG=${CONFIG:-debug}
TELL_CLIENT=${TELL_CLIENT:-1}
PAGES=("$@")
[ ${#PAGES[@]} -eq 0 ] && PAGES=(10 40)

. Benchmarks/mock-harness.sh
build_binaries

printf '| pages | requests | 429s | wall (s) | floor (s) | ratio |\n|---|---|---|---|---|---|\n'
for pages in "${PAGES[@]}"; do
    orders=$((pages * PAGE_SIZE))
    start_mock --platform shopify --orders "$orders" --seed 3 --bucket-size "$BUCKET" --rate-limit "$LEAK"
    url=$MOCK_URL
    token=$(sed -n 's/^access token: //p' "$WORK/mock.out")
    cat >"$WORK/aftercart.toml" <<TOML
[database]
url = "sqlite:$WORK/bench-$pages.sqlite"

[[stores]]
name = "bench-shopify"
platform = "shopify"
base_url = "$url"
access_token = { env = "BENCH_SHOPIFY_TOKEN" }
page_size = $PAGE_SIZE
TOML
    if [ "$TELL_CLIENT" = 1 ]; then
        printf 'bucket_size = %s\nleak_rate = "%s"\n' "$BUCKET" "$LEAK" >>"$WORK/aftercart.toml"
    fi
    start=$(date +%s.%N)
    BENCH_SHOPIFY_TOKEN=$token "$BIN/aftercart" sync --config "$WORK/aftercart.toml" --log-level warning \
        --resources orders >"$WORK/sync.out"
    end=$(date +%s.%N)
    stats=$(curl -s "$url/__mock/stats")
    requests=$(printf '%s' "$stats" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    throttled=$(printf '%s' "$stats" | { grep -o '"429":[0-9]*' || true; } | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }')
    stop_mock
    awk -v p="$pages" -v r="$requests" -v t="$throttled" -v s="$start" -v e="$end" -v b="$BUCKET" -v l="$LEAK" \
        'BEGIN { wall = e - s; floor = (r > b && l > 0 ? (r - b) / l : 0);
                 printf "| %d | %d | %d | %.2f | %.2f | %s |\n", p, r, t, wall, floor,
                        (floor > 0 ? sprintf("%.3f", wall / floor) : "n/a") }'
done
