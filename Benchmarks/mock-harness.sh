# Sourced by the Benchmarks/*.sh scripts: builds `aftercart` and `aftercart-mock`, keeps a
# scratch folder, and runs one emulator at a time, stopped on exit.
#
#   build_binaries             # CONFIG (debug) and SCRATCH (.build); sets BIN
#   start_mock ARGS...         # aftercart-mock ARGS in the background; sets MOCK_PID and
#                              # MOCK_URL, its output is in $WORK/mock.out
#   stop_mock                  # stops the emulator started last
# WORK is a fresh temporary folder, removed on exit with the emulator.

build_binaries() {
    SCRATCH=${SCRATCH:-.build}
    swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product aftercart >/dev/null 2>&1
    swift build -c "$CONFIG" --scratch-path "$SCRATCH" --product aftercart-mock >/dev/null 2>&1
    BIN=$(swift build -c "$CONFIG" --scratch-path "$SCRATCH" --show-bin-path 2>/dev/null)
}

WORK=$(mktemp -d)
MOCK_PID=
cleanup() {
    [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null && wait "$MOCK_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# Waits up to 60 s for the emulator's "listening on" line (a million orders take a while).
start_mock() {
    "$BIN/aftercart-mock" "$@" >"$WORK/mock.out" &
    MOCK_PID=$!
    for _ in $(seq 600); do grep -q '^listening on ' "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
    MOCK_URL=$(sed -n 's/^listening on //p' "$WORK/mock.out")
}

stop_mock() {
    kill "$MOCK_PID"
    wait "$MOCK_PID" 2>/dev/null || true
    MOCK_PID=
}
