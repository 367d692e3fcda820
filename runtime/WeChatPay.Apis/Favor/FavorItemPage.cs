namespace WeChatPay.Apis.Favor;

/// <summary>A page of 查询可用单品: goods codes.</summary>
public sealed class FavorItemPage
{
    /// <summary>Every goods code the stock's coupons may be used on (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The goods codes on this page (<c>data</c>).</summary>
    public List<string>? Data { get; set; }

    /// <summary>The page index (<c>offset</c>).</summary>
    public long Offset { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";
}
