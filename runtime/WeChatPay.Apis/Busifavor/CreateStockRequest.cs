namespace WeChatPay.Apis.Busifavor;

/// <summary>创建商家券: a stock's definition. Money is in fen; lengths are WeChat Pay's limits, in characters.</summary>
public sealed class CreateStockRequest
{
    /// <summary>The stock's name, at most 21 characters (<c>stock_name</c>).</summary>
    public required string StockName { get; set; }

    /// <summary>The merchant the stock belongs to (<c>belong_merchant</c>).</summary>
    public required string BelongMerchant { get; set; }

    /// <summary>A note, at most 20 characters (<c>comment</c>).</summary>
    public string? Comment { get; set; }

    /// <summary>What the coupon applies to, at most 15 characters (<c>goods_name</c>).</summary>
    public required string GoodsName { get; set; }

    /// <summary>The kind of coupon; the matching rule in <see cref="CouponUseRule"/> is required (<c>stock_type</c>).</summary>
    public required StockType StockType { get; set; }

    /// <summary>When and how a coupon may be used (<c>coupon_use_rule</c>).</summary>
    public required CouponUseRule CouponUseRule { get; set; }

    /// <summary>How many coupons may be sent (<c>stock_send_rule</c>).</summary>
    public required StockSendRule StockSendRule { get; set; }

    /// <summary>The merchant's request number, unique per merchant (<c>out_request_no</c>).</summary>
    public required string OutRequestNo { get; set; }

    /// <summary>The entrance shown on the coupon's detail page (<c>custom_entrance</c>).</summary>
    public CustomEntrance? CustomEntrance { get; set; }

    /// <summary>How the coupon looks (<c>display_pattern_info</c>).</summary>
    public DisplayPatternInfo? DisplayPatternInfo { get; set; }

    /// <summary>Where the codes come from (<c>coupon_code_mode</c>).</summary>
    public required CouponCodeMode CouponCodeMode { get; set; }

    /// <summary>Where event notifications go (<c>notify_config</c>).</summary>
    public NotifyConfig? NotifyConfig { get; set; }

    /// <summary>Whether the stock is subsidised (营销补差) (<c>subsidy</c>).</summary>
    public bool? Subsidy { get; set; }
}

/// <summary>When and how a coupon may be used (<c>coupon_use_rule</c>). Set exactly the rule that matches the stock type.</summary>
public sealed class CouponUseRule
{
    /// <summary>The validity window, at most a year long (<c>coupon_available_time</c>).</summary>
    public required CouponAvailableTime CouponAvailableTime { get; set; }

    /// <summary>The rule of a <c>NORMAL</c> stock (<c>fixed_normal_coupon</c>).</summary>
    public FixedNormalCoupon? FixedNormalCoupon { get; set; }

    /// <summary>The rule of a <c>DISCOUNT</c> stock (<c>discount_coupon</c>).</summary>
    public DiscountCoupon? DiscountCoupon { get; set; }

    /// <summary>The rule of an <c>EXCHANGE</c> stock (<c>exchange_coupon</c>).</summary>
    public ExchangeCoupon? ExchangeCoupon { get; set; }

    /// <summary>How the coupon is used (<c>use_method</c>).</summary>
    public required CouponUseMethod UseMethod { get; set; }

    /// <summary>The mini program, for <c>MINI_PROGRAMS</c> (<c>mini_programs_appid</c>).</summary>
    public string? MiniProgramsAppid { get; set; }

    /// <summary>The page in it (<c>mini_programs_path</c>).</summary>
    public string? MiniProgramsPath { get; set; }
}

/// <summary>The validity window (<c>coupon_available_time</c>); a coupon's own window may be narrower.</summary>
public sealed class CouponAvailableTime
{
    /// <summary>The start (<c>available_begin_time</c>).</summary>
    public required DateTimeOffset AvailableBeginTime { get; set; }

    /// <summary>The end (<c>available_end_time</c>).</summary>
    public required DateTimeOffset AvailableEndTime { get; set; }

    /// <summary>Days a coupon stays valid after it is received (<c>available_day_after_receive</c>).</summary>
    public int? AvailableDayAfterReceive { get; set; }

    /// <summary>The weekdays and hours it may be used (<c>available_week</c>).</summary>
    public AvailableWeek? AvailableWeek { get; set; }

    /// <summary>Extra irregular windows (<c>irregulary_avaliable_time</c>, WeChat Pay's spelling).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("irregulary_avaliable_time")]
    public List<TimeWindow>? IrregularAvailableTime { get; set; }

    /// <summary>Days after receipt before the coupon becomes usable (<c>wait_days_after_receive</c>).</summary>
    public int? WaitDaysAfterReceive { get; set; }
}

/// <summary>Weekdays and hours of use (<c>available_week</c>).</summary>
public sealed class AvailableWeek
{
    /// <summary>Weekdays, 0 (Sunday) to 6 (<c>week_day</c>).</summary>
    public List<int>? WeekDay { get; set; }

    /// <summary>Windows within each day, in seconds from midnight (<c>available_day_time</c>).</summary>
    public List<DayTimeWindow>? AvailableDayTime { get; set; }
}

/// <summary>A window within a day, in seconds from midnight.</summary>
public sealed class DayTimeWindow
{
    /// <summary>The start (<c>begin_time</c>).</summary>
    public long? BeginTime { get; set; }

    /// <summary>The end (<c>end_time</c>).</summary>
    public long? EndTime { get; set; }
}

/// <summary>An irregular window of use.</summary>
public sealed class TimeWindow
{
    /// <summary>The start (<c>begin_time</c>).</summary>
    public DateTimeOffset? BeginTime { get; set; }

    /// <summary>The end (<c>end_time</c>).</summary>
    public DateTimeOffset? EndTime { get; set; }
}

/// <summary>满减: <see cref="DiscountAmount"/> fen off an order of at least <see cref="TransactionMinimum"/> fen.</summary>
public sealed class FixedNormalCoupon
{
    /// <summary>The amount off, in fen (<c>discount_amount</c>).</summary>
    public required long DiscountAmount { get; set; }

    /// <summary>The order's minimum, in fen (<c>transaction_minimum</c>).</summary>
    public required long TransactionMinimum { get; set; }
}

/// <summary>折扣: pay <see cref="DiscountPercent"/>% of an order of at least <see cref="TransactionMinimum"/> fen.</summary>
public sealed class DiscountCoupon
{
    /// <summary>The percentage paid, 1–99; 88 is 12% off (<c>discount_percent</c>).</summary>
    public required int DiscountPercent { get; set; }

    /// <summary>The order's minimum, in fen (<c>transaction_minimum</c>).</summary>
    public required long TransactionMinimum { get; set; }
}

/// <summary>换购: the goods for <see cref="ExchangePrice"/> fen with an order of at least <see cref="TransactionMinimum"/> fen.</summary>
public sealed class ExchangeCoupon
{
    /// <summary>The price, in fen (<c>exchange_price</c>).</summary>
    public required long ExchangePrice { get; set; }

    /// <summary>The order's minimum, in fen (<c>transaction_minimum</c>).</summary>
    public required long TransactionMinimum { get; set; }
}

/// <summary>How many coupons may be sent (<c>stock_send_rule</c>).</summary>
public sealed class StockSendRule
{
    /// <summary>The total budget, in fen, for budgeted stocks (<c>max_amount</c>).</summary>
    public long? MaxAmount { get; set; }

    /// <summary>The most coupons in all (<c>max_coupons</c>).</summary>
    public long? MaxCoupons { get; set; }

    /// <summary>The most coupons one user may receive; required (<c>max_coupons_per_user</c>).</summary>
    public required int MaxCouponsPerUser { get; set; }

    /// <summary>The daily budget, in fen (<c>max_amount_by_day</c>).</summary>
    public long? MaxAmountByDay { get; set; }

    /// <summary>The most coupons a day (<c>max_coupons_by_day</c>).</summary>
    public long? MaxCouponsByDay { get; set; }

    /// <summary>Limits by natural person rather than by openid (<c>natural_person_limit</c>).</summary>
    public bool? NaturalPersonLimit { get; set; }

    /// <summary>Refuses suspicious receivers (<c>prevent_api_abuse</c>).</summary>
    public bool? PreventApiAbuse { get; set; }

    /// <summary>Whether a coupon may be given to a friend (<c>transferable</c>).</summary>
    public bool? Transferable { get; set; }

    /// <summary>Whether a coupon may be shared (<c>shareable</c>).</summary>
    public bool? Shareable { get; set; }
}

/// <summary>The entrance on the coupon's page (<c>custom_entrance</c>).</summary>
public sealed class CustomEntrance
{
    /// <summary>A mini-program entrance (<c>mini_programs_info</c>).</summary>
    public MiniProgramsInfo? MiniProgramsInfo { get; set; }

    /// <summary>The appid of the official account (<c>appid</c>).</summary>
    public string? Appid { get; set; }

    /// <summary>The merchant's hall (<c>hall_id</c>).</summary>
    public string? HallId { get; set; }

    /// <summary>The store (<c>store_id</c>).</summary>
    public string? StoreId { get; set; }

    /// <summary>How the code is shown (<c>code_display_mode</c>).</summary>
    public CodeDisplayMode? CodeDisplayMode { get; set; }
}

/// <summary>A mini-program entrance (<c>mini_programs_info</c>).</summary>
public sealed class MiniProgramsInfo
{
    /// <summary>The mini program (<c>mini_programs_appid</c>).</summary>
    public string? MiniProgramsAppid { get; set; }

    /// <summary>The page (<c>mini_programs_path</c>).</summary>
    public string? MiniProgramsPath { get; set; }

    /// <summary>The entrance's words, at most 5 characters (<c>entrance_words</c>).</summary>
    public string? EntranceWords { get; set; }

    /// <summary>The guiding words, at most 6 characters (<c>guiding_words</c>).</summary>
    public string? GuidingWords { get; set; }
}

/// <summary>How the coupon looks (<c>display_pattern_info</c>).</summary>
public sealed class DisplayPatternInfo
{
    /// <summary>Instructions, at most 1000 characters (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>The logo's URL (<c>merchant_logo_url</c>).</summary>
    public string? MerchantLogoUrl { get; set; }

    /// <summary>The merchant's name, at most 16 characters (<c>merchant_name</c>).</summary>
    public string? MerchantName { get; set; }

    /// <summary>The background colour, such as <c>Color010</c> (<c>background_color</c>).</summary>
    public string? BackgroundColor { get; set; }

    /// <summary>The coupon's image URL (<c>coupon_image_url</c>).</summary>
    public string? CouponImageUrl { get; set; }

    /// <summary>A Channels (视频号) video (<c>finder_info</c>).</summary>
    public FinderInfo? FinderInfo { get; set; }
}

/// <summary>A Channels (视频号) video (<c>finder_info</c>).</summary>
public sealed class FinderInfo
{
    /// <summary>The channel (<c>finder_id</c>).</summary>
    public string? FinderId { get; set; }

    /// <summary>The video (<c>finder_video_id</c>).</summary>
    public string? FinderVideoId { get; set; }

    /// <summary>The video's cover (<c>finder_video_cover_image_url</c>).</summary>
    public string? FinderVideoCoverImageUrl { get; set; }
}

/// <summary>Where event notifications go (<c>notify_config</c>).</summary>
public sealed class NotifyConfig
{
    /// <summary>The appid that receives them (<c>notify_appid</c>).</summary>
    public string? NotifyAppid { get; set; }
}
