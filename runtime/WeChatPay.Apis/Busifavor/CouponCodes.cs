namespace WeChatPay.Apis.Busifavor;

/// <summary>上传预存code: 1–200 codes for a <c>MERCHANT_UPLOAD</c> stock.</summary>
public sealed class UploadCouponCodesRequest
{
    /// <summary>The codes, each 1–32 characters of <c>0-9a-zA-Z</c>, space and <c>-_\/=|</c> (<c>coupon_code_list</c>).</summary>
    public required List<string> CouponCodeList { get; set; }

    /// <summary>The idempotency key, at most 128 characters: resent, it returns the first result (<c>upload_request_no</c>).</summary>
    public required string UploadRequestNo { get; set; }
}

/// <summary>The answer of an upload: which codes were taken, and why the others were not.</summary>
public sealed class UploadCouponCodesResult
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>Distinct codes judged (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>Codes stored (<c>success_count</c>).</summary>
    public long SuccessCount { get; set; }

    /// <summary>The stored codes (<c>success_codes</c>).</summary>
    public List<string>? SuccessCodes { get; set; }

    /// <summary>When they were stored (<c>success_time</c>).</summary>
    public DateTimeOffset? SuccessTime { get; set; }

    /// <summary>Codes refused (<c>fail_count</c>).</summary>
    public long? FailCount { get; set; }

    /// <summary>The refused codes and why (<c>fail_codes</c>).</summary>
    public List<FailedCouponCode>? FailCodes { get; set; }

    /// <summary>Codes uploaded before (<c>exist_codes</c>).</summary>
    public List<string>? ExistCodes { get; set; }

    /// <summary>Codes given more than once in this request (<c>duplicate_codes</c>).</summary>
    public List<string>? DuplicateCodes { get; set; }
}

/// <summary>A refused code (<c>fail_codes[]</c>).</summary>
public sealed class FailedCouponCode
{
    /// <summary>The code (<c>coupon_code</c>).</summary>
    public string CouponCode { get; set; } = "";

    /// <summary>The reason's code, such as <c>LENGTH_LIMIT</c> (<c>code</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>The reason (<c>message</c>).</summary>
    public string Message { get; set; } = "";
}

/// <summary>The query of 查询预存code列表; unset values are not sent.</summary>
public sealed class ListCouponCodesQuery
{
    /// <summary>Only codes in this status, <c>AVAILABLE</c> or <c>DISPATCHED</c> (see <see cref="CouponCodeStatus"/>) (<c>status</c>).</summary>
    public string? Status { get; set; }

    /// <summary>The appid whose openids are shown (<c>appid</c>).</summary>
    public string? Appid { get; set; }

    /// <summary>The first entry, from 0 (<c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>The page size, at most 200 (<c>limit</c>).</summary>
    public int? Limit { get; set; }
}

/// <summary>A page of pre-stored codes.</summary>
public sealed class CouponCodePage
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>Every code that matches (<c>total_count</c>).</summary>
    public long TotalCount { get; set; }

    /// <summary>The codes of this page (<c>data</c>).</summary>
    public List<CouponCodeEntry>? Data { get; set; }

    /// <summary>The page's start (<c>offset</c>).</summary>
    public long Offset { get; set; }

    /// <summary>The page size (<c>limit</c>).</summary>
    public long Limit { get; set; }
}

/// <summary>A pre-stored code and what became of it.</summary>
public sealed class CouponCodeEntry
{
    /// <summary>The code (<c>code</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>Its status (<c>code_status</c>).</summary>
    public CouponCodeStatus CodeStatus { get; set; }

    /// <summary>When it was uploaded (<c>upload_time</c>).</summary>
    public DateTimeOffset? UploadTime { get; set; }

    /// <summary>When it was handed out (<c>dispatched_time</c>).</summary>
    public DateTimeOffset? DispatchedTime { get; set; }

    /// <summary>Who received it (<c>openid</c>).</summary>
    public string? Openid { get; set; }

    /// <summary>The receiver's unionid (<c>unionid</c>).</summary>
    public string? Unionid { get; set; }

    /// <summary>The coupon it became (<c>coupon_code</c>).</summary>
    public string? CouponCode { get; set; }
}

/// <summary>查询预存code详情: the code and, once handed out, the coupon.</summary>
public sealed class CouponCodeDetails
{
    /// <summary>The code (<c>code_information</c>).</summary>
    public CouponCodeEntry CodeInformation { get; set; } = new();

    /// <summary>The coupon, once handed out (<c>coupon_information</c>).</summary>
    public UserCoupon? CouponInformation { get; set; }
}

/// <summary>The answer of 删除预存code.</summary>
public sealed class DeletedCouponCode
{
    /// <summary>The stock (<c>stock_id</c>).</summary>
    public string StockId { get; set; } = "";

    /// <summary>When the code was deleted (<c>delete_time</c>).</summary>
    public DateTimeOffset DeleteTime { get; set; }
}
