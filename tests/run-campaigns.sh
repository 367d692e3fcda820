#!/usr/bin/env bash
# The campaigns' long form, in one command: every [Trait("Category", "Campaign")] test with WECHATPAY_CAMPAIGN=long.
# Each campaign appends its figures (target, inputs, crashes, seconds, notes) to the report, printed at the end;
# docs/reliability.md holds the figures of a real run. Usage: tests/run-campaigns.sh [report.tsv]
set -euo pipefail
cd "$(dirname "$0")/.."
report="$(realpath -m "${1:-campaign-report.tsv}")"
: > "$report"
export WECHATPAY_CAMPAIGN=long WECHATPAY_CAMPAIGN_REPORT="$report"
for project in tests/WeChatPay.Tests tests/WeChatPay.Testing.Tests; do
  dotnet test "$project" -c Release --filter "Category=Campaign"
done
printf 'target\tinputs\tcrashes\tseconds\tnotes\n'
cat "$report"
