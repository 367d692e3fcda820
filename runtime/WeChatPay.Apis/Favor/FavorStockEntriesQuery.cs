namespace WeChatPay.Apis.Favor;

/// <summary>
/// The query of 查询代金券可用商户 and 查询可用单品; unset values are not sent. <see cref="Offset"/> is a page index
/// (page 0, 1, 2…), not the number of items to skip.
/// </summary>
public sealed class FavorStockEntriesQuery
{
    /// <summary>The merchant that created the stock; required (<c>stock_creator_mchid</c>).</summary>
    public required string StockCreatorMchid { get; set; }

    /// <summary>The page index, from 0, not an item offset; at most 1000 (<c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>The page size, 1–50 (<c>limit</c>).</summary>
    public int? Limit { get; set; }
}

/// <summary>A page of 查询代金券可用商户: merchant numbers.</summary>
public sealed class FavorMerchantPage
{
    /// <summary>Every merchant where the stock's coupons may be used (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The merchant numbers on this page (<c>data</c>).</summary>
    public List<string>? Data { get; set; }

    /// <summary>The page index (<c>offset</c>).</summary>
    public long Offset { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }

    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";
}

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
