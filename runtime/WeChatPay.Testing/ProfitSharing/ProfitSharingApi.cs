using WeChatPay.Testing.Crypto;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.ProfitSharing;

/// <summary>
/// 分账 with the gateway's rules: only a paid sandbox order can be shared, never beyond what is left unsplit (403
/// NOT_ENOUGH), and only to receivers added first, whose name, when given, must match (names are sensitive
/// fields). An order is PROCESSING when made and FINISHED from its next query on; <c>unfreeze_unsplit</c> or an
/// unfreeze releases the rest. A return takes back at most what a merchant receiver got. The same number with the
/// same request answers the existing order or return.
/// </summary>
internal sealed class ProfitSharingApi(PaymentLedger ledger, SensitiveFields sensitive, BillsApi bills)
{
    public const int MaxReceivers = 50;
    public const int MaxRatio = 3000;
    private static readonly string[] ReceiverTypes = ["MERCHANT_ID", "PERSONAL_OPENID", "PERSONAL_SUB_OPENID"];
    private static readonly string[] RelationTypes = ["STORE", "STAFF", "STORE_OWNER", "PARTNER", "HEADQUARTER", "BRAND", "DISTRIBUTOR", "USER", "SUPPLIER", "SERVICE_PROVIDER", "CUSTOM"];

    private readonly object _gate = new();
    private readonly Dictionary<string, SharingReceiver> _receivers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharingOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharingOrder> _byOrderId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unsplit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SharingReturn> _returns = new(StringComparer.Ordinal);

    public void MapRoutes(Router router)
    {
        router.Map("POST", "v3/profitsharing/orders", CreateOrder);
        router.Map("GET", "v3/profitsharing/orders/{out_order_no}", QueryOrder);
        router.Map("POST", "v3/profitsharing/orders/unfreeze", Unfreeze);
        router.Map("POST", "v3/profitsharing/return-orders", CreateReturn);
        router.Map("GET", "v3/profitsharing/return-orders/{out_return_no}", QueryReturn);
        router.Map("POST", "v3/profitsharing/receivers/add", AddReceiver);
        router.Map("POST", "v3/profitsharing/receivers/delete", DeleteReceiver);
        router.Map("GET", "v3/profitsharing/transactions/{transaction_id}/amounts", Amounts);
        router.Map("GET", "v3/profitsharing/merchant-configs/{sub_mchid}", MerchantConfig);
        router.Map("GET", "v3/profitsharing/bills", Bill);
    }

    private static string Key(RouteContext context, string? subMchId, string number) => context.Merchant.MerchantId + "/" + subMchId + "/" + number;

    private static string? Sub(RouteContext context) => context.Query.TryGetValue("sub_mchid", out var sub) && sub.Length > 0 ? sub : null;

    private DateTimeOffset Now => ledger.Now;

    // ---- 接收方 ------------------------------------------------------------------------------------------------------

    private ApiResult AddReceiver(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        PaymentRules.AppId(body, "appid");
        PaymentRules.OptionalAppId(body, "sub_appid");
        var type = ReceiverType(body, "");
        var account = PaymentRules.Text(body, "account", 64);
        var encryptedName = JsonBody.OptionalString(body, "name");
        if (encryptedName is null && type == "MERCHANT_ID")
            throw SandboxError.ParamError("接收方类型为MERCHANT_ID时，name必填，为商户全称 (name is required for a MERCHANT_ID receiver)", "/name", "required when type is MERCHANT_ID");
        var name = encryptedName is null ? null : sensitive.Decrypt(context, encryptedName, "/name");
        var relation = PaymentRules.Text(body, "relation_type", 32);
        if (Array.IndexOf(RelationTypes, relation) < 0)
            throw SandboxError.ParamError("relation_type取值无效 (unknown relation_type)", "/relation_type", "must be one of " + string.Join(", ", RelationTypes), value: relation);
        var custom = PaymentRules.OptionalText(body, "custom_relation", 10);
        if (relation == "CUSTOM" && custom is null)
            throw SandboxError.ParamError("relation_type为CUSTOM时，custom_relation必填 (custom_relation is required for CUSTOM)", "/custom_relation", "required when relation_type is CUSTOM");
        lock (_gate)
            _receivers[Key(context, subMchId, type + "/" + account)] = new SharingReceiver(type, account, name, relation, custom);
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            if (subMchId is not null)
                w.WriteString("sub_mchid", subMchId);
            w.WriteString("type", type);
            w.WriteString("account", account);
            if (name is not null)
                w.WriteString("name", SensitiveFields.EncryptFor(context.Merchant, name));
            w.WriteString("relation_type", relation);
            if (custom is not null)
                w.WriteString("custom_relation", custom);
            w.WriteEndObject();
        }));
    }

    private ApiResult DeleteReceiver(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        PaymentRules.AppId(body, "appid");
        PaymentRules.OptionalAppId(body, "sub_appid");
        var type = ReceiverType(body, "");
        var account = PaymentRules.Text(body, "account", 64);
        lock (_gate)
            _receivers.Remove(Key(context, subMchId, type + "/" + account));
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            if (subMchId is not null)
                w.WriteString("sub_mchid", subMchId);
            w.WriteString("type", type);
            w.WriteString("account", account);
            w.WriteEndObject();
        }));
    }

    private static string ReceiverType(JsonElement body, string pointer)
    {
        var type = PaymentRules.Text(body, "type", 32, pointer);
        if (Array.IndexOf(ReceiverTypes, type) < 0)
            throw SandboxError.ParamError("分账接收方类型type取值无效 (unknown receiver type)", pointer + "/type", "must be MERCHANT_ID, PERSONAL_OPENID or PERSONAL_SUB_OPENID", value: type);
        return type;
    }

    // ---- 请求分账 / 解冻 -------------------------------------------------------------------------------------------------

    private ApiResult CreateOrder(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        PaymentRules.AppId(body, "appid");
        PaymentRules.OptionalAppId(body, "sub_appid");
        var transactionId = PaymentRules.Text(body, "transaction_id", 32);
        var outOrderNo = PaymentRules.OrderNumber(body, "out_order_no", min: 1, max: 64, allowAt: true);
        var receivers = JsonBody.RequiredArray(body, "receivers");
        if (receivers.GetArrayLength() is 0 or > MaxReceivers)
            throw SandboxError.ParamError($"分账接收方receivers应为1到{MaxReceivers}个 (receivers must hold 1 to {MaxReceivers} items)", "/receivers", $"must hold 1 to {MaxReceivers} items");
        if (!body.TryGetProperty("unfreeze_unsplit", out var unfreezeValue) || unfreezeValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw SandboxError.ParamError("unfreeze_unsplit必填，应为布尔值 (unfreeze_unsplit is a required boolean)", "/unfreeze_unsplit", "required boolean");
        var requested = new List<(string Type, string Account, string? Name, long Amount, string Description)>();
        var index = 0;
        foreach (var receiver in receivers.EnumerateArray())
        {
            var pointer = "/receivers/" + index++;
            if (receiver.ValueKind != JsonValueKind.Object)
                throw SandboxError.ParamError("分账接收方应为对象 (each receiver must be an object)", pointer, "expected an object");
            var type = ReceiverType(receiver, pointer);
            var account = PaymentRules.Text(receiver, "account", 64, pointer);
            var encryptedName = JsonBody.OptionalString(receiver, "name", pointer);
            var name = encryptedName is null ? null : sensitive.Decrypt(context, encryptedName, pointer + "/name");
            var amount = PaymentRules.Amount(receiver, "amount", pointer);
            var description = PaymentRules.Text(receiver, "description", 80, pointer);
            requested.Add((type, account, name, amount, description));
        }

        lock (ledger.Gate)
        lock (_gate)
        {
            if (_orders.TryGetValue(Key(context, subMchId, outOrderNo), out var existing))
            {
                if (existing.TransactionId != transactionId || existing.Shares.Count != requested.Count)
                    throw SandboxError.InvalidRequest("商户分账单号out_order_no已使用，且请求参数与之前不一致 (this out_order_no was used with other parameters)");
                return ApiResult.Ok(existing.ToJson());
            }
            var unsplit = Unsplit(context, subMchId, transactionId);
            foreach (var (type, account, name, _, _) in requested)
            {
                var known = _receivers.GetValueOrDefault(Key(context, subMchId, type + "/" + account))
                    ?? throw SandboxError.InvalidRequest($"分账接收方{account}未添加，请先调用添加分账接收方接口 (add the receiver first)");
                if (name is not null && known.Name is not null && known.Name != name)
                    throw SandboxError.InvalidRequest($"分账接收方{account}的姓名与添加时不一致 (the receiver's name does not match)");
            }
            var total = requested.Sum(r => r.Amount);
            if (total > unsplit)
                throw new SandboxError(403, "NOT_ENOUGH", $"分账金额超过剩余待分金额{unsplit}分 (the shares exceed the {unsplit} fen left unsplit)");
            var now = Now;
            var order = NewOrder(subMchId, transactionId, outOrderNo, requested.Select(r => NewShare(r.Type, r.Account, r.Amount, r.Description, now)));
            _unsplit[transactionId] = unfreezeValue.GetBoolean() ? 0 : unsplit - total;
            Add(context, order);
            return ApiResult.Ok(order.ToJson());
        }
    }

    private ApiResult Unfreeze(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        var transactionId = PaymentRules.Text(body, "transaction_id", 32);
        var outOrderNo = PaymentRules.OrderNumber(body, "out_order_no", min: 1, max: 64, allowAt: true);
        var description = PaymentRules.Text(body, "description", 80);
        lock (ledger.Gate)
        lock (_gate)
        {
            if (_orders.TryGetValue(Key(context, subMchId, outOrderNo), out var existing))
                return ApiResult.Ok(existing.ToJson());
            var rest = Unsplit(context, subMchId, transactionId);
            if (rest == 0)
                throw SandboxError.InvalidRequest("该订单已无剩余待分金额，无需解冻 (nothing is left to unfreeze)");
            var now = Now;
            var order = NewOrder(subMchId, transactionId, outOrderNo, [NewShare("MERCHANT_ID", subMchId ?? context.Merchant.MerchantId, rest, description, now)]);
            order.Settle(now);
            _unsplit[transactionId] = 0;
            Add(context, order);
            return ApiResult.Ok(order.ToJson());
        }
    }

    private SharingOrder NewOrder(string? subMchId, string transactionId, string outOrderNo, IEnumerable<Share> shares) => new()
    {
        SubMchId = subMchId,
        TransactionId = transactionId,
        OutOrderNo = outOrderNo,
        OrderId = "3008450740201411110007820" + SandboxRandom.Digits(7),
        Shares = [.. shares],
    };

    private static Share NewShare(string type, string account, long amount, string description, DateTimeOffset now) => new()
    {
        Type = type,
        Account = account,
        Amount = amount,
        Description = description,
        DetailId = "36011111111111111111111" + SandboxRandom.Digits(6),
        CreateTime = now,
    };

    private void Add(RouteContext context, SharingOrder order)
    {
        _orders.Add(Key(context, order.SubMchId, order.OutOrderNo), order);
        _byOrderId.Add(order.OrderId, order);
    }

    /// <summary>What is left to share of a paid order: its total less refunds, until a sharing or unfreeze changes it. Call under both locks.</summary>
    private long Unsplit(RouteContext context, string? subMchId, string transactionId)
    {
        var order = ledger.FindByTransactionId(context.Merchant.MerchantId, subMchId, transactionId)
            ?? throw SandboxError.NotExists("微信支付订单号transaction_id对应的订单不存在 (no such paid order for this merchant)");
        if (!order.IsPaid)
            throw SandboxError.InvalidRequest($"订单状态为{order.TradeState}，未支付的订单不能分账 (only a paid order can be shared)");
        if (!_unsplit.TryGetValue(transactionId, out var unsplit))
            unsplit = _unsplit[transactionId] = order.Total - order.RefundedOrPending;
        return unsplit;
    }

    private ApiResult QueryOrder(RouteContext context)
    {
        if (!context.Query.TryGetValue("transaction_id", out var transactionId) || transactionId.Length == 0)
            throw SandboxError.ParamError("缺少参数transaction_id (transaction_id is required)", "transaction_id", "required", "query");
        lock (_gate)
        {
            var order = _orders.GetValueOrDefault(Key(context, Sub(context), context.Path("out_order_no")));
            if (order is null || order.TransactionId != transactionId)
                throw SandboxError.NotExists("分账单不存在 (no such profit-sharing order)");
            order.Settle(Now);
            return ApiResult.Ok(order.ToJson());
        }
    }

    private ApiResult Amounts(RouteContext context)
    {
        var transactionId = context.Path("transaction_id");
        lock (ledger.Gate)
        lock (_gate)
        {
            var unsplit = Unsplit(context, Sub(context), transactionId);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("transaction_id", transactionId);
                w.WriteNumber("unsplit_amount", unsplit);
                w.WriteEndObject();
            }));
        }
    }

    // ---- 分账回退 ---------------------------------------------------------------------------------------------------

    private ApiResult CreateReturn(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var subMchId = PaymentRules.OptionalText(body, "sub_mchid", 32);
        var orderId = PaymentRules.OptionalText(body, "order_id", 64);
        var outOrderNo = PaymentRules.OptionalText(body, "out_order_no", 64);
        if (orderId is null && outOrderNo is null)
            throw SandboxError.ParamError("order_id和out_order_no必须二选一 (give order_id or out_order_no)", "/out_order_no", "order_id or out_order_no is required");
        var outReturnNo = PaymentRules.OrderNumber(body, "out_return_no", min: 1, max: 64, allowAt: true);
        var returnMchId = PaymentRules.Text(body, "return_mchid", 32);
        var amount = PaymentRules.Amount(body, "amount", "");
        var description = PaymentRules.Text(body, "description", 80);
        lock (_gate)
        {
            if (_returns.TryGetValue(Key(context, subMchId, outReturnNo), out var existing))
                return ApiResult.Ok(existing.ToJson());
            var order = (orderId is not null ? _byOrderId.GetValueOrDefault(orderId) : _orders.GetValueOrDefault(Key(context, subMchId, outOrderNo!)))
                ?? throw SandboxError.NotExists("分账单不存在 (no such profit-sharing order)");
            var share = order.Shares.FirstOrDefault(s => s.Type == "MERCHANT_ID" && s.Account == returnMchId)
                ?? throw SandboxError.InvalidRequest($"回退商户{returnMchId}不是该分账单的商户接收方 (return_mchid received no share of this order)");
            if (amount > share.Amount - share.Returned)
                throw new SandboxError(403, "NOT_ENOUGH", $"回退金额超过可回退金额{share.Amount - share.Returned}分 (more than the receiver's {share.Amount - share.Returned} fen)");
            share.Returned += amount;
            var created = new SharingReturn(order, outReturnNo, "3008450740201411110007820" + SandboxRandom.Digits(7), returnMchId, amount, description, Now);
            _returns.Add(Key(context, subMchId, outReturnNo), created);
            return ApiResult.Ok(created.ToJson());
        }
    }

    private ApiResult QueryReturn(RouteContext context)
    {
        if (!context.Query.TryGetValue("out_order_no", out var outOrderNo) || outOrderNo.Length == 0)
            throw SandboxError.ParamError("缺少参数out_order_no (out_order_no is required)", "out_order_no", "required", "query");
        lock (_gate)
        {
            var found = _returns.GetValueOrDefault(Key(context, Sub(context), context.Path("out_return_no")));
            if (found is null || found.Order.OutOrderNo != outOrderNo)
                throw SandboxError.NotExists("分账回退单不存在 (no such return)");
            return ApiResult.Ok(found.ToJson());
        }
    }

    // ---- 最大分账比例, 分账账单 -------------------------------------------------------------------------------------------

    private ApiResult MerchantConfig(RouteContext context) => ApiResult.Ok(SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("sub_mchid", context.Path("sub_mchid"));
        w.WriteNumber("max_ratio", MaxRatio);
        w.WriteEndObject();
    }));

    /// <summary>The day's shares (China time) as a CSV, offered for download like the trade bill.</summary>
    private ApiResult Bill(RouteContext context)
    {
        var date = bills.BillDate(context);
        var gzip = BillsApi.TarType(context);
        var text = new StringBuilder("分账时间,分账发起方,分账方,分账接收方,分账金额(元),分账单号,商户分账单号,业务类型,处理状态,备注\r\n");
        var rows = 0;
        lock (_gate)
        {
            var prefix = context.Merchant.MerchantId + "/" + Sub(context) + "/";
            foreach (var (key, order) in _orders)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                foreach (var share in order.Shares.Where(s => DateOnly.FromDateTime(s.CreateTime.ToOffset(TimeSpan.FromHours(8)).DateTime) == date))
                {
                    text.Append(CultureInfo.InvariantCulture, $"`{SandboxJson.Time(share.CreateTime)},`{context.Merchant.MerchantId},`{order.SubMchId ?? context.Merchant.MerchantId},`{share.Account},`{share.Amount / 100m:0.00},`{order.OrderId},`{order.OutOrderNo},`分账,`{share.Result},`{share.Description}\r\n");
                    rows++;
                }
            }
        }
        if (rows == 0)
            throw new SandboxError(400, "NO_STATEMENT_EXIST", "账单文件不存在，当日没有分账 (no bill: no sharing that day)");
        return bills.Offer(context, Encoding.UTF8.GetBytes(text.ToString()), gzip);
    }
}
