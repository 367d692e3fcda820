#!/usr/bin/env bash
# The acceptance path of the packages, as a user meets it: from a fresh clone of this repository's HEAD,
# `dotnet pack`, then `dotnet tool install --add-source`, then the installed `wechatpay` makes a sandbox identity,
# serves the sandbox on a free loopback port, calls it (2xx and an API error), and downloads its certificates.
# Prints "PASS …" per step and "install-from-packages: OK" at the end; exits non-zero on the first failure.
#   tests/WeChatPay.Tool.Tests/install-from-packages.sh [WORKDIR]
set -euo pipefail
ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
WORK=${1:-$(mktemp -d)}
mkdir -p "$WORK"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset WCP_ARTIFACTS
fail() { echo "FAIL $*"; exit 1; }
pass() { echo "PASS $*"; }
SANDBOX_PID=
cleanup() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true; }
trap cleanup EXIT

git clone --quiet --no-local "$ROOT" "$WORK/clone"
(cd "$WORK/clone" && dotnet pack SourceGen.sln -c Release -o "$WORK/packages" > "$WORK/pack.log" 2>&1) || fail "dotnet pack (see $WORK/pack.log)"
ls "$WORK/packages"/WeChatPay.SourceGen.Tool.*.nupkg > /dev/null || fail "no tool package"
pass "dotnet pack: $(cd "$WORK/packages" && ls *.nupkg | tr '\n' ' ')"

dotnet tool install --tool-path "$WORK/tools" --add-source "$WORK/packages" WeChatPay.SourceGen.Tool > "$WORK/install.log" 2>&1 || fail "dotnet tool install (see $WORK/install.log)"
WECHATPAY="$WORK/tools/wechatpay"
[ -x "$WECHATPAY" ] || fail "no wechatpay command after install"
pass "dotnet tool install: $("$WECHATPAY" --version)"

"$WECHATPAY" keys new --credentials "$WORK/id" > "$WORK/keys.out" || fail "keys new"
pass "keys new"

"$WECHATPAY" sandbox --urls http://127.0.0.1:0 --credentials "$WORK/id" > "$WORK/sandbox.out" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 120); do
  grep -q "listening on" "$WORK/sandbox.out" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || fail "the sandbox exited: $(cat "$WORK/sandbox.out")"
  sleep 0.5
done
grep -q "listening on" "$WORK/sandbox.out" || fail "the sandbox did not start within 60 s"
pass "sandbox: $(grep "listening on" "$WORK/sandbox.out")"

MCHID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mchid"])' "$WORK/id/wechatpay.json")
BEGIN=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%S+00:00)
END=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%S+00:00)
cat > "$WORK/stock.json" <<JSON
{"stock_name":"安装测试券","belong_merchant":"$MCHID","comment":"install check","goods_name":"全场可用","stock_type":"NORMAL",
 "coupon_use_rule":{"coupon_available_time":{"available_begin_time":"$BEGIN","available_end_time":"$END"},
   "fixed_normal_coupon":{"discount_amount":500,"transaction_minimum":1000},"use_method":"OFF_LINE"},
 "stock_send_rule":{"max_coupons":10,"max_coupons_per_user":1},"out_request_no":"install-$$","coupon_code_mode":"MERCHANT_UPLOAD"}
JSON
"$WECHATPAY" call POST /v3/marketing/busifavor/stocks --json "@$WORK/stock.json" --credentials "$WORK/id" > "$WORK/created.json" || fail "call POST stocks exited $?"
STOCK=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stock_id"])' "$WORK/created.json")
"$WECHATPAY" call GET "/v3/marketing/busifavor/stocks/$STOCK" --credentials "$WORK/id" > "$WORK/stock.out" || fail "call GET stock"
grep -q "\"stock_id\":\"$STOCK\"" "$WORK/stock.out" || fail "call GET stock printed no stock"
pass "call: created and read stock $STOCK (exit 0)"
set +e
"$WECHATPAY" call GET /v3/marketing/busifavor/stocks/1212000000000000000000001 --credentials "$WORK/id" > /dev/null 2> "$WORK/error.out"
RC=$?
set -e
[ "$RC" -eq 2 ] && grep -q RESOURCE_NOT_EXISTS "$WORK/error.out" || fail "an unknown stock exited $RC: $(cat "$WORK/error.out")"
pass "call: an API error exits 2 ($(head -1 "$WORK/error.out"))"

"$WECHATPAY" certificates download --credentials "$WORK/id" --output "$WORK/certs" > "$WORK/certs.out" || fail "certificates download"
for f in "$WORK/certs"/wechatpay_*.pem; do
  serial=$(basename "$f" .pem); serial=${serial#wechatpay_}
  openssl x509 -in "$f" -noout -serial | grep -qi "serial=0*${serial#0}" || fail "openssl reads another serial from $f"
done
pass "certificates download: $(ls "$WORK/certs" | tr '\n' ' ')"

APIV3=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["apiv3_key"])' "$WORK/id/wechatpay.json")
if cat "$WORK"/*.out "$WORK"/*.json 2>/dev/null | grep -v '"apiv3_key"' | grep -q -e "$APIV3" -e "PRIVATE KEY" -e "Authorization"; then fail "secret material printed"; fi
pass "nothing secret printed"
echo "install-from-packages: OK"
