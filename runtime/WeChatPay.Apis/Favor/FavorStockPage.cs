namespace WeChatPay.Apis.Favor;

/// <summary>A page of 条件查询批次列表.</summary>
public sealed class FavorStockPage
{
    /// <summary>Every stock that matches (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The stocks on this page (<c>data</c>).</summary>
    public List<FavorStock>? Data { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The page index, from 0: a page number, not an item offset (<c>offset</c>).</summary>
    public long Offset { get; set; }
}
