namespace WeChatPay.Apis.Favor;

/// <summary>
/// The query of 条件查询批次列表; unset values are not sent. <see cref="Offset"/> is a page index (page 0, 1, 2…),
/// not the number of items to skip: the next page is <c>Offset + 1</c>.
/// </summary>
public sealed class FavorStocksQuery
{
    /// <summary>The merchant that created the stocks; required (<c>stock_creator_mchid</c>).</summary>
    public required string StockCreatorMchid { get; set; }

    /// <summary>The page index, from 0, not an item offset; WeChat Pay's default is 0 (<c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>The page size, 1–10 (<c>limit</c>).</summary>
    public int? Limit { get; set; }

    /// <summary>Only stocks created at or after this time (<c>create_start_time</c>).</summary>
    public DateTimeOffset? CreateStartTime { get; set; }

    /// <summary>Only stocks created at or before this time (<c>create_end_time</c>).</summary>
    public DateTimeOffset? CreateEndTime { get; set; }

    /// <summary>Only this state, such as <c>running</c> (see <see cref="FavorStockStatus"/>) (<c>status</c>).</summary>
    public string? Status { get; set; }
}
