using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Media;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Complaints;

/// <summary>
/// 消费者投诉 2.0 with the gateway's rules. A payer files a complaint against a paid order through the control route
/// <c>POST /sandbox/v1/complaints</c>; it is PENDING, becomes PROCESSING at the merchant's first answer (回复用户) or
/// refund decision, and PROCESSED at 反馈处理完成, which needs an answer first. A refund decision is for a REFUND
/// complaint only, and only once. Each step is appended to the negotiation history and, when the merchant has set a
/// complaint notification URL, notified (COMPLAINT.CREATE, then COMPLAINT.STATE_CHANGE), signed and encrypted.
/// <c>payer_phone</c> is answered encrypted to the merchant's public key.
/// </summary>
internal sealed class ComplaintsApi(PaymentLedger payments, MediaStore media, TimeProvider time, Action<SandboxMerchant, Uri, string, string, byte[], string> notify)
{
    private const string Complaints = "v3/merchant-service/complaints-v2";
    private const string Notifications = "v3/merchant-service/complaint-notifications";

    private readonly object _gate = new();
    private readonly Dictionary<string, ComplaintRecord> _complaints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _notificationUrls = new(StringComparer.Ordinal);

    public void MapRoutes(Router router)
    {
        router.Map("GET", Complaints, List);
        router.Map("GET", Complaints + "/{complaint_id}", context => Detail(context));
        router.Map("GET", Complaints + "/{complaint_id}/negotiation-historys", History);
        router.Map("POST", Complaints + "/{complaint_id}/response", Respond);
        router.Map("POST", Complaints + "/{complaint_id}/complete", Complete);
        router.Map("POST", Complaints + "/{complaint_id}/update-refund-progress", UpdateRefundProgress);
        router.Map("POST", Notifications, CreateNotificationUrl);
        router.Map("GET", Notifications, GetNotificationUrl);
        router.Map("PUT", Notifications, UpdateNotificationUrl);
        router.Map("DELETE", Notifications, DeleteNotificationUrl);
        router.Map("POST", "sandbox/v1/complaints", File);
    }

    private static ApiResult NoContent() => new(204, []);

    private ComplaintRecord Find(RouteContext context)
    {
        var id = context.Path("complaint_id");
        lock (_gate)
        {
            return _complaints.TryGetValue(id, out var complaint) && complaint.Owner.MerchantId == context.Merchant.MerchantId
                ? complaint
                : throw SandboxError.NotExists("投诉单不存在，请检查complaint_id (no such complaint)");
        }
    }

    // ---- the payer's side: POST /sandbox/v1/complaints -------------------------------------------------------------

    /// <summary>
    /// Files a complaint against a paid order of the signing merchant: <c>{"transaction_id" | "out_trade_no",
    /// "sub_mchid"?, "complaint_detail", "payer_phone", "problem_type"?, "apply_refund_amount"?}</c>.
    /// </summary>
    private ApiResult File(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var transactionId = JsonBody.OptionalString(body, "transaction_id");
        var outTradeNo = JsonBody.OptionalString(body, "out_trade_no");
        var subMchId = JsonBody.OptionalString(body, "sub_mchid");
        var detail = PaymentRules.Text(body, "complaint_detail", 300);
        var phone = PaymentRules.Text(body, "payer_phone", 32);
        var problemType = JsonBody.OptionalString(body, "problem_type") ?? "OTHERS";
        if (problemType is not ("REFUND" or "SERVICE_NOT_WORK" or "OTHERS"))
            throw SandboxError.ParamError("problem_type应为REFUND、SERVICE_NOT_WORK或OTHERS (unknown problem_type)", "/problem_type",
                "must be REFUND, SERVICE_NOT_WORK or OTHERS", value: problemType);

        PaymentOrder order;
        long total;
        string? openId;
        lock (payments.Gate)
        {
            order = (transactionId is not null ? payments.FindByTransactionId(context.Merchant.MerchantId, subMchId, transactionId)
                : outTradeNo is not null ? payments.FindOrder(context.Merchant.MerchantId, subMchId, outTradeNo)
                : throw SandboxError.ParamError("transaction_id与out_trade_no须填其一 (name the order by transaction_id or out_trade_no)",
                    "/transaction_id", "transaction_id or out_trade_no is required"))
                ?? throw SandboxError.NotExists("订单不存在 (no such order)");
            if (!order.IsPaid || order.TransactionId is null)
                throw SandboxError.InvalidRequest($"订单状态为{order.TradeState}，只能投诉已支付的订单 (only a paid order can be complained about)");
            total = order.Total;
            openId = order.OpenId;
        }
        long? refund = null;
        if (problemType == "REFUND")
        {
            refund = JsonBody.RequiredInteger(body, "apply_refund_amount");
            if (refund < 1 || refund > total)
                throw SandboxError.ParamError($"apply_refund_amount应在1到订单金额{total}之间 (the refund asked for must be from 1 to the order amount)",
                    "/apply_refund_amount", $"must be from 1 to {total}", value: refund.Value.ToString(CultureInfo.InvariantCulture));
        }

        var now = time.GetUtcNow();
        var complaint = new ComplaintRecord
        {
            Owner = context.Merchant,
            ComplaintId = "2002" + ChinaDate(now) + SandboxRandom.Digits(15),
            ComplaintedMchId = order.SubMchId ?? context.Merchant.MerchantId,
            ComplaintTime = now,
            Detail = detail,
            PayerPhone = phone,
            PayerOpenId = openId ?? PaymentLedger.NewOpenId(),
            TransactionId = order.TransactionId,
            OutTradeNo = order.OutTradeNo,
            Amount = total,
            ProblemType = problemType,
            ApplyRefundAmount = refund,
        };
        lock (_gate)
        {
            complaint.History.Add(Log("投诉人", now, "USER_CREATE_COMPLAINT", detail));
            _complaints.Add(complaint.ComplaintId, complaint);
            Notify(complaint, "COMPLAINT.CREATE", "CREATE_COMPLAINT");
            return ApiResult.Ok(SandboxJson.Write(complaint.Write));
        }
    }

    // ---- 查询 -------------------------------------------------------------------------------------------------------

    private ApiResult List(RouteContext context)
    {
        var begin = QueryDate(context, "begin_date");
        var end = QueryDate(context, "end_date");
        if (end < begin)
            throw SandboxError.ParamError("end_date不能早于begin_date (end_date is before begin_date)", "end_date", "must not be before begin_date", "query");
        if (end.DayNumber - begin.DayNumber > 30)
            throw SandboxError.ParamError("查询日期跨度不能超过30天 (the span is longer than 30 days)", "end_date", "at most 30 days after begin_date", "query");
        var limit = QueryInteger(context, "limit", 10, 1, 50);
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        context.Query.TryGetValue("complainted_mchid", out var complainted);
        lock (_gate)
        {
            var matches = _complaints.Values
                .Where(c => c.Owner.MerchantId == context.Merchant.MerchantId && (complainted is null || c.ComplaintedMchId == complainted))
                .Where(c => DateOnly.FromDateTime(c.ComplaintTime.ToOffset(TimeSpan.FromHours(8)).DateTime) is var day && day >= begin && day <= end)
                .OrderBy(c => c.ComplaintTime).ThenBy(c => c.ComplaintId, StringComparer.Ordinal)
                .ToList();
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var complaint in matches.Skip(offset).Take(limit))
                    complaint.Write(w);
                w.WriteEndArray();
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                // As WeChat Pay does, the total comes with the first page only.
                if (offset == 0)
                    w.WriteNumber("total_count", matches.Count);
                w.WriteEndObject();
            }));
        }
    }

    private ApiResult Detail(RouteContext context)
    {
        var complaint = Find(context);
        lock (_gate)
            return ApiResult.Ok(SandboxJson.Write(complaint.Write));
    }

    private ApiResult History(RouteContext context)
    {
        var complaint = Find(context);
        var limit = QueryInteger(context, "limit", 100, 1, 300);
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        lock (_gate)
        {
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var entry in complaint.History.Skip(offset).Take(limit))
                {
                    w.WriteStartObject();
                    w.WriteString("log_id", entry.LogId);
                    w.WriteString("operator", entry.Operator);
                    w.WriteString("operate_time", SandboxJson.Time(entry.OperateTime));
                    w.WriteString("operate_type", entry.OperateType);
                    w.WriteString("operate_details", entry.OperateDetails);
                    w.WriteStartArray("image_list");
                    foreach (var image in entry.ImageList)
                        w.WriteStringValue(image);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                if (offset == 0)
                    w.WriteNumber("total_count", complaint.History.Count);
                w.WriteEndObject();
            }));
        }
    }

    // ---- 回复用户, 反馈处理完成, 更新退款审批结果 -------------------------------------------------------------------------

    private ApiResult Respond(RouteContext context)
    {
        var complaint = Find(context);
        var body = JsonBody.ParseObject(context.Request.Body);
        RequireComplainted(body, complaint);
        var content = PaymentRules.Text(body, "response_content", 200);
        var images = MediaIds(context, body, "response_images");
        var jumpUrl = PaymentRules.OptionalText(body, "jump_url", 512);
        if (jumpUrl is not null)
        {
            if (!Uri.TryCreate(jumpUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                throw SandboxError.ParamError("jump_url应为https链接 (jump_url must be an https URL)", "/jump_url", "must be an https URL", value: jumpUrl);
            PaymentRules.Text(body, "jump_url_text", 10);
        }
        if (PaymentRules.OptionalObject(body, "mini_program_jump_info") is { } mini)
        {
            PaymentRules.AppId(mini, "appid", "/mini_program_jump_info");
            PaymentRules.Text(mini, "path", 512, "/mini_program_jump_info");
            PaymentRules.Text(mini, "text", 10, "/mini_program_jump_info");
        }
        lock (_gate)
        {
            if (complaint.State == "PROCESSED")
                throw SandboxError.InvalidRequest("投诉单已处理完成，不能再回复 (the complaint is PROCESSED)");
            complaint.State = "PROCESSING";
            complaint.History.Add(Log("商家", time.GetUtcNow(), "MERCHANT_RESPONSE", content, images));
            Notify(complaint, "COMPLAINT.STATE_CHANGE", "MERCHANT_RESPONSE");
        }
        return NoContent();
    }

    private ApiResult Complete(RouteContext context)
    {
        var complaint = Find(context);
        var body = JsonBody.ParseObject(context.Request.Body);
        RequireComplainted(body, complaint);
        lock (_gate)
        {
            if (complaint.State == "PROCESSED")
                throw SandboxError.InvalidRequest("投诉单已处理完成 (the complaint is already PROCESSED)");
            if (!complaint.History.Any(e => e.OperateType == "MERCHANT_RESPONSE"))
                throw SandboxError.InvalidRequest("请先回复用户，再反馈处理完成 (answer the user before reporting the complaint handled)");
            complaint.State = "PROCESSED";
            complaint.History.Add(Log("商家", time.GetUtcNow(), "MERCHANT_CONFIRM_COMPLETE", "商家已处理完成"));
            Notify(complaint, "COMPLAINT.STATE_CHANGE", "MERCHANT_CONFIRM_COMPLETE");
        }
        return NoContent();
    }

    private ApiResult UpdateRefundProgress(RouteContext context)
    {
        var complaint = Find(context);
        var body = JsonBody.ParseObject(context.Request.Body);
        var action = JsonBody.RequiredString(body, "action");
        string details;
        IReadOnlyList<string> images = [];
        switch (action)
        {
            case "APPROVE":
                var days = body.TryGetProperty("launch_refund_day", out var d) && d.ValueKind != JsonValueKind.Null ? JsonBody.RequiredInteger(body, "launch_refund_day") : 0;
                if (days < 0)
                    throw SandboxError.ParamError("launch_refund_day不能为负数 (launch_refund_day must not be negative)", "/launch_refund_day", "must not be negative");
                details = $"商家同意退款，预计{days}个工作日内发起退款";
                break;
            case "REJECT":
                details = PaymentRules.Text(body, "reject_reason", 200);
                images = MediaIds(context, body, "reject_media_list");
                break;
            default:
                throw SandboxError.ParamError("action应为APPROVE或REJECT (action must be APPROVE or REJECT)", "/action", "must be APPROVE or REJECT", value: action);
        }
        PaymentRules.OptionalText(body, "remark", 200);
        lock (_gate)
        {
            if (complaint.ProblemType != "REFUND")
                throw SandboxError.InvalidRequest("投诉单不是申请退款类型，无需更新退款审批结果 (the complaint asks for no refund)");
            if (complaint.State == "PROCESSED")
                throw SandboxError.InvalidRequest("投诉单已处理完成 (the complaint is PROCESSED)");
            if (complaint.RefundDecision is not null)
                throw SandboxError.InvalidRequest($"退款审批结果已更新为{complaint.RefundDecision}，不能重复更新 (the refund was already decided)");
            complaint.RefundDecision = action;
            complaint.State = "PROCESSING";
            // WeChat Pay's spellings: MERCHANT_REFUSE_RERUND in the history, MERCHANT_REJECT_REFUND in the notification.
            complaint.History.Add(Log("商家", time.GetUtcNow(), action == "APPROVE" ? "MERCHANT_APPROVE_REFUND" : "MERCHANT_REFUSE_RERUND", details, images));
            Notify(complaint, "COMPLAINT.STATE_CHANGE", action == "APPROVE" ? "MERCHANT_APPROVE_REFUND" : "MERCHANT_REJECT_REFUND");
        }
        return NoContent();
    }

    private static void RequireComplainted(JsonElement body, ComplaintRecord complaint)
    {
        var mchid = JsonBody.RequiredString(body, "complainted_mchid");
        if (mchid != complaint.ComplaintedMchId)
            throw SandboxError.ParamError("被诉商户号complainted_mchid与投诉单不符 (complainted_mchid is not the merchant complained about)",
                "/complainted_mchid", "must be the complaint's complainted_mchid", value: mchid);
    }

    /// <summary>Up to 4 complaint images of this merchant, by media_id; answered as the URLs 图片请求 serves.</summary>
    private List<string> MediaIds(RouteContext context, JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw SandboxError.ParamError($"{name}应为数组 ({name} must be an array)", "/" + name, "expected an array of media_id");
        if (list.GetArrayLength() > 4)
            throw SandboxError.ParamError($"{name}最多4张图片 ({name} holds at most 4 images)", "/" + name, "at most 4 items");
        var urls = new List<string>();
        var host = context.Request.GetHeader("Host");
        // Over Kestrel the URL names the sandbox itself, so 图片请求 can follow it; in process, the official host.
        var baseUrl = host is null ? "https://api.mch.weixin.qq.com/" : "http://" + host + "/";
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var pointer = $"/{name}/{index++}";
            var id = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
            if (media.Find(context.Merchant.MerchantId, id) is not { ComplaintImage: true })
                throw SandboxError.ParamError($"{pointer}不是本商户上传的反馈图片media_id (not a media_id from 商户上传反馈图片)", pointer,
                    "must be a media_id answered by v3/merchant-service/images/upload", value: id);
            urls.Add(baseUrl + "v3/merchant-service/images/" + Uri.EscapeDataString(id));
        }
        return urls;
    }

    // ---- 投诉通知回调地址 ------------------------------------------------------------------------------------------------

    private ApiResult CreateNotificationUrl(RouteContext context)
    {
        var url = PaymentRules.NotifyUrl(JsonBody.ParseObject(context.Request.Body), "url");
        lock (_gate)
        {
            if (!_notificationUrls.TryAdd(context.Merchant.MerchantId, url))
                throw SandboxError.InvalidRequest("投诉通知回调地址已存在，请使用更新接口 (a notification URL is already set; update it)");
        }
        return NotificationUrl(context.Merchant, url);
    }

    private ApiResult GetNotificationUrl(RouteContext context) => NotificationUrl(context.Merchant, CurrentUrl(context));

    private ApiResult UpdateNotificationUrl(RouteContext context)
    {
        var url = PaymentRules.NotifyUrl(JsonBody.ParseObject(context.Request.Body), "url");
        CurrentUrl(context);
        lock (_gate)
            _notificationUrls[context.Merchant.MerchantId] = url;
        return NotificationUrl(context.Merchant, url);
    }

    private ApiResult DeleteNotificationUrl(RouteContext context)
    {
        lock (_gate)
        {
            if (!_notificationUrls.Remove(context.Merchant.MerchantId))
                throw SandboxError.NotExists("投诉通知回调地址不存在 (no notification URL is set)");
        }
        return NoContent();
    }

    private Uri CurrentUrl(RouteContext context)
    {
        lock (_gate)
            return _notificationUrls.GetValueOrDefault(context.Merchant.MerchantId)
                ?? throw SandboxError.NotExists("投诉通知回调地址不存在 (no notification URL is set)");
    }

    private static ApiResult NotificationUrl(SandboxMerchant merchant, Uri url) => ApiResult.Ok(SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("mchid", merchant.MerchantId);
        w.WriteString("url", url.OriginalString);
        w.WriteEndObject();
    }));

    // ---- notifications and helpers ---------------------------------------------------------------------------------

    /// <summary>Sends the complaint notification to the merchant's URL, if one is set; called under the lock.</summary>
    private void Notify(ComplaintRecord complaint, string eventType, string actionType)
    {
        if (!_notificationUrls.TryGetValue(complaint.Owner.MerchantId, out var url))
            return;
        var resource = SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("complaint_id", complaint.ComplaintId);
            w.WriteString("action_type", actionType);
            w.WriteString("out_trade_no", complaint.OutTradeNo);
            w.WriteString("complaint_time", SandboxJson.Time(complaint.ComplaintTime));
            w.WriteNumber("amount", complaint.Amount);
            w.WriteEndObject();
        });
        notify(complaint.Owner, url, eventType, eventType == "COMPLAINT.CREATE" ? "产生新投诉" : "投诉单状态变化", resource, "complaint");
    }

    private static ComplaintLogEntry Log(string who, DateTimeOffset when, string type, string details, IReadOnlyList<string>? images = null) =>
        new("3002" + ChinaDate(when) + SandboxRandom.Digits(15), who, when, type, details, images ?? []);

    private static string ChinaDate(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly QueryDate(RouteContext context, string name)
    {
        if (!context.Query.TryGetValue(name, out var text) || text.Length == 0)
            throw SandboxError.ParamError($"缺少参数{name} ({name} is required)", name, "required, as yyyy-MM-dd", "query");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw SandboxError.ParamError($"{name}格式错误，应为yyyy-MM-dd ({name} must be yyyy-MM-dd)", name, "must be yyyy-MM-dd", "query", text);
        return date;
    }

    private static int QueryInteger(RouteContext context, string name, int fallback, int min, int max)
    {
        if (!context.Query.TryGetValue(name, out var text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw SandboxError.ParamError($"{name}取值无效，应为【{min}, {max}】的整数 ({name} must be an integer from {min} to {max})",
                name, $"must be an integer from {min} to {max}", "query", text);
        return value;
    }
}
