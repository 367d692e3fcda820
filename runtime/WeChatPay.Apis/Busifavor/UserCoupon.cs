namespace WeChatPay.Apis.Busifavor;

/// <summary>A user's coupon (查询用户单张券详情, and each entry of 根据过滤条件查询用户券).</summary>
public sealed class UserCoupon
{
    /// <summary>The merchant the stock belongs to (<c>belong_merchant</c>).</summary>
    public string BelongMerchant { get; set; } = "";

    /// <summary>The stock's name (<c>stock_name</c>).</summary>
    public string StockName { get; set; } = "";

    /// <summary>The note (<c>comment</c>).</summary>
    public string? Comment { get; set; }

    /// <summary>What it applies to (<c>goods_name</c>).</summary>
    public string GoodsName { get; set; } = "";

    /// <summary>The kind (<c>stock_type</c>).</summary>
    public StockType StockType { get; set; }

    /// <summary>Whether it may be given away (<c>transferable</c>).</summary>
    public bool? Transferable { get; set; }

    /// <summary>Whether it may be shared (<c>shareable</c>).</summary>
    public bool? Shareable { get; set; }

    /// <summary>Its state (<c>coupon_state</c>).</summary>
    public CouponState? CouponState { get; set; }

    /// <summary>The look (<c>display_pattern_info</c>).</summary>
    public DisplayPatternInfo? DisplayPatternInfo { get; set; }

    /// <summary>The use rule (<c>coupon_use_rule</c>).</summary>
    public CouponUseRule? CouponUseRule { get; set; }

    /// <summary>The entrance (<c>custom_entrance</c>).</summary>
    public CustomEntrance? CustomEntrance { get; set; }

    /// <summary>The coupon's code (<c>coupon_code</c>).</summary>
    public string? CouponCode { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string? StockId { get; set; }

    /// <summary>When this coupon becomes usable (<c>available_start_time</c>).</summary>
    public DateTimeOffset? AvailableStartTime { get; set; }

    /// <summary>When it expires (<c>expire_time</c>).</summary>
    public DateTimeOffset? ExpireTime { get; set; }

    /// <summary>When the user received it (<c>receive_time</c>).</summary>
    public DateTimeOffset? ReceiveTime { get; set; }

    /// <summary>The send's request number (<c>send_request_no</c>).</summary>
    public string? SendRequestNo { get; set; }

    /// <summary>The use's request number (<c>use_request_no</c>).</summary>
    public string? UseRequestNo { get; set; }

    /// <summary>When it was used (<c>use_time</c>).</summary>
    public DateTimeOffset? UseTime { get; set; }

    /// <summary>The order it is associated with (<c>associate_out_trade_no</c>).</summary>
    public string? AssociateOutTradeNo { get; set; }

    /// <summary>The return's request number (<c>return_request_no</c>).</summary>
    public string? ReturnRequestNo { get; set; }

    /// <summary>When it was returned (<c>return_time</c>).</summary>
    public DateTimeOffset? ReturnTime { get; set; }

    /// <summary>The deactivation's request number (<c>deactivate_request_no</c>).</summary>
    public string? DeactivateRequestNo { get; set; }

    /// <summary>When it was deactivated (<c>deactivate_time</c>).</summary>
    public DateTimeOffset? DeactivateTime { get; set; }

    /// <summary>Why (<c>deactivate_reason</c>).</summary>
    public string? DeactivateReason { get; set; }
}

/// <summary>The query of 根据过滤条件查询用户券; unset values are not sent.</summary>
public sealed class UserCouponsQuery
{
    /// <summary>The appid the openid belongs to; required (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>Only this stock (<c>stock_id</c>).</summary>
    public string? StockId { get; set; }

    /// <summary>Only this state, such as <c>SENDED</c> (see <see cref="CouponState"/>) (<c>coupon_state</c>).</summary>
    public string? CouponState { get; set; }

    /// <summary>Only stocks created by this merchant (<c>creator_merchant</c>).</summary>
    public string? CreatorMerchant { get; set; }

    /// <summary>Only stocks belonging to this merchant (<c>belong_merchant</c>).</summary>
    public string? BelongMerchant { get; set; }

    /// <summary>Only coupons sent by this merchant (<c>sender_merchant</c>).</summary>
    public string? SenderMerchant { get; set; }

    /// <summary>The page index, from 0 (<c>offset</c>, 分页页码): page n starts at entry n × limit.</summary>
    public int? Offset { get; set; }

    /// <summary>The page size, at most 50 (<c>limit</c>).</summary>
    public int? Limit { get; set; }
}

/// <summary>A page of a user's coupons.</summary>
public sealed class UserCouponPage
{
    /// <summary>The coupons (<c>data</c>).</summary>
    public List<UserCoupon>? Data { get; set; }

    /// <summary>Every coupon that matches (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The page's index (<c>offset</c>, 分页页码).</summary>
    public long Offset { get; set; }
}
