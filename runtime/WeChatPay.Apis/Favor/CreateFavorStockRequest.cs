namespace WeChatPay.Apis.Favor;

/// <summary>创建代金券批次: a stock's definition. Money is in fen; lengths are WeChat Pay's limits, in characters.</summary>
public sealed class CreateFavorStockRequest
{
    /// <summary>The stock's name, at most 20 characters (<c>stock_name</c>).</summary>
    public required string StockName { get; set; }

    /// <summary>A note only the merchant sees, at most 20 characters (<c>comment</c>).</summary>
    public string? Comment { get; set; }

    /// <summary>The merchant the stock belongs to (<c>belong_merchant</c>).</summary>
    public required string BelongMerchant { get; set; }

    /// <summary>When coupons may first be sent and used (<c>available_begin_time</c>).</summary>
    public required DateTimeOffset AvailableBeginTime { get; set; }

    /// <summary>When the stock ends, at most 90 days after the start (<c>available_end_time</c>).</summary>
    public required DateTimeOffset AvailableEndTime { get; set; }

    /// <summary>The budget and the send limits (<c>stock_use_rule</c>).</summary>
    public required FavorStockRule StockUseRule { get; set; }

    /// <summary>How the coupon's page looks (<c>pattern_info</c>).</summary>
    public FavorPatternInfo? PatternInfo { get; set; }

    /// <summary>The coupon's value and where it may be used (<c>coupon_use_rule</c>).</summary>
    public required FavorCouponRule CouponUseRule { get; set; }

    /// <summary>Whether the stock is 免充值 (no prepaid funds): <c>true</c>; 预充值: <c>false</c> (<c>no_cash</c>).</summary>
    public required bool NoCash { get; set; }

    /// <summary>The kind; <see cref="FavorStockType.Normal"/> (<c>stock_type</c>).</summary>
    public required FavorStockType StockType { get; set; }

    /// <summary>The merchant's request number, unique per merchant, at most 128 characters (<c>out_request_no</c>).</summary>
    public required string OutRequestNo { get; set; }

    /// <summary>Extension attributes as JSON; WeChat Pay asks for none today (<c>ext_info</c>).</summary>
    public string? ExtInfo { get; set; }
}

/// <summary>A stock's budget and send limits (<c>stock_use_rule</c> of 创建代金券批次).</summary>
public sealed class FavorStockRule
{
    /// <summary>The most coupons in all (<c>max_coupons</c>).</summary>
    public required long MaxCoupons { get; set; }

    /// <summary>The total budget in fen: <see cref="MaxCoupons"/> times the coupon amount (<c>max_amount</c>).</summary>
    public required long MaxAmount { get; set; }

    /// <summary>The most spent a day, in fen (<c>max_amount_by_day</c>).</summary>
    public long? MaxAmountByDay { get; set; }

    /// <summary>The most coupons one user may receive, 1–100 (<c>max_coupons_per_user</c>).</summary>
    public required long MaxCouponsPerUser { get; set; }

    /// <summary>Limits by natural person rather than by openid (<c>natural_person_limit</c>).</summary>
    public required bool NaturalPersonLimit { get; set; }

    /// <summary>Refuses suspicious receivers of API sends (<c>prevent_api_abuse</c>).</summary>
    public required bool PreventApiAbuse { get; set; }
}

/// <summary>The coupon's value and where it may be used (<c>coupon_use_rule</c> of 创建代金券批次).</summary>
public sealed class FavorCouponRule
{
    /// <summary>When a received coupon may be used, if narrower than the stock (<c>coupon_available_time</c>).</summary>
    public FavorAvailableTime? CouponAvailableTime { get; set; }

    /// <summary>The amount and threshold; required for a <c>NORMAL</c> stock (<c>fixed_normal_coupon</c>).</summary>
    public FavorFixedNormalCoupon? FixedNormalCoupon { get; set; }

    /// <summary>The order tags (<c>goods_tag</c>) the coupon applies to.</summary>
    public List<string>? GoodsTag { get; set; }

    /// <summary>The ways of paying it is limited to (<c>trade_type</c>).</summary>
    public List<FavorTradeType>? TradeType { get; set; }

    /// <summary>Whether it combines with other coupons (<c>combine_use</c>).</summary>
    public bool? CombineUse { get; set; }

    /// <summary>The goods codes it may be used on (<c>available_items</c>).</summary>
    public List<string>? AvailableItems { get; set; }

    /// <summary>The goods codes it may not be used on (<c>unavailable_items</c>).</summary>
    public List<string>? UnavailableItems { get; set; }

    /// <summary>The merchants where it may be used (<c>available_merchants</c>).</summary>
    public List<string>? AvailableMerchants { get; set; }

    /// <summary>The bank card it is limited to, with <see cref="LimitPay"/> naming a card (<c>limit_card</c>).</summary>
    public FavorCardLimitation? LimitCard { get; set; }

    /// <summary>The one payment method it is limited to, by WeChat Pay's code (<c>limit_pay</c>).</summary>
    public List<string>? LimitPay { get; set; }
}

/// <summary>When a received coupon may be used (<c>coupon_available_time</c>).</summary>
public sealed class FavorAvailableTime
{
    /// <summary>Fixed weekdays and hours (<c>fix_available_time</c>).</summary>
    public FavorFixedAvailableTime? FixAvailableTime { get; set; }

    /// <summary>Usable from the day after it is received (<c>second_day_available</c>).</summary>
    public bool? SecondDayAvailable { get; set; }

    /// <summary>Minutes it stays usable after it is received (<c>available_time_after_receive</c>).</summary>
    public long? AvailableTimeAfterReceive { get; set; }
}

/// <summary>Fixed weekdays and hours of use (<c>fix_available_time</c>).</summary>
public sealed class FavorFixedAvailableTime
{
    /// <summary>Weekdays, 0 (Sunday) to 6 (<c>available_week_day</c>).</summary>
    public List<int>? AvailableWeekDay { get; set; }

    /// <summary>The day's start, in seconds from midnight (<c>begin_time</c>).</summary>
    public required long BeginTime { get; set; }

    /// <summary>The day's end, in seconds from midnight; 23:59:59 when left out (<c>end_time</c>).</summary>
    public long? EndTime { get; set; }
}

/// <summary>满减: <see cref="CouponAmount"/> fen off an order of at least <see cref="TransactionMinimum"/> fen.</summary>
public sealed class FavorFixedNormalCoupon
{
    /// <summary>The amount off, in fen (<c>coupon_amount</c>).</summary>
    public required long CouponAmount { get; set; }

    /// <summary>The order's minimum, in fen (<c>transaction_minimum</c>).</summary>
    public required long TransactionMinimum { get; set; }
}

/// <summary>The bank card a coupon is limited to (<c>limit_card</c>).</summary>
public sealed class FavorCardLimitation
{
    /// <summary>The card's name shown at checkout, at most 4 Chinese characters (<c>name</c>).</summary>
    public required string Name { get; set; }

    /// <summary>1–10 card BINs of 6–9 digits (<c>bin</c>).</summary>
    public required List<string> Bin { get; set; }
}

/// <summary>How a 代金券's page looks (<c>pattern_info</c>).</summary>
public sealed class FavorPatternInfo
{
    /// <summary>The rules shown on the coupon's page, at most 1000 characters (<c>description</c>).</summary>
    public required string Description { get; set; }

    /// <summary>The merchant's logo, a URL from 图片上传(营销专用) (<c>merchant_logo</c>).</summary>
    public string? MerchantLogo { get; set; }

    /// <summary>The merchant's name, at most 16 characters (<c>merchant_name</c>).</summary>
    public string? MerchantName { get; set; }

    /// <summary>The background colour, such as <c>COLOR010</c> (<c>background_color</c>).</summary>
    public string? BackgroundColor { get; set; }

    /// <summary>The coupon's image, a URL from 图片上传(营销专用) (<c>coupon_image</c>).</summary>
    public string? CouponImage { get; set; }

    /// <summary>Where “use now” leads (<c>jump_target</c>).</summary>
    public FavorJumpTarget? JumpTarget { get; set; }

    /// <summary>The mini program, for <see cref="FavorJumpTarget.MiniProgram"/> (<c>mini_program_appid</c>).</summary>
    public string? MiniProgramAppid { get; set; }

    /// <summary>The page in it (<c>mini_program_path</c>).</summary>
    public string? MiniProgramPath { get; set; }
}
