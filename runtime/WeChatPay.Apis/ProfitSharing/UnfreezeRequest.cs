namespace WeChatPay.Apis.ProfitSharing;

/// <summary>The rest of an order's funds released (解冻剩余资金).</summary>
public sealed class UnfreezeRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The paid order (<c>transaction_id</c>).</summary>
    public required string TransactionId { get; set; }

    /// <summary>The merchant's sharing number for this release (<c>out_order_no</c>).</summary>
    public required string OutOrderNo { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public required string Description { get; set; }
}
