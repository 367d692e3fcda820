#!/usr/bin/env bash
# A client that is not .NET: curl, openssl and jq against the standalone sandbox (`wechatpay sandbox`).
# It signs each request (SHA256withRSA over "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n"), verifies each answer's
# signature with the WeChat Pay public key, encrypts sensitive fields with RSA-OAEP (SHA-1) to that key, and
# decrypts the ones that come back with the merchant key. Then it checks the documented answers for a merchant
# transfer (create, query both ways, confirm, cancel) and a profit-sharing receiver whose name is encrypted.
# Usage: catalog-curl.sh CREDENTIALS_DIR   (a directory made by `wechatpay keys new`, served by `wechatpay sandbox`)
set -euo pipefail

dir=${1:?usage: catalog-curl.sh CREDENTIALS_DIR}
settings="$dir/wechatpay.json"
base=$(jq -r .base_url "$settings"); base=${base%/}
mchid=$(jq -r .mchid "$settings")
serial=$(jq -r .merchant_serial_no "$settings")
public_key_id=$(jq -r .public_key_id "$settings")
key="$dir/apiclient_key.pem"
platform="$dir/pub_key.pem"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# call METHOD PATH [BODY] [WECHATPAY_SERIAL]: sets $status, and the verified body in $work/body.
call() {
  local method=$1 path=$2 body=${3:-} platform_serial=${4:-}
  local timestamp nonce signature
  timestamp=$(date +%s)
  nonce=$(openssl rand -hex 16)
  signature=$(printf '%s\n%s\n%s\n%s\n%s\n' "$method" "$path" "$timestamp" "$nonce" "$body" |
    openssl dgst -sha256 -sign "$key" | openssl base64 -A)
  local args=(-sS -X "$method" -o "$work/body" -D "$work/headers" -w '%{http_code}'
    -H "Accept: application/json"
    -H "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"$mchid\",nonce_str=\"$nonce\",signature=\"$signature\",timestamp=\"$timestamp\",serial_no=\"$serial\"")
  [[ -n $body ]] && args+=(-H "Content-Type: application/json" --data-binary "$body")
  [[ -n $platform_serial ]] && args+=(-H "Wechatpay-Serial: $platform_serial")
  status=$(curl "${args[@]}" "$base$path")
  verify
}

header() { tr -d '\r' < "$work/headers" | awk -v name="$(echo "$1" | tr 'A-Z' 'a-z')" -F': ' 'tolower($1) == name { print $2 }'; }

# The answer's signature, over "TIMESTAMP\nNONCE\nBODY\n", with the WeChat Pay public key.
verify() {
  [[ $(header Wechatpay-Serial) == "$public_key_id" ]] || fail "the answer is signed by $(header Wechatpay-Serial), not $public_key_id"
  { printf '%s\n%s\n' "$(header Wechatpay-Timestamp)" "$(header Wechatpay-Nonce)"; cat "$work/body"; printf '\n'; } > "$work/message"
  header Wechatpay-Signature | openssl base64 -d -A > "$work/signature"
  openssl dgst -sha256 -verify "$platform" -signature "$work/signature" "$work/message" > /dev/null ||
    fail "the answer's signature does not verify"
}

field() { jq -r "$1" "$work/body"; }
expect() { [[ $status == "$1" ]] || fail "expected $1, got $status: $(cat "$work/body")"; }
encrypt() { printf '%s' "$1" | openssl pkeyutl -encrypt -pubin -inkey "$platform" -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1 | openssl base64 -A; }
decrypt() { printf '%s' "$1" | openssl base64 -d -A | openssl pkeyutl -decrypt -inkey "$key" -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1; }

appid=wxd678efh567hg6787
openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o
suffix=$(openssl rand -hex 8)

# ---- 商家转账: create with the payee's name encrypted, query both ways, the user confirms, cancel another ----------
transfer() {
  jq -cn --arg appid $appid --arg no "$1" --arg openid $openid --arg name "$(encrypt 张三)" \
    '{appid:$appid,out_bill_no:$no,transfer_scene_id:"1000",openid:$openid,user_name:$name,transfer_amount:400,
      transfer_remark:"新会员开通有礼",user_recv_perception:"现金奖励",
      transfer_scene_report_infos:[{info_type:"活动名称",info_content:"新会员有礼"},{info_type:"奖励说明",info_content:"注册会员抽奖一等奖"}]}'
}
bill=TB$suffix
call POST /v3/fund-app/mch-transfer/transfer-bills "$(transfer $bill)" "$public_key_id"
expect 200
[[ $(field .state) == WAIT_USER_CONFIRM && $(field .out_bill_no) == "$bill" && -n $(field .package_info) ]] || fail "create: $(cat "$work/body")"
transfer_bill_no=$(field .transfer_bill_no)

call POST "/sandbox/v1/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/$bill/confirm" '{"state":"SUCCESS"}'
expect 200

call GET "/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/$bill"
expect 200
[[ $(field .state) == SUCCESS && $(field .transfer_amount) == 400 && $(field .mch_id) == "$mchid" ]] || fail "query: $(cat "$work/body")"
[[ $(decrypt "$(field .user_name)") == 张三 ]] || fail "the answer's user_name does not decrypt to the payee's name"

call GET "/v3/fund-app/mch-transfer/transfer-bills/transfer-bill-no/$transfer_bill_no"
expect 200
[[ $(field .out_bill_no) == "$bill" ]] || fail "query by transfer_bill_no: $(cat "$work/body")"

call GET "/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/NOSUCHBILL$suffix"
expect 404
[[ $(field .code) == NOT_FOUND ]] || fail "unknown bill: $(cat "$work/body")"

call POST /v3/fund-app/mch-transfer/transfer-bills "$(transfer TC$suffix)" "$public_key_id"
expect 200
call POST "/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/TC$suffix/cancel" ""
expect 200
[[ $(field .state) == CANCELING ]] || fail "cancel: $(cat "$work/body")"
echo "merchant transfer: created, confirmed, queried by out_bill_no and transfer_bill_no, cancelled"

# ---- 分账接收方: the name encrypted with OAEP; a name that does not decrypt, or no platform serial, is refused -------
receiver() {
  jq -cn --arg appid $appid --arg name "$1" '{appid:$appid,type:"MERCHANT_ID",account:"1900000109",name:$name,relation_type:"STORE"}'
}
call POST /v3/profitsharing/receivers/add "$(receiver "$(encrypt 腾讯科技有限公司)")" "$public_key_id"
expect 200
[[ $(field .type) == MERCHANT_ID && $(field .account) == 1900000109 && $(field .relation_type) == STORE ]] || fail "add receiver: $(cat "$work/body")"
[[ $(decrypt "$(field .name)") == 腾讯科技有限公司 ]] || fail "the answer's name does not decrypt to the receiver's name"

call POST /v3/profitsharing/receivers/add "$(receiver "$(printf 'not a ciphertext' | openssl base64 -A)")" "$public_key_id"
expect 400
[[ $(field .code) == PARAM_ERROR && $(field .detail.field) == /name ]] || fail "undecryptable name: $(cat "$work/body")"

call POST /v3/profitsharing/receivers/add "$(receiver "$(encrypt 腾讯科技有限公司)")"
expect 400
[[ $(field .code) == PARAM_ERROR && $(field .detail.field) == Wechatpay-Serial ]] || fail "no Wechatpay-Serial: $(cat "$work/body")"

call POST /v3/profitsharing/receivers/delete "$(jq -cn --arg appid $appid '{appid:$appid,type:"MERCHANT_ID",account:"1900000109"}')"
expect 200
echo "profit-sharing receiver: added with an OAEP-encrypted name, refused when the name or serial is wrong, deleted"
echo OK
