using Microsoft.Extensions.Logging;

namespace WeChatPay;

/// <summary>
/// The runtime's log events, source-generated. Arguments are methods, templates, status codes, request IDs, key IDs
/// and exception messages, which never hold key material, signatures or sensitive plaintext.
/// </summary>
internal static partial class WeChatPayLog
{
    [LoggerMessage(1, LogLevel.Debug, "WeChat Pay request {Method} {UrlTemplate} sent")]
    public static partial void RequestSent(ILogger logger, string method, string urlTemplate);

    [LoggerMessage(2, LogLevel.Debug, "WeChat Pay answered {Method} {UrlTemplate} with {StatusCode} (Request-ID {RequestId}) in {ElapsedMs:0.0} ms")]
    public static partial void AnswerReceived(ILogger logger, string method, string urlTemplate, int statusCode, string? requestId, double elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "WeChat Pay response to {Method} {UrlTemplate} failed verification (Request-ID {RequestId}): {Reason}")]
    public static partial void VerificationFailed(ILogger logger, string method, string urlTemplate, string? requestId, string reason);

    [LoggerMessage(4, LogLevel.Information, "WeChat Pay platform certificates refreshed: {Count} certificate(s)")]
    public static partial void CertificatesRefreshed(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Warning, "WeChat Pay platform certificate refresh failed; retried later: {Reason}")]
    public static partial void CertificateRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Debug, "WeChat Pay notification {NotificationId} ({EventType}) verified")]
    public static partial void NotificationVerified(ILogger logger, string notificationId, string? eventType);

    [LoggerMessage(7, LogLevel.Warning, "WeChat Pay notification refused: {Reason}")]
    public static partial void NotificationRefused(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Debug, "WeChat Pay request {Method} {UrlTemplate} failed: {ErrorType}")]
    public static partial void RequestFailed(ILogger logger, string method, string urlTemplate, string errorType);
}
