namespace WeChatPay.Apis.Complaints;

/// <summary>The query of 查询投诉单列表: a span of at most 30 days; unset values are not sent.</summary>
public sealed class ListComplaintsQuery
{
    /// <summary>The first day, <c>yyyy-MM-dd</c> (<c>begin_date</c>, required).</summary>
    public string? BeginDate { get; set; }

    /// <summary>The last day, <c>yyyy-MM-dd</c>, at most 30 days after the first (<c>end_date</c>, required).</summary>
    public string? EndDate { get; set; }

    /// <summary>The page size, 1 to 50 (<c>limit</c>).</summary>
    public int? Limit { get; set; }

    /// <summary>The first entry, from 0 (<c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>A service provider's sub-merchant; unset, every sub-merchant's complaints (<c>complainted_mchid</c>).</summary>
    public string? ComplaintedMchid { get; set; }
}
