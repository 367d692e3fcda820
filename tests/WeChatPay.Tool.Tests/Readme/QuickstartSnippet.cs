using WeChatPay.Testing;

namespace WeChatPay.Tool.Tests.Readme;

/// <summary>
/// The README's sandbox quickstart, compiled and run here. The text between the <c>README</c> markers is the README's,
/// word for word (<see cref="ReadmeSnippetTests"/> checks it); keep the two in step.
/// </summary>
internal static class QuickstartSnippet
{
    public static async Task<(string StockId, int Stored)> RunAsync(string directory)
    {
        // README quickstart begin
        var options = SandboxCredentials.Load(directory).ToOptions();  // BaseAddress = base_url; public-key mode
        using var client = new WeChatPayClient(options);
        var api = IQuickstartApi.Create(client);                         // generated

        // Pre-stored codes need a stock in the MERCHANT_UPLOAD code mode.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToOffset(TimeSpan.FromHours(8)); // RFC 3339, whole seconds
        var stock = await api.CreateStockAsync(new CreateStockRequest(
            StockName: "满100减5", BelongMerchant: options.MerchantId, GoodsName: "全场可用", StockType: "NORMAL",
            CouponUseRule: new(new(now, now.AddDays(30)), new(DiscountAmount: 500, TransactionMinimum: 10000), UseMethod: "OFF_LINE"),
            StockSendRule: new(MaxCoupons: 100, MaxCouponsPerUser: 1),
            OutRequestNo: $"create-{now:yyyyMMddHHmmssfff}", CouponCodeMode: "MERCHANT_UPLOAD"));
        var result = await api.UploadCouponCodesAsync(stock.StockId, new(["ABC-001", "ABC-002"], $"upload-{now:yyyyMMddHHmmssfff}"));
        Console.WriteLine($"stock {stock.StockId}: stored {result.SuccessCount} ({string.Join(", ", result.SuccessCodes)})");
        // README quickstart end
        return (stock.StockId, result.SuccessCount);
    }
}

// README quickstart types begin
public partial interface IQuickstartApi
{
    [Post("v3/marketing/busifavor/stocks")]
    Task<CreatedStock> CreateStockAsync(CreateStockRequest json);

    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<UploadResult> UploadCouponCodesAsync(string stockId, UploadRequest json);
}
public sealed record CreateStockRequest(string StockName, string BelongMerchant, string GoodsName, string StockType,
    CouponUseRule CouponUseRule, StockSendRule StockSendRule, string OutRequestNo, string CouponCodeMode);
public sealed record CouponUseRule(CouponAvailableTime CouponAvailableTime, FixedNormalCoupon FixedNormalCoupon, string UseMethod);
public sealed record CouponAvailableTime(DateTimeOffset AvailableBeginTime, DateTimeOffset AvailableEndTime);
public sealed record FixedNormalCoupon(long DiscountAmount, long TransactionMinimum);
public sealed record StockSendRule(long MaxCoupons, long MaxCouponsPerUser);
public sealed record CreatedStock(string StockId);
public sealed record UploadRequest(List<string> CouponCodeList, string UploadRequestNo);
public sealed record UploadResult(string StockId, int SuccessCount, List<string> SuccessCodes);
// README quickstart types end
