namespace WeChatPay.Apis.ProfitSharing;

/// <summary>What is left to share of a paid order (查询剩余待分金额).</summary>
public sealed class ProfitSharingAmounts
{
    /// <summary>The paid order (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>What is left to share, in fen (<c>unsplit_amount</c>).</summary>
    public long UnsplitAmount { get; set; }
}
