using WeChatPay;

namespace Busifavor.Api;

// 创建商家券 / 查询商家券详情 (create and query a stock), with the fields the flow uses. WeChat Pay adds fields over
// time; unknown ones are ignored when reading.

/// <summary>The kind of merchant coupon.</summary>
public enum StockType
{
    Normal,
    Discount,
    Exchange,
}

/// <summary>Where the coupon codes come from.</summary>
public enum CouponCodeMode
{
    /// <summary>WeChat Pay assigns the codes.</summary>
    WechatpayMode,

    /// <summary>The merchant names the code when sending.</summary>
    MerchantApi,

    /// <summary>The merchant uploads codes beforehand (预存code); WeChat Pay hands them out.</summary>
    MerchantUpload,
}

/// <summary>Request of <c>POST v3/marketing/busifavor/stocks</c>.</summary>
public sealed class CreateStockRequest
{
    public required string StockName { get; init; }
    public required string BelongMerchant { get; init; }
    public string? Comment { get; init; }
    public required string GoodsName { get; init; }
    public required StockType StockType { get; init; }
    public required CouponUseRule CouponUseRule { get; init; }
    public required StockSendRule StockSendRule { get; init; }
    public required string OutRequestNo { get; init; }
    public required CouponCodeMode CouponCodeMode { get; init; }
}

public sealed class CouponUseRule
{
    public CouponAvailableTime? CouponAvailableTime { get; set; }
    public FixedNormalCoupon? FixedNormalCoupon { get; set; }
    public string? UseMethod { get; set; }
}

public sealed class CouponAvailableTime
{
    public DateTimeOffset AvailableBeginTime { get; set; }
    public DateTimeOffset AvailableEndTime { get; set; }
}

/// <summary>A fixed-amount coupon: <see cref="DiscountAmount"/> fen off an order of at least <see cref="TransactionMinimum"/> fen.</summary>
public sealed class FixedNormalCoupon
{
    public long DiscountAmount { get; set; }
    public long TransactionMinimum { get; set; }
}

public sealed class StockSendRule
{
    public long MaxCoupons { get; set; }
    public long? MaxCouponsPerUser { get; set; }
}

/// <summary>Response of the creation.</summary>
public sealed class CreatedStock
{
    public string StockId { get; set; } = "";
    public DateTimeOffset CreateTime { get; set; }
}

/// <summary>Response of <c>GET v3/marketing/busifavor/stocks/{stock_id}</c>.</summary>
public sealed class StockDetails
{
    public string StockId { get; set; } = "";
    public string StockName { get; set; } = "";
    public string? BelongMerchant { get; set; }
    public string? GoodsName { get; set; }
    public StockType StockType { get; set; }
    public CouponCodeMode CouponCodeMode { get; set; }
    public string? StockState { get; set; }
    public StockSendRule? StockSendRule { get; set; }
    public SendCountInformation? SendCountInformation { get; set; }
}

public sealed class SendCountInformation
{
    public long TotalSendNum { get; set; }
    public long TodaySendNum { get; set; }
}
