using System.Text.Json;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Orders (下单, 查询订单, 关闭订单) in the direct, service-provider and combined forms, with the gateway's rules: an
/// order starts NOTPAY; the same <c>out_trade_no</c> with the same parameters gets the same answer and with others
/// <c>403 OUT_TRADE_NO_USED</c>; only an unpaid order closes; a closed order cannot be paid. The payer is played by
/// the control API (<c>PayerApi</c>).
/// </summary>
internal sealed class TransactionsApi(PaymentLedger ledger)
{
    public static readonly string[] TradeTypes = ["jsapi", "app", "h5", "native"];

    public void MapRoutes(Router router)
    {
        foreach (var type in TradeTypes)
        {
            router.Map("POST", "v3/pay/transactions/" + type, c => Prepay(c, OrderForm.Direct, type));
            router.Map("POST", "v3/pay/partner/transactions/" + type, c => Prepay(c, OrderForm.Partner, type));
            router.Map("POST", "v3/combine-transactions/" + type, c => PrepayCombine(c, type));
        }
        router.Map("GET", "v3/pay/transactions/id/{transaction_id}", c => Query(c, OrderForm.Direct, byTransactionId: true));
        router.Map("GET", "v3/pay/transactions/out-trade-no/{out_trade_no}", c => Query(c, OrderForm.Direct, byTransactionId: false));
        router.Map("POST", "v3/pay/transactions/out-trade-no/{out_trade_no}/close", c => Close(c, OrderForm.Direct));
        router.Map("GET", "v3/pay/partner/transactions/id/{transaction_id}", c => Query(c, OrderForm.Partner, byTransactionId: true));
        router.Map("GET", "v3/pay/partner/transactions/out-trade-no/{out_trade_no}", c => Query(c, OrderForm.Partner, byTransactionId: false));
        router.Map("POST", "v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close", c => Close(c, OrderForm.Partner));
        router.Map("GET", "v3/combine-transactions/out-trade-no/{combine_out_trade_no}", QueryCombine);
        router.Map("POST", "v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close", CloseCombine);
    }

    // ---- 下单 POST v3/pay/transactions/{type}, v3/pay/partner/transactions/{type} ---------------------------------

    private ApiResult Prepay(RouteContext context, OrderForm form, string type)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        string appId, subMchId = null!;
        string? subAppId = null;
        if (form == OrderForm.Direct)
        {
            appId = PaymentRules.AppId(body, "appid");
            PaymentRules.SignerMerchant(body, "mchid", context.Merchant);
        }
        else
        {
            appId = PaymentRules.AppId(body, "sp_appid");
            PaymentRules.SignerMerchant(body, "sp_mchid", context.Merchant);
            subAppId = PaymentRules.OptionalAppId(body, "sub_appid");
            subMchId = PaymentRules.Text(body, "sub_mchid", 32);
            if (subMchId == context.Merchant.MerchantId)
                throw SandboxError.ParamError("sub_mchid不能与sp_mchid相同 (sub_mchid must be a sub-merchant, not the service provider)", "/sub_mchid", "must differ from sp_mchid", value: subMchId);
        }
        var description = PaymentRules.Text(body, "description", 127);
        var outTradeNo = PaymentRules.OrderNumber(body, "out_trade_no");
        PaymentRules.OptionalTime(body, "time_expire");
        var attach = PaymentRules.OptionalText(body, "attach", 128);
        var notifyUrl = PaymentRules.NotifyUrl(body);
        PaymentRules.OptionalText(body, "goods_tag", 32);
        var amount = JsonBody.RequiredObject(body, "amount");
        var total = PaymentRules.Amount(amount, "total", "/amount");
        var currency = PaymentRules.CurrencyOf(amount, "/amount");
        var (openId, subOpenId) = ReadPayer(body, form, type, subAppId);
        var deviceId = ReadScene(body, type);

        lock (ledger.Gate)
        {
            var fingerprint = PaymentRules.Fingerprint(body);
            var existing = ledger.FindOrder(context.Merchant.MerchantId, form == OrderForm.Partner ? subMchId : null, outTradeNo);
            if (existing is not null)
                return Repeat(existing, fingerprint, existing.PrepayId, type);
            var order = new PaymentOrder
            {
                Form = form,
                Owner = context.Merchant,
                TradeType = type.ToUpperInvariant(),
                AppId = appId,
                SubMchId = form == OrderForm.Partner ? subMchId : null,
                SubAppId = subAppId,
                OutTradeNo = outTradeNo,
                Description = description,
                Attach = attach,
                NotifyUrl = notifyUrl,
                Total = total,
                Currency = currency,
                OpenId = openId,
                SubOpenId = subOpenId,
                DeviceId = deviceId,
                CreateTime = ledger.Now,
                Fingerprint = fingerprint,
                PrepayId = ledger.NewPrepayId(),
            };
            ledger.AddOrder(order);
            return ApiResult.Ok(PrepayAnswer(type, order.PrepayId));
        }
    }

    private static (string? OpenId, string? SubOpenId) ReadPayer(JsonElement body, OrderForm form, string type, string? subAppId)
    {
        var payer = type == "jsapi" ? JsonBody.RequiredObject(body, "payer") : PaymentRules.OptionalObject(body, "payer");
        if (payer is not { } p)
            return (null, null);
        if (form == OrderForm.Direct)
            return (type == "jsapi" ? PaymentRules.Text(p, "openid", 128, "/payer") : PaymentRules.OptionalText(p, "openid", 128, "/payer"), null);
        var spOpenId = PaymentRules.OptionalText(p, "sp_openid", 128, "/payer");
        var subOpenId = PaymentRules.OptionalText(p, "sub_openid", 128, "/payer");
        if (type == "jsapi" && spOpenId is null && subOpenId is null)
            throw SandboxError.ParamError("sp_openid和sub_openid必须填写其一 (the payer needs sp_openid or sub_openid)", "/payer", "needs sp_openid or sub_openid");
        if (subOpenId is not null && subAppId is null)
            throw SandboxError.ParamError("传入sub_openid时sub_appid必填 (sub_openid needs sub_appid)", "/sub_appid", "required with sub_openid");
        return (spOpenId, subOpenId);
    }

    /// <summary>H5 needs <c>scene_info.payer_client_ip</c> and <c>scene_info.h5_info.type</c>; the device ID is kept for the query.</summary>
    private static string? ReadScene(JsonElement body, string type)
    {
        var scene = type == "h5" ? JsonBody.RequiredObject(body, "scene_info") : PaymentRules.OptionalObject(body, "scene_info");
        if (scene is not { } s)
            return null;
        if (type == "h5")
        {
            PaymentRules.Text(s, "payer_client_ip", 45, "/scene_info");
            var h5 = JsonBody.RequiredObject(s, "h5_info", "/scene_info");
            PaymentRules.Text(h5, "type", 32, "/scene_info/h5_info");
        }
        return PaymentRules.OptionalText(s, "device_id", 32, "/scene_info");
    }

    /// <summary>An order number seen before: the first answer again if nothing changed and it is still payable.</summary>
    private static ApiResult Repeat(PaymentOrder existing, string fingerprint, string prepayId, string type)
    {
        if (existing.Fingerprint != fingerprint || existing.TradeType != type.ToUpperInvariant())
            throw new SandboxError(403, "OUT_TRADE_NO_USED", "商户订单号重复，同一笔交易不能多次提交不同的参数 (this out_trade_no was used with other parameters)");
        if (existing.IsPaid)
            throw new SandboxError(400, "ORDERPAID", "该订单已支付 (the order is already paid)");
        if (existing.TradeState is "CLOSED" or "PAYERROR")
            throw new SandboxError(400, "ORDER_CLOSED", "订单已关闭，请使用新的商户订单号下单 (the order is closed; place a new order)");
        return ApiResult.Ok(PrepayAnswer(type, prepayId));
    }

    private static byte[] PrepayAnswer(string type, string prepayId) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        switch (type)
        {
            case "native":
                // The code is derived from the prepay ID, so a repeated request answers the same code_url.
                w.WriteString("code_url", "weixin://wxpay/bizpayurl?pr=" + ShortCode(prepayId));
                break;
            case "h5":
                w.WriteString("h5_url", "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=" + prepayId + "&package=" + ShortCode(prepayId + "package"));
                break;
            default:
                w.WriteString("prepay_id", prepayId);
                break;
        }
        w.WriteEndObject();
    });

    private static string ShortCode(string seed)
    {
        const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        var chars = new char[9];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Base62[hash[i] % Base62.Length];
        return new string(chars);
    }

    // ---- 合单下单 POST v3/combine-transactions/{type} --------------------------------------------------------------

    public const int MaxSubOrders = 50;

    private ApiResult PrepayCombine(RouteContext context, string type)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var appId = PaymentRules.AppId(body, "combine_appid");
        PaymentRules.SignerMerchant(body, "combine_mchid", context.Merchant);
        var combineOutTradeNo = PaymentRules.OrderNumber(body, "combine_out_trade_no", min: 2);
        var notifyUrl = PaymentRules.NotifyUrl(body);
        PaymentRules.OptionalTime(body, "time_start");
        PaymentRules.OptionalTime(body, "time_expire");
        string? openId = null;
        if (type == "jsapi")
            openId = PaymentRules.Text(JsonBody.RequiredObject(body, "combine_payer_info"), "openid", 128, "/combine_payer_info");
        else if (PaymentRules.OptionalObject(body, "combine_payer_info") is { } payer)
            openId = PaymentRules.OptionalText(payer, "openid", 128, "/combine_payer_info");
        var deviceId = ReadScene(body, type);
        var list = JsonBody.RequiredArray(body, "sub_orders");
        var count = list.GetArrayLength();
        if (count is < 1 or > MaxSubOrders)
            throw SandboxError.ParamError($"子单数量应为【1, {MaxSubOrders}】 (sub_orders must hold 1 to {MaxSubOrders} orders)", "/sub_orders", $"must hold 1 to {MaxSubOrders} orders");
        var subs = new List<(string MchId, string? SubMchId, string OutTradeNo, string Description, string Attach, long Total, string Currency)>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var pointer = "/sub_orders/" + index++;
            if (item.ValueKind != JsonValueKind.Object)
                throw SandboxError.ParamError("子单应为JSON对象 (each sub-order must be an object)", pointer, "expected an object");
            var mchId = PaymentRules.Text(item, "mchid", 32, pointer);
            var attach = PaymentRules.Text(item, "attach", 128, pointer);
            var amount = JsonBody.RequiredObject(item, "amount", pointer);
            var total = PaymentRules.Amount(amount, "total_amount", pointer + "/amount");
            var currency = PaymentRules.CurrencyOf(amount, pointer + "/amount");
            var outTradeNo = PaymentRules.OrderNumber(item, "out_trade_no", pointer);
            var subMchId = PaymentRules.OptionalText(item, "sub_mchid", 32, pointer);
            var description = PaymentRules.Text(item, "description", 127, pointer);
            if (subs.Exists(s => s.OutTradeNo == outTradeNo))
                throw SandboxError.ParamError("子单商户订单号重复 (two sub-orders share an out_trade_no)", pointer + "/out_trade_no", "must be unique among sub_orders", value: outTradeNo);
            subs.Add((mchId, subMchId, outTradeNo, description, attach, total, currency));
        }

        lock (ledger.Gate)
        {
            var fingerprint = PaymentRules.Fingerprint(body);
            if (ledger.FindCombine(context.Merchant.MerchantId, combineOutTradeNo) is { } existing)
            {
                if (existing.Fingerprint != fingerprint || existing.TradeType != type.ToUpperInvariant())
                    throw new SandboxError(403, "OUT_TRADE_NO_USED", "合单商户订单号重复，同一笔交易不能多次提交不同的参数 (this combine_out_trade_no was used with other parameters)");
                return Repeat(existing.SubOrders[0], existing.SubOrders[0].Fingerprint, existing.PrepayId, type);
            }
            foreach (var sub in subs)
            {
                if (ledger.FindOrder(context.Merchant.MerchantId, null, sub.OutTradeNo) is not null)
                    throw new SandboxError(403, "OUT_TRADE_NO_USED", $"子单商户订单号{sub.OutTradeNo}已被使用 (a sub-order's out_trade_no was used before)");
            }
            var combine = new CombineOrder
            {
                Owner = context.Merchant,
                CombineAppId = appId,
                CombineOutTradeNo = combineOutTradeNo,
                TradeType = type.ToUpperInvariant(),
                NotifyUrl = notifyUrl,
                OpenId = openId,
                DeviceId = deviceId,
                Fingerprint = fingerprint,
                PrepayId = ledger.NewPrepayId(),
            };
            foreach (var sub in subs)
            {
                var order = new PaymentOrder
                {
                    Form = OrderForm.Combine,
                    Owner = context.Merchant,
                    TradeType = combine.TradeType,
                    AppId = appId,
                    OrderMchId = sub.MchId,
                    SubMchId = null,
                    OutTradeNo = sub.OutTradeNo,
                    Description = sub.Description,
                    Attach = sub.Attach,
                    Total = sub.Total,
                    Currency = sub.Currency,
                    OpenId = openId,
                    CreateTime = ledger.Now,
                    Fingerprint = fingerprint,
                    PrepayId = combine.PrepayId,
                    Combine = combine,
                };
                combine.SubOrders.Add(order);
                ledger.AddOrder(order);
            }
            ledger.AddCombine(combine);
            return ApiResult.Ok(PrepayAnswer(type, combine.PrepayId));
        }
    }

    // ---- 查询订单 ----------------------------------------------------------------------------------------------------

    private ApiResult Query(RouteContext context, OrderForm form, bool byTransactionId)
    {
        var subMchId = RequireQueryMerchant(context, form);
        lock (ledger.Gate)
        {
            var order = byTransactionId
                ? ledger.FindByTransactionId(context.Merchant.MerchantId, subMchId, context.Path("transaction_id"))
                : ledger.FindOrder(context.Merchant.MerchantId, subMchId, context.Path("out_trade_no"));
            if (order is null || (order.Form != form && !(form == OrderForm.Direct && order.Form == OrderForm.Combine)))
                throw OrderNotExist();
            return ApiResult.Ok(order.ToJson());
        }
    }

    /// <summary>The query's <c>mchid</c> (or <c>sp_mchid</c> and <c>sub_mchid</c>); returns the sub-merchant, if any.</summary>
    private static string? RequireQueryMerchant(RouteContext context, OrderForm form)
    {
        var name = form == OrderForm.Direct ? "mchid" : "sp_mchid";
        if (!context.Query.TryGetValue(name, out var mchId) || mchId.Length == 0)
            throw SandboxError.ParamError($"缺少参数{name} ({name} is required)", name, "required", "query");
        if (mchId != context.Merchant.MerchantId)
            throw SandboxError.ParamError($"{name}与请求签名的商户号不一致 ({name} must be the merchant that signs the request)", name,
                "must be the merchant that signs the request", "query", mchId);
        if (form == OrderForm.Direct)
            return null;
        if (!context.Query.TryGetValue("sub_mchid", out var sub) || sub.Length == 0)
            throw SandboxError.ParamError("缺少参数sub_mchid (sub_mchid is required)", "sub_mchid", "required", "query");
        return sub;
    }

    public static SandboxError OrderNotExist() => new(404, "ORDER_NOT_EXIST", "订单不存在 (no such order for this merchant)");

    private ApiResult QueryCombine(RouteContext context)
    {
        lock (ledger.Gate)
        {
            var combine = ledger.FindCombine(context.Merchant.MerchantId, context.Path("combine_out_trade_no")) ?? throw OrderNotExist();
            return ApiResult.Ok(combine.ToJson());
        }
    }

    // ---- 关闭订单 ----------------------------------------------------------------------------------------------------

    private ApiResult Close(RouteContext context, OrderForm form)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        string? subMchId = null;
        if (form == OrderForm.Direct)
        {
            PaymentRules.SignerMerchant(body, "mchid", context.Merchant);
        }
        else
        {
            PaymentRules.SignerMerchant(body, "sp_mchid", context.Merchant);
            subMchId = PaymentRules.Text(body, "sub_mchid", 32);
        }
        lock (ledger.Gate)
        {
            var order = ledger.FindOrder(context.Merchant.MerchantId, subMchId, context.Path("out_trade_no"));
            if (order is null || order.Form != form)
                throw OrderNotExist();
            CloseOne(order);
            return new ApiResult(204, []);
        }
    }

    private ApiResult CloseCombine(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        PaymentRules.AppId(body, "combine_appid");
        JsonBody.RequiredArray(body, "sub_orders");
        lock (ledger.Gate)
        {
            var combine = ledger.FindCombine(context.Merchant.MerchantId, context.Path("combine_out_trade_no")) ?? throw OrderNotExist();
            foreach (var order in combine.SubOrders)
                CheckClosable(order);
            foreach (var order in combine.SubOrders)
                CloseOne(order);
            return new ApiResult(204, []);
        }
    }

    /// <summary>Only an unpaid order closes; closing a closed one again is accepted, as the gateway does.</summary>
    private static void CloseOne(PaymentOrder order)
    {
        CheckClosable(order);
        order.TradeState = "CLOSED";
    }

    private static void CheckClosable(PaymentOrder order)
    {
        if (order.IsPaid)
            throw new SandboxError(400, "ORDERPAID", "订单已支付，不能关闭，如需退款请调用申请退款接口 (a paid order cannot be closed; refund it instead)");
        if (order.TradeState == "PAYERROR")
            throw new SandboxError(400, "INVALID_REQUEST", "订单支付失败，无需关闭 (the payment failed; the order needs no closing)");
    }
}
