namespace WeChatPay.Apis.Favor;

/// <summary>A page of 根据商户号查用户的券.</summary>
public sealed class FavorCouponPage
{
    /// <summary>The coupons on this page (<c>data</c>).</summary>
    public List<FavorCoupon>? Data { get; set; }

    /// <summary>Every coupon that matches (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The page index, from 0: a page number, not an item offset (<c>offset</c>).</summary>
    public long Offset { get; set; }
}
