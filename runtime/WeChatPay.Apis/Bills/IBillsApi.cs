namespace WeChatPay.Apis.Bills;

/// <summary>
/// Bills (账单): apply for the trade bill, the fund-flow bill and a sub-merchant's fund-flow bill of a day
/// (<c>billDate</c> as <c>yyyy-MM-dd</c>, within the last three months). The answer names the file;
/// <see cref="BillDownloads"/> downloads it with its digest checked. <c>IBillsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IBillsApi
{
    /// <summary>申请交易账单; <paramref name="subMchid"/> for a service provider's sub-merchant.</summary>
    [Get("v3/bill/tradebill")]
    Task<WeChatPayResponse<Bill>> GetTradeBillAsync([Query] string billDate, [Query] BillType? billType = null, [Query("tar_type")] BillCompression? compression = null,
        [Query] string? subMchid = null, CancellationToken cancellationToken = default);

    /// <summary>申请交易账单, synchronously.</summary>
    [Get("v3/bill/tradebill")]
    WeChatPayResponse<Bill> GetTradeBill([Query] string billDate, [Query] BillType? billType = null, [Query("tar_type")] BillCompression? compression = null, [Query] string? subMchid = null);

    /// <summary>申请资金账单.</summary>
    [Get("v3/bill/fundflowbill")]
    Task<WeChatPayResponse<Bill>> GetFundFlowBillAsync([Query] string billDate, [Query] FundAccountType? accountType = null, [Query("tar_type")] BillCompression? compression = null,
        CancellationToken cancellationToken = default);

    /// <summary>申请资金账单, synchronously.</summary>
    [Get("v3/bill/fundflowbill")]
    WeChatPayResponse<Bill> GetFundFlowBill([Query] string billDate, [Query] FundAccountType? accountType = null, [Query("tar_type")] BillCompression? compression = null);

    /// <summary>申请单个子商户资金账单: <paramref name="algorithm"/> is <c>AEAD_AES_256_GCM</c> or <c>AEAD_SM4_GCM</c>.</summary>
    [Get("v3/bill/sub-merchant-fundflowbill")]
    Task<WeChatPayResponse<SubMerchantFundFlowBill>> GetSubMerchantFundFlowBillAsync([Query] string subMchid, [Query] string billDate, [Query] FundAccountType accountType,
        [Query] string algorithm = "AEAD_AES_256_GCM", [Query("tar_type")] BillCompression? compression = null, CancellationToken cancellationToken = default);

    /// <summary>申请单个子商户资金账单, synchronously.</summary>
    [Get("v3/bill/sub-merchant-fundflowbill")]
    WeChatPayResponse<SubMerchantFundFlowBill> GetSubMerchantFundFlowBill([Query] string subMchid, [Query] string billDate, [Query] FundAccountType accountType,
        [Query] string algorithm = "AEAD_AES_256_GCM", [Query("tar_type")] BillCompression? compression = null);
}
