using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeChatPay.Testing;
using WeChatPay.Tests.Telemetry;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// A platform certificate refresh as a MeterListener and the container's ILoggerFactory see it, against the sandbox
/// over Kestrel: the <c>wechatpay.client.certificate.refreshes</c> counter by outcome, the refresh event at Information
/// (Warning when it fails), and no secret in either.
/// </summary>
public sealed class CertificateRefreshTelemetryTests : IDisposable
{
    // The meter is process-wide; a test counts only what happens in its own async flow, which the refresh inherits.
    private static readonly AsyncLocal<string?> Flow = new();

    private readonly string _flow = Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)> _refreshes = new();
    private readonly MeterListener _listener = new();
    private readonly CapturingLoggerFactory _logs = new();

    public CertificateRefreshTelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WeChatPayTelemetry.Name && instrument.Name == WeChatPayTelemetry.CertificateRefreshes)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (Flow.Value == _flow)
                _refreshes.Enqueue((value, tags.ToArray()));
        });
        _listener.Start();
        Flow.Value = _flow;
    }

    public void Dispose() => _listener.Dispose();

    private Task<SandboxHost> StartAsync(SandboxOptions options)
        => SandboxHost.StartAsync(options, _ => { }, certificateMode: true, services: s => s.AddSingleton<ILoggerFactory>(_logs));

    private (LogLevel Level, string Event, string Text, string[] Values) RefreshEntry()
        => Assert.Single(_logs.Entries, e => e.Event is "CertificatesRefreshed" or "CertificateRefreshFailed");

    [Fact]
    public async Task A_successful_refresh_counts_one_success_and_logs_at_Information()
    {
        await using var host = await StartAsync(new SandboxOptions());

        // Certificate mode with no key yet: the first call downloads the platform certificates, then verifies with them.
        await host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/certificates"));

        var (value, tags) = Assert.Single(_refreshes);
        Assert.Equal(1, value);
        Assert.Equal(new KeyValuePair<string, object?>("outcome", "success"), Assert.Single(tags));
        var entry = RefreshEntry();
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("CertificatesRefreshed", entry.Event);
        Assert.Contains("Count=1", entry.Values);
        AssertNoSecret(host);
    }

    [Theory]
    [InlineData(SandboxTransientFault.SystemError, "SYSTEM_ERROR")]
    [InlineData(SandboxTransientFault.FrequencyLimited, "FREQUENCY_LIMITED")]
    public async Task A_failed_refresh_counts_one_failure_and_logs_a_Warning_with_the_reason(SandboxTransientFault fault, string code)
    {
        await using var host = await StartAsync(new SandboxOptions { TransientFault = fault, TransientFaultBurst = 1000 });

        await Assert.ThrowsAnyAsync<WeChatPayException>(() => host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/certificates")));

        var (value, tags) = Assert.Single(_refreshes);
        Assert.Equal(1, value);
        Assert.Equal(new KeyValuePair<string, object?>("outcome", "failure"), Assert.Single(tags));
        var entry = RefreshEntry();
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("CertificateRefreshFailed", entry.Event);
        Assert.Contains(code, entry.Text);
        AssertNoSecret(host);
    }

    [Fact]
    public async Task A_merchant_without_certificates_counts_a_failed_refresh_and_logs_a_Warning()
    {
        await using var host = await StartAsync(new SandboxOptions { ServeCertificates = false });

        await Assert.ThrowsAnyAsync<WeChatPayException>(() => host.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/certificates")));

        Assert.Equal(new KeyValuePair<string, object?>("outcome", "failure"), Assert.Single(Assert.Single(_refreshes).Tags));
        var entry = RefreshEntry();
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("RESOURCE_NOT_EXISTS", entry.Text);
        AssertNoSecret(host);
    }

    /// <summary>No key, APIv3 key, Authorization value or signature (the requests' or the answers') in any log or tag.</summary>
    private void AssertNoSecret(SandboxHost host)
    {
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeChatPayOptions>>().Value;
        var secrets = new List<string> { options.ApiV3Key!, "WECHATPAY2-" };
        secrets.AddRange(options.MerchantPrivateKey!.Split('\n').Where(line => line.Length > 40).Take(3));
        foreach (var attempt in host.Wire.Attempts)
        {
            secrets.Add(attempt.Authorization);
            secrets.Add(attempt.RequestSignature);
            if (attempt.Signature is { } signature)
                secrets.Add(signature);
        }

        Assert.NotEmpty(host.Wire.Attempts);
        var seen = _logs.Entries.SelectMany(e => e.Values.Append(e.Text))
            .Concat(_refreshes.SelectMany(r => r.Tags.Select(t => $"{t.Key}={t.Value}")))
            .ToList();
        foreach (var secret in secrets.Where(s => s.Length > 0))
            Assert.DoesNotContain(seen, text => text.Contains(secret, StringComparison.Ordinal));
    }
}
