using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Contenders;

/// <summary>The seed's two endpoints, declared for this SDK's generator: no JSON context, no handler to write.</summary>
public partial interface IBenchBusifavor
{
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<UploadCouponCodesResponse> UploadCouponCodesAsync(string stockId, UploadCouponCodesRequest json, CancellationToken cancellationToken = default);

    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<ListCouponCodesResponse> ListCouponCodesAsync(string stockId, string? status = null, string? appid = null, int? offset = null, int? limit = null, CancellationToken cancellationToken = default);
}
