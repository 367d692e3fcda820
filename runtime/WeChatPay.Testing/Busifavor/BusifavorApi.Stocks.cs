using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// Stocks: 创建商家券, 查询商家券详情, 修改商家券基本信息 and 修改批次预算.
internal sealed partial class BusifavorApi
{
    private static readonly string[] StockTypes = ["NORMAL", "DISCOUNT", "EXCHANGE"];
    private static readonly string[] CodeModes = ["WECHATPAY_MODE", "MERCHANT_API", "MERCHANT_UPLOAD"];
    private static readonly string[] UseMethods = ["OFF_LINE", "MINI_PROGRAMS", "PAYMENT_CODE", "SELF_CONSUME"];

    private ApiResult CreateStock(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockName = PaymentRules.Text(body, "stock_name", 21);
        var belongMerchant = JsonBody.RequiredString(body, "belong_merchant");
        var comment = PaymentRules.OptionalText(body, "comment", 20);
        var goodsName = PaymentRules.Text(body, "goods_name", 15);
        var stockType = RequiredEnum(body, "stock_type", StockTypes);
        var useRule = JsonBody.RequiredObject(body, "coupon_use_rule");
        var available = JsonBody.RequiredObject(useRule, "coupon_available_time", "/coupon_use_rule");
        const string availablePointer = "/coupon_use_rule/coupon_available_time";
        var begin = JsonBody.RequiredTime(available, "available_begin_time", availablePointer);
        var end = JsonBody.RequiredTime(available, "available_end_time", availablePointer);
        if (end <= begin)
            throw SandboxError.ParamError("可用结束时间须晚于开始时间 (available_end_time must be after available_begin_time)", availablePointer + "/available_end_time", "must be after available_begin_time");
        if (end > begin.AddYears(1))
            throw SandboxError.ParamError("批次有效期最长为一年 (the validity is at most one year)", availablePointer + "/available_end_time", "must be at most one year after available_begin_time");
        var dayAfterReceive = OptionalPositive(available, "available_day_after_receive", availablePointer);
        var waitDays = OptionalPositive(available, "wait_days_after_receive", availablePointer) ?? 0;
        RequiredEnum(useRule, "use_method", UseMethods, "/coupon_use_rule");
        var ruleName = stockType switch { "NORMAL" => "fixed_normal_coupon", "DISCOUNT" => "discount_coupon", _ => "exchange_coupon" };
        var rule = JsonBody.RequiredObject(useRule, ruleName, "/coupon_use_rule");
        CheckRule(rule, stockType, "/coupon_use_rule/" + ruleName);
        var sendRule = JsonBody.RequiredObject(body, "stock_send_rule");
        var perUser = JsonBody.RequiredInteger(sendRule, "max_coupons_per_user", "/stock_send_rule");
        if (perUser is < 1 or > 100)
            throw SandboxError.ParamError("单用户领取上限应为【1, 100】 (max_coupons_per_user must be 1 to 100)", "/stock_send_rule/max_coupons_per_user", "must be 1 to 100",
                value: perUser.ToString(CultureInfo.InvariantCulture));
        var maxCoupons = OptionalPositive(sendRule, "max_coupons", "/stock_send_rule");
        var maxByDay = OptionalPositive(sendRule, "max_coupons_by_day", "/stock_send_rule");
        var outRequestNo = JsonBody.RequiredString(body, "out_request_no");
        var codeMode = RequiredEnum(body, "coupon_code_mode", CodeModes);
        if (!merchantExists(belongMerchant))
            throw new SandboxError(400, "MCH_NOT_EXISTS", $"商户号{belongMerchant}不存在 (belong_merchant is not a merchant)");

        lock (_gate)
        {
            var key = context.Merchant.MerchantId + "\n" + outRequestNo;
            if (_stockByOutRequestNo.ContainsKey(key))
                throw new SandboxError(400, "RESOURCE_ALREADY_EXISTS", $"商户请求单号{outRequestNo}已存在，请更换单号 (out_request_no was used for another stock)");
            var stock = new Stock
            {
                StockId = (_nextStockId++).ToString(CultureInfo.InvariantCulture),
                Owner = context.Merchant.MerchantId,
                Definition = body,
                StockName = stockName,
                BelongMerchant = belongMerchant,
                Comment = comment,
                GoodsName = goodsName,
                StockType = stockType,
                CodeMode = codeMode,
                MaxCoupons = maxCoupons,
                MaxCouponsByDay = maxByDay,
                MaxCouponsPerUser = (int)perUser,
                CreateTime = Now,
                AvailableBegin = begin,
                AvailableEnd = end,
                AvailableDayAfterReceive = dayAfterReceive,
                WaitDaysAfterReceive = waitDays,
            };
            _stocks[stock.StockId] = stock;
            _stockByOutRequestNo[key] = stock.StockId;
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteString("create_time", SandboxJson.Time(stock.CreateTime));
                w.WriteEndObject();
            }));
        }
    }

    private static void CheckRule(JsonElement rule, string stockType, string pointer)
    {
        var minimum = JsonBody.RequiredInteger(rule, "transaction_minimum", pointer);
        var (name, value) = stockType switch
        {
            "NORMAL" => ("discount_amount", JsonBody.RequiredInteger(rule, "discount_amount", pointer)),
            "DISCOUNT" => ("discount_percent", JsonBody.RequiredInteger(rule, "discount_percent", pointer)),
            _ => ("exchange_price", JsonBody.RequiredInteger(rule, "exchange_price", pointer)),
        };
        if (value < 1 || (name == "discount_percent" && value > 99))
            throw SandboxError.ParamError($"{name}取值无效 ({name} is out of range)", pointer + "/" + name, name == "discount_percent" ? "must be 1 to 99" : "must be at least 1 fen");
        if (name == "discount_amount" && minimum <= value)
            throw SandboxError.ParamError("使用门槛须大于优惠金额 (transaction_minimum must exceed discount_amount)", pointer + "/transaction_minimum", "must exceed discount_amount");
    }

    private static int? OptionalPositive(JsonElement parent, string name, string pointer)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        var number = JsonBody.RequiredInteger(parent, name, pointer);
        if (number is < 1 or > int.MaxValue)
            throw SandboxError.ParamError($"{name}应为正整数 ({name} must be a positive integer)", pointer + "/" + name, "must be a positive integer",
                value: number.ToString(CultureInfo.InvariantCulture));
        return (int)number;
    }

    private ApiResult QueryStock(RouteContext context)
    {
        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            var today = ChinaDate(Now);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                foreach (var property in stock.Definition.EnumerateObject())
                {
                    if (property.Name is not ("out_request_no" or "stock_id" or "stock_state" or "send_count_information" or "coupon_code_count"
                        or "stock_name" or "comment" or "goods_name" or "stock_send_rule"))
                        property.WriteTo(w);
                }
                w.WriteString("stock_name", stock.StockName);
                if (stock.Comment is not null)
                    w.WriteString("comment", stock.Comment);
                w.WriteString("goods_name", stock.GoodsName);
                w.WriteStartObject("stock_send_rule");
                foreach (var property in stock.Definition.GetProperty("stock_send_rule").EnumerateObject())
                {
                    if (property.Name is not ("max_coupons" or "max_coupons_by_day"))
                        property.WriteTo(w);
                }
                if (stock.MaxCoupons is { } max)
                    w.WriteNumber("max_coupons", max);
                if (stock.MaxCouponsByDay is { } byDay)
                    w.WriteNumber("max_coupons_by_day", byDay);
                w.WriteEndObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteString("stock_state", stock.State);
                if (stock.CodeMode == "MERCHANT_UPLOAD")
                {
                    w.WriteStartObject("coupon_code_count");
                    w.WriteNumber("total_count", stock.Codes.Count);
                    w.WriteNumber("available_count", stock.Codes.Count(c => c.Status == "AVAILABLE"));
                    w.WriteEndObject();
                }
                w.WriteStartObject("send_count_information");
                w.WriteNumber("total_send_num", stock.SentCount);
                w.WriteNumber("today_send_num", stock.SendTimes.Count(t => ChinaDate(t) == today));
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    private static DateOnly ChinaDate(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(TimeSpan.FromHours(8)).DateTime);

    // 修改商家券基本信息: the fields given replace the stock's; answered 204 without a body.
    private ApiResult UpdateStock(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        JsonBody.RequiredString(body, "out_request_no");
        var stockName = PaymentRules.OptionalText(body, "stock_name", 21);
        var comment = PaymentRules.OptionalText(body, "comment", 20);
        var goodsName = PaymentRules.OptionalText(body, "goods_name", 15);
        if (body.TryGetProperty("coupon_use_rule", out var useRule) && useRule.ValueKind == JsonValueKind.Object && useRule.TryGetProperty("use_method", out _))
            RequiredEnum(useRule, "use_method", UseMethods, "/coupon_use_rule");
        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            stock.StockName = stockName ?? stock.StockName;
            stock.Comment = comment ?? stock.Comment;
            stock.GoodsName = goodsName ?? stock.GoodsName;
            return new ApiResult(204, []);
        }
    }

    // 修改批次预算: the current value named must still hold, so two concurrent changes cannot both win.
    private ApiResult UpdateBudget(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var requestNo = JsonBody.RequiredString(body, "modify_budget_request_no");
        var target = OptionalPositive(body, "target_max_coupons", "");
        var current = OptionalPositive(body, "current_max_coupons", "");
        var targetByDay = OptionalPositive(body, "target_max_coupons_by_day", "");
        var currentByDay = OptionalPositive(body, "current_max_coupons_by_day", "");
        if (target is null && targetByDay is null)
            throw SandboxError.ParamError("target_max_coupons与target_max_coupons_by_day须填一项 (give target_max_coupons or target_max_coupons_by_day)",
                "/target_max_coupons", "give target_max_coupons or target_max_coupons_by_day");
        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            // A resent modify_budget_request_no answers the caps as they are, changing nothing.
            if (!stock.BudgetRequests.Contains(requestNo))
            {
                if (target is not null)
                {
                    if (current is not null && current != stock.MaxCoupons)
                        throw SandboxError.InvalidRequest($"current_max_coupons与当前值{stock.MaxCoupons}不一致 (current_max_coupons does not match the stock)");
                    if (target < stock.SentCount)
                        throw SandboxError.InvalidRequest($"发放总上限不能小于已发放数量{stock.SentCount} (target_max_coupons is below the coupons already sent)");
                    stock.MaxCoupons = target;
                }
                if (targetByDay is not null)
                {
                    if (currentByDay is not null && currentByDay != stock.MaxCouponsByDay)
                        throw SandboxError.InvalidRequest($"current_max_coupons_by_day与当前值{stock.MaxCouponsByDay}不一致 (current_max_coupons_by_day does not match the stock)");
                    stock.MaxCouponsByDay = targetByDay;
                }
                stock.BudgetRequests.Add(requestNo);
            }
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                if (stock.MaxCoupons is { } max)
                    w.WriteNumber("max_coupons", max);
                if (stock.MaxCouponsByDay is { } byDay)
                    w.WriteNumber("max_coupons_by_day", byDay);
                w.WriteEndObject();
            }));
        }
    }
}
