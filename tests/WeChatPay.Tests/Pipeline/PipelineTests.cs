using System.Net;
using System.Text;
using WeChatPay.Tests.Interop;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>What the pipeline puts on the wire, its sync path, cancellation, transport failures and re-signing on resend.</summary>
public class PipelineTests
{
    [Fact]
    public async Task Request_carries_accept_user_agent_content_type_serial_and_extra_headers()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a")
        {
            Body = "{\"a\":1}"u8.ToArray(),
            Headers = [new("Idempotency-Key", "k-1")],
        });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Matches(@"^WeChatPay\.SourceGen/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+[^;]*; .+\)$", sent.Header("User-Agent"));
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(id.PublicKeyId, sent.Header("Wechatpay-Serial"));
        Assert.Equal("k-1", sent.Header("Idempotency-Key"));
        Assert.Equal("https://api.mch.weixin.qq.com/v3/a", sent.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Request_names_the_serial_of_the_key_that_encrypted_it()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: true, certificate: true), wire);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{}"u8.ToArray(), WechatpaySerial = id.PlatformCertificateSerial });

        Assert.Equal(id.PlatformCertificateSerial, Assert.Single(wire.Requests).Header("Wechatpay-Serial"));
    }

    [Fact]
    public async Task Extra_headers_cannot_override_the_authorization()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a") { Headers = [new("Authorization", "x")] }));
        Assert.Empty(wire.Requests);
    }

    [Theory]
    [InlineData("v3/a b")]
    [InlineData("v3/a#frag")]
    [InlineData("v3/库存")]
    public async Task Unescaped_targets_are_refused_before_anything_is_sent(string target)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, target)));
        Assert.Empty(wire.Requests);
    }

    [Fact]
    public void Sync_send_goes_through_HttpClient_Send_and_verifies()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"ok\":true}"));
        using var client = Gateway.Client(wire, id, time);

        var response = client.Send(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{}"u8.ToArray() });

        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(1, wire.SyncSends);
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, Assert.Single(wire.Requests)));
    }

    [Fact]
    public void Sync_send_rejects_an_unsigned_response()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Answers.Json(HttpStatusCode.OK, "{}"));
        using var client = Gateway.Client(wire, id, time);

        Assert.Throws<WeChatPayVerificationException>(() => client.Send(new WeChatPayRequest(HttpMethod.Get, "v3/a")));
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_waiting_for_the_answer()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}")) { BeforeAnswerAsync = _ => never.Task };
        using var client = Gateway.Client(wire, id, time);
        using var cancel = new CancellationTokenSource();

        var call = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Already_canceled_token_sends_nothing()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"), new CancellationToken(true)));
    }

    [Fact]
    public async Task Transport_failure_names_the_target_path_but_no_header_or_query()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => throw new HttpRequestException("connection refused"));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/pay/transactions/id/42?mchid=secret-ish")));

        Assert.Contains("GET /v3/pay/transactions/id/42", error.Message);
        Assert.DoesNotContain("mchid=", error.Message);
        Assert.DoesNotContain("WECHATPAY2", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Timeout_is_reported_as_a_WeChatPay_exception_not_a_cancellation()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}")) { BeforeAnswerAsync = _ => never.Task };
        using var http = new HttpClient(new WeChatPaySigningHandler(wire)) { Timeout = TimeSpan.FromMilliseconds(50) };
        using var client = new WeChatPayClient(Gateway.Options(id, time), http);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("timed out", error.Message);
        Assert.Contains("GET /v3/a", error.Message);
    }

    [Fact]
    public async Task Timeout_covers_a_body_that_stalls_after_the_headers()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}", tamper: r => r.Content = new StreamContent(new StallingStream())));
        using var http = new HttpClient(new WeChatPaySigningHandler(wire)) { Timeout = TimeSpan.FromMilliseconds(100) };
        using var client = new WeChatPayClient(Gateway.Options(id, time), http);

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")));

        Assert.Contains("timed out", error.Message);
    }

    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Resend_by_a_retry_handler_in_the_given_chain_is_re_signed_with_a_fresh_nonce()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = new WeChatPayClient(Gateway.Options(id, time), new ResendingHandler(wire));

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{\"x\":1}"u8.ToArray() });

        AssertTwoValidSignaturesWithDistinctNonces(id, wire);
    }

    [Fact]
    public async Task Signing_handler_already_in_the_given_chain_is_not_added_twice()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        var signing = new WeChatPaySigningHandler(wire);
        var outer = new ResendingHandler(signing);
        using var client = new WeChatPayClient(Gateway.Options(id, time), outer);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));

        Assert.Same(signing, outer.InnerHandler);
        Assert.Same(wire, signing.InnerHandler);
        AssertTwoValidSignaturesWithDistinctNonces(id, wire);
    }

    [Fact]
    public void Handler_chain_without_an_innermost_handler_is_a_configuration_error()
    {
        var error = Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(Gateway.Options(TestIdentities.Rsa, new ManualTimeProvider()), new ResendingHandler()));

        Assert.Contains("InnerHandler", error.Message);
    }

    [Fact]
    public void Sync_resend_is_re_signed_too()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = new WeChatPayClient(Gateway.Options(id, time), new ResendingHandler(wire));

        client.Send(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{\"x\":1}"u8.ToArray() });

        AssertTwoValidSignaturesWithDistinctNonces(id, wire);
    }

    [Fact]
    public async Task Caller_owned_HttpClient_with_the_signing_handler_innermost_re_signs_every_resend()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var http = new HttpClient(new ResendingHandler(new WeChatPaySigningHandler(wire)));
        using var client = new WeChatPayClient(Gateway.Options(id, time), http);

        // The first call is signed ahead (the client does not know the handler yet) and the handler reuses that
        // signature on its first pass; the second call is signed only by the handler.
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{\"x\":1}"u8.ToArray() });
        AssertTwoValidSignaturesWithDistinctNonces(id, wire);
        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{\"x\":1}"u8.ToArray() });

        Assert.Equal(4, wire.Requests.Count);
        Assert.Equal(4, wire.Requests.Select(r => r.AuthorizationParameters["nonce_str"]).Distinct().Count());
        Assert.All(wire.Requests, r => Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, r)));
    }

    [Fact]
    public async Task Caller_owned_HttpClient_without_the_handler_is_signed_once_before_sending()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var http = new HttpClient(wire);
        using var client = new WeChatPayClient(Gateway.Options(id, time), http);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a?x=1"));

        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, Assert.Single(wire.Requests)));
    }

    [Fact]
    public async Task Signing_handler_leaves_other_requests_alone()
    {
        var wire = new FakeWire(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var http = new HttpClient(new WeChatPaySigningHandler(wire));

        await http.GetAsync("https://example.com/health");

        Assert.Null(Assert.Single(wire.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Body_bytes_are_sent_exactly_as_given_and_signed()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);
        // Odd but legal JSON: spacing and escapes that a re-serializer would change.
        var body = Encoding.UTF8.GetBytes("{ \"note\" : \"\\u5e93\\/x\",\n\"n\":1.50 }");

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Patch, "v3/a") { Body = body, ContentType = "application/json; charset=utf-8" });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal(body, sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.ContentType);
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, sent));
    }

    [Fact]
    public async Task Encryption_key_and_sensitive_decryption_use_the_configured_keys()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException()), id, time);

        var key = await client.GetEncryptionKeyAsync();
        Assert.Equal(id.PublicKeyId, key.Id);

        using var merchant = System.Security.Cryptography.RSA.Create();
        merchant.ImportFromPem(id.MerchantPublicKeyPem);
        var ciphertext = Convert.ToBase64String(merchant.Encrypt("13800138000"u8.ToArray(), System.Security.Cryptography.RSAEncryptionPadding.OaepSHA1));
        Assert.Equal("13800138000", client.DecryptSensitive(ciphertext));
    }

    [Fact]
    public async Task Unsigned_bill_file_is_returned_only_when_the_request_expects_it_and_is_flagged()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("交易时间,公众账号ID\n"u8.ToArray()) });
        using var client = Gateway.Client(wire, id, time);

        var response = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/billdownload/file?token=T") { ExpectUnsignedResponse = true });

        Assert.False(response.IsSignatureVerified);
        Assert.Equal("交易时间,公众账号ID\n", Encoding.UTF8.GetString(response.Body.Span));
        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/billdownload/file?token=T")));
    }

    [Fact]
    public async Task Signature_headers_are_still_verified_when_an_unsigned_response_is_expected()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}", tamper: r => r.Content = new StringContent("{\"x\":1}")));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a") { ExpectUnsignedResponse = true }));
    }

    [Fact]
    public async Task Verified_responses_say_so()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        Assert.True((await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a") { ExpectUnsignedResponse = true })).IsSignatureVerified);
    }

    private static void AssertTwoValidSignaturesWithDistinctNonces(SchemeIdentity id, FakeWire wire)
    {
        Assert.Equal(2, wire.Requests.Count);
        var (first, second) = (wire.Requests[0], wire.Requests[1]);
        Assert.NotEqual(first.AuthorizationParameters["nonce_str"], second.AuthorizationParameters["nonce_str"]);
        Assert.NotEqual(first.AuthorizationParameters["signature"], second.AuthorizationParameters["signature"]);
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, first));
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, second));
    }
}
