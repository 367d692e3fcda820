# Shared steps of the .ci/aot.d checks; sourced, not run. A check sets NAME, then calls
#   aot_publish PROJECT BINARY [extra dotnet publish arguments…]   publish with IL2xxx/IL3xxx as errors
#   aot_run [arguments…]                                           run the binary (120 s), output in $WORK/run.out
# and then inspects $WORK/run.out, calling fail on a mismatch and printing "AOT PASS $NAME" at the end.
# PublishAot stays in each project file: a command-line -p:PublishAot=true would reach the netstandard2.0 generator
# too and fail NETSDK1207.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wcp-$NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() { echo "AOT FAIL $NAME: $*"; exit 1; }

command -v dotnet >/dev/null || fail "dotnet SDK not found"

aot_publish() {
  local project=$1 binary=$2
  shift 2
  echo "publishing $project (linux-x64, native AOT)"
  # Own intermediate folders: the check must not share obj/ with a concurrent build of the same tree.
  if ! dotnet publish "$project" -c Release -r linux-x64 -o "$WORK/publish" "$@" \
      -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true \
      -p:UseArtifactsOutput=true -p:ArtifactsPath="$WORK/artifacts" >"$WORK/publish.log" 2>&1; then
    grep -E "error|warning" "$WORK/publish.log" | sort -u | tail -20
    fail "dotnet publish failed (see the errors above)"
  fi
  if grep -qE "warning IL[23][0-9]{3}" "$WORK/publish.log"; then
    grep -E "warning IL[23][0-9]{3}" "$WORK/publish.log" | sort -u | head -20
    fail "trim/AOT warnings in the publish"
  fi
  BINARY="$WORK/publish/$binary"
  [ -x "$BINARY" ] || fail "no native binary at $BINARY"
  echo "AOT SIZE $NAME $(stat -c %s "$BINARY")"
}

aot_run() {
  echo "running $BINARY $*"
  timeout 120 "$BINARY" "$@" >"$WORK/run.out" 2>"$WORK/run.err"
  RUN_RC=$?
  cat "$WORK/run.out"
  cat "$WORK/run.err" >&2
  [ "$RUN_RC" -eq 124 ] && fail "the binary did not finish within 120 s"
  return 0
}
