#!/usr/bin/env bash
# A client that is not .NET runs the payment lifecycle against a running `wechatpay sandbox`, from the description in
# runtime/WeChatPay.Testing/README.md alone: curl for HTTP, the openssl CLI for RSA signatures, python3's standard
# library for JSON, a notify_url receiver and AES-256-GCM (through ctypes and the system's libcrypto).
#   payment-lifecycle.sh CREDENTIALS_DIR     (the directory `wechatpay sandbox --credentials` filled; RSA merchant)
# Steps: order, payment through the control API, a notification whose first delivery the receiver refuses and whose
# retry it takes, queries, a refund and its notification, and the close of another order. Exit 0 when all hold.
set -euo pipefail

DIR=${1:?usage: payment-lifecycle.sh CREDENTIALS_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
for tool in curl openssl python3; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 127; }
done

py() { python3 "$HERE/lifecycle_helper.py" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }

CONF="$DIR/wechatpay.json"
MCHID=$(py get "$CONF" mchid)
SERIAL=$(py get "$CONF" merchant_serial_no)
PUBLIC_KEY_ID=$(py get "$CONF" public_key_id)
APIV3_KEY=$(py get "$CONF" apiv3_key)
BASE=$(py get "$CONF" base_url); BASE=${BASE%/}
KEY="$DIR/apiclient_key.pem"
PUB="$DIR/pub_key.pem"

WORK=$(mktemp -d)
RECEIVER_PID=
cleanup() {
  if [ -n "$RECEIVER_PID" ]; then kill "$RECEIVER_PID" 2>/dev/null || true; wait "$RECEIVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- signing and verification (WECHATPAY2-SHA256-RSA2048) --------------------------------------------------------

# Authorization for METHOD PATH BODY: RSA SHA-256 over "METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n".
authorization() {
  local ts nonce sig
  ts=$(date +%s)
  nonce=$(openssl rand -hex 16)
  printf '%s\n%s\n%s\n%s\n%s\n' "$1" "$2" "$ts" "$nonce" "$3" > "$WORK/request.msg"
  sig=$(openssl dgst -sha256 -sign "$KEY" "$WORK/request.msg" | openssl base64 -A)
  printf 'WECHATPAY2-SHA256-RSA2048 mchid="%s",nonce_str="%s",signature="%s",timestamp="%s",serial_no="%s"' \
    "$MCHID" "$nonce" "$sig" "$ts" "$SERIAL"
}

# verify HEADERS_JSON_OR_FILE BODY_FILE: the Wechatpay-* signature over "TIMESTAMP\nNONCE\nBODY\n" with pub_key.pem.
verify() {
  local headers=$1 body=$2 ts nonce sig serial now
  ts=$(py get "$headers" wechatpay-timestamp)
  nonce=$(py get "$headers" wechatpay-nonce)
  sig=$(py get "$headers" wechatpay-signature)
  serial=$(py get "$headers" wechatpay-serial)
  [ "$serial" = "$PUBLIC_KEY_ID" ] || fail "Wechatpay-Serial $serial is not the public key ID $PUBLIC_KEY_ID"
  now=$(date +%s)
  [ $(( now - ts < 0 ? ts - now : now - ts )) -le 300 ] || fail "Wechatpay-Timestamp $ts is more than 5 minutes off"
  { printf '%s\n%s\n' "$ts" "$nonce"; cat "$body"; printf '\n'; } > "$WORK/verify.msg"
  printf '%s' "$sig" | openssl base64 -d -A > "$WORK/verify.sig"
  openssl dgst -sha256 -verify "$PUB" -signature "$WORK/verify.sig" "$WORK/verify.msg" >/dev/null \
    || fail "the signature does not verify"
}

# call METHOD PATH [BODY]: signs, sends, verifies the answer; sets STATUS, leaves the body in $WORK/body.
call() {
  local method=$1 path=$2 body=${3-}
  local args=(-sS -X "$method" -D "$WORK/headers.txt" -o "$WORK/body" -w '%{http_code}'
    -H "Authorization: $(authorization "$method" "$path" "$body")" -H "Accept: application/json")
  [ -n "$body" ] && args+=(-H "Content-Type: application/json" --data-binary "$body")
  STATUS=$(curl "${args[@]}" "$BASE$path")
  python3 -c 'import json,sys
h={}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if ":" in line: k,v=line.split(":",1); h[k.strip().lower()]=v.strip()
json.dump(h, open(sys.argv[2],"w"))' "$WORK/headers.txt" "$WORK/headers.json"
  verify "$WORK/headers.json" "$WORK/body"
}

field() { py get "$WORK/body" "$1"; }
expect() { [ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"; }

# wait_for FILE: a file the receiver writes; polls for up to 60 s (the sandbox retries within seconds).
wait_for() {
  local deadline=$(( $(date +%s) + 60 ))
  until [ -f "$1" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "timed out waiting for $1"
    sleep 0.1
  done
}

# check_notification N EVENT: request N at the receiver is EVENT, signed by WeChat Pay; decrypts it to $WORK/resource.
check_notification() {
  wait_for "$WORK/notify/$1.body"
  verify "$WORK/notify/$1.headers" "$WORK/notify/$1.body"
  expect "event_type" "$(py get "$WORK/notify/$1.body" event_type)" "$2"
  expect "Wechatpay-Signature-Type" "$(py get "$WORK/notify/$1.headers" wechatpay-signature-type)" "WECHATPAY2-SHA256-RSA2048"
  py decrypt "$APIV3_KEY" "$WORK/notify/$1.body" > "$WORK/resource"
}

# ---- the notify_url ---------------------------------------------------------------------------------------------

mkdir "$WORK/notify"
# Started directly (not through the py function) so that $! is python itself; its output goes to a file, so that
# it never holds this script's stdout open.
python3 "$HERE/lifecycle_helper.py" serve "$WORK/port" "$WORK/notify" > "$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
wait_for "$WORK/port"
NOTIFY_URL="http://127.0.0.1:$(cat "$WORK/port")/notify"

# ---- the lifecycle ----------------------------------------------------------------------------------------------

A="SH$(date +%s)$RANDOM"
B="SH$(date +%s)${RANDOM}B"
APPID=wxd678efh567hg6787
order() {
  printf '{"appid":"%s","mchid":"%s","description":"curl lifecycle","out_trade_no":"%s","notify_url":"%s","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}' \
    "$APPID" "$MCHID" "$1" "$NOTIFY_URL"
}

step "order $A"
call POST /v3/pay/transactions/jsapi "$(order "$A")"
expect "prepay status" "$STATUS" 200
echo "   prepay_id $(field prepay_id)"

step "the payer pays it (control API)"
call POST "/sandbox/v1/pay/transactions/out-trade-no/$A/pay" '{"trade_state":"SUCCESS"}'
expect "pay status" "$STATUS" 200
expect "trade_state" "$(field trade_state)" SUCCESS
TRANSACTION_ID=$(field transaction_id)
echo "   transaction_id $TRANSACTION_ID"

step "TRANSACTION.SUCCESS: first delivery refused with 500, the retry accepted"
check_notification 1 TRANSACTION.SUCCESS
check_notification 2 TRANSACTION.SUCCESS
expect "the retry's id" "$(py get "$WORK/notify/2.body" id)" "$(py get "$WORK/notify/1.body" id)"
expect "resource.out_trade_no" "$(py get "$WORK/resource" out_trade_no)" "$A"
expect "resource.transaction_id" "$(py get "$WORK/resource" transaction_id)" "$TRANSACTION_ID"
expect "resource.trade_state" "$(py get "$WORK/resource" trade_state)" SUCCESS
echo "   notification $(py get "$WORK/notify/2.body" id) verified and decrypted"

step "query by out_trade_no and by transaction_id"
call GET "/v3/pay/transactions/out-trade-no/$A?mchid=$MCHID"
expect "query status" "$STATUS" 200
expect "trade_state" "$(field trade_state)" SUCCESS
call GET "/v3/pay/transactions/id/$TRANSACTION_ID?mchid=$MCHID"
expect "out_trade_no" "$(field out_trade_no)" "$A"

step "refund 40 of 100 fen"
call POST /v3/refund/domestic/refunds "$(printf '{"out_trade_no":"%s","out_refund_no":"R%s","reason":"lifecycle","notify_url":"%s","amount":{"refund":40,"total":100,"currency":"CNY"}}' "$A" "$A" "$NOTIFY_URL")"
expect "refund status" "$STATUS" 200
expect "status" "$(field status)" PROCESSING

step "REFUND.SUCCESS"
check_notification 3 REFUND.SUCCESS
expect "resource.refund_status" "$(py get "$WORK/resource" refund_status)" SUCCESS
expect "resource.amount.refund" "$(py get "$WORK/resource" amount.refund)" 40
call GET "/v3/refund/domestic/refunds/R$A"
expect "refund query" "$(field status)" SUCCESS
call GET "/v3/pay/transactions/out-trade-no/$A?mchid=$MCHID"
expect "trade_state after the refund" "$(field trade_state)" REFUND

step "order $B, then close it"
call POST /v3/pay/transactions/jsapi "$(order "$B")"
expect "prepay status" "$STATUS" 200
call POST "/v3/pay/transactions/out-trade-no/$B/close" "{\"mchid\":\"$MCHID\"}"
expect "close status" "$STATUS" 204
call GET "/v3/pay/transactions/out-trade-no/$B?mchid=$MCHID"
expect "trade_state" "$(field trade_state)" CLOSED
call POST "/sandbox/v1/pay/transactions/out-trade-no/$B/pay" '{"trade_state":"SUCCESS"}'
expect "paying a closed order" "$STATUS" 400
expect "code" "$(field code)" ORDER_CLOSED

echo "lifecycle complete: every answer and notification verified with openssl"
