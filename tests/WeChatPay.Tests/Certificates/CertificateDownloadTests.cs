using System.Net;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Certificates;

/// <summary>Platform certificates: download, decrypt, self-verify, refresh on schedule and on an unknown serial, single-flight.</summary>
public class CertificateDownloadTests
{
    private const string Ok = "{\"ok\":true}";

    private static WeChatPayClient DownloadingClient(FakeWire wire, SchemeIdentity id, ManualTimeProvider time)
    {
        var options = Gateway.Options(id, time, publicKey: false);
        options.DownloadPlatformCertificates = true;
        return new WeChatPayClient(options, wire);
    }

    private static bool IsDownload(CapturedRequest request) => request.PathAndQuery.StartsWith("/v3/certificates", StringComparison.Ordinal);

    private static int Downloads(FakeWire wire) => wire.Requests.Count(IsDownload);

    [Theory]
    [InlineData(SignatureScheme.Rsa, "/v3/certificates")]
    [InlineData(SignatureScheme.ShangMi, "/v3/certificates?algorithm_type=SM2")]
    public async Task Downloads_decrypts_and_self_verifies_certificates_then_verifies_responses_with_them(SignatureScheme scheme, string downloadTarget)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => IsDownload(request)
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(scheme, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : Gateway.Signed(id, time.UnixSeconds, Ok, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(downloadTarget, wire.Requests[0].PathAndQuery);
        Assert.Equal(id.PlatformCertificateSerial, Assert.Single(client.PlatformKeys).Id);
        // The request that followed names the downloaded certificate.
        Assert.Equal(id.PlatformCertificateSerial, wire.Requests[1].Header("Wechatpay-Serial"));
        Assert.Equal(1, Downloads(wire));
    }

    [Fact]
    public async Task Download_signed_by_a_key_it_does_not_contain_is_rejected_and_nothing_is_kept()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => IsDownload(request)
            ? ExtraRsaCertificate.Rotated.Signed(time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)))
            : Gateway.Signed(id, time.UnixSeconds, Ok, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("certificate download", error.Message);
        Assert.Empty(client.PlatformKeys);
        Assert.DoesNotContain(wire.Requests, r => !IsDownload(r));
    }

    [Fact]
    public async Task Download_whose_signature_does_not_verify_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var body = OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem));
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, body, withCertificate: true,
            tamper: r => Gateway.Replace(r, "Wechatpay-Nonce", "tampered")));
        using var client = DownloadingClient(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.Empty(client.PlatformKeys);
    }

    [Fact]
    public async Task Download_with_a_tampered_ciphertext_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var body = OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem));
        var tampered = System.Text.RegularExpressions.Regex.Replace(body, "\"ciphertext\":\"(.)", m => "\"ciphertext\":\"" + (m.Groups[1].Value == "A" ? "B" : "A"));
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, tampered, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        Assert.Contains("AEAD_AES_256_GCM", error.Message);
    }

    [Fact]
    public async Task Download_listing_a_certificate_under_another_serial_is_rejected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var body = OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (ExtraRsaCertificate.Rotated.Serial, id.PlatformCertificatePem));
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, body, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
    }

    [Fact]
    public async Task Unknown_serial_triggers_one_refresh_and_then_verifies_with_the_new_certificate()
    {
        var id = TestIdentities.Rsa;
        var rotated = ExtraRsaCertificate.Rotated;
        var time = new ManualTimeProvider();
        var downloads = 0;
        var wire = new FakeWire(request =>
        {
            if (!IsDownload(request))
                return rotated.Signed(time.UnixSeconds, Ok);
            return ++downloads == 1
                ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
                : rotated.Signed(time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem), (rotated.Serial, rotated.Pem)));
        });
        using var client = DownloadingClient(wire, id, time);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        await client.CertificateManager!.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Downloads(wire));
        Assert.Contains(client.PlatformKeys, k => k.Id == rotated.Serial);
    }

    [Fact]
    public async Task Serial_still_unknown_after_one_refresh_fails_without_further_downloads()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => IsDownload(request)
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : ExtraRsaCertificate.Rotated.Signed(time.UnixSeconds, Ok));
        using var client = DownloadingClient(wire, id, time);

        var first = await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains(ExtraRsaCertificate.Rotated.Serial, first.Message);
        Assert.Contains("even after refreshing", first.Message);
        // The initial download plus one refresh; the repeat within a minute does not download again.
        Assert.Equal(2, Downloads(wire));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_download()
    {
        const int callers = 8;
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wire = new FakeWire(request => IsDownload(request)
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : Gateway.Signed(id, time.UnixSeconds, Ok, withCertificate: true))
        {
            BeforeAnswerAsync = request => IsDownload(request) ? gate.Task : Task.CompletedTask,
        };
        using var client = DownloadingClient(wire, id, time);

        // Each call runs synchronously up to the awaited download, so all have joined it before the gate opens.
        var calls = Enumerable.Range(0, callers).Select(_ => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"))).ToList();
        Assert.Equal(1, client.CertificateManager!.DownloadCount);
        gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, Downloads(wire));
        Assert.Equal(callers, wire.Requests.Count(r => !IsDownload(r)));
    }

    [Fact]
    public async Task Concurrent_unknown_serials_share_one_refresh()
    {
        const int callers = 6;
        var id = TestIdentities.Rsa;
        var rotated = ExtraRsaCertificate.Rotated;
        var time = new ManualTimeProvider();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var downloads = 0;
        var wire = new FakeWire(request =>
        {
            if (!IsDownload(request))
                return rotated.Signed(time.UnixSeconds, Ok);
            return Interlocked.Increment(ref downloads) == 1
                ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
                : rotated.Signed(time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (rotated.Serial, rotated.Pem)));
        })
        {
            BeforeAnswerAsync = request => IsDownload(request) && Volatile.Read(ref downloads) >= 1 ? gate.Task : Task.CompletedTask,
        };
        using var client = DownloadingClient(wire, id, time);
        await client.GetEncryptionKeyAsync();

        var calls = Enumerable.Range(0, callers).Select(_ => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"))).ToList();
        Assert.Equal(2, Downloads(wire));
        gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(2, Downloads(wire));
    }

    [Fact]
    public async Task Certificates_are_refreshed_after_the_refresh_interval()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => Gateway.Signed(id, time.UnixSeconds,
            IsDownload(request) ? OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)) : Ok, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        time.Advance(TimeSpan.FromHours(11));
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        Assert.Equal(1, Downloads(wire));

        time.Advance(TimeSpan.FromHours(1.01));
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        await client.CertificateManager!.WhenIdleAsync();
        Assert.Equal(2, Downloads(wire));
    }

    [Fact]
    public async Task Failed_refresh_keeps_the_old_certificates_in_use()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var failDownloads = false;
        var wire = new FakeWire(request =>
        {
            if (IsDownload(request) && failDownloads)
                return Answers.Json(HttpStatusCode.InternalServerError, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}");
            return Gateway.Signed(id, time.UnixSeconds,
                IsDownload(request) ? OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)) : Ok, withCertificate: true);
        });
        using var client = DownloadingClient(wire, id, time);
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        failDownloads = true;
        time.Advance(TimeSpan.FromHours(13));
        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        await client.CertificateManager!.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Downloads(wire));
        Assert.Equal(id.PlatformCertificateSerial, Assert.Single(client.PlatformKeys).Id);
    }

    [Fact]
    public async Task New_merchant_without_certificates_gets_a_clear_error_pointing_to_public_key_mode()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Answers.Json(HttpStatusCode.NotFound, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥\"}"));
        using var client = DownloadingClient(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("RESOURCE_NOT_EXISTS", error.Message);
        Assert.Contains("public-key mode", error.Message);
        Assert.Contains("PublicKeyId", error.Message);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_EXISTS", Assert.IsType<WeChatPayApiException>(error.InnerException).Code);
    }

    [Fact]
    public async Task After_a_failed_first_download_no_request_is_sent_until_the_retry()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var fail = true;
        var wire = new FakeWire(request => fail && IsDownload(request)
            ? Answers.Json(HttpStatusCode.InternalServerError, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}")
            : Gateway.Signed(id, time.UnixSeconds, IsDownload(request) ? OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)) : Ok, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/pay") { Body = "{}"u8.ToArray() }));
        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/pay") { Body = "{}"u8.ToArray() }));
        Assert.Contains("No WeChat Pay platform key is available", error.Message);
        Assert.DoesNotContain(wire.Requests, r => !IsDownload(r));
        Assert.Equal(1, Downloads(wire));

        fail = false;
        time.Advance(TimeSpan.FromMinutes(1.5));
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/pay") { Body = "{}"u8.ToArray() });
        Assert.Equal(2, Downloads(wire));
    }

    [Fact]
    public async Task Encryption_key_is_downloaded_first_when_none_is_held()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds,
            OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        var key = await client.GetEncryptionKeyAsync();

        Assert.Equal(id.PlatformCertificateSerial, key.Id);
        Assert.Equal(PlatformKeyKind.Certificate, key.Kind);
    }

    [Fact]
    public void Sync_calls_download_synchronously()
    {
        var id = TestIdentities.ShangMi;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(request => Gateway.Signed(id, time.UnixSeconds,
            IsDownload(request) ? OutsideCrypto.CertificateDownload(SignatureScheme.ShangMi, (id.PlatformCertificateSerial, id.PlatformCertificatePem)) : Ok, withCertificate: true));
        using var client = DownloadingClient(wire, id, time);

        client.Send(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Equal(2, wire.SyncSends);
        Assert.Equal(id.PlatformCertificateSerial, client.GetEncryptionKey().Id);
    }

    [Fact]
    public async Task Configured_public_key_and_downloaded_certificates_work_side_by_side()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var useCertificate = false;
        var wire = new FakeWire(request => IsDownload(request)
            ? Gateway.Signed(id, time.UnixSeconds, OutsideCrypto.CertificateDownload(SignatureScheme.Rsa, (id.PlatformCertificateSerial, id.PlatformCertificatePem)), withCertificate: true)
            : Gateway.Signed(id, time.UnixSeconds, Ok, withCertificate: useCertificate));
        var options = Gateway.Options(id, time, publicKey: true);
        options.DownloadPlatformCertificates = true;
        using var client = new WeChatPayClient(options, wire);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
        useCertificate = true;
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Equal(2, client.PlatformKeys.Count);
        Assert.Equal(id.PublicKeyId, (await client.GetEncryptionKeyAsync()).Id);
    }
}
