namespace WeChatPay.Apis.Payments;

/// <summary>
/// A direct merchant's payments (直连商户): order for JSAPI/mini-program, APP, H5 and Native, query by WeChat Pay's or
/// the merchant's order number, close. <c>IPaymentsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IPaymentsApi
{
    /// <summary>JSAPI/小程序下单: a JSAPI or mini-program order; pay it with <c>PaymentParameters.ForJsapi</c>.</summary>
    [Post("v3/pay/transactions/jsapi")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayJsapiAsync(PrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>JSAPI/小程序下单, synchronously.</summary>
    [Post("v3/pay/transactions/jsapi")]
    WeChatPayResponse<PrepayResponse> PrepayJsapi(PrepayRequest json);

    /// <summary>APP下单: an app order; pay it with <c>PaymentParameters.ForApp</c>.</summary>
    [Post("v3/pay/transactions/app")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayAppAsync(PrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>APP下单, synchronously.</summary>
    [Post("v3/pay/transactions/app")]
    WeChatPayResponse<PrepayResponse> PrepayApp(PrepayRequest json);

    /// <summary>H5下单: an order paid in a mobile browser.</summary>
    [Post("v3/pay/transactions/h5")]
    Task<WeChatPayResponse<H5PrepayResponse>> PrepayH5Async(PrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>H5下单, synchronously.</summary>
    [Post("v3/pay/transactions/h5")]
    WeChatPayResponse<H5PrepayResponse> PrepayH5(PrepayRequest json);

    /// <summary>Native下单: an order paid by scanning a QR code.</summary>
    [Post("v3/pay/transactions/native")]
    Task<WeChatPayResponse<NativePrepayResponse>> PrepayNativeAsync(PrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>Native下单, synchronously.</summary>
    [Post("v3/pay/transactions/native")]
    WeChatPayResponse<NativePrepayResponse> PrepayNative(PrepayRequest json);

    /// <summary>微信支付订单号查询订单.</summary>
    [Get("v3/pay/transactions/id/{transaction_id}")]
    Task<WeChatPayResponse<Transaction>> GetTransactionAsync(string transactionId, [Query] string mchid, CancellationToken cancellationToken = default);

    /// <summary>微信支付订单号查询订单, synchronously.</summary>
    [Get("v3/pay/transactions/id/{transaction_id}")]
    WeChatPayResponse<Transaction> GetTransaction(string transactionId, [Query] string mchid);

    /// <summary>商户订单号查询订单.</summary>
    [Get("v3/pay/transactions/out-trade-no/{out_trade_no}")]
    Task<WeChatPayResponse<Transaction>> GetTransactionByOutTradeNoAsync(string outTradeNo, [Query] string mchid, CancellationToken cancellationToken = default);

    /// <summary>商户订单号查询订单, synchronously.</summary>
    [Get("v3/pay/transactions/out-trade-no/{out_trade_no}")]
    WeChatPayResponse<Transaction> GetTransactionByOutTradeNo(string outTradeNo, [Query] string mchid);

    /// <summary>关闭订单: closes an unpaid order (204).</summary>
    [Post("v3/pay/transactions/out-trade-no/{out_trade_no}/close")]
    Task CloseAsync(string outTradeNo, CloseOrderRequest json, CancellationToken cancellationToken = default);

    /// <summary>关闭订单, synchronously.</summary>
    [Post("v3/pay/transactions/out-trade-no/{out_trade_no}/close")]
    void Close(string outTradeNo, CloseOrderRequest json);
}
