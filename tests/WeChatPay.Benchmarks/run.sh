#!/usr/bin/env bash
# The benchmark suite of issues #2 and #5, in one command. It rewrites docs/benchmarks.md and docs/*.svg.
#   tests/WeChatPay.Benchmarks/run.sh              short mode: everything, about 5.2 min of benchmarks plus the build on a 2-core machine
#   tests/WeChatPay.Benchmarks/run.sh --full       BenchmarkDotNet's default job (much longer)
#   tests/WeChatPay.Benchmarks/run.sh --only percall,signing    a subset: signing, percall, throughput, generator, aot
#   tests/WeChatPay.Benchmarks/run.sh --check      one verified call through every contender, nothing measured
# Builds go to $WCP_ARTIFACTS (default /tmp/wcp-bench), so they never share bin/obj with another build of the tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
export WCP_ARTIFACTS="${WCP_ARTIFACTS:-${TMPDIR:-/tmp}/wcp-bench}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run -c Release --project tests/WeChatPay.Benchmarks -- "$@"
