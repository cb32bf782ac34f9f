#!/usr/bin/env bash
# Runs the test command ("$@") with a time limit, so a test that hangs fails
# the run with a reason instead of using up CI's whole budget.
#
# The limit is a hang guard, far above a normal run (about 3 minutes on two
# cores): AFTERCART_TEST_TIME_LIMIT seconds, 1800 by default. When it passes,
# the test runner gets SIGQUIT (Swift's backtracer then prints every
# thread), and the script prints the tests that started and never ended and
# the process tree, last, where a truncated CI log still shows them.
set -uo pipefail
limit=${AFTERCART_TEST_TIME_LIMIT:-1800}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=yes,threads=all,interactive=no}

"$@" >"$log" 2>&1 &
pid=$!
tail -n +1 -f --pid="$pid" "$log" &
reader=$!

deadline=$((SECONDS + limit))
while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 2
done

if kill -0 "$pid" 2>/dev/null; then
    runner=$(pgrep -f 'PackageTests\.xctest' | head -1 || true)
    # This script's descendants: the test runner and every child it started.
    processes=$(ps -eo pid=,ppid=,etimes=,args= | python3 -c '
import sys
rows = [line.split(None, 3) for line in sys.stdin if line.strip()]
children = {}
for row in rows:
    children.setdefault(row[1], []).append(row)
def show(pid, depth):
    for row in children.get(pid, []):
        args = row[3].strip() if len(row) > 3 else ""
        print("  " * depth + row[0] + " " + row[2] + "s " + args[:200])
        show(row[0], depth + 1)
show(sys.argv[1], 0)
' "$$" || true)
    if [ -n "$runner" ]; then
        kill -QUIT "$runner" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$runner" 2>/dev/null || break; sleep 2; done
    fi
    pkill -KILL -f 'PackageTests\.xctest' 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    sleep 1
    kill "$reader" 2>/dev/null || true
    echo
    echo "test-watchdog: the tests still ran after $limit s and were stopped."
    echo "Processes at that moment:"
    echo "$processes" | tail -40
    echo "Tests that started and never ended:"
    python3 - "$log" <<'EOF'
import re, sys
started, ended = [], set()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    begun = re.search(r"◇ Test (.+?) started\.", line)
    if begun:
        started.append(begun.group(1))
    finished = re.search(r"[✔✘] Test (.+?) (passed|failed)", line) or re.search(r"Test (.+?) (passed|failed) after", line)
    if finished:
        ended.add(re.sub(r" with \d+ test cases?$", "", finished.group(1)))
for name in started:
    if name not in ended:
        print("  " + name[:300])
EOF
    exit 124
fi

wait "$pid"
status=$?
wait "$reader" 2>/dev/null
exit "$status"
