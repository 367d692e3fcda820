using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Favor;

// Stocks: 创建代金券批次, 激活/暂停/重启, 查询批次详情, 条件查询批次列表, 可用商户 and 可用单品.
internal sealed partial class FavorApi
{
    /// <summary>A stock's validity is at most 90 days.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(90);

    private static readonly string[] StockStatuses = ["unactivated", "audit", "running", "stoped", "paused"];

    private ApiResult CreateStock(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockName = PaymentRules.Text(body, "stock_name", 20);
        var comment = PaymentRules.OptionalText(body, "comment", 20);
        var belongMerchant = JsonBody.RequiredString(body, "belong_merchant");
        var begin = JsonBody.RequiredTime(body, "available_begin_time");
        var end = JsonBody.RequiredTime(body, "available_end_time");
        if (end <= begin)
            throw SandboxError.ParamError("批次结束时间须晚于开始时间 (available_end_time must be after available_begin_time)", "/available_end_time", "must be after available_begin_time");
        if (end - begin > MaxValidity)
            throw SandboxError.ParamError("批次有效期最长为90天 (a stock is valid for at most 90 days)", "/available_end_time", "must be at most 90 days after available_begin_time");

        var rule = JsonBody.RequiredObject(body, "stock_use_rule");
        var maxCoupons = Bounded(rule, "max_coupons", "/stock_use_rule", 1, 1_000_000_000);
        var maxAmount = Bounded(rule, "max_amount", "/stock_use_rule", 1, long.MaxValue);
        var maxAmountByDay = rule.TryGetProperty("max_amount_by_day", out var byDay) && byDay.ValueKind != JsonValueKind.Null
            ? Bounded(rule, "max_amount_by_day", "/stock_use_rule", 1, long.MaxValue) : (long?)null;
        var perUser = Bounded(rule, "max_coupons_per_user", "/stock_use_rule", 1, 100);
        RequiredBool(rule, "natural_person_limit", "/stock_use_rule");
        RequiredBool(rule, "prevent_api_abuse", "/stock_use_rule");

        var useRule = JsonBody.RequiredObject(body, "coupon_use_rule");
        var stockType = JsonBody.RequiredString(body, "stock_type");
        if (stockType != "NORMAL")
            throw SandboxError.ParamError("stock_type仅支持NORMAL (only NORMAL stocks can be created)", "/stock_type", "must be NORMAL", value: stockType);
        var fixedRule = JsonBody.RequiredObject(useRule, "fixed_normal_coupon", "/coupon_use_rule");
        const string fixedPointer = "/coupon_use_rule/fixed_normal_coupon";
        var couponAmount = Bounded(fixedRule, "coupon_amount", fixedPointer, 1, 10_000_000);
        var minimum = Bounded(fixedRule, "transaction_minimum", fixedPointer, 1, long.MaxValue);
        if (minimum <= couponAmount)
            throw SandboxError.ParamError("使用券金额门槛须大于面额 (transaction_minimum must exceed coupon_amount)", fixedPointer + "/transaction_minimum", "must exceed coupon_amount");
        if (maxAmount != maxCoupons * couponAmount)
            throw SandboxError.ParamError("总预算须等于发放总上限乘以券面额 (max_amount must be max_coupons × coupon_amount)", "/stock_use_rule/max_amount",
                "must equal max_coupons × coupon_amount", value: maxAmount.ToString(CultureInfo.InvariantCulture));
        if (maxAmountByDay is { } dayCap && (dayCap < couponAmount || dayCap > maxAmount))
            throw SandboxError.ParamError("单天发放上限金额须介于券面额与总预算之间 (max_amount_by_day must be between coupon_amount and max_amount)", "/stock_use_rule/max_amount_by_day",
                "must be between coupon_amount and max_amount");
        bool secondDay = false;
        long? minutesAfterReceive = null;
        if (PaymentRules.OptionalObject(useRule, "coupon_available_time", "/coupon_use_rule") is { } window)
        {
            secondDay = window.TryGetProperty("second_day_available", out var second) && second.ValueKind == JsonValueKind.True;
            if (window.TryGetProperty("available_time_after_receive", out var minutes) && minutes.ValueKind != JsonValueKind.Null)
                minutesAfterReceive = Bounded(window, "available_time_after_receive", "/coupon_use_rule/coupon_available_time", 1, (long)MaxValidity.TotalMinutes);
        }
        var merchants = Strings(useRule, "available_merchants", "/coupon_use_rule") ?? [belongMerchant];
        var items = Strings(useRule, "available_items", "/coupon_use_rule") ?? [];
        var noCash = RequiredBool(body, "no_cash", "");
        var outRequestNo = PaymentRules.Text(body, "out_request_no", 128);
        string? description = null;
        if (PaymentRules.OptionalObject(body, "pattern_info") is { } pattern)
            description = PaymentRules.Text(pattern, "description", 1000, "/pattern_info");
        if (!merchantExists(belongMerchant))
            throw new SandboxError(400, "MCH_NOT_EXISTS", $"商户号不合法：{belongMerchant} (belong_merchant is not a merchant)");

        lock (_gate)
        {
            // A retried creation (the same out_request_no) answers the stock it created instead of a second stock.
            var key = context.Merchant.MerchantId + "\n" + outRequestNo;
            if (!_stockByOutRequestNo.TryGetValue(key, out var stock))
            {
                stock = new FavorStockRecord
                {
                    StockId = (_nextStockId++).ToString(CultureInfo.InvariantCulture),
                    Creator = context.Merchant,
                    OutRequestNo = outRequestNo,
                    StockName = stockName,
                    Comment = comment,
                    BelongMerchant = belongMerchant,
                    AvailableBegin = begin,
                    AvailableEnd = end,
                    MaxCoupons = maxCoupons,
                    MaxAmount = maxAmount,
                    MaxAmountByDay = maxAmountByDay,
                    MaxCouponsPerUser = perUser,
                    CouponAmount = couponAmount,
                    TransactionMinimum = minimum,
                    NoCash = noCash,
                    Description = description,
                    SecondDayAvailable = secondDay,
                    MinutesAfterReceive = minutesAfterReceive,
                    GoodsTag = useRule.TryGetProperty("goods_tag", out var tags) && tags.ValueKind == JsonValueKind.Array ? tags.Clone() : null,
                    TradeType = useRule.TryGetProperty("trade_type", out var tradeType) && tradeType.ValueKind == JsonValueKind.Array ? tradeType.Clone() : null,
                    CombineUse = useRule.TryGetProperty("combine_use", out var combine) && combine.ValueKind is JsonValueKind.True or JsonValueKind.False ? combine.GetBoolean() : null,
                    AvailableMerchants = merchants,
                    AvailableItems = items,
                    CreateTime = Now,
                };
                _stocks[stock.StockId] = stock;
                _stockByOutRequestNo[key] = stock;
            }
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteString("create_time", SandboxJson.Time(stock.CreateTime));
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>激活 (unactivated → running), 暂停 (running → paused) and 重启 (paused → running).</summary>
    private ApiResult ChangeState(RouteContext context, string action)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var creator = JsonBody.RequiredString(body, "stock_creator_mchid");
        lock (_gate)
        {
            var stock = CreatorsStock(context, context.Path("stock_id"), creator);
            var now = Now;
            var status = stock.StatusAt(now);
            var (from, to, verb) = action switch
            {
                "start" => ("unactivated", "running", "激活"),
                "pause" => ("running", "paused", "暂停"),
                _ => ("paused", "running", "重启"),
            };
            if (status != from)
                throw SandboxError.InvalidRequest($"批次状态为{status}，不可{verb}，仅{from}状态的批次可{verb} (only a {from} stock can be {action}ed; this one is {status})");
            if (action == "start" && now > stock.AvailableEnd)
                throw SandboxError.InvalidRequest("批次已过结束时间，不可激活 (the stock's end has passed)");
            stock.State = to;
            string timeName;
            switch (action)
            {
                case "start":
                    stock.StartTime = now;
                    timeName = "start_time";
                    break;
                case "pause":
                    stock.PauseTime = now;
                    timeName = "pause_time";
                    break;
                default:
                    stock.RestartTime = now;
                    timeName = "restart_time";
                    break;
            }
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString(timeName, SandboxJson.Time(now));
                w.WriteString("stock_id", stock.StockId);
                w.WriteEndObject();
            }));
        }
    }

    private ApiResult QueryStock(RouteContext context)
    {
        var creator = RequiredQuery(context, "stock_creator_mchid");
        lock (_gate)
            return ApiResult.Ok(CreatorsStock(context, context.Path("stock_id"), creator).ToJson(Now));
    }

    private ApiResult ListStocks(RouteContext context)
    {
        var creator = RequiredQuery(context, "stock_creator_mchid");
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        var limit = QueryInteger(context, "limit", 10, 1, 10);
        var from = QueryTime(context, "create_start_time");
        var to = QueryTime(context, "create_end_time");
        context.Query.TryGetValue("status", out var status);
        if (status is not null && Array.IndexOf(StockStatuses, status) < 0)
            throw SandboxError.ParamError($"非法的批次状态，应为{string.Join("、", StockStatuses)} (unknown status)", "status", $"must be one of {string.Join(", ", StockStatuses)}", "query", status);
        if (creator != context.Merchant.MerchantId)
            throw SandboxError.InvalidRequest($"非法的商户号：stock_creator_mchid须为调用接口的商户号 (stock_creator_mchid {creator} is not the calling merchant)");
        lock (_gate)
        {
            var now = Now;
            var matching = _stocks.Values
                .Where(s => s.Creator.MerchantId == creator && (from is null || s.CreateTime >= from) && (to is null || s.CreateTime <= to)
                    && (status is null || s.StatusAt(now) == status))
                .OrderBy(s => s.CreateTime).ThenBy(s => s.StockId, StringComparer.Ordinal)
                .ToList();
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total_count", matching.Count);
                w.WriteStartArray("data");
                foreach (var stock in Page(matching, offset, limit))
                    stock.Write(w, now);
                w.WriteEndArray();
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>查询代金券可用商户 and 查询可用单品: a page of the stock's merchant numbers or goods codes.</summary>
    private ApiResult ListEntries(RouteContext context, Func<FavorStockRecord, List<string>> entries)
    {
        var creator = RequiredQuery(context, "stock_creator_mchid");
        var offset = QueryInteger(context, "offset", 0, 0, 1000);
        var limit = QueryInteger(context, "limit", 20, 1, 50);
        lock (_gate)
        {
            var stock = CreatorsStock(context, context.Path("stock_id"), creator);
            var all = entries(stock);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total_count", all.Count);
                w.WriteStartArray("data");
                foreach (var entry in Page(all, offset, limit))
                    w.WriteStringValue(entry);
                w.WriteEndArray();
                w.WriteNumber("offset", offset);
                w.WriteNumber("limit", limit);
                w.WriteString("stock_id", stock.StockId);
                w.WriteEndObject();
            }));
        }
    }

    private static long Bounded(JsonElement parent, string name, string pointer, long min, long max)
    {
        var value = JsonBody.RequiredInteger(parent, name, pointer);
        if (value < min || value > max)
            throw SandboxError.ParamError($"{name}取值应为【{min}, {max}】 ({name} must be {min} to {max})", pointer + "/" + name, $"must be {min} to {max}",
                value: value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    private static bool RequiredBool(JsonElement parent, string name, string pointer)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw SandboxError.ParamError($"输入源“/body{pointer}/{name}”映射到值字段“{name}”必填性规则校验失败，此字段为必填项 (required field is missing)",
                pointer + "/" + name, "required field is missing");
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw SandboxError.ParamError($"输入源“/body{pointer}/{name}”映射到值字段“{name}”类型错误 (expected a boolean)", pointer + "/" + name,
                $"expected a boolean, found {JsonBody.Describe(value.ValueKind)}");
        return value.GetBoolean();
    }

    private static List<string>? Strings(JsonElement parent, string name, string pointer)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        var array = JsonBody.RequiredArray(parent, name, pointer);
        var list = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length == 0)
                throw SandboxError.ParamError($"{name}的条目应为非空字符串 (each entry must be a non-empty string)", $"{pointer}/{name}/{index}", "expected a non-empty string");
            list.Add(item.GetString()!);
            index++;
        }
        return list.Count == 0 ? null : list;
    }
}
