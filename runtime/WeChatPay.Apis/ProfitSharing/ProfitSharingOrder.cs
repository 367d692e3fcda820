namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A sharing order as WeChat Pay answers it (请求分账, 查询分账结果, 解冻剩余资金).</summary>
public sealed class ProfitSharingOrder
{
    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The paid order (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>The merchant's sharing number (<c>out_order_no</c>).</summary>
    public string OutOrderNo { get; set; } = "";

    /// <summary>WeChat Pay's sharing number (<c>order_id</c>).</summary>
    public string OrderId { get; set; } = "";

    /// <summary>PROCESSING or FINISHED (<c>state</c>).</summary>
    public ProfitSharingOrderState State { get; set; }

    /// <summary>What each receiver got (<c>receivers</c>).</summary>
    public List<ProfitSharingReceiverResult>? Receivers { get; set; }
}

/// <summary>One receiver's share and its result (<c>receivers[]</c>).</summary>
public sealed class ProfitSharingReceiverResult
{
    /// <summary>The share, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>The receiver's type (<c>type</c>).</summary>
    public ReceiverType Type { get; set; }

    /// <summary>The receiver (<c>account</c>).</summary>
    public string Account { get; set; } = "";

    /// <summary><c>PENDING</c>, <c>SUCCESS</c> or <c>CLOSED</c> (<c>result</c>).</summary>
    public string Result { get; set; } = "";

    /// <summary>Why it closed, for example <c>ACCOUNT_ABNORMAL</c> (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>WeChat Pay's number for this share (<c>detail_id</c>).</summary>
    public string? DetailId { get; set; }

    /// <summary>When it was made (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>When it finished (<c>finish_time</c>).</summary>
    public DateTimeOffset? FinishTime { get; set; }
}
