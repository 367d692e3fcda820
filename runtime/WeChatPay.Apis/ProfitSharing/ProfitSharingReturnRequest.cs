namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A share taken back from a merchant receiver (请求分账回退). Name the sharing by <see cref="OrderId"/> or <see cref="OutOrderNo"/>.</summary>
public sealed class ProfitSharingReturnRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>WeChat Pay's sharing number (<c>order_id</c>).</summary>
    public string? OrderId { get; set; }

    /// <summary>The merchant's sharing number (<c>out_order_no</c>).</summary>
    public string? OutOrderNo { get; set; }

    /// <summary>The merchant's return number, unique per merchant (<c>out_return_no</c>).</summary>
    public required string OutReturnNo { get; set; }

    /// <summary>The merchant receiver the share is taken from (<c>return_mchid</c>).</summary>
    public required string ReturnMchid { get; set; }

    /// <summary>How much, in fen; at most what that receiver got (<c>amount</c>).</summary>
    public required long Amount { get; set; }

    /// <summary>Why (<c>description</c>).</summary>
    public required string Description { get; set; }
}
