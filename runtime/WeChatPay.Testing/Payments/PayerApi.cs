using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// The sandbox's control API, which plays the payer; it is not part of WeChat Pay, hence the <c>/sandbox/v1/</c>
/// prefix. A signed request of the order's merchant pays (or fails) an unpaid order; the answer is the transaction,
/// signed like every answer; a successful payment sends TRANSACTION.SUCCESS to the order's <c>notify_url</c>.
/// </summary>
internal sealed class PayerApi(PaymentLedger ledger, Action<SandboxMerchant, Uri, string, string, byte[], string> notify)
{
    /// <summary>The states a payer can bring an order to: paid, failed, or still entering the password.</summary>
    public static readonly string[] PayStates = ["SUCCESS", "PAYERROR", "USERPAYING"];

    public void MapRoutes(Router router)
    {
        router.Map("POST", "sandbox/v1/pay/transactions/out-trade-no/{out_trade_no}/pay", c => PayRoute(c, partner: false));
        router.Map("POST", "sandbox/v1/pay/partner/transactions/out-trade-no/{out_trade_no}/pay", c => PayRoute(c, partner: true));
        router.Map("POST", "sandbox/v1/combine-transactions/out-trade-no/{combine_out_trade_no}/pay", PayCombineRoute);
    }

    private ApiResult PayRoute(RouteContext context, bool partner)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var (state, openId, bankType) = ReadPayment(body);
        var subMchId = partner ? PaymentRules.Text(body, "sub_mchid", 32) : null;
        return ApiResult.Ok(Pay(context.Merchant, subMchId, context.Path("out_trade_no"), state, openId, bankType));
    }

    private ApiResult PayCombineRoute(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var (state, openId, bankType) = ReadPayment(body);
        return ApiResult.Ok(PayCombine(context.Merchant, context.Path("combine_out_trade_no"), state, openId, bankType));
    }

    private static (string State, string? OpenId, string? BankType) ReadPayment(JsonElement body)
    {
        var state = JsonBody.RequiredString(body, "trade_state");
        if (Array.IndexOf(PayStates, state) < 0)
            throw SandboxError.ParamError($"trade_state取值无效，应为{string.Join("、", PayStates)} (trade_state must be one of {string.Join(", ", PayStates)})",
                "/trade_state", $"must be one of {string.Join(", ", PayStates)}", value: state);
        string? openId = null;
        if (PaymentRules.OptionalObject(body, "payer") is { } payer)
            openId = PaymentRules.OptionalText(payer, "openid", 128, "/payer");
        var bankType = PaymentRules.OptionalText(body, "bank_type", 32);
        return (state, openId, bankType);
    }

    /// <summary>Pays an order of <paramref name="merchant"/> (a direct one, or a partner one with <paramref name="subMchId"/>).</summary>
    public byte[] Pay(SandboxMerchant merchant, string? subMchId, string outTradeNo, string state, string? openId, string? bankType)
    {
        CheckState(state);
        PaymentOrder order;
        byte[] answer;
        lock (ledger.Gate)
        {
            order = ledger.FindOrder(merchant.MerchantId, subMchId, outTradeNo) ?? throw TransactionsApi.OrderNotExist();
            if (order.Combine is not null)
                throw new SandboxError(400, "INVALID_REQUEST", "这是合单的子单，请支付合单 (this is a sub-order; pay its combined order)");
            CheckPayable(order);
            Apply(order, state, openId, bankType);
            answer = order.ToJson();
        }
        if (state == "SUCCESS")
            notify(order.Owner, order.NotifyUrl!, "TRANSACTION.SUCCESS", "支付成功", answer, "transaction");
        return answer;
    }

    /// <summary>Pays every sub-order of a combined order in one payment.</summary>
    public byte[] PayCombine(SandboxMerchant merchant, string combineOutTradeNo, string state, string? openId, string? bankType)
    {
        CheckState(state);
        CombineOrder combine;
        byte[] answer;
        lock (ledger.Gate)
        {
            combine = ledger.FindCombine(merchant.MerchantId, combineOutTradeNo) ?? throw TransactionsApi.OrderNotExist();
            foreach (var order in combine.SubOrders)
                CheckPayable(order);
            openId ??= combine.OpenId ?? PaymentLedger.NewOpenId();
            combine.OpenId = openId;
            foreach (var order in combine.SubOrders)
                Apply(order, state, openId, bankType);
            answer = combine.ToJson();
        }
        if (state == "SUCCESS")
            notify(combine.Owner, combine.NotifyUrl, "TRANSACTION.SUCCESS", "支付成功", answer, "transaction");
        return answer;
    }

    private static void CheckState(string state)
    {
        if (Array.IndexOf(PayStates, state) < 0)
            throw new ArgumentException($"trade_state must be one of {string.Join(", ", PayStates)}.", nameof(state));
    }

    private static void CheckPayable(PaymentOrder order)
    {
        if (order.TradeState == "CLOSED")
            throw new SandboxError(400, "ORDER_CLOSED", "订单已关闭，不能支付 (a closed order cannot be paid)");
        if (order.IsPaid)
            throw new SandboxError(400, "ORDERPAID", "该订单已支付 (the order is already paid)");
        if (order.TradeState == "PAYERROR")
            throw new SandboxError(400, "INVALID_REQUEST", "订单支付失败，请使用新的商户订单号下单 (the payment failed; place a new order)");
    }

    private void Apply(PaymentOrder order, string state, string? openId, string? bankType)
    {
        order.TradeState = state;
        if (openId is not null && order.OpenId is null && order.SubOpenId is null)
            order.OpenId = openId;
        if (state != "SUCCESS")
            return;
        if (order.OpenId is null && order.SubOpenId is null)
            order.OpenId = openId ?? PaymentLedger.NewOpenId();
        order.TransactionId = ledger.NewTransactionId();
        order.SuccessTime = ledger.Now;
        order.BankType = bankType ?? "OTHERS";
        order.PayerTotal = order.Total;
        ledger.Paid(order);
    }
}
