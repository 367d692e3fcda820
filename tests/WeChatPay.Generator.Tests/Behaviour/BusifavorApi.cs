using System.Text.Json.Serialization;

namespace WeChatPay.Samples;

/// <summary>The seed's two endpoints: upload pre-stored coupon codes, and list them.</summary>
public partial interface IBusifavorApi
{
    /// <summary>上传预存code: POST v3/marketing/busifavor/stocks/{stock_id}/couponcodes.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<UploadCouponCodesResult> UploadCouponCodesAsync(string stockId, UploadCouponCodesRequest json, CancellationToken cancellationToken = default);

    /// <summary>The synchronous form, through HttpClient.Send.</summary>
    [Post("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    UploadCouponCodesResult UploadCouponCodes(string stockId, UploadCouponCodesRequest json);

    /// <summary>查询预存code: GET v3/marketing/busifavor/stocks/{stock_id}/couponcodes.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<CouponCodeList> ListCouponCodesAsync(string stockId, CouponCodeStatus? status, string appid, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The synchronous form, with the whole response.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    WeChatPayResponse<CouponCodeList> ListCouponCodes(string stockId, CouponCodeStatus? status, string appid, int offset, int limit);
}

public sealed record UploadCouponCodesRequest(IReadOnlyList<string> CouponCodeList, string UploadRequestNo);

public sealed record UploadCouponCodesResult
{
    public required string StockId { get; init; }
    public int TotalCount { get; init; }
    public int SuccessCount { get; init; }
    public List<string>? SuccessCodes { get; init; }
    public DateTimeOffset SuccessTime { get; init; }
    public int FailCount { get; init; }
    public List<FailCode>? FailCodes { get; init; }
    public List<string>? ExistCodes { get; init; }
    public List<string>? DuplicateCodes { get; init; }
}

public sealed record FailCode(string CouponCode, string Code, string Message);

public sealed record CouponCodeList(string StockId, int TotalCount, int Limit, int Offset, List<CouponCodeInfo>? Data);

public sealed record CouponCodeInfo(
    string Code,
    CouponCodeStatus CodeStatus,
    DateTimeOffset UploadTime,
    DateTimeOffset? DispatchedTime,
    string? Openid,
    string? Unionid,
    string? CouponCode);

public enum CouponCodeStatus
{
    Available,
    Dispatched,
}
