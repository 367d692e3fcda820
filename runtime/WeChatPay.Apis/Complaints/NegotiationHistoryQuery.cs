namespace WeChatPay.Apis.Complaints;

/// <summary>The query of 查询投诉协商历史; unset values are not sent.</summary>
public sealed class NegotiationHistoryQuery
{
    /// <summary>The page size, 1 to 300; 100 when unset (<c>limit</c>).</summary>
    public int? Limit { get; set; }

    /// <summary>The first entry, from 0 (<c>offset</c>).</summary>
    public int? Offset { get; set; }
}
