namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A sharing of a paid order's funds (请求分账).</summary>
public sealed class ProfitSharingOrderRequest
{
    /// <summary>The sub-merchant, for a service provider (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The AppID (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The sub-merchant's AppID, for a service provider (<c>sub_appid</c>).</summary>
    public string? SubAppid { get; set; }

    /// <summary>The paid order (<c>transaction_id</c>).</summary>
    public required string TransactionId { get; set; }

    /// <summary>The merchant's sharing number, unique per merchant (<c>out_order_no</c>).</summary>
    public required string OutOrderNo { get; set; }

    /// <summary>Who gets what; at most 50 receivers (<c>receivers</c>).</summary>
    public required List<ProfitSharingOrderReceiver> Receivers { get; set; }

    /// <summary>Whether to unfreeze what is left once this sharing is done (<c>unfreeze_unsplit</c>).</summary>
    public required bool UnfreezeUnsplit { get; set; }
}

/// <summary>A receiver of a sharing request (<c>receivers[]</c>).</summary>
public sealed class ProfitSharingOrderReceiver
{
    /// <summary><c>MERCHANT_ID</c>, <c>PERSONAL_OPENID</c> or <c>PERSONAL_SUB_OPENID</c> (<c>type</c>).</summary>
    public required ReceiverType Type { get; set; }

    /// <summary>The mchid or the openid (<c>account</c>).</summary>
    public required string Account { get; set; }

    /// <summary>The receiver's name, checked when given (<c>name</c>, encrypted).</summary>
    [Sensitive]
    public string? Name { get; set; }

    /// <summary>The share, in fen (<c>amount</c>).</summary>
    public required long Amount { get; set; }

    /// <summary>Why, at most 80 characters (<c>description</c>).</summary>
    public required string Description { get; set; }
}
