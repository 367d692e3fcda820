namespace Busifavor.Api;

// The pre-stored code endpoints (上传预存code / 查询预存code), with the seed's fields. Property names map to
// snake_case JSON by the generator's default naming: CouponCodeList ↔ coupon_code_list.

/// <summary>Request of <c>POST v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>.</summary>
public sealed class UploadCouponCodesRequest
{
    /// <summary>1–200 codes, each 1–32 characters of <c>0-9a-zA-Z-_\/=|</c>.</summary>
    public required List<string> CouponCodeList { get; init; }

    /// <summary>Idempotency key: resending the same number returns the first result.</summary>
    public required string UploadRequestNo { get; init; }
}

/// <summary>Response of the upload: which codes were taken, and why the others were not.</summary>
public sealed class UploadCouponCodesResult
{
    public string StockId { get; set; } = "";
    public int TotalCount { get; set; }
    public int SuccessCount { get; set; }
    public List<string>? SuccessCodes { get; set; }
    public DateTimeOffset? SuccessTime { get; set; }
    public int FailCount { get; set; }
    public List<FailedCouponCode>? FailCodes { get; set; }

    /// <summary>Codes uploaded before, by this or an earlier request.</summary>
    public List<string>? ExistCodes { get; set; }

    /// <summary>Codes given more than once in this request.</summary>
    public List<string>? DuplicateCodes { get; set; }
}

/// <summary>One code that WeChat Pay refused, with its reason.</summary>
public sealed class FailedCouponCode
{
    public string CouponCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
}

/// <summary>Query of <c>GET v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>; nulls are left out.</summary>
public sealed class ListCouponCodesQuery
{
    public string? Status { get; init; }
    public string? Appid { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; }
}

/// <summary>One page of pre-stored codes.</summary>
public sealed class CouponCodePage
{
    public string StockId { get; set; } = "";
    public int TotalCount { get; set; }
    public int Limit { get; set; }
    public int Offset { get; set; }
    public List<CouponCodeEntry>? Data { get; set; }
}

/// <summary>One pre-stored code and what became of it.</summary>
public sealed class CouponCodeEntry
{
    public string Code { get; set; } = "";
    public string CodeStatus { get; set; } = "";
    public DateTimeOffset? UploadTime { get; set; }
    public DateTimeOffset? DispatchedTime { get; set; }
    public string? Openid { get; set; }
    public string? Unionid { get; set; }
    public string? CouponCode { get; set; }
}
