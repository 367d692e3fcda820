#!/usr/bin/env bash
# Native AOT check of the payments sample: publishes samples/Payments with trim and AOT analyzer warnings
# (IL2xxx/IL3xxx) treated as errors, then runs the binary with no arguments: the sandbox and the merchant app start
# on loopback ports in process, and the whole payment runs (order, payment, notification, query, refund, its
# notification, bill). Prints exactly one verdict line, "AOT PASS payments-aot" or "AOT FAIL payments-aot: <reason>",
# and "AOT SIZE payments-aot <bytes>" once the binary exists.
NAME=payments-aot
source "$(dirname "$0")/../aot-check.sh"

aot_publish samples/Payments Payments
aot_run
[ "$RUN_RC" -eq 0 ] || fail "the binary exited with $RUN_RC"
grep -q "✔ verified and decrypted: transaction_id" "$WORK/run.out" || fail "no payment notification was verified and decrypted"
grep -q "✔ REFUND notification verified and decrypted: SUCCESS" "$WORK/run.out" || fail "no refund notification was verified and decrypted"
grep -q "lines, SHA-1 .* checked while reading" "$WORK/run.out" || fail "the bill was not downloaded with its hash checked"
grep -q "^Done:" "$WORK/run.out" || fail "the flow did not reach its end"
echo "AOT PASS $NAME"
