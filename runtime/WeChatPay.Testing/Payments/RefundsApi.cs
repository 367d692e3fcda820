using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Refunds (退款申请, 查询单笔退款, 发起异常退款) with the gateway's rules: only a paid order refunds; the refunds of an
/// order never exceed what was paid; <c>amount.total</c> and the currency must match the order; the same
/// <c>out_refund_no</c> with the same parameters answers the same refund and with others is refused. A refund is
/// PROCESSING until <see cref="SandboxOptions.RefundSettlementDelay"/> has passed, then SUCCESS, and REFUND.SUCCESS
/// goes to its <c>notify_url</c>. The control route <c>/sandbox/v1/…/settle</c> settles one at once, to any end state.
/// </summary>
internal sealed class RefundsApi(PaymentLedger ledger, SandboxOptions options, BackgroundWork background,
    Action<SandboxMerchant, Uri, string, string, byte[], string> notify)
{
    public const int MaxRefundsPerOrder = 50;
    public static readonly string[] SettleStates = ["SUCCESS", "ABNORMAL", "CLOSED"];

    public void MapRoutes(Router router)
    {
        router.Map("POST", "v3/refund/domestic/refunds", Create);
        router.Map("GET", "v3/refund/domestic/refunds/{out_refund_no}", Query);
        router.Map("POST", "v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund", ApplyAbnormal);
        router.Map("POST", "sandbox/v1/refund/domestic/refunds/{out_refund_no}/settle", SettleRoute);
    }

    // ---- 退款申请 POST v3/refund/domestic/refunds ----------------------------------------------------------------

    private ApiResult Create(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        var transactionId = PaymentRules.OptionalText(body, "transaction_id", 32);
        var outTradeNo = transactionId is null ? PaymentRules.OrderNumber(body, "out_trade_no") : PaymentRules.OptionalText(body, "out_trade_no", 32);
        var outRefundNo = PaymentRules.OrderNumber(body, "out_refund_no", min: 1, max: 64, allowAt: true);
        var reason = PaymentRules.OptionalText(body, "reason", 80);
        Uri? notifyUrl = body.TryGetProperty("notify_url", out var n) && n.ValueKind != JsonValueKind.Null ? PaymentRules.NotifyUrl(body) : null;
        var fundsAccount = PaymentRules.OptionalText(body, "funds_account", 32);
        if (fundsAccount is not (null or "AVAILABLE" or "UNSETTLED"))
            throw SandboxError.ParamError("funds_account取值无效，应为AVAILABLE或UNSETTLED (funds_account must be AVAILABLE or UNSETTLED)", "/funds_account", "must be AVAILABLE or UNSETTLED", value: fundsAccount);
        var amount = JsonBody.RequiredObject(body, "amount");
        var refund = PaymentRules.Amount(amount, "refund", "/amount");
        var total = PaymentRules.Amount(amount, "total", "/amount");
        var currency = JsonBody.RequiredString(amount, "currency", "/amount");
        if (refund > total)
            throw SandboxError.ParamError("退款金额不能大于原订单金额 (amount.refund must not exceed amount.total)", "/amount/refund", "must not exceed amount.total", value: refund.ToString(System.Globalization.CultureInfo.InvariantCulture));

        PaymentRefund created;
        lock (ledger.Gate)
        {
            var fingerprint = PaymentRules.Fingerprint(body);
            if (ledger.FindRefund(context.Merchant.MerchantId, subMchId, outRefundNo) is { } existing)
            {
                if (existing.Fingerprint != fingerprint)
                    throw SandboxError.InvalidRequest("同一退款单号out_refund_no的请求参数与之前不一致，请使用新的退款单号 (this out_refund_no was used with other parameters)");
                return ApiResult.Ok(existing.ToJson());
            }
            var order = (transactionId is not null
                    ? ledger.FindByTransactionId(context.Merchant.MerchantId, subMchId, transactionId)
                    : ledger.FindOrder(context.Merchant.MerchantId, subMchId, outTradeNo!))
                ?? throw SandboxError.NotExists("订单不存在，请检查transaction_id或out_trade_no (no such order for this merchant)");
            if (!order.IsPaid)
                throw SandboxError.InvalidRequest($"订单状态为{order.TradeState}，未支付的订单不能退款 (only a paid order can be refunded)");
            if (total != order.Total)
                throw SandboxError.InvalidRequest($"amount.total与原订单金额{order.Total}不一致 (amount.total must be the order's total)");
            if (currency != order.Currency)
                throw SandboxError.InvalidRequest($"退款币种{currency}与原订单币种{order.Currency}不一致 (amount.currency must be the order's currency)");
            if (order.Refunds.Count >= MaxRefundsPerOrder)
                throw SandboxError.InvalidRequest($"一笔订单最多可退款{MaxRefundsPerOrder}次 (an order takes at most {MaxRefundsPerOrder} refunds)");
            var refundable = order.Total - order.RefundedOrPending;
            if (refund > refundable)
                throw SandboxError.InvalidRequest($"申请退款金额超过订单可退金额，可退金额为{refundable}分 (the refunds would exceed what was paid; {refundable} fen is left)");
            created = new PaymentRefund
            {
                Order = order,
                RefundId = ledger.NewRefundId(),
                OutRefundNo = outRefundNo,
                Amount = refund,
                Reason = reason,
                NotifyUrl = notifyUrl,
                FundsAccount = fundsAccount,
                CreateTime = ledger.Now,
                Fingerprint = fingerprint,
            };
            ledger.AddRefund(created);
            order.TradeState = "REFUND";
            ScheduleSettlement(created);
            return ApiResult.Ok(created.ToJson());
        }
    }

    /// <summary>After the settlement delay, a refund still PROCESSING in the same generation becomes SUCCESS.</summary>
    private void ScheduleSettlement(PaymentRefund refund)
    {
        var generation = refund.Generation;
        background.Run(async stop =>
        {
            try
            {
                await Task.Delay(options.RefundSettlementDelay, options.TimeProvider, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (ledger.Gate)
            {
                if (refund.Status != "PROCESSING" || refund.Generation != generation)
                    return;
            }
            Settle(refund, "SUCCESS");
        });
    }

    /// <summary>Brings a PROCESSING refund to <paramref name="status"/> and sends the REFUND.* notification.</summary>
    private byte[] Settle(PaymentRefund refund, string status)
    {
        byte[] answer, resource;
        lock (ledger.Gate)
        {
            if (refund.Status != "PROCESSING")
                throw SandboxError.InvalidRequest($"退款单状态为{refund.Status}，只有处理中的退款可以结算 (only a PROCESSING refund settles)");
            refund.Status = status;
            refund.Generation++;
            if (status == "SUCCESS")
                refund.SuccessTime = ledger.Now;
            answer = refund.ToJson();
            resource = refund.ToNotificationJson();
        }
        if (refund.NotifyUrl is { } url)
        {
            var summary = status switch { "SUCCESS" => "退款成功", "ABNORMAL" => "退款异常", _ => "退款关闭" };
            notify(refund.Order.Owner, url, "REFUND." + status, summary, resource, "refund");
        }
        return answer;
    }

    // ---- 查询单笔退款 GET v3/refund/domestic/refunds/{out_refund_no} -------------------------------------------------

    private ApiResult Query(RouteContext context)
    {
        context.Query.TryGetValue("sub_mchid", out var subMchId);
        lock (ledger.Gate)
            return ApiResult.Ok(Find(context.Merchant, string.IsNullOrEmpty(subMchId) ? null : subMchId, context.Path("out_refund_no")).ToJson());
    }

    private PaymentRefund Find(SandboxMerchant merchant, string? subMchId, string outRefundNo) =>
        ledger.FindRefund(merchant.MerchantId, subMchId, outRefundNo)
        ?? throw SandboxError.NotExists("退款单不存在 (no such refund for this merchant)");

    // ---- 发起异常退款 POST v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund ------------------------------

    private static readonly string[] AbnormalTypes = ["USER_BANK_CARD", "MERCHANT_BANK_CARD"];

    private ApiResult ApplyAbnormal(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        var outRefundNo = PaymentRules.Text(body, "out_refund_no", 64);
        var type = JsonBody.RequiredString(body, "type");
        if (Array.IndexOf(AbnormalTypes, type) < 0)
            throw SandboxError.ParamError("type取值无效，应为USER_BANK_CARD或MERCHANT_BANK_CARD (unknown type)", "/type", "must be USER_BANK_CARD or MERCHANT_BANK_CARD", value: type);
        if (type == "USER_BANK_CARD")
        {
            // bank_account and real_name arrive encrypted with the platform key; the sandbox only requires them.
            PaymentRules.Text(body, "bank_type", 32);
            JsonBody.RequiredString(body, "bank_account");
            JsonBody.RequiredString(body, "real_name");
        }
        lock (ledger.Gate)
        {
            var refund = ledger.FindRefundById(context.Path("refund_id"));
            if (refund is null || refund.Order.Owner.MerchantId != context.Merchant.MerchantId || refund.Order.SubMchId != subMchId || refund.OutRefundNo != outRefundNo)
                throw SandboxError.NotExists("退款单不存在，请检查refund_id和out_refund_no (no such refund for this merchant)");
            if (refund.Status != "ABNORMAL")
                throw SandboxError.InvalidRequest($"退款单状态为{refund.Status}，只有异常的退款可以发起异常退款 (only an ABNORMAL refund can be re-routed)");
            refund.Status = "PROCESSING";
            refund.Generation++;
            refund.UserReceivedAccount = type == "USER_BANK_CARD" ? "用户银行卡" : "商户银行账户";
            ScheduleSettlement(refund);
            return ApiResult.Ok(refund.ToJson());
        }
    }

    // ---- control: POST sandbox/v1/refund/domestic/refunds/{out_refund_no}/settle ---------------------------------------

    private ApiResult SettleRoute(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var status = JsonBody.RequiredString(body, "status");
        if (Array.IndexOf(SettleStates, status) < 0)
            throw SandboxError.ParamError($"status取值无效，应为{string.Join("、", SettleStates)} (status must be one of {string.Join(", ", SettleStates)})",
                "/status", $"must be one of {string.Join(", ", SettleStates)}", value: status);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        return ApiResult.Ok(SettleNow(context.Merchant, subMchId, context.Path("out_refund_no"), status));
    }

    public byte[] SettleNow(SandboxMerchant merchant, string? subMchId, string outRefundNo, string status)
    {
        if (Array.IndexOf(SettleStates, status) < 0)
            throw new ArgumentException($"status must be one of {string.Join(", ", SettleStates)}.", nameof(status));
        PaymentRefund refund;
        lock (ledger.Gate)
            refund = Find(merchant, subMchId, outRefundNo);
        return Settle(refund, status);
    }
}
