#!/usr/bin/env bash
# Native AOT check of the busifavor sample: publishes samples/Busifavor with trim and AOT analyzer warnings
# (IL2xxx/IL3xxx) treated as errors, then runs the binary with no arguments, which starts the sandbox on a loopback
# port in process and runs the whole flow against it. Prints exactly one verdict line, "AOT PASS sample-aot" or
# "AOT FAIL sample-aot: <reason>", and "AOT SIZE sample-aot <bytes>" once the binary exists.
NAME=sample-aot
source "$(dirname "$0")/../aot-check.sh"

aot_publish samples/Busifavor Busifavor
aot_run
[ "$RUN_RC" -eq 0 ] || fail "the binary exited with $RUN_RC"
grep -q "✔ verified response" "$WORK/run.out" || fail "the output shows no verified response"
grep -q "^Done:" "$WORK/run.out" || fail "the flow did not reach its end"
echo "AOT PASS $NAME"
