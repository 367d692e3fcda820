namespace WeChatPay.Apis.Payments.Partner;

/// <summary>
/// A service provider's payments for its sub-merchants (服务商): order, query, close under
/// <c>v3/pay/partner/transactions</c>. <c>IPartnerPaymentsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IPartnerPaymentsApi
{
    /// <summary>JSAPI/小程序下单 (服务商).</summary>
    [Post("v3/pay/partner/transactions/jsapi")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayJsapiAsync(PartnerPrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>JSAPI/小程序下单 (服务商), synchronously.</summary>
    [Post("v3/pay/partner/transactions/jsapi")]
    WeChatPayResponse<PrepayResponse> PrepayJsapi(PartnerPrepayRequest json);

    /// <summary>APP下单 (服务商).</summary>
    [Post("v3/pay/partner/transactions/app")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayAppAsync(PartnerPrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>APP下单 (服务商), synchronously.</summary>
    [Post("v3/pay/partner/transactions/app")]
    WeChatPayResponse<PrepayResponse> PrepayApp(PartnerPrepayRequest json);

    /// <summary>H5下单 (服务商).</summary>
    [Post("v3/pay/partner/transactions/h5")]
    Task<WeChatPayResponse<H5PrepayResponse>> PrepayH5Async(PartnerPrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>H5下单 (服务商), synchronously.</summary>
    [Post("v3/pay/partner/transactions/h5")]
    WeChatPayResponse<H5PrepayResponse> PrepayH5(PartnerPrepayRequest json);

    /// <summary>Native下单 (服务商).</summary>
    [Post("v3/pay/partner/transactions/native")]
    Task<WeChatPayResponse<NativePrepayResponse>> PrepayNativeAsync(PartnerPrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>Native下单 (服务商), synchronously.</summary>
    [Post("v3/pay/partner/transactions/native")]
    WeChatPayResponse<NativePrepayResponse> PrepayNative(PartnerPrepayRequest json);

    /// <summary>微信支付订单号查询订单 (服务商).</summary>
    [Get("v3/pay/partner/transactions/id/{transaction_id}")]
    Task<WeChatPayResponse<PartnerTransaction>> GetTransactionAsync(string transactionId, [Query] string spMchid, [Query] string subMchid, CancellationToken cancellationToken = default);

    /// <summary>微信支付订单号查询订单 (服务商), synchronously.</summary>
    [Get("v3/pay/partner/transactions/id/{transaction_id}")]
    WeChatPayResponse<PartnerTransaction> GetTransaction(string transactionId, [Query] string spMchid, [Query] string subMchid);

    /// <summary>商户订单号查询订单 (服务商).</summary>
    [Get("v3/pay/partner/transactions/out-trade-no/{out_trade_no}")]
    Task<WeChatPayResponse<PartnerTransaction>> GetTransactionByOutTradeNoAsync(string outTradeNo, [Query] string spMchid, [Query] string subMchid, CancellationToken cancellationToken = default);

    /// <summary>商户订单号查询订单 (服务商), synchronously.</summary>
    [Get("v3/pay/partner/transactions/out-trade-no/{out_trade_no}")]
    WeChatPayResponse<PartnerTransaction> GetTransactionByOutTradeNo(string outTradeNo, [Query] string spMchid, [Query] string subMchid);

    /// <summary>关闭订单 (服务商): closes an unpaid order (204).</summary>
    [Post("v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close")]
    Task CloseAsync(string outTradeNo, PartnerCloseOrderRequest json, CancellationToken cancellationToken = default);

    /// <summary>关闭订单 (服务商), synchronously.</summary>
    [Post("v3/pay/partner/transactions/out-trade-no/{out_trade_no}/close")]
    void Close(string outTradeNo, PartnerCloseOrderRequest json);
}
