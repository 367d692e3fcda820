namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A return as WeChat Pay answers it (请求分账回退, 查询分账回退结果).</summary>
public sealed class ProfitSharingReturn
{
    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>WeChat Pay's sharing number (<c>order_id</c>).</summary>
    public string OrderId { get; set; } = "";

    /// <summary>The merchant's sharing number (<c>out_order_no</c>).</summary>
    public string OutOrderNo { get; set; } = "";

    /// <summary>The merchant's return number (<c>out_return_no</c>).</summary>
    public string OutReturnNo { get; set; } = "";

    /// <summary>WeChat Pay's return number (<c>return_id</c>).</summary>
    public string ReturnId { get; set; } = "";

    /// <summary>The merchant receiver (<c>return_mchid</c>).</summary>
    public string ReturnMchid { get; set; } = "";

    /// <summary>How much, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary><c>PROCESSING</c>, <c>SUCCESS</c> or <c>FAILED</c> (<c>result</c>).</summary>
    public string Result { get; set; } = "";

    /// <summary>Why it failed, for example <c>BALANCE_NOT_ENOUGH</c> (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }

    /// <summary>When it was made (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>When it finished (<c>finish_time</c>).</summary>
    public DateTimeOffset? FinishTime { get; set; }
}
