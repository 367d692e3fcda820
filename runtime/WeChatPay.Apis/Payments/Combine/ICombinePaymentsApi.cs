namespace WeChatPay.Apis.Payments.Combine;

/// <summary>
/// Combined payments (合单支付): order for JSAPI/mini-program, APP, H5 and Native, query and close under
/// <c>v3/combine-transactions</c>. <c>ICombinePaymentsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface ICombinePaymentsApi
{
    /// <summary>合单JSAPI/小程序下单.</summary>
    [Post("v3/combine-transactions/jsapi")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayJsapiAsync(CombinePrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>合单JSAPI/小程序下单, synchronously.</summary>
    [Post("v3/combine-transactions/jsapi")]
    WeChatPayResponse<PrepayResponse> PrepayJsapi(CombinePrepayRequest json);

    /// <summary>合单APP下单.</summary>
    [Post("v3/combine-transactions/app")]
    Task<WeChatPayResponse<PrepayResponse>> PrepayAppAsync(CombinePrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>合单APP下单, synchronously.</summary>
    [Post("v3/combine-transactions/app")]
    WeChatPayResponse<PrepayResponse> PrepayApp(CombinePrepayRequest json);

    /// <summary>合单H5下单.</summary>
    [Post("v3/combine-transactions/h5")]
    Task<WeChatPayResponse<H5PrepayResponse>> PrepayH5Async(CombinePrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>合单H5下单, synchronously.</summary>
    [Post("v3/combine-transactions/h5")]
    WeChatPayResponse<H5PrepayResponse> PrepayH5(CombinePrepayRequest json);

    /// <summary>合单Native下单.</summary>
    [Post("v3/combine-transactions/native")]
    Task<WeChatPayResponse<NativePrepayResponse>> PrepayNativeAsync(CombinePrepayRequest json, CancellationToken cancellationToken = default);

    /// <summary>合单Native下单, synchronously.</summary>
    [Post("v3/combine-transactions/native")]
    WeChatPayResponse<NativePrepayResponse> PrepayNative(CombinePrepayRequest json);

    /// <summary>合单查询订单.</summary>
    [Get("v3/combine-transactions/out-trade-no/{combine_out_trade_no}")]
    Task<WeChatPayResponse<CombineTransaction>> GetTransactionAsync(string combineOutTradeNo, CancellationToken cancellationToken = default);

    /// <summary>合单查询订单, synchronously.</summary>
    [Get("v3/combine-transactions/out-trade-no/{combine_out_trade_no}")]
    WeChatPayResponse<CombineTransaction> GetTransaction(string combineOutTradeNo);

    /// <summary>合单关闭订单 (204).</summary>
    [Post("v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close")]
    Task CloseAsync(string combineOutTradeNo, CombineCloseRequest json, CancellationToken cancellationToken = default);

    /// <summary>合单关闭订单, synchronously.</summary>
    [Post("v3/combine-transactions/out-trade-no/{combine_out_trade_no}/close")]
    void Close(string combineOutTradeNo, CombineCloseRequest json);
}
