namespace WeChatPay.Apis.Transfers;

/// <summary>
/// 商家转账 (merchant transfer, the user-confirmation mode): create a transfer bill, query it by either number, cancel
/// it, and apply for and query its electronic receipt. <c>IMerchantTransferApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IMerchantTransferApi
{
    /// <summary>发起转账: the payee's <c>user_name</c> is encrypted with the platform key.</summary>
    [Post("v3/fund-app/mch-transfer/transfer-bills")]
    Task<WeChatPayResponse<TransferBillCreated>> CreateAsync(TransferBillRequest json, CancellationToken cancellationToken = default);

    /// <summary>发起转账, synchronously.</summary>
    [Post("v3/fund-app/mch-transfer/transfer-bills")]
    WeChatPayResponse<TransferBillCreated> Create(TransferBillRequest json);

    /// <summary>商户单号查询转账单.</summary>
    [Get("v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}")]
    Task<WeChatPayResponse<TransferBill>> GetByOutBillNoAsync(string outBillNo, CancellationToken cancellationToken = default);

    /// <summary>商户单号查询转账单, synchronously.</summary>
    [Get("v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}")]
    WeChatPayResponse<TransferBill> GetByOutBillNo(string outBillNo);

    /// <summary>微信单号查询转账单.</summary>
    [Get("v3/fund-app/mch-transfer/transfer-bills/transfer-bill-no/{transfer_bill_no}")]
    Task<WeChatPayResponse<TransferBill>> GetByTransferBillNoAsync(string transferBillNo, CancellationToken cancellationToken = default);

    /// <summary>微信单号查询转账单, synchronously.</summary>
    [Get("v3/fund-app/mch-transfer/transfer-bills/transfer-bill-no/{transfer_bill_no}")]
    WeChatPayResponse<TransferBill> GetByTransferBillNo(string transferBillNo);

    /// <summary>撤销转账: only before the user confirms; the bill goes CANCELING, then CANCELLED.</summary>
    [Post("v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}/cancel")]
    Task<WeChatPayResponse<TransferBillCancelled>> CancelAsync(string outBillNo, CancellationToken cancellationToken = default);

    /// <summary>撤销转账, synchronously.</summary>
    [Post("v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{out_bill_no}/cancel")]
    WeChatPayResponse<TransferBillCancelled> Cancel(string outBillNo);

    /// <summary>商户单号申请电子回单: only for a SUCCESS bill that named the payee.</summary>
    [Post("v3/fund-app/mch-transfer/elecsign/out-bill-no")]
    Task<WeChatPayResponse<TransferReceipt>> ApplyReceiptAsync(TransferReceiptRequest json, CancellationToken cancellationToken = default);

    /// <summary>商户单号申请电子回单, synchronously.</summary>
    [Post("v3/fund-app/mch-transfer/elecsign/out-bill-no")]
    WeChatPayResponse<TransferReceipt> ApplyReceipt(TransferReceiptRequest json);

    /// <summary>商户单号查询电子回单: when FINISHED, the file's hash and a download URL valid for ten minutes.</summary>
    [Get("v3/fund-app/mch-transfer/elecsign/out-bill-no/{out_bill_no}")]
    Task<WeChatPayResponse<TransferReceipt>> GetReceiptAsync(string outBillNo, CancellationToken cancellationToken = default);

    /// <summary>商户单号查询电子回单, synchronously.</summary>
    [Get("v3/fund-app/mch-transfer/elecsign/out-bill-no/{out_bill_no}")]
    WeChatPayResponse<TransferReceipt> GetReceipt(string outBillNo);
}
