namespace WeChatPay.Apis.Complaints;

/// <summary>A page of a complaint's negotiation history (查询投诉协商历史), oldest first.</summary>
public sealed class NegotiationHistoryPage
{
    /// <summary>The records (<c>data</c>).</summary>
    public List<NegotiationRecord> Data { get; set; } = [];

    /// <summary>The page size asked for (<c>limit</c>).</summary>
    public int Limit { get; set; }

    /// <summary>The first entry, from 0 (<c>offset</c>).</summary>
    public int Offset { get; set; }

    /// <summary>How many records there are (<c>total_count</c>).</summary>
    public int? TotalCount { get; set; }
}
