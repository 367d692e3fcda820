namespace WeChatPay.Apis.Complaints;

/// <summary>A page of complaints (查询投诉单列表).</summary>
public sealed class ComplaintPage
{
    /// <summary>The complaints (<c>data</c>).</summary>
    public List<Complaint> Data { get; set; } = [];

    /// <summary>The page size asked for (<c>limit</c>).</summary>
    public int Limit { get; set; }

    /// <summary>The first entry, from 0 (<c>offset</c>).</summary>
    public int Offset { get; set; }

    /// <summary>How many complaints match (<c>total_count</c>).</summary>
    public int? TotalCount { get; set; }
}
