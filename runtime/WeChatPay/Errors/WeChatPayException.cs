using System.Net;

namespace WeChatPay;

/// <summary>
/// A call to WeChat Pay failed: a non-2xx response, a body that could not be read, or a transport error.
/// Messages never contain key material, an <c>Authorization</c> value or a signature input.
/// </summary>
public class WeChatPayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatPayException(string message, HttpStatusCode? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>WeChat Pay's <c>Request-ID</c> header, when a response carried it.</summary>
    public string? RequestId { get; }
}

/// <summary>
/// WeChat Pay answered with a non-2xx status. Carries the error body's <c>code</c>, <c>message</c> and
/// <c>detail</c>.
/// </summary>
public sealed class WeChatPayApiException : WeChatPayException
{
    /// <summary>Creates the exception.</summary>
    public WeChatPayApiException(HttpStatusCode statusCode, string? requestId, string? code, string? errorMessage, WeChatPayErrorDetail? detail, bool isVerified)
        : base(Describe(statusCode, requestId, code, errorMessage, detail, isVerified), statusCode, requestId)
    {
        Code = code;
        ErrorMessage = errorMessage;
        Detail = detail;
        IsVerified = isVerified;
    }

    /// <summary>WeChat Pay's error code, for example <c>PARAM_ERROR</c> or <c>SIGN_ERROR</c>.</summary>
    public string? Code { get; }

    /// <summary>WeChat Pay's error message.</summary>
    public string? ErrorMessage { get; }

    /// <summary>WeChat Pay's <c>detail</c> object, when present.</summary>
    public WeChatPayErrorDetail? Detail { get; }

    /// <summary>
    /// Whether the error response carried signature headers that verified. An error response without them is
    /// surfaced but flagged unverified: its content may not come from WeChat Pay.
    /// </summary>
    public bool IsVerified { get; }

    /// <summary>The HTTP status.</summary>
    public new HttpStatusCode StatusCode => base.StatusCode!.Value;

    private static string Describe(HttpStatusCode status, string? requestId, string? code, string? message, WeChatPayErrorDetail? detail, bool verified)
    {
        var text = $"WeChat Pay returned {(int)status} {code ?? "(no code)"}: {message ?? "(no message)"}";
        if (detail is { Field: not null } d)
            text += $" [field {d.Field}{(d.Issue is null ? "" : ", " + d.Issue)}{(d.Location is null ? "" : ", in " + d.Location)}]";
        if (requestId is not null)
            text += $" (Request-ID {requestId})";
        if (!verified)
            text += " (unverified: the error response carried no WeChat Pay signature)";
        return text;
    }
}

/// <summary>The <c>detail</c> object of a WeChat Pay error response.</summary>
/// <param name="Field">The field in error, often a JSON pointer such as <c>/coupon_code_list/0</c>.</param>
/// <param name="Value">The offending value, as WeChat Pay echoed it.</param>
/// <param name="Issue">What is wrong with it.</param>
/// <param name="Location">Where the field is: <c>body</c>, <c>query</c>, <c>path</c> or <c>header</c>.</param>
public sealed record WeChatPayErrorDetail(string? Field, string? Value, string? Issue, string? Location);

/// <summary>
/// A response, certificate download or notification failed signature verification, or could not be verified at all.
/// Its data is never returned. The message says what failed without echoing the signature input.
/// </summary>
public sealed class WeChatPayVerificationException : WeChatPayException
{
    /// <summary>Creates the exception.</summary>
    public WeChatPayVerificationException(string message, HttpStatusCode? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, statusCode, requestId, innerException)
    {
    }
}

/// <summary>The options, a key or a certificate given to the SDK are invalid. Thrown at construction.</summary>
public sealed class WeChatPayConfigurationException : Exception
{
    /// <summary>Creates the exception. The message must say what is wrong and never echo key material.</summary>
    public WeChatPayConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
