namespace WeChatPay.Apis.Refunds;

/// <summary>
/// Domestic refunds (境内退款), for direct merchants and, with <c>sub_mchid</c>, service providers: create, query,
/// and redirect an abnormal refund. <c>IRefundsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IRefundsApi
{
    /// <summary>退款申请.</summary>
    [Post("v3/refund/domestic/refunds")]
    Task<WeChatPayResponse<Refund>> CreateAsync(RefundRequest json, CancellationToken cancellationToken = default);

    /// <summary>退款申请, synchronously.</summary>
    [Post("v3/refund/domestic/refunds")]
    WeChatPayResponse<Refund> Create(RefundRequest json);

    /// <summary>查询单笔退款 (by <c>out_refund_no</c>); <paramref name="subMchid"/> for a service provider.</summary>
    [Get("v3/refund/domestic/refunds/{out_refund_no}")]
    Task<WeChatPayResponse<Refund>> GetAsync(string outRefundNo, [Query] string? subMchid = null, CancellationToken cancellationToken = default);

    /// <summary>查询单笔退款, synchronously.</summary>
    [Get("v3/refund/domestic/refunds/{out_refund_no}")]
    WeChatPayResponse<Refund> Get(string outRefundNo, [Query] string? subMchid = null);

    /// <summary>发起异常退款: sends an <c>ABNORMAL</c> refund to a bank card or the merchant's account.</summary>
    [Post("v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund")]
    Task<WeChatPayResponse<Refund>> ApplyAbnormalRefundAsync(string refundId, AbnormalRefundRequest json, CancellationToken cancellationToken = default);

    /// <summary>发起异常退款, synchronously.</summary>
    [Post("v3/refund/domestic/refunds/{refund_id}/apply-abnormal-refund")]
    WeChatPayResponse<Refund> ApplyAbnormalRefund(string refundId, AbnormalRefundRequest json);
}
