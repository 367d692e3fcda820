namespace WeChatPay.Apis.Busifavor;

/// <summary>修改商家券基本信息: the fields to change; unset ones are left as they are. Answered 204.</summary>
public sealed class UpdateStockRequest
{
    /// <summary>The merchant's request number (<c>out_request_no</c>).</summary>
    public required string OutRequestNo { get; set; }

    /// <summary>The entrance (<c>custom_entrance</c>).</summary>
    public CustomEntrance? CustomEntrance { get; set; }

    /// <summary>The name, at most 21 characters (<c>stock_name</c>).</summary>
    public string? StockName { get; set; }

    /// <summary>The note, at most 20 characters (<c>comment</c>).</summary>
    public string? Comment { get; set; }

    /// <summary>What it applies to, at most 15 characters (<c>goods_name</c>).</summary>
    public string? GoodsName { get; set; }

    /// <summary>The look (<c>display_pattern_info</c>).</summary>
    public DisplayPatternInfo? DisplayPatternInfo { get; set; }

    /// <summary>How coupons are used (<c>coupon_use_rule</c>).</summary>
    public UpdateCouponUseRule? CouponUseRule { get; set; }

    /// <summary>The sending limits that may change (<c>stock_send_rule</c>).</summary>
    public UpdateStockSendRule? StockSendRule { get; set; }

    /// <summary>Where notifications go (<c>notify_config</c>).</summary>
    public NotifyConfig? NotifyConfig { get; set; }

    /// <summary>Whether the stock is subsidised (<c>subsidy</c>).</summary>
    public bool? Subsidy { get; set; }
}

/// <summary>The use rule's changeable part (<c>coupon_use_rule</c>).</summary>
public sealed class UpdateCouponUseRule
{
    /// <summary>How the coupon is used (<c>use_method</c>).</summary>
    public CouponUseMethod? UseMethod { get; set; }

    /// <summary>The mini program (<c>mini_programs_appid</c>).</summary>
    public string? MiniProgramsAppid { get; set; }

    /// <summary>The page (<c>mini_programs_path</c>).</summary>
    public string? MiniProgramsPath { get; set; }
}

/// <summary>The send rule's changeable part (<c>stock_send_rule</c>).</summary>
public sealed class UpdateStockSendRule
{
    /// <summary>Limits by natural person (<c>natural_person_limit</c>).</summary>
    public bool? NaturalPersonLimit { get; set; }

    /// <summary>Refuses suspicious receivers (<c>prevent_api_abuse</c>).</summary>
    public bool? PreventApiAbuse { get; set; }
}

/// <summary>
/// 修改批次预算: the new total or daily cap. Give the target and, as a guard against concurrent changes, the current
/// value you read (<c>current_*</c>); WeChat Pay refuses the change when it no longer matches.
/// </summary>
public sealed class UpdateBudgetRequest
{
    /// <summary>The new most coupons in all (<c>target_max_coupons</c>).</summary>
    public long? TargetMaxCoupons { get; set; }

    /// <summary>The value it replaces (<c>current_max_coupons</c>).</summary>
    public long? CurrentMaxCoupons { get; set; }

    /// <summary>The new most coupons a day (<c>target_max_coupons_by_day</c>).</summary>
    public long? TargetMaxCouponsByDay { get; set; }

    /// <summary>The value it replaces (<c>current_max_coupons_by_day</c>).</summary>
    public long? CurrentMaxCouponsByDay { get; set; }

    /// <summary>The merchant's request number (<c>modify_budget_request_no</c>).</summary>
    public required string ModifyBudgetRequestNo { get; set; }
}

/// <summary>The caps after 修改批次预算.</summary>
public sealed class StockBudget
{
    /// <summary>The most coupons in all (<c>max_coupons</c>).</summary>
    public long MaxCoupons { get; set; }

    /// <summary>The most coupons a day (<c>max_coupons_by_day</c>).</summary>
    public long? MaxCouponsByDay { get; set; }
}
