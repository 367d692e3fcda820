#!/usr/bin/env bash
# Native AOT check of the busifavor sample: publishes samples/Busifavor (PublishAot=true in its project file; a
# command-line -p:PublishAot=true would reach the netstandard2.0 generator too and fail NETSDK1207), trim and AOT analyzer
# warnings (IL2xxx/IL3xxx) treated as errors, then runs the binary with no arguments, which starts the sandbox on a
# loopback port in process and runs the whole flow against it. Prints exactly one verdict line,
# "AOT PASS sample-aot" or "AOT FAIL sample-aot: <reason>", and "AOT SIZE sample-aot <bytes>" once the binary exists.
set -uo pipefail
cd "$(dirname "$0")/../.."
NAME=sample-aot
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wcp-sample-aot.XXXXXX")
PUBLISH="$WORK/publish"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "AOT FAIL $NAME: $*"; exit 1; }

command -v dotnet >/dev/null || fail "dotnet SDK not found"

echo "publishing samples/Busifavor (linux-x64, native AOT)"
# Own intermediate folders: the check must not share obj/ with a concurrent build of the same tree.
if ! dotnet publish samples/Busifavor -c Release -r linux-x64 -o "$PUBLISH" \
    -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true \
    -p:UseArtifactsOutput=true -p:ArtifactsPath="$WORK/artifacts" >"$WORK/publish.log" 2>&1; then
  grep -E "error|warning" "$WORK/publish.log" | sort -u | tail -20
  fail "dotnet publish failed (see the errors above)"
fi
if grep -qE "warning IL[23][0-9]{3}" "$WORK/publish.log"; then
  grep -E "warning IL[23][0-9]{3}" "$WORK/publish.log" | sort -u | head -20
  fail "trim/AOT warnings in the publish"
fi

BINARY="$PUBLISH/Busifavor"
[ -x "$BINARY" ] || fail "no native binary at $BINARY"
echo "AOT SIZE $NAME $(stat -c %s "$BINARY")"

echo "running $BINARY (no arguments: in-process sandbox)"
timeout 120 "$BINARY" >"$WORK/run.out" 2>"$WORK/run.err"
rc=$?
cat "$WORK/run.out"
cat "$WORK/run.err" >&2
[ "$rc" -eq 124 ] && fail "the binary did not finish within 120 s"
[ "$rc" -eq 0 ] || fail "the binary exited with $rc"
grep -q "✔ verified response" "$WORK/run.out" || fail "the output shows no verified response"
grep -q "^Done:" "$WORK/run.out" || fail "the flow did not reach its end"
echo "AOT PASS $NAME"
