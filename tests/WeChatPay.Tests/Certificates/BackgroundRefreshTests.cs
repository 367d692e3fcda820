using System.Net;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Certificates;

/// <summary>
/// Defect 3: a refresh on the interval runs in the background while held keys are valid; a caller waits only when no
/// held key can verify, and that wait is bounded by CertificateDownloadTimeout.
/// </summary>
public class BackgroundRefreshTests
{
    private const string Ok = "{\"ok\":true}";

    private static bool IsDownload(CapturedRequest request) => request.PathAndQuery.StartsWith("/v3/certificates", StringComparison.Ordinal);

    private static FakeWire Wire(SchemeIdentity id, ManualTimeProvider time) => new(request => Gateway.Signed(id, time.UnixSeconds,
        IsDownload(request) ? OutsideCrypto.CertificateDownload(id.Scheme, (id.PlatformCertificateSerial, id.PlatformCertificatePem)) : Ok, withCertificate: true));

    private static WeChatPayClient Client(FakeWire wire, SchemeIdentity id, ManualTimeProvider time, Action<WeChatPayOptions>? configure = null)
    {
        var options = Gateway.Options(id, time, publicKey: false);
        options.DownloadPlatformCertificates = true;
        configure?.Invoke(options);
        return new WeChatPayClient(options, wire);
    }

    [Fact]
    public async Task Refresh_on_the_interval_does_not_delay_calls_while_valid_keys_are_held()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = Wire(id, time);
        using var client = Client(wire, id, time);
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wire.BeforeAnswerAsync = request => IsDownload(request) ? hold.Task : Task.CompletedTask;
        time.Advance(TimeSpan.FromHours(13));
        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        var sync = Task.Run(() => client.Send(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        // Generous bound: the calls must finish while the download is still held, never because it was released.
        var both = Task.WhenAll(call, sync);
        Assert.Same(both, await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.False(hold.Task.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await call).StatusCode);

        hold.SetResult();
        await client.CertificateManager!.WhenIdleAsync();
        Assert.Equal(2, wire.Requests.Count(IsDownload));
    }

    [Fact]
    public async Task With_no_usable_key_the_wait_for_a_download_is_bounded()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = Wire(id, time);
        wire.BeforeAnswerAsync = request => IsDownload(request) ? Task.Delay(Timeout.Infinite) : Task.CompletedTask;
        using var client = Client(wire, id, time, o => o.CertificateDownloadTimeout = TimeSpan.FromMilliseconds(300));

        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(60))));

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => call);
        Assert.Contains("CertificateDownloadTimeout", error.Message);
        Assert.DoesNotContain(wire.Requests, r => !IsDownload(r));
    }

    [Fact]
    public async Task When_every_held_certificate_expired_the_call_waits_for_the_download()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = Wire(id, time);
        using var client = Client(wire, id, time);
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        var rotated = ExtraRsaCertificate.Rotated;
        wire.Respond = request => IsDownload(request)
            ? rotated.Signed(time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (rotated.Serial, rotated.Pem)))
            : rotated.Signed(time.UnixSeconds, Ok);

        // Past the held certificate's NotAfter, nothing held can verify: the call downloads first.
        time.Advance(TimeSpan.FromDays(5 * 365 + 30));
        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rotated.Serial, Assert.Single(client.PlatformKeys).Id);
    }

    [Fact]
    public void Download_timeout_must_be_positive()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var error = Assert.Throws<WeChatPayConfigurationException>(() => Client(Wire(id, time), id, time, o => o.CertificateDownloadTimeout = TimeSpan.Zero));
        Assert.Contains("CertificateDownloadTimeout", error.Message);
    }
}
