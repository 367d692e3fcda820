namespace WeChatPay.Apis.Favor;

/// <summary>The body of 激活, 暂停 and 重启代金券批次: the merchant that created the stock.</summary>
public sealed class FavorStockCreator
{
    /// <summary>The merchant that created the stock (<c>stock_creator_mchid</c>).</summary>
    public required string StockCreatorMchid { get; set; }
}

/// <summary>The answer of 激活代金券批次.</summary>
public sealed class StartedFavorStock
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When it started (<c>start_time</c>).</summary>
    public DateTimeOffset StartTime { get; set; }
}

/// <summary>The answer of 暂停代金券批次.</summary>
public sealed class PausedFavorStock
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When it paused (<c>pause_time</c>).</summary>
    public DateTimeOffset PauseTime { get; set; }
}

/// <summary>The answer of 重启代金券批次.</summary>
public sealed class RestartedFavorStock
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When it restarted (<c>restart_time</c>).</summary>
    public DateTimeOffset RestartTime { get; set; }
}
