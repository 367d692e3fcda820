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
