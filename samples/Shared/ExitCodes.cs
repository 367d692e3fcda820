using Microsoft.Extensions.Options;

namespace WeChatPay.Samples;

/// <summary>
/// The samples' exit codes and the one mapping from a failure to its code and message, linked into each sample as
/// source. The numbers are the README's, and the <c>wechatpay</c> tool's.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int ApiError = 2;
    public const int VerificationFailed = 3;
    public const int TransportError = 4;

    /// <summary>Whether <paramref name="exception"/>, thrown while loading the identity or starting, means the credentials are unusable.</summary>
    public static bool IsUnusableCredentials(Exception exception) => exception is OptionsValidationException or InvalidDataException
        or InvalidOperationException or WeChatPayConfigurationException or IOException;

    /// <summary>Says why the credentials are unusable (the message names the field, never a key) and returns <see cref="UsageError"/>.</summary>
    public static int ReportUnusableCredentials(Exception exception, TextWriter error)
    {
        error.WriteLine();
        error.WriteLine($"✘ the credentials are not usable: {exception.Message}");
        return UsageError;
    }

    /// <summary>Describes a failed call on <paramref name="error"/> and returns its code: 3 verification, 2 an API error, else 4.</summary>
    public static int Report(WeChatPayException exception, TextWriter error)
    {
        error.WriteLine();
        switch (exception)
        {
            case WeChatPayVerificationException:
                // Nothing of a response that failed verification is shown: it may not come from WeChat Pay.
                error.WriteLine($"✘ verification failed: {exception.Message}");
                error.WriteLine("  The response was discarded. Check pub_key.pem and public_key_id, and that base_url is the gateway you trust.");
                return VerificationFailed;
            case WeChatPayApiException:
                error.WriteLine($"✘ {exception.Message}");
                return ApiError;
            default:
                error.WriteLine($"✘ {exception.Message}");
                return TransportError;
        }
    }
}
