namespace WeChatPay.Apis.Busifavor;

/// <summary>
/// 商家券 (busifavor): stocks, pre-stored codes, consumption cards, user coupons, event callbacks, and subsidy pay
/// and return receipts. Direct merchants and service providers call the same paths (a provider names the merchant in
/// <c>belong_merchant</c> or <c>mchid</c>). <c>IBusifavorApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IBusifavorApi
{
    /// <summary>创建商家券: creates a stock.</summary>
    [Post("v3/marketing/busifavor/stocks")]
    Task<WeChatPayResponse<CreatedStock>> CreateStockAsync(CreateStockRequest json, CancellationToken cancellationToken = default);

    /// <summary>创建商家券, synchronously.</summary>
    [Post("v3/marketing/busifavor/stocks")]
    WeChatPayResponse<CreatedStock> CreateStock(CreateStockRequest json);

    /// <summary>查询商家券详情: the stock's definition, state and counters.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}")]
    Task<WeChatPayResponse<Stock>> GetStockAsync(string stockId, CancellationToken cancellationToken = default);

    /// <summary>查询商家券详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}")]
    WeChatPayResponse<Stock> GetStock(string stockId);

    /// <summary>修改商家券基本信息: changes the fields set; answered 204.</summary>
    [Patch("v3/marketing/busifavor/stocks/{stock_id}")]
    Task UpdateStockAsync(string stockId, UpdateStockRequest json, CancellationToken cancellationToken = default);

    /// <summary>修改商家券基本信息, synchronously.</summary>
    [Patch("v3/marketing/busifavor/stocks/{stock_id}")]
    void UpdateStock(string stockId, UpdateStockRequest json);

    /// <summary>修改批次预算: changes the total or daily cap.</summary>
    [Patch("v3/marketing/busifavor/stocks/{stock_id}/budget")]
    Task<WeChatPayResponse<StockBudget>> UpdateBudgetAsync(string stockId, UpdateBudgetRequest json, CancellationToken cancellationToken = default);

    /// <summary>修改批次预算, synchronously.</summary>
    [Patch("v3/marketing/busifavor/stocks/{stock_id}/budget")]
    WeChatPayResponse<StockBudget> UpdateBudget(string stockId, UpdateBudgetRequest json);

    /// <summary>上传预存code: uploads 1–200 codes to a MERCHANT_UPLOAD stock.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<WeChatPayResponse<UploadCouponCodesResult>> UploadCouponCodesAsync(string stockId, UploadCouponCodesRequest json, CancellationToken cancellationToken = default);

    /// <summary>上传预存code, synchronously.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    WeChatPayResponse<UploadCouponCodesResult> UploadCouponCodes(string stockId, UploadCouponCodesRequest json);

    /// <summary>查询预存code列表: one page of the stock's codes; unset query values are not sent.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<WeChatPayResponse<CouponCodePage>> ListCouponCodesAsync(string stockId, [Query] ListCouponCodesQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询预存code列表, synchronously.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    WeChatPayResponse<CouponCodePage> ListCouponCodes(string stockId, [Query] ListCouponCodesQuery query);

    /// <summary>查询预存code列表, every page: the codes from the query's offset on, one verified GET a page, read lazily.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    IAsyncEnumerable<CouponCodeEntry> ListAllCouponCodesAsync(string stockId, [Query] ListCouponCodesQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询预存code详情: one code and, once handed out, its coupon.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}")]
    Task<WeChatPayResponse<CouponCodeDetails>> GetCouponCodeAsync(string stockId, string couponCode, [Query] string? appid = null, CancellationToken cancellationToken = default);

    /// <summary>查询预存code详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}")]
    WeChatPayResponse<CouponCodeDetails> GetCouponCode(string stockId, string couponCode, [Query] string? appid = null);

    /// <summary>删除预存code: deletes a code not yet handed out.</summary>
    [Delete("v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}")]
    Task<WeChatPayResponse<DeletedCouponCode>> DeleteCouponCodeAsync(string stockId, string couponCode, [Query] string deleteRequestNo, CancellationToken cancellationToken = default);

    /// <summary>删除预存code, synchronously.</summary>
    [Delete("v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}")]
    WeChatPayResponse<DeletedCouponCode> DeleteCouponCode(string stockId, string couponCode, [Query] string deleteRequestNo);

    /// <summary>
    /// 发放消费卡: issues the consumption card <paramref name="cardId"/> (made in the merchant platform, not a stock)
    /// to a user; the same <c>out_request_no</c> and <c>send_time</c> answer the same <c>card_code</c>.
    /// </summary>
    [Post("v3/marketing/busifavor/coupons/{card_id}/send")]
    Task<WeChatPayResponse<SentConsumptionCard>> SendConsumptionCardAsync(string cardId, SendConsumptionCardRequest json, CancellationToken cancellationToken = default);

    /// <summary>发放消费卡, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/{card_id}/send")]
    WeChatPayResponse<SentConsumptionCard> SendConsumptionCard(string cardId, SendConsumptionCardRequest json);

    /// <summary>核销用户券: marks a user's coupon used.</summary>
    [Post("v3/marketing/busifavor/coupons/use")]
    Task<WeChatPayResponse<UsedCoupon>> UseCouponAsync(UseCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>核销用户券, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/use")]
    WeChatPayResponse<UsedCoupon> UseCoupon(UseCouponRequest json);

    /// <summary>查询用户单张券详情.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}")]
    Task<WeChatPayResponse<UserCoupon>> GetUserCouponAsync(string openid, string couponCode, string appid, CancellationToken cancellationToken = default);

    /// <summary>查询用户单张券详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}")]
    WeChatPayResponse<UserCoupon> GetUserCoupon(string openid, string couponCode, string appid);

    /// <summary>根据过滤条件查询用户券: one page of a user's coupons.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons")]
    Task<WeChatPayResponse<UserCouponPage>> ListUserCouponsAsync(string openid, [Query] UserCouponsQuery query, CancellationToken cancellationToken = default);

    /// <summary>根据过滤条件查询用户券, synchronously.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons")]
    WeChatPayResponse<UserCouponPage> ListUserCoupons(string openid, [Query] UserCouponsQuery query);

    /// <summary>根据过滤条件查询用户券, every page: its <c>offset</c> is a page index (分页页码), so the walk counts pages.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<UserCoupon> ListAllUserCouponsAsync(string openid, [Query] UserCouponsQuery query, CancellationToken cancellationToken = default);

    /// <summary>申请退券: gives a used coupon back to the user.</summary>
    [Post("v3/marketing/busifavor/coupons/return")]
    Task<WeChatPayResponse<ReturnedCoupon>> ReturnCouponAsync(ReturnCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>申请退券, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/return")]
    WeChatPayResponse<ReturnedCoupon> ReturnCoupon(ReturnCouponRequest json);

    /// <summary>使券失效: makes an unused coupon unusable.</summary>
    [Post("v3/marketing/busifavor/coupons/deactivate")]
    Task<WeChatPayResponse<DeactivatedCoupon>> DeactivateCouponAsync(DeactivateCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>使券失效, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/deactivate")]
    WeChatPayResponse<DeactivatedCoupon> DeactivateCoupon(DeactivateCouponRequest json);

    /// <summary>关联订单信息: associates a used coupon with an order.</summary>
    [Post("v3/marketing/busifavor/coupons/associate")]
    Task<WeChatPayResponse<AssociatedTrade>> AssociateTradeAsync(CouponTradeRequest json, CancellationToken cancellationToken = default);

    /// <summary>关联订单信息, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/associate")]
    WeChatPayResponse<AssociatedTrade> AssociateTrade(CouponTradeRequest json);

    /// <summary>取消关联订单信息: undoes the association.</summary>
    [Post("v3/marketing/busifavor/coupons/disassociate")]
    Task<WeChatPayResponse<DisassociatedTrade>> DisassociateTradeAsync(CouponTradeRequest json, CancellationToken cancellationToken = default);

    /// <summary>取消关联订单信息, synchronously.</summary>
    [Post("v3/marketing/busifavor/coupons/disassociate")]
    WeChatPayResponse<DisassociatedTrade> DisassociateTrade(CouponTradeRequest json);

    /// <summary>设置商家券事件通知地址.</summary>
    [Post("v3/marketing/busifavor/callbacks")]
    Task<WeChatPayResponse<Callback>> SetCallbackAsync(SetCallbackRequest json, CancellationToken cancellationToken = default);

    /// <summary>设置商家券事件通知地址, synchronously.</summary>
    [Post("v3/marketing/busifavor/callbacks")]
    WeChatPayResponse<Callback> SetCallback(SetCallbackRequest json);

    /// <summary>查询商家券事件通知地址; <paramref name="mchid"/> names a service provider's sub-merchant.</summary>
    [Get("v3/marketing/busifavor/callbacks")]
    Task<WeChatPayResponse<Callback>> GetCallbackAsync([Query] string? mchid = null, CancellationToken cancellationToken = default);

    /// <summary>查询商家券事件通知地址, synchronously.</summary>
    [Get("v3/marketing/busifavor/callbacks")]
    WeChatPayResponse<Callback> GetCallback([Query] string? mchid = null);

    /// <summary>营销补差付款: pays the subsidy of a used coupon.</summary>
    [Post("v3/marketing/busifavor/subsidy/pay-receipts")]
    Task<WeChatPayResponse<SubsidyPayReceipt>> CreateSubsidyPayReceiptAsync(SubsidyPayRequest json, CancellationToken cancellationToken = default);

    /// <summary>营销补差付款, synchronously.</summary>
    [Post("v3/marketing/busifavor/subsidy/pay-receipts")]
    WeChatPayResponse<SubsidyPayReceipt> CreateSubsidyPayReceipt(SubsidyPayRequest json);

    /// <summary>查询营销补差付款单详情.</summary>
    [Get("v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}")]
    Task<WeChatPayResponse<SubsidyPayReceipt>> GetSubsidyPayReceiptAsync(string subsidyReceiptId, CancellationToken cancellationToken = default);

    /// <summary>查询营销补差付款单详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}")]
    WeChatPayResponse<SubsidyPayReceipt> GetSubsidyPayReceipt(string subsidyReceiptId);

    /// <summary>查询营销补差付款单列表: a coupon's receipts, optionally one <c>out_subsidy_no</c>.</summary>
    [Get("v3/marketing/busifavor/subsidy/pay-receipts")]
    Task<WeChatPayResponse<SubsidyPayReceiptList>> ListSubsidyPayReceiptsAsync([Query] string stockId, [Query] string couponCode, [Query] string? outSubsidyNo = null, CancellationToken cancellationToken = default);

    /// <summary>查询营销补差付款单列表, synchronously.</summary>
    [Get("v3/marketing/busifavor/subsidy/pay-receipts")]
    WeChatPayResponse<SubsidyPayReceiptList> ListSubsidyPayReceipts([Query] string stockId, [Query] string couponCode, [Query] string? outSubsidyNo = null);

    /// <summary>营销补差回退: returns part or all of a paid subsidy after the payment's refund.</summary>
    [Post("v3/marketing/busifavor/subsidy/return-receipts")]
    Task<WeChatPayResponse<SubsidyReturnReceipt>> CreateSubsidyReturnReceiptAsync(SubsidyReturnRequest json, CancellationToken cancellationToken = default);

    /// <summary>营销补差回退, synchronously.</summary>
    [Post("v3/marketing/busifavor/subsidy/return-receipts")]
    WeChatPayResponse<SubsidyReturnReceipt> CreateSubsidyReturnReceipt(SubsidyReturnRequest json);

    /// <summary>查询商家券营销补差回退单详情.</summary>
    [Get("v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}")]
    Task<WeChatPayResponse<SubsidyReturnReceipt>> GetSubsidyReturnReceiptAsync(string subsidyReturnReceiptId, CancellationToken cancellationToken = default);

    /// <summary>查询商家券营销补差回退单详情, synchronously.</summary>
    [Get("v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}")]
    WeChatPayResponse<SubsidyReturnReceipt> GetSubsidyReturnReceipt(string subsidyReturnReceiptId);
}
