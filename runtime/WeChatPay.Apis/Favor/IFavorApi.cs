namespace WeChatPay.Apis.Favor;

/// <summary>
/// 代金券 (cash coupons, <c>v3/marketing/favor</c>): stocks and their life (create, start, pause, restart), sends,
/// user coupons, where a stock's coupons may be used, the use and refund flow files, and the event callback (set and query). List
/// queries count <c>offset</c> in pages, not items. <c>IFavorApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IFavorApi
{
    /// <summary>创建代金券批次: creates a stock, <see cref="FavorStockStatus.Unactivated"/> until started.</summary>
    [Post("v3/marketing/favor/coupon-stocks")]
    Task<WeChatPayResponse<CreatedFavorStock>> CreateStockAsync(CreateFavorStockRequest json, CancellationToken cancellationToken = default);

    /// <summary>创建代金券批次, synchronously.</summary>
    [Post("v3/marketing/favor/coupon-stocks")]
    WeChatPayResponse<CreatedFavorStock> CreateStock(CreateFavorStockRequest json);

    /// <summary>激活代金券批次: starts an unactivated stock.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/start")]
    Task<WeChatPayResponse<StartedFavorStock>> StartStockAsync(string stockId, FavorStockCreator json, CancellationToken cancellationToken = default);

    /// <summary>激活代金券批次, synchronously.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/start")]
    WeChatPayResponse<StartedFavorStock> StartStock(string stockId, FavorStockCreator json);

    /// <summary>暂停代金券批次: pauses a running stock; its coupons cannot be sent until restarted.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/pause")]
    Task<WeChatPayResponse<PausedFavorStock>> PauseStockAsync(string stockId, FavorStockCreator json, CancellationToken cancellationToken = default);

    /// <summary>暂停代金券批次, synchronously.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/pause")]
    WeChatPayResponse<PausedFavorStock> PauseStock(string stockId, FavorStockCreator json);

    /// <summary>重启代金券批次: resumes a paused stock.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/restart")]
    Task<WeChatPayResponse<RestartedFavorStock>> RestartStockAsync(string stockId, FavorStockCreator json, CancellationToken cancellationToken = default);

    /// <summary>重启代金券批次, synchronously.</summary>
    [Post("v3/marketing/favor/stocks/{stock_id}/restart")]
    WeChatPayResponse<RestartedFavorStock> RestartStock(string stockId, FavorStockCreator json);

    /// <summary>查询批次详情.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}")]
    Task<WeChatPayResponse<FavorStock>> GetStockAsync(string stockId, [Query] string stockCreatorMchid, CancellationToken cancellationToken = default);

    /// <summary>查询批次详情, synchronously.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}")]
    WeChatPayResponse<FavorStock> GetStock(string stockId, [Query] string stockCreatorMchid);

    /// <summary>条件查询批次列表: one page; <see cref="FavorStocksQuery.Offset"/> is a page index.</summary>
    [Get("v3/marketing/favor/stocks")]
    Task<WeChatPayResponse<FavorStockPage>> ListStocksAsync([Query] FavorStocksQuery query, CancellationToken cancellationToken = default);

    /// <summary>条件查询批次列表, synchronously.</summary>
    [Get("v3/marketing/favor/stocks")]
    WeChatPayResponse<FavorStockPage> ListStocks([Query] FavorStocksQuery query);

    /// <summary>条件查询批次列表, every page: walked lazily from the query's page index, one verified GET a page.</summary>
    [Get("v3/marketing/favor/stocks")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<FavorStock> ListAllStocksAsync([Query] FavorStocksQuery query, CancellationToken cancellationToken = default);

    /// <summary>发放代金券: sends a coupon to <paramref name="openid"/>; the same <c>out_request_no</c> answers the same coupon.</summary>
    [Post("v3/marketing/favor/users/{openid}/coupons")]
    Task<WeChatPayResponse<SentFavorCoupon>> SendCouponAsync(string openid, SendFavorCouponRequest json, CancellationToken cancellationToken = default);

    /// <summary>发放代金券, synchronously.</summary>
    [Post("v3/marketing/favor/users/{openid}/coupons")]
    WeChatPayResponse<SentFavorCoupon> SendCoupon(string openid, SendFavorCouponRequest json);

    /// <summary>查询代金券详情.</summary>
    [Get("v3/marketing/favor/users/{openid}/coupons/{coupon_id}")]
    Task<WeChatPayResponse<FavorCoupon>> GetCouponAsync(string openid, string couponId, [Query] string appid, CancellationToken cancellationToken = default);

    /// <summary>查询代金券详情, synchronously.</summary>
    [Get("v3/marketing/favor/users/{openid}/coupons/{coupon_id}")]
    WeChatPayResponse<FavorCoupon> GetCoupon(string openid, string couponId, [Query] string appid);

    /// <summary>根据商户号查用户的券: one page; <see cref="FavorUserCouponsQuery.Offset"/> is a page index.</summary>
    [Get("v3/marketing/favor/users/{openid}/coupons")]
    Task<WeChatPayResponse<FavorCouponPage>> ListUserCouponsAsync(string openid, [Query] FavorUserCouponsQuery query, CancellationToken cancellationToken = default);

    /// <summary>根据商户号查用户的券, synchronously.</summary>
    [Get("v3/marketing/favor/users/{openid}/coupons")]
    WeChatPayResponse<FavorCouponPage> ListUserCoupons(string openid, [Query] FavorUserCouponsQuery query);

    /// <summary>根据商户号查用户的券, every page: walked lazily from the query's page index, one verified GET a page.</summary>
    [Get("v3/marketing/favor/users/{openid}/coupons")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<FavorCoupon> ListAllUserCouponsAsync(string openid, [Query] FavorUserCouponsQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询代金券可用商户: one page of merchant numbers.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/merchants")]
    Task<WeChatPayResponse<FavorMerchantPage>> ListMerchantsAsync(string stockId, [Query] FavorStockEntriesQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询代金券可用商户, synchronously.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/merchants")]
    WeChatPayResponse<FavorMerchantPage> ListMerchants(string stockId, [Query] FavorStockEntriesQuery query);

    /// <summary>查询代金券可用商户, every page: the merchant numbers, walked lazily by page index.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/merchants")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<string> ListAllMerchantsAsync(string stockId, [Query] FavorStockEntriesQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询可用单品: one page of goods codes.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/items")]
    Task<WeChatPayResponse<FavorItemPage>> ListItemsAsync(string stockId, [Query] FavorStockEntriesQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询可用单品, synchronously.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/items")]
    WeChatPayResponse<FavorItemPage> ListItems(string stockId, [Query] FavorStockEntriesQuery query);

    /// <summary>查询可用单品, every page: the goods codes, walked lazily by page index.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/items")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<string> ListAllItemsAsync(string stockId, [Query] FavorStockEntriesQuery query, CancellationToken cancellationToken = default);

    /// <summary>下载批次核销明细: the use-flow CSV's URL and SHA-1; download it with <see cref="FavorFlowFile.ToBill"/>.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/use-flow")]
    Task<WeChatPayResponse<FavorFlowFile>> GetUseFlowAsync(string stockId, CancellationToken cancellationToken = default);

    /// <summary>下载批次核销明细, synchronously.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/use-flow")]
    WeChatPayResponse<FavorFlowFile> GetUseFlow(string stockId);

    /// <summary>下载批次退款明细: the refund-flow CSV's URL and SHA-1; download it with <see cref="FavorFlowFile.ToBill"/>.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/refund-flow")]
    Task<WeChatPayResponse<FavorFlowFile>> GetRefundFlowAsync(string stockId, CancellationToken cancellationToken = default);

    /// <summary>下载批次退款明细, synchronously.</summary>
    [Get("v3/marketing/favor/stocks/{stock_id}/refund-flow")]
    WeChatPayResponse<FavorFlowFile> GetRefundFlow(string stockId);

    /// <summary>设置消息通知地址: where <c>COUPON.USE</c> events go.</summary>
    [Post("v3/marketing/favor/callbacks")]
    Task<WeChatPayResponse<FavorCallback>> SetCallbackAsync(SetFavorCallbackRequest json, CancellationToken cancellationToken = default);

    /// <summary>设置消息通知地址, synchronously.</summary>
    [Post("v3/marketing/favor/callbacks")]
    WeChatPayResponse<FavorCallback> SetCallback(SetFavorCallbackRequest json);

    /// <summary>查询消息通知地址: the merchant's address, 404 until one is set.</summary>
    [Get("v3/marketing/favor/callbacks")]
    Task<WeChatPayResponse<FavorCallback>> GetCallbackAsync([Query] string mchid, CancellationToken cancellationToken = default);

    /// <summary>查询消息通知地址, synchronously.</summary>
    [Get("v3/marketing/favor/callbacks")]
    WeChatPayResponse<FavorCallback> GetCallback([Query] string mchid);
}
