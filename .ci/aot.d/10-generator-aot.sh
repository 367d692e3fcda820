#!/usr/bin/env bash
# Native AOT check of generated clients: publishes tests/WeChatPay.Aot for net10.0 with trim and AOT analyzer
# warnings (IL2xxx/IL3xxx) treated as errors, then runs the binary: every supported call and JSON shape against an
# in-memory WeChat Pay that checks signatures and signs its answers. Prints exactly one verdict line,
# "AOT PASS generator-aot" or "AOT FAIL generator-aot: <reason>" (and "AOT SIZE generator-aot <bytes>").
NAME=generator-aot
source "$(dirname "$0")/../aot-check.sh"

aot_publish tests/WeChatPay.Aot WeChatPay.Aot -f net10.0
aot_run
[ "$RUN_RC" -eq 0 ] || fail "the binary exited with $RUN_RC ($(grep -c '^FAIL' "$WORK/run.out") failed checks)"
grep -q "^generator AOT checks passed" "$WORK/run.out" || fail "the binary did not report its checks"
echo "AOT PASS $NAME"
