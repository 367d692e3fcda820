using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeChatPay;

/// <summary>
/// The names under which the runtime publishes traces and metrics through <c>System.Diagnostics</c>, for
/// OpenTelemetry's <c>AddSource(WeChatPayTelemetry.Name)</c> and <c>AddMeter(WeChatPayTelemetry.Name)</c>.
/// No tag ever holds a key, a signature, an <c>Authorization</c> value, a sensitive plaintext or a filled-in path.
/// </summary>
public static class WeChatPayTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>WeChatPay</c>.</summary>
    public const string Name = "WeChatPay";

    /// <summary>The histogram of call durations, in seconds.</summary>
    public const string RequestDuration = "wechatpay.client.request.duration";

    /// <summary>The counter of responses and notifications that failed verification.</summary>
    public const string VerificationFailures = "wechatpay.client.verification.failures";

    /// <summary>The counter of platform certificate refreshes, tagged <c>outcome</c> (<c>success</c> or <c>failure</c>).</summary>
    public const string CertificateRefreshes = "wechatpay.client.certificate.refreshes";

    private static readonly string? Version = typeof(WeChatPayTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        RequestDuration, unit: "s", description: "The duration of WeChat Pay API calls, verification included.");

    internal static readonly Counter<long> Verifications = Meter.CreateCounter<long>(
        VerificationFailures, unit: "{failure}", description: "Responses and notifications that failed WeChat Pay signature verification.");

    internal static readonly Counter<long> Refreshes = Meter.CreateCounter<long>(
        CertificateRefreshes, unit: "{refresh}", description: "Platform certificate downloads, by outcome.");

    /// <summary>The <c>error.type</c> of a failed call: the status code of an API error, otherwise the exception's type.</summary>
    internal static string ErrorType(Exception exception) => exception switch
    {
        WeChatPayApiException api when api.StatusCode is { } status => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
