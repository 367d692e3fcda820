using WeChatPay.Apis.Bills;

namespace WeChatPay.Apis.ProfitSharing;

/// <summary>
/// 分账 (profit sharing), for direct merchants and, with <c>sub_mchid</c>, service providers: orders (create, query,
/// unfreeze), returns (create, query), receivers (add, delete), the unsplit amount, the sub-merchant's maximum
/// ratio and the bill. <c>IProfitSharingApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IProfitSharingApi
{
    /// <summary>请求分账: receivers' names are encrypted with the platform key.</summary>
    [Post("v3/profitsharing/orders")]
    Task<WeChatPayResponse<ProfitSharingOrder>> CreateOrderAsync(ProfitSharingOrderRequest json, CancellationToken cancellationToken = default);

    /// <summary>请求分账, synchronously.</summary>
    [Post("v3/profitsharing/orders")]
    WeChatPayResponse<ProfitSharingOrder> CreateOrder(ProfitSharingOrderRequest json);

    /// <summary>查询分账结果.</summary>
    [Get("v3/profitsharing/orders/{out_order_no}")]
    Task<WeChatPayResponse<ProfitSharingOrder>> GetOrderAsync(string outOrderNo, [Query] string transactionId, [Query] string? subMchid = null, CancellationToken cancellationToken = default);

    /// <summary>查询分账结果, synchronously.</summary>
    [Get("v3/profitsharing/orders/{out_order_no}")]
    WeChatPayResponse<ProfitSharingOrder> GetOrder(string outOrderNo, [Query] string transactionId, [Query] string? subMchid = null);

    /// <summary>解冻剩余资金: the unsplit rest goes to the merchant and the order's sharing ends.</summary>
    [Post("v3/profitsharing/orders/unfreeze")]
    Task<WeChatPayResponse<ProfitSharingOrder>> UnfreezeAsync(UnfreezeRequest json, CancellationToken cancellationToken = default);

    /// <summary>解冻剩余资金, synchronously.</summary>
    [Post("v3/profitsharing/orders/unfreeze")]
    WeChatPayResponse<ProfitSharingOrder> Unfreeze(UnfreezeRequest json);

    /// <summary>请求分账回退: takes a share back from a merchant receiver.</summary>
    [Post("v3/profitsharing/return-orders")]
    Task<WeChatPayResponse<ProfitSharingReturn>> CreateReturnAsync(ProfitSharingReturnRequest json, CancellationToken cancellationToken = default);

    /// <summary>请求分账回退, synchronously.</summary>
    [Post("v3/profitsharing/return-orders")]
    WeChatPayResponse<ProfitSharingReturn> CreateReturn(ProfitSharingReturnRequest json);

    /// <summary>查询分账回退结果.</summary>
    [Get("v3/profitsharing/return-orders/{out_return_no}")]
    Task<WeChatPayResponse<ProfitSharingReturn>> GetReturnAsync(string outReturnNo, [Query] string outOrderNo, [Query] string? subMchid = null, CancellationToken cancellationToken = default);

    /// <summary>查询分账回退结果, synchronously.</summary>
    [Get("v3/profitsharing/return-orders/{out_return_no}")]
    WeChatPayResponse<ProfitSharingReturn> GetReturn(string outReturnNo, [Query] string outOrderNo, [Query] string? subMchid = null);

    /// <summary>添加分账接收方: the receiver's name is encrypted with the platform key.</summary>
    [Post("v3/profitsharing/receivers/add")]
    Task<WeChatPayResponse<ProfitSharingReceiver>> AddReceiverAsync(AddReceiverRequest json, CancellationToken cancellationToken = default);

    /// <summary>添加分账接收方, synchronously.</summary>
    [Post("v3/profitsharing/receivers/add")]
    WeChatPayResponse<ProfitSharingReceiver> AddReceiver(AddReceiverRequest json);

    /// <summary>删除分账接收方.</summary>
    [Post("v3/profitsharing/receivers/delete")]
    Task<WeChatPayResponse<ProfitSharingReceiver>> DeleteReceiverAsync(DeleteReceiverRequest json, CancellationToken cancellationToken = default);

    /// <summary>删除分账接收方, synchronously.</summary>
    [Post("v3/profitsharing/receivers/delete")]
    WeChatPayResponse<ProfitSharingReceiver> DeleteReceiver(DeleteReceiverRequest json);

    /// <summary>查询剩余待分金额.</summary>
    [Get("v3/profitsharing/transactions/{transaction_id}/amounts")]
    Task<WeChatPayResponse<ProfitSharingAmounts>> GetUnsplitAmountAsync(string transactionId, CancellationToken cancellationToken = default);

    /// <summary>查询剩余待分金额, synchronously.</summary>
    [Get("v3/profitsharing/transactions/{transaction_id}/amounts")]
    WeChatPayResponse<ProfitSharingAmounts> GetUnsplitAmount(string transactionId);

    /// <summary>查询最大分账比例 (service providers): the largest share of an order a sub-merchant allows.</summary>
    [Get("v3/profitsharing/merchant-configs/{sub_mchid}")]
    Task<WeChatPayResponse<ProfitSharingMerchantConfig>> GetMerchantConfigAsync(string subMchid, CancellationToken cancellationToken = default);

    /// <summary>查询最大分账比例, synchronously.</summary>
    [Get("v3/profitsharing/merchant-configs/{sub_mchid}")]
    WeChatPayResponse<ProfitSharingMerchantConfig> GetMerchantConfig(string subMchid);

    /// <summary>申请分账账单: <paramref name="billDate"/> as <c>yyyy-MM-dd</c>; download it with <c>BillDownloads</c>.</summary>
    [Get("v3/profitsharing/bills")]
    Task<WeChatPayResponse<Bill>> GetBillAsync([Query] string billDate, [Query] string? subMchid = null, [Query] string? tarType = null, CancellationToken cancellationToken = default);

    /// <summary>申请分账账单, synchronously.</summary>
    [Get("v3/profitsharing/bills")]
    WeChatPayResponse<Bill> GetBill([Query] string billDate, [Query] string? subMchid = null, [Query] string? tarType = null);
}
