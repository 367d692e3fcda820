#!/usr/bin/env bash
# Native AOT check of generated clients: publishes tests/WeChatPay.Aot for net10.0 (PublishAot=true in its project
# file; a global -p:PublishAot=true would also reach the netstandard2.0 generator and fail NETSDK1207) with warnings,
# trim and AOT analyzer warnings (IL2xxx/IL3xxx) included, treated as errors, then runs the binary: every supported
# call and JSON shape against an in-memory WeChat Pay that checks signatures and signs its answers. Prints exactly one
# verdict line, "AOT PASS generator-aot" or "AOT FAIL generator-aot: <reason>" (and "AOT SIZE generator-aot <bytes>").
set -uo pipefail
cd "$(dirname "$0")/../.."
NAME=generator-aot
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wcp-generator-aot.XXXXXX")
PUBLISH="$WORK/publish"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "AOT FAIL $NAME: $*"; exit 1; }

command -v dotnet >/dev/null || fail "dotnet SDK not found"

echo "publishing tests/WeChatPay.Aot (net10.0, linux-x64, native AOT)"
# Own intermediate folders: the check must not share obj/ with a concurrent build of the same tree.
if ! dotnet publish tests/WeChatPay.Aot -c Release -f net10.0 -r linux-x64 -o "$PUBLISH" \
    -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true \
    -p:UseArtifactsOutput=true -p:ArtifactsPath="$WORK/artifacts" >"$WORK/publish.log" 2>&1; then
  grep -E "error|warning" "$WORK/publish.log" | sort -u | tail -20
  fail "dotnet publish failed (see the errors above)"
fi
if grep -qE "warning IL[23][0-9]{3}" "$WORK/publish.log"; then
  grep -E "warning IL[23][0-9]{3}" "$WORK/publish.log" | sort -u | head -20
  fail "trim/AOT warnings in the publish"
fi

BINARY="$PUBLISH/WeChatPay.Aot"
[ -x "$BINARY" ] || fail "no native binary at $BINARY"
echo "AOT SIZE $NAME $(stat -c %s "$BINARY")"

echo "running $BINARY"
timeout 120 "$BINARY" >"$WORK/run.out" 2>"$WORK/run.err"
rc=$?
cat "$WORK/run.out"
cat "$WORK/run.err" >&2
[ "$rc" -eq 124 ] && fail "the binary did not finish within 120 s"
[ "$rc" -eq 0 ] || fail "the binary exited with $rc ($(grep -c '^FAIL' "$WORK/run.out") failed checks)"
grep -q "^generator AOT checks passed" "$WORK/run.out" || fail "the binary did not report its checks"
echo "AOT PASS $NAME"
