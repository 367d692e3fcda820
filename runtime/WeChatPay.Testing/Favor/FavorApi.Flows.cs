using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Favor;

// 下载批次核销明细 and 下载批次退款明细 (a CSV served from the download route, with its SHA-1), and 设置/查询消息通知地址.
internal sealed partial class FavorApi
{
    private readonly Dictionary<string, (Uri Url, string Text, bool On, DateTimeOffset UpdateTime)> _callbacks = new(StringComparer.Ordinal);

    private ApiResult Flow(RouteContext context, bool use)
    {
        byte[] file;
        lock (_gate)
        {
            if (!_stocks.TryGetValue(context.Path("stock_id"), out var stock) || stock.Creator.MerchantId != context.Merchant.MerchantId)
                throw SandboxError.NotExists($"批次不存在 (no stock {context.Path("stock_id")} of this merchant)");
            file = FlowCsv(stock, use);
        }
        var url = downloads.Keep(context, file, "text/csv; charset=utf-8");
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("url", url);
            w.WriteString("hash_value", Convert.ToHexStringLower(SHA1.HashData(file)));
            w.WriteString("hash_type", "SHA1");
            w.WriteEndObject();
        }));
    }

    /// <summary>One CSV row per use (or refund) of the stock's coupons, amounts in yuan, times in China time.</summary>
    private static byte[] FlowCsv(FavorStockRecord stock, bool use)
    {
        var text = new StringBuilder(use
            ? "批次id,优惠id,优惠类型,优惠金额（元）,订单总金额（元）,支付单号,消耗时间,消耗商户号\n"
            : "批次id,优惠id,优惠类型,优惠金额（元）,订单总金额（元）,支付单号,退款时间,退款商户号\n");
        foreach (var entry in use ? stock.UseFlow : stock.RefundFlow)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{stock.StockId},{entry.CouponId},全场代金券,{Yuan(stock.CouponAmount)},{Yuan(entry.OrderTotal)},{entry.TransactionId},")
                .Append(entry.Time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(',').Append(entry.MerchantId).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private ApiResult SetCallback(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var mchid = JsonBody.RequiredString(body, "mchid");
        var url = PaymentRules.NotifyUrl(body);
        var on = !body.TryGetProperty("switch", out var toggle) || toggle.ValueKind != System.Text.Json.JsonValueKind.False;
        if (!merchantExists(mchid))
            throw new SandboxError(400, "MCH_NOT_EXISTS", $"商户号不合法：{mchid} (mchid is not a merchant)");
        if (mchid != context.Merchant.MerchantId)
            throw SandboxError.InvalidRequest($"非法的商户号：mchid须为调用接口的商户号 (mchid {mchid} is not the calling merchant)");
        lock (_gate)
        {
            var now = Now;
            var text = body.GetProperty("notify_url").GetString()!;
            _callbacks[mchid] = (url, text, on, now);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("update_time", SandboxJson.Time(now));
                w.WriteString("notify_url", text);
                w.WriteEndObject();
            }));
        }
    }

    private ApiResult GetCallback(RouteContext context)
    {
        var mchid = RequiredQuery(context, "mchid");
        if (mchid != context.Merchant.MerchantId)
            throw SandboxError.InvalidRequest($"非法的商户号：mchid须为调用接口的商户号 (mchid {mchid} is not the calling merchant)");
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(mchid, out var callback))
                throw SandboxError.NotExists($"商户{mchid}未设置消息通知地址 (no notify_url is set for this merchant)");
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("notify_url", callback.Text);
                w.WriteString("mchid", mchid);
                w.WriteEndObject();
            }));
        }
    }
}
