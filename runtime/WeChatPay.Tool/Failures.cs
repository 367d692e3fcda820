using System.Globalization;

namespace WeChatPay.Tool;

/// <summary>
/// Turns a failed call into its exit code and a message on the error writer. The runtime's messages never carry key
/// material, signatures or the <c>Authorization</c> value, so they are printed as they are.
/// </summary>
internal static class Failures
{
    /// <summary>Whether <see cref="Report"/> knows <paramref name="exception"/>: a call's failures and unusable input.</summary>
    public static bool IsExpected(Exception exception) => exception is WeChatPayException or WeChatPayConfigurationException
        or InvalidOperationException or IOException or UnauthorizedAccessException;

    /// <summary>The exit code for an <see cref="IsExpected"/> exception, after describing it to <paramref name="error"/>.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case WeChatPayApiException api:
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"WeChat Pay answered {(int)api.StatusCode} {api.Code ?? "(no code)"}: {api.ErrorMessage ?? "(no message)"}"));
                if (api.Detail is { } detail)
                    error.WriteLine($"  detail: field={detail.Field} location={detail.Location} issue={detail.Issue}");
                error.WriteLine($"  Request-ID: {api.RequestId ?? "(none)"}");
                if (!api.IsVerified)
                    error.WriteLine("  (this error answer carried no valid WeChat Pay signature)");
                return ExitCodes.ApiError;
            case WeChatPayException { InnerException: WeChatPayApiException api } wrapped:
                // An API error the runtime explains further, such as a certificate download answered 404.
                error.WriteLine(wrapped.Message);
                error.WriteLine($"  Request-ID: {api.RequestId ?? "(none)"}");
                return ExitCodes.ApiError;
            case WeChatPayVerificationException verification:
                error.WriteLine($"Verification failed: {verification.Message}");
                if (verification.RequestId is { } requestId)
                    error.WriteLine($"  Request-ID: {requestId}");
                return ExitCodes.VerificationFailed;
            case WeChatPayException connection:
                error.WriteLine($"No connection: {connection.Message}");
                return ExitCodes.NoConnection;
            default:
                error.WriteLine(exception.Message);
                return ExitCodes.Usage;
        }
    }
}
