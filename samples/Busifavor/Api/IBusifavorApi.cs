using WeChatPay;

namespace Busifavor.Api;

/// <summary>
/// 商家券 (merchant coupons), declared once; the WeChatPay generator writes the implementation, the JSON metadata
/// and <c>IBusifavorApi.Create(WeChatPayClient)</c>. Each endpoint comes in the asynchronous form and, where the
/// flow shows it, the synchronous one (sent through <c>HttpClient.Send</c>). <see cref="WeChatPayResponse{T}"/>
/// carries the verified body together with WeChat Pay's <c>Request-ID</c>.
/// </summary>
public partial interface IBusifavorApi
{
    /// <summary>创建商家券: creates a stock.</summary>
    [Post("v3/marketing/busifavor/stocks")]
    Task<WeChatPayResponse<CreatedStock>> CreateStockAsync(CreateStockRequest json, CancellationToken cancellationToken = default);

    /// <summary>查询商家券详情: the stock's definition and counters.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}")]
    Task<WeChatPayResponse<StockDetails>> GetStockAsync(string stockId, CancellationToken cancellationToken = default);

    /// <summary>查询商家券详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}")]
    WeChatPayResponse<StockDetails> GetStock(string stockId);

    /// <summary>上传预存code: uploads 1–200 codes to a MERCHANT_UPLOAD stock.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<WeChatPayResponse<UploadCouponCodesResult>> UploadCouponCodesAsync(string stockId, UploadCouponCodesRequest json, CancellationToken cancellationToken = default);

    /// <summary>上传预存code, synchronously.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    WeChatPayResponse<UploadCouponCodesResult> UploadCouponCodes(string stockId, UploadCouponCodesRequest json);

    /// <summary>
    /// 查询预存code: every code of the stock, page after page, read lazily from the query's <c>Offset</c> with
    /// <c>Limit</c> per page (unset: the endpoint's default); the query model is flattened into <c>?status=…&amp;offset=…</c>.
    /// </summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    IAsyncEnumerable<CouponCodeEntry> ListCouponCodesAsync(string stockId, [Query] ListCouponCodesQuery filter, CancellationToken cancellationToken = default);

    /// <summary>查询预存code, one page, synchronously, with the query as plain parameters (snake_case names, nulls left out).</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    WeChatPayResponse<CouponCodePage> ListCouponCodes(string stockId, string? status, string? appid, int offset, int limit);

    /// <summary>发放消费卡: sends the stock's next coupon to a user.</summary>
    [Post("v3/marketing/busifavor/coupons/{card_id}/send")]
    Task<WeChatPayResponse<SentCoupon>> SendCouponAsync(string cardId, SendCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>核销用户券: marks a user's coupon used.</summary>
    [Post("v3/marketing/busifavor/coupons/use")]
    Task<WeChatPayResponse<UsedCoupon>> UseCouponAsync(UseCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>查询用户单张券详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}")]
    WeChatPayResponse<UserCoupon> GetUserCoupon(string openid, string couponCode, string appid);

    /// <summary>查询用户单张券详情.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}")]
    Task<WeChatPayResponse<UserCoupon>> GetUserCouponAsync(string openid, string couponCode, string appid, CancellationToken cancellationToken = default);
}
