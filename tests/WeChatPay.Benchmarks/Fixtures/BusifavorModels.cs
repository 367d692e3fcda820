using System.Text.Json.Serialization;

namespace WeChatPay.Benchmarks.Fixtures;

// The seed's two endpoints (upload pre-stored codes, list them), as plain models that all three contenders share:
// the generated client through the metadata its generator emits, Refit and the hand-written floor through the user
// JsonSerializerContext below. Property names are spelled out so that every contender writes the same JSON.

/// <summary>Body of <c>POST v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>.</summary>
public sealed class UploadCouponCodesRequest
{
    [JsonPropertyName("coupon_code_list")]
    public List<string> CouponCodeList { get; set; } = [];

    [JsonPropertyName("upload_request_no")]
    public string UploadRequestNo { get; set; } = "";
}

/// <summary>Answer of the upload.</summary>
public sealed class UploadCouponCodesResponse
{
    [JsonPropertyName("stock_id")]
    public string StockId { get; set; } = "";

    [JsonPropertyName("total_count")]
    public long TotalCount { get; set; }

    [JsonPropertyName("success_count")]
    public long SuccessCount { get; set; }

    [JsonPropertyName("success_codes")]
    public List<string>? SuccessCodes { get; set; }

    [JsonPropertyName("success_time")]
    public DateTimeOffset SuccessTime { get; set; }

    [JsonPropertyName("fail_count")]
    public long FailCount { get; set; }

    [JsonPropertyName("fail_codes")]
    public List<FailCode>? FailCodes { get; set; }

    [JsonPropertyName("exist_codes")]
    public List<string>? ExistCodes { get; set; }

    [JsonPropertyName("duplicate_codes")]
    public List<string>? DuplicateCodes { get; set; }
}

/// <summary>One rejected code.</summary>
public sealed class FailCode
{
    [JsonPropertyName("coupon_code")]
    public string CouponCode { get; set; } = "";

    [JsonPropertyName("code")]
    public string Code { get; set; } = "";

    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}

/// <summary>Answer of <c>GET v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>.</summary>
public sealed class ListCouponCodesResponse
{
    [JsonPropertyName("stock_id")]
    public string StockId { get; set; } = "";

    [JsonPropertyName("total_count")]
    public long TotalCount { get; set; }

    [JsonPropertyName("limit")]
    public long Limit { get; set; }

    [JsonPropertyName("offset")]
    public long Offset { get; set; }

    [JsonPropertyName("data")]
    public List<CouponCodeInfo>? Data { get; set; }
}

/// <summary>One pre-stored code.</summary>
public sealed class CouponCodeInfo
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("code_status")]
    public string? CodeStatus { get; set; }

    [JsonPropertyName("upload_time")]
    public DateTimeOffset? UploadTime { get; set; }

    [JsonPropertyName("dispatched_time")]
    public DateTimeOffset? DispatchedTime { get; set; }

    [JsonPropertyName("openid")]
    public string? Openid { get; set; }

    [JsonPropertyName("unionid")]
    public string? Unionid { get; set; }

    [JsonPropertyName("coupon_code")]
    public string? CouponCode { get; set; }
}

/// <summary>
/// The JSON metadata a Refit or hand-written HttpClient user writes by hand (the System.Text.Json source
/// generator); the generated client needs none.
/// </summary>
[JsonSerializable(typeof(UploadCouponCodesRequest))]
[JsonSerializable(typeof(UploadCouponCodesResponse))]
[JsonSerializable(typeof(ListCouponCodesResponse))]
public sealed partial class UserJsonContext : JsonSerializerContext;
