using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Favor;

// Coupons: 发放代金券, 查询代金券详情, 根据商户号查用户的券, and the control routes that use and refund a coupon.
internal sealed partial class FavorApi
{
    private static readonly string[] CouponStatuses = ["SENDED", "USED"];

    private ApiResult SendCoupon(RouteContext context)
    {
        var openId = context.Path("openid");
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockId = PaymentRules.Text(body, "stock_id", 20);
        var outRequestNo = PaymentRules.Text(body, "out_request_no", 128);
        var appId = PaymentRules.AppId(body, "appid");
        var creator = JsonBody.RequiredString(body, "stock_creator_mchid");
        if (openId.Length > 128)
            throw SandboxError.ParamError("openid长度不能超过128 (openid is longer than 128 characters)", "openid", "must be at most 128 characters", "path");

        lock (_gate)
        {
            // 发放代金券 is idempotent: the same out_request_no of the same sender answers the coupon it sent.
            var key = context.Merchant.MerchantId + "\n" + outRequestNo;
            if (_couponByOutRequestNo.TryGetValue(key, out var sent))
                return Sent(sent);
            if (!_stocks.TryGetValue(stockId, out var stock))
                throw SandboxError.NotExists($"批次不存在 (no stock {stockId})");
            if (stock.Creator.MerchantId != creator)
                throw SandboxError.InvalidRequest($"非法的商户号：批次{stockId}不是由{creator}创建的 (stock_creator_mchid is not the stock's creator)");
            if (context.Merchant.MerchantId != creator)
                throw new SandboxError(403, "REQUEST_BLOCKED", "商户无权发券：批次未授权给调用接口的商户号 (the calling merchant may not send this stock's coupons)");
            var now = Now;
            if (stock.StatusAt(now) != "running" || now < stock.AvailableBegin)
                throw SandboxError.InvalidRequest($"活动已结束或未激活：批次状态为{stock.StatusAt(now)} (the stock is not running)");
            if (stock.Coupons.Count >= stock.MaxCoupons)
                throw new SandboxError(403, "NOT_ENOUGH", $"批次预算不足：已发放{stock.Coupons.Count}张，发放总上限{stock.MaxCoupons}张 (the stock's budget is used up)");
            if (stock.MaxAmountByDay is { } dayCap)
            {
                var today = ChinaDate(now);
                var spentToday = stock.Coupons.Count(c => ChinaDate(c.CreateTime) == today) * stock.CouponAmount;
                if (spentToday + stock.CouponAmount > dayCap)
                    throw new SandboxError(403, "NOT_ENOUGH", $"批次当天预算不足：单天发放上限金额{dayCap}分 (the stock's budget for today is used up)");
            }
            if (stock.Coupons.Count(c => c.OpenId == openId) >= stock.MaxCouponsPerUser)
                throw new SandboxError(403, "REQUEST_BLOCKED", $"用户被限领拦截：每个用户最多领取{stock.MaxCouponsPerUser}张 (the user has reached max_coupons_per_user)");

            var begin = stock.SecondDayAvailable ? NextChinaMidnight(now) : now;
            begin = begin > stock.AvailableBegin ? begin : stock.AvailableBegin;
            var end = stock.MinutesAfterReceive is { } minutes && begin.AddMinutes(minutes) < stock.AvailableEnd ? begin.AddMinutes(minutes) : stock.AvailableEnd;
            var coupon = new FavorCouponRecord
            {
                CouponId = (_nextCouponId++).ToString(CultureInfo.InvariantCulture),
                Stock = stock,
                Sender = context.Merchant,
                OpenId = openId,
                AppId = appId,
                OutRequestNo = outRequestNo,
                CreateTime = now,
                AvailableBegin = begin,
                AvailableEnd = end,
            };
            stock.Coupons.Add(coupon);
            _coupons[coupon.CouponId] = coupon;
            _couponByOutRequestNo[key] = coupon;
            return Sent(coupon);
        }

        static ApiResult Sent(FavorCouponRecord coupon) => ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("coupon_id", coupon.CouponId);
            w.WriteEndObject();
        }));
    }

    private ApiResult QueryCoupon(RouteContext context)
    {
        var appId = RequiredQuery(context, "appid");
        lock (_gate)
            return ApiResult.Ok(UsersCoupon(context.Merchant, context.Path("openid"), context.Path("coupon_id"), appId).ToJson(Now));
    }

    /// <summary>The coupon, which must be the user's under <paramref name="appId"/> and sent or created by <paramref name="merchant"/>.</summary>
    private FavorCouponRecord UsersCoupon(SandboxMerchant merchant, string openId, string couponId, string? appId)
    {
        if (_coupons.TryGetValue(couponId, out var coupon) && coupon.OpenId == openId && (appId is null || coupon.AppId == appId)
            && (coupon.Sender.MerchantId == merchant.MerchantId || coupon.Stock.Creator.MerchantId == merchant.MerchantId))
            return coupon;
        throw SandboxError.NotExists($"代金券不存在 (no coupon {couponId} of this openid and appid for this merchant)");
    }

    private ApiResult ListUserCoupons(RouteContext context)
    {
        var openId = context.Path("openid");
        var appId = RequiredQuery(context, "appid");
        context.Query.TryGetValue("stock_id", out var stockId);
        context.Query.TryGetValue("status", out var status);
        context.Query.TryGetValue("creator_mchid", out var creator);
        context.Query.TryGetValue("sender_mchid", out var sender);
        context.Query.TryGetValue("available_mchid", out var available);
        if (creator is null && sender is null && available is null)
            throw SandboxError.ParamError("创建批次的商户号、批次发放商户号、可用商户号三个参数须任选其一 (give creator_mchid, sender_mchid or available_mchid)",
                "creator_mchid", "give creator_mchid, sender_mchid or available_mchid", "query");
        if (status is not null && Array.IndexOf(CouponStatuses, status) < 0)
            throw SandboxError.ParamError($"status取值无效，应为{string.Join("、", CouponStatuses)} (unknown status)", "status", $"must be one of {string.Join(", ", CouponStatuses)}", "query", status);
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        var limit = QueryInteger(context, "limit", 20, 1, 100);
        lock (_gate)
        {
            var now = Now;
            // With available_mchid, WeChat Pay ignores the stock, the state and the paging, and answers every match.
            var matching = _coupons.Values
                .Where(c => c.OpenId == openId && c.AppId == appId
                    && (c.Sender.MerchantId == context.Merchant.MerchantId || c.Stock.Creator.MerchantId == context.Merchant.MerchantId)
                    && (creator is null || c.Stock.Creator.MerchantId == creator)
                    && (sender is null || c.Sender.MerchantId == sender)
                    && (available is null || c.Stock.AvailableMerchants.Contains(available))
                    && (available is not null || ((stockId is null || c.Stock.StockId == stockId) && (status is null || c.StatusAt(now) == status))))
                .OrderBy(c => c.CreateTime).ThenBy(c => c.CouponId, StringComparer.Ordinal)
                .ToList();
            var page = available is null ? Page(matching, offset, limit).ToList() : matching;
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var coupon in page)
                    coupon.Write(w, now);
                w.WriteEndArray();
                w.WriteNumber("total_count", matching.Count);
                w.WriteNumber("limit", available is null ? limit : matching.Count);
                w.WriteNumber("offset", available is null ? offset : 0);
                w.WriteEndObject();
            }));
        }
    }

    // ---- control routes: the payer uses a coupon, the merchant refunds the order -------------------------------

    private ApiResult UseRoute(RouteContext context)
    {
        var body = context.Request.Body.Length == 0 ? default : JsonBody.ParseObject(context.Request.Body);
        string? transactionId = null;
        long? total = null;
        if (body.ValueKind == JsonValueKind.Object)
        {
            transactionId = JsonBody.OptionalString(body, "transaction_id");
            if (body.TryGetProperty("order_total", out var order) && order.ValueKind != JsonValueKind.Null)
                total = PaymentRules.Amount(body, "order_total", "");
        }
        return ApiResult.Ok(Use(context.Merchant, context.Path("openid"), context.Path("coupon_id"), transactionId, total));
    }

    private ApiResult RefundRoute(RouteContext context) =>
        ApiResult.Ok(Refund(context.Merchant, context.Path("openid"), context.Path("coupon_id")));

    /// <summary>
    /// Uses a SENDED coupon in a payment at the stock's first available merchant: it becomes USED, its use is a row of
    /// the use flow, and COUPON.USE goes to the creator's callback when one is set and on.
    /// </summary>
    internal byte[] Use(SandboxMerchant merchant, string openId, string couponId, string? transactionId, long? orderTotal)
    {
        lock (_gate)
        {
            var coupon = UsersCoupon(merchant, openId, couponId, null);
            var now = Now;
            var status = coupon.StatusAt(now);
            if (status != "SENDED")
                throw SandboxError.InvalidRequest($"代金券状态为{status}，不可使用 (only a SENDED coupon can be used)");
            if (now < coupon.AvailableBegin)
                throw SandboxError.InvalidRequest($"代金券尚未生效，生效时间为{SandboxJson.Time(coupon.AvailableBegin)} (the coupon is not usable yet)");
            var total = orderTotal ?? coupon.Stock.TransactionMinimum;
            if (total < coupon.Stock.TransactionMinimum)
                throw SandboxError.InvalidRequest($"订单金额未达到使用门槛{coupon.Stock.TransactionMinimum}分 (the order is below transaction_minimum)");
            coupon.ConsumeTime = now;
            coupon.ConsumeMchid = coupon.Stock.AvailableMerchants[0];
            coupon.TransactionId = transactionId ?? "4200" + SandboxRandom.Digits(24);
            coupon.Stock.UseFlow.Add(new(coupon.CouponId, now, coupon.ConsumeMchid, coupon.TransactionId, total));
            var resource = coupon.ToJson(now);
            if (_callbacks.TryGetValue(coupon.Stock.Creator.MerchantId, out var callback) && callback.On)
                notify(coupon.Stock.Creator, callback.Url, "COUPON.USE", "用券成功", resource, "coupon");
            return resource;
        }
    }

    /// <summary>Refunds the order a coupon was used in: a row of the refund flow, and the coupon is SENDED again.</summary>
    internal byte[] Refund(SandboxMerchant merchant, string openId, string couponId)
    {
        lock (_gate)
        {
            var coupon = UsersCoupon(merchant, openId, couponId, null);
            if (coupon.ConsumeTime is null)
                throw SandboxError.InvalidRequest("代金券未使用，无可退款的订单 (the coupon has not been used)");
            var now = Now;
            var use = coupon.Stock.UseFlow.Last(e => e.CouponId == coupon.CouponId);
            coupon.Stock.RefundFlow.Add(new(coupon.CouponId, now, use.MerchantId, use.TransactionId, use.OrderTotal));
            coupon.ConsumeTime = null;
            coupon.ConsumeMchid = null;
            coupon.TransactionId = null;
            return coupon.ToJson(now);
        }
    }

    private static DateOnly ChinaDate(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static DateTimeOffset NextChinaMidnight(DateTimeOffset time)
    {
        var china = time.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(china.Date.AddDays(1), china.Offset);
    }
}
