#!/usr/bin/env bash
# The benchmark suite of issues #2 and #5, in one command. It rewrites docs/benchmarks.md and docs/*.svg.
#   tests/WeChatPay.Benchmarks/run.sh              short mode: everything, about 5 min on a 2-core machine (see docs/benchmarks.md)
#   tests/WeChatPay.Benchmarks/run.sh --full       BenchmarkDotNet's default job (much longer)
#   tests/WeChatPay.Benchmarks/run.sh --only percall,signing    a subset: signing, percall, throughput, generator, aot
#   tests/WeChatPay.Benchmarks/run.sh --check      one verified call through every contender, nothing measured
# Builds go to $WCP_ARTIFACTS (default /tmp/wcp-bench), so they never share bin/obj with another build of the tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
export WCP_ARTIFACTS="${WCP_ARTIFACTS:-${TMPDIR:-/tmp}/wcp-bench}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The suite reports the whole command's time in docs/benchmarks.md, its build included.
WCP_BENCH_STARTED_AT=$(date +%s)
export WCP_BENCH_STARTED_AT
# The suite compiles about a dozen projects (its own build, then the three native-AOT apps it publishes). With the
# compiler server each compilation reuses a warm compiler instead of starting one (the suite's build: 29 s instead of
# 51 s here), even where the machine turns the server off (UseSharedCompilation=false). It is shut down at the end.
export UseSharedCompilation=true
status=0
dotnet run -c Release --project tests/WeChatPay.Benchmarks -- "$@" || status=$?
dotnet build-server shutdown --vbcscompiler || true
exit "$status"
