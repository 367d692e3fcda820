using System.Globalization;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Favor;

/// <summary>
/// 代金券 (<c>v3/marketing/favor</c>) with state in memory and WeChat Pay's rules: stocks and their state machine
/// (unactivated → running ⇄ paused, stoped after the end), sends within the budget and the per-user limit,
/// idempotent on <c>out_request_no</c>, user coupons, available merchants and items, the use and refund flow files,
/// the event callback, and uses and refunds driven through the sandbox's control routes, each use notified
/// (<c>COUPON.USE</c>) to the creator's callback. One lock guards all state. Features live in partial files.
/// </summary>
internal sealed partial class FavorApi(TimeProvider time, Func<string, bool> merchantExists, BillsApi downloads,
    Action<SandboxMerchant, Uri, string, string, byte[], string> notify)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FavorStockRecord> _stocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FavorStockRecord> _stockByOutRequestNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FavorCouponRecord> _coupons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FavorCouponRecord> _couponByOutRequestNo = new(StringComparer.Ordinal);
    private long _nextStockId = 16_000_000 + Random.Shared.Next(0, 1_000_000);
    private long _nextCouponId = 30_000_000_000 + Random.Shared.Next(0, 1_000_000);

    public void MapRoutes(Router router)
    {
        const string Favor = "v3/marketing/favor/";
        router.Map("POST", Favor + "coupon-stocks", CreateStock);
        router.Map("POST", Favor + "stocks/{stock_id}/start", context => ChangeState(context, "start"));
        router.Map("POST", Favor + "stocks/{stock_id}/pause", context => ChangeState(context, "pause"));
        router.Map("POST", Favor + "stocks/{stock_id}/restart", context => ChangeState(context, "restart"));
        router.Map("GET", Favor + "stocks/{stock_id}", QueryStock);
        router.Map("GET", Favor + "stocks", ListStocks);
        router.Map("GET", Favor + "stocks/{stock_id}/merchants", context => ListEntries(context, stock => stock.AvailableMerchants));
        router.Map("GET", Favor + "stocks/{stock_id}/items", context => ListEntries(context, stock => stock.AvailableItems));
        router.Map("GET", Favor + "stocks/{stock_id}/use-flow", context => Flow(context, use: true));
        router.Map("GET", Favor + "stocks/{stock_id}/refund-flow", context => Flow(context, use: false));
        router.Map("POST", Favor + "users/{openid}/coupons", SendCoupon);
        router.Map("GET", Favor + "users/{openid}/coupons/{coupon_id}", QueryCoupon);
        router.Map("GET", Favor + "users/{openid}/coupons", ListUserCoupons);
        router.Map("POST", Favor + "callbacks", SetCallback);
        router.Map("GET", Favor + "callbacks", GetCallback);
        router.Map("POST", "sandbox/v1/" + Favor + "users/{openid}/coupons/{coupon_id}/use", UseRoute);
        router.Map("POST", "sandbox/v1/" + Favor + "users/{openid}/coupons/{coupon_id}/refund", RefundRoute);
    }

    private DateTimeOffset Now
    {
        get
        {
            // Whole seconds, as WeChat Pay writes times, so that what is answered compares equal to what is kept.
            var now = time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    /// <summary>The stock, which must exist and have been created by <paramref name="creator"/>, the caller.</summary>
    private FavorStockRecord CreatorsStock(RouteContext context, string stockId, string creator)
    {
        if (creator != context.Merchant.MerchantId)
            throw SandboxError.InvalidRequest($"非法的商户号：stock_creator_mchid须为调用接口的商户号 (stock_creator_mchid {creator} is not the calling merchant)");
        if (_stocks.TryGetValue(stockId, out var stock) && stock.Creator.MerchantId == creator)
            return stock;
        throw SandboxError.NotExists($"批次不存在 (no stock {stockId} created by {creator})");
    }

    private static string RequiredQuery(RouteContext context, string name)
    {
        if (!context.Query.TryGetValue(name, out var value) || value.Length == 0)
            throw SandboxError.ParamError($"{name}必填 ({name} is required)", name, "required", "query");
        return value;
    }

    private static int QueryInteger(RouteContext context, string name, int fallback, int min, int max)
    {
        if (!context.Query.TryGetValue(name, out var text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw SandboxError.ParamError(name == "limit" ? $"页大小超过阈值，limit应为【{min}, {max}】 (limit must be {min} to {max})" : $"{name}应为【{min}, {max}】的整数 ({name} must be an integer from {min} to {max})",
                name, $"must be an integer from {min} to {max}", "query", text);
        return value;
    }

    private static DateTimeOffset? QueryTime(RouteContext context, string name)
    {
        if (!context.Query.TryGetValue(name, out var text))
            return null;
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw SandboxError.ParamError($"输入时间格式错误 ({name} must be an RFC 3339 time)", name, "must be an RFC 3339 time", "query", text);
        return value;
    }

    /// <summary>One page where <c>offset</c> counts pages, as the favor lists do: items <c>offset × limit</c> onward.</summary>
    private static IEnumerable<T> Page<T>(IReadOnlyList<T> items, int offset, int limit)
    {
        for (var i = (long)offset * limit; i < items.Count && i < ((long)offset + 1) * limit; i++)
            yield return items[(int)i];
    }
}
