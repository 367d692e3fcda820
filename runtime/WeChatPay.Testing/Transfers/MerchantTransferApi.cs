using WeChatPay.Testing.Crypto;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Transfers;

/// <summary>
/// 商家转账 (the user-confirmation mode) with the gateway's rules: a bill is WAIT_USER_CONFIRM until the user confirms
/// (the control route <c>/sandbox/v1/…/confirm</c> plays the user) and then SUCCESS or FAIL, with MCHTRANSFER.BILL.FINISHED
/// to its <c>notify_url</c>; it can be cancelled only before that. The payee's <c>user_name</c> is a sensitive field,
/// required from 2,000 yuan. The same <c>out_bill_no</c> with the same body answers the same bill; with another it
/// is refused. A receipt can be applied for only for a SUCCESS bill that named the payee.
/// </summary>
internal sealed class MerchantTransferApi(SensitiveFields sensitive, TimeProvider time, Action<SandboxMerchant, Uri, string, string, byte[], string> notify)
{
    /// <summary>From this amount (2,000 yuan) the payee's name is required.</summary>
    public const long NameRequiredFrom = 200_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, TransferBillRecord> _byOutBillNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransferBillRecord> _byTransferBillNo = new(StringComparer.Ordinal);

    public void MapRoutes(Router router)
    {
        const string Bills = "v3/fund-app/mch-transfer/transfer-bills";
        router.Map("POST", Bills, Create);
        router.Map("GET", Bills + "/out-bill-no/{out_bill_no}", context => Ok(ByOutBillNo(context, context.Path("out_bill_no"))));
        router.Map("GET", Bills + "/transfer-bill-no/{transfer_bill_no}", ByTransferBillNo);
        router.Map("POST", Bills + "/out-bill-no/{out_bill_no}/cancel", Cancel);
        router.Map("POST", "v3/fund-app/mch-transfer/elecsign/out-bill-no", ApplyReceipt);
        router.Map("GET", "v3/fund-app/mch-transfer/elecsign/out-bill-no/{out_bill_no}", Receipt);
        router.Map("POST", "sandbox/v1/" + Bills + "/out-bill-no/{out_bill_no}/confirm", Confirm);
    }

    private static string Key(SandboxMerchant merchant, string number) => merchant.MerchantId + "/" + number;

    private ApiResult Ok(TransferBillRecord bill)
    {
        lock (_gate)
            return ApiResult.Ok(bill.ToJson());
    }

    // ---- 发起转账 POST v3/fund-app/mch-transfer/transfer-bills ------------------------------------------------------

    private ApiResult Create(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var appId = PaymentRules.AppId(body, "appid");
        var outBillNo = JsonBody.RequiredString(body, "out_bill_no");
        if (outBillNo.Length > 32 || !outBillNo.All(char.IsAsciiLetterOrDigit))
            throw SandboxError.ParamError("商户单号out_bill_no只能由数字、大小写字母组成，且不超过32个字符 (out_bill_no must be at most 32 letters and digits)",
                "/out_bill_no", "must be at most 32 letters and digits", value: outBillNo);
        PaymentRules.Text(body, "transfer_scene_id", 36);
        var openId = PaymentRules.Text(body, "openid", 64);
        var amount = PaymentRules.Amount(body, "transfer_amount", "");
        var remark = PaymentRules.Text(body, "transfer_remark", 32);
        Uri? notifyUrl = body.TryGetProperty("notify_url", out var n) && n.ValueKind != JsonValueKind.Null ? PaymentRules.NotifyUrl(body) : null;
        PaymentRules.OptionalText(body, "user_recv_perception", 64);
        var reports = JsonBody.RequiredArray(body, "transfer_scene_report_infos");
        if (reports.GetArrayLength() == 0)
            throw SandboxError.ParamError("转账场景报备信息transfer_scene_report_infos不能为空 (transfer_scene_report_infos must not be empty)",
                "/transfer_scene_report_infos", "must hold the scene's report items");
        var index = 0;
        foreach (var report in reports.EnumerateArray())
        {
            var pointer = "/transfer_scene_report_infos/" + index++;
            if (report.ValueKind != JsonValueKind.Object)
                throw SandboxError.ParamError("转账场景报备信息应为对象 (each report item must be an object)", pointer, "expected an object");
            PaymentRules.Text(report, "info_type", 15, pointer);
            PaymentRules.Text(report, "info_content", 32, pointer);
        }
        var encryptedName = JsonBody.OptionalString(body, "user_name");
        var userName = encryptedName is null ? null : sensitive.Decrypt(context, encryptedName, "/user_name");
        if (userName is null && amount >= NameRequiredFrom)
            throw SandboxError.ParamError("转账金额大于等于2000元时，收款用户姓名user_name必填 (user_name is required from 2,000 yuan)",
                "/user_name", "required when transfer_amount is at least 200000 fen");

        // The ciphertext differs on every request, so the fingerprint covers the decrypted name, not the body.
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{appId}\n{openId}\n{amount}\n{remark}\n{userName}\n{notifyUrl}")));
        lock (_gate)
        {
            if (_byOutBillNo.TryGetValue(Key(context.Merchant, outBillNo), out var existing))
            {
                if (existing.Fingerprint != fingerprint)
                    throw SandboxError.InvalidRequest("商户单号out_bill_no已使用，且请求参数与之前不一致 (this out_bill_no was used with other parameters)");
                return ApiResult.Ok(Created(existing));
            }
            var now = time.GetUtcNow();
            var bill = new TransferBillRecord
            {
                Owner = context.Merchant,
                OutBillNo = outBillNo,
                TransferBillNo = "1330000" + SandboxRandom.Digits(33),
                AppId = appId,
                OpenId = openId,
                UserName = userName,
                Amount = amount,
                Remark = remark,
                NotifyUrl = notifyUrl,
                Fingerprint = fingerprint,
                CreateTime = now,
                UpdateTime = now,
                PackageInfo = "ABBQO+oYAAABAAAAAAA" + SandboxRandom.Alphanumeric(48),
            };
            _byOutBillNo.Add(Key(context.Merchant, outBillNo), bill);
            _byTransferBillNo.Add(Key(context.Merchant, bill.TransferBillNo), bill);
            return ApiResult.Ok(Created(bill));
        }
    }

    private static byte[] Created(TransferBillRecord bill) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("out_bill_no", bill.OutBillNo);
        w.WriteString("transfer_bill_no", bill.TransferBillNo);
        w.WriteString("create_time", SandboxJson.Time(bill.CreateTime));
        w.WriteString("state", bill.State);
        if (bill.State == "WAIT_USER_CONFIRM")
            w.WriteString("package_info", bill.PackageInfo);
        w.WriteEndObject();
    });

    // ---- 查询 -------------------------------------------------------------------------------------------------------

    private TransferBillRecord ByOutBillNo(RouteContext context, string outBillNo)
    {
        lock (_gate)
            return _byOutBillNo.GetValueOrDefault(Key(context.Merchant, outBillNo))
                ?? throw new SandboxError(404, "NOT_FOUND", "记录不存在，请检查商户单号out_bill_no (no such transfer bill)");
    }

    private ApiResult ByTransferBillNo(RouteContext context)
    {
        TransferBillRecord? bill;
        lock (_gate)
            bill = _byTransferBillNo.GetValueOrDefault(Key(context.Merchant, context.Path("transfer_bill_no")));
        return Ok(bill ?? throw new SandboxError(404, "NOT_FOUND", "记录不存在，请检查微信转账单号transfer_bill_no (no such transfer bill)"));
    }

    // ---- 撤销转账 POST …/out-bill-no/{out_bill_no}/cancel ----------------------------------------------------------

    private ApiResult Cancel(RouteContext context)
    {
        var bill = ByOutBillNo(context, context.Path("out_bill_no"));
        byte[] answer;
        lock (_gate)
        {
            if (bill.State is not ("ACCEPTED" or "PROCESSING" or "WAIT_USER_CONFIRM" or "CANCELLED"))
                throw SandboxError.InvalidRequest($"转账单状态为{bill.State}，不能撤销 (only a bill the user has not confirmed can be cancelled)");
            var first = bill.State != "CANCELLED";
            bill.State = "CANCELLED";
            bill.UpdateTime = time.GetUtcNow();
            // The answer says CANCELING, as WeChat Pay's does; the bill is CANCELLED from the next query on.
            answer = SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("out_bill_no", bill.OutBillNo);
                w.WriteString("transfer_bill_no", bill.TransferBillNo);
                w.WriteString("state", first ? "CANCELING" : "CANCELLED");
                w.WriteString("update_time", SandboxJson.Time(bill.UpdateTime));
                w.WriteEndObject();
            });
            if (first)
                Finished(bill);
        }
        return ApiResult.Ok(answer);
    }

    // ---- the user's side: POST /sandbox/v1/…/confirm {"state":"SUCCESS"|"FAIL","fail_reason"?} ----------------------

    private ApiResult Confirm(RouteContext context)
    {
        var bill = ByOutBillNo(context, context.Path("out_bill_no"));
        var body = context.Request.Body.IsEmpty ? default : JsonBody.ParseObject(context.Request.Body);
        var state = body.ValueKind == JsonValueKind.Object ? JsonBody.OptionalString(body, "state") ?? "SUCCESS" : "SUCCESS";
        if (state is not ("SUCCESS" or "FAIL"))
            throw SandboxError.ParamError("state应为SUCCESS或FAIL (state must be SUCCESS or FAIL)", "/state", "must be SUCCESS or FAIL", value: state);
        lock (_gate)
        {
            if (bill.State != "WAIT_USER_CONFIRM")
                throw SandboxError.InvalidRequest($"转账单状态为{bill.State}，不在待用户确认状态 (the bill is not waiting for the user)");
            bill.State = state;
            bill.FailReason = state == "FAIL" ? (body.ValueKind == JsonValueKind.Object ? JsonBody.OptionalString(body, "fail_reason") : null) ?? "ACCOUNT_FROZEN" : null;
            bill.UpdateTime = time.GetUtcNow();
            Finished(bill);
            return ApiResult.Ok(bill.ToJson());
        }
    }

    private void Finished(TransferBillRecord bill)
    {
        if (bill.NotifyUrl is { } url)
            notify(bill.Owner, url, "MCHTRANSFER.BILL.FINISHED", "商家转账单据终态通知", bill.ToJson(forNotification: true), "mch_payment");
    }

    // ---- 电子回单 -----------------------------------------------------------------------------------------------------

    private ApiResult ApplyReceipt(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var bill = ByOutBillNo(context, JsonBody.RequiredString(body, "out_bill_no"));
        lock (_gate)
        {
            if (bill.State != "SUCCESS")
                throw SandboxError.InvalidRequest($"转账单状态为{bill.State}，仅支持状态为SUCCESS的转账单据申请电子回单 (only a SUCCESS bill has a receipt)");
            if (bill.UserName is null)
                throw SandboxError.InvalidRequest("仅支持传入了收款用户姓名的转账单据申请电子回单 (only a bill that named the payee has a receipt)");
            bill.ReceiptTime ??= time.GetUtcNow();
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("state", "GENERATING");
                w.WriteString("create_time", SandboxJson.Time(bill.ReceiptTime.Value));
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>A receipt applied for is FINISHED at once in the sandbox; its hash covers a receipt text the sandbox writes.</summary>
    private ApiResult Receipt(RouteContext context)
    {
        var bill = ByOutBillNo(context, context.Path("out_bill_no"));
        lock (_gate)
        {
            var applied = bill.ReceiptTime ?? throw new SandboxError(404, "NOT_FOUND", "电子回单不存在，请先申请电子回单 (no receipt was applied for)");
            var receipt = Encoding.UTF8.GetBytes($"{bill.Owner.MerchantId},{bill.OutBillNo},{bill.TransferBillNo},{bill.Amount}");
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("state", "FINISHED");
                w.WriteString("create_time", SandboxJson.Time(applied));
                w.WriteString("update_time", SandboxJson.Time(applied));
                w.WriteString("hash_type", "SHA256");
                w.WriteString("hash_value", Convert.ToHexString(SHA256.HashData(receipt)));
                w.WriteString("download_url", "https://api.mch.weixin.qq.com/v3/billdownload/file?token=" + SandboxRandom.Alphanumeric(32));
                w.WriteEndObject();
            }));
        }
    }
}
