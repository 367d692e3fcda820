using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WeChatPay.Campaigns;

namespace WeChatPay.Testing.Tests.Campaigns;

/// <summary>
/// Stress on loopback, bounded in count and time: a certificate refresh under 1,000 concurrent callers, cancellation
/// mid-flight, and a soak of mixed valid, forged, replayed and oversized requests against the Kestrel sandbox.
/// </summary>
[Trait("Category", "Campaign")]
public sealed class LoadCampaignTests
{
    [Fact]
    public async Task Thousand_callers_at_a_certificate_refresh_share_one_download_and_none_waits_for_it()
    {
        const int callers = 1000;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var sandbox = TestKeys.NewSandbox(new SandboxOptions { TimeProvider = clock, ResponseSignatureReuseWindow = TimeSpan.FromMinutes(1) });
        var merchant = sandbox.Merchant(SignatureScheme.Rsa);
        await using var server = await SandboxServer.StartAsync(sandbox);
        var options = sandbox.CreateClientOptions(merchant, server.BaseAddress, certificateMode: true);
        options.PlatformCertificates.Clear();
        options.DownloadPlatformCertificates = true;
        var gate = new GateHandler(new SocketsHttpHandler());
        using var client = new WeChatPayClient(options, gate);
        var stockId = (await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) })).Json!["stock_id"]!.GetValue<string>();
        Assert.Equal(1, gate.Downloads);

        clock.Now = clock.Now.AddHours(13);
        gate.Hold = true;
        var watch = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(() => client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } }))).ToArray();

        // Every caller finishes while the refresh is still held: none waited for it. The bound only stops a broken run.
        var all = Task.WhenAll(calls);
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromMinutes(5))));
        var elapsed = watch.Elapsed;
        Assert.All(calls, call => Assert.Equal(HttpStatusCode.OK, call.Result.StatusCode));
        Assert.True(gate.Hold);
        Assert.Equal(2, client.CertificateManager!.DownloadCount);

        gate.Release();
        await client.CertificateManager.WhenIdleAsync();
        Assert.Equal(2, gate.Downloads);
        Campaign.Report("stress: 1,000 callers at a certificate refresh", callers, 0, elapsed,
            $"downloads started during the burst: 1; callers that waited: 0; {callers / elapsed.TotalSeconds:0} calls/s while the refresh was held");
    }

    [Fact]
    public async Task Cancellation_mid_flight_leaves_nothing_behind()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant(SignatureScheme.Rsa);
        await using var server = await SandboxServer.StartAsync(sandbox);
        var canceler = new CancelingHandler(new SocketsHttpHandler());
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress), canceler);
        var rounds = Campaign.Count(200, 2_000);
        var random = new Random(20261207);
        var watch = Stopwatch.StartNew();
        var canceled = 0;
        var completed = 0;

        for (var i = 0; i < rounds; i++)
        {
            var outRequestNo = "cancel-" + i;
            using var cancel = new CancellationTokenSource();
            CancelingHandler.Current.Value = (cancel, random.Next(4));
            try
            {
                await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant, outRequestNo: outRequestNo) }, cancel.Token);
                completed++;
            }
            catch (OperationCanceledException)
            {
                canceled++;
            }
            finally
            {
                CancelingHandler.Current.Value = default;
            }

            // Nothing half-done: the same request again creates the stock, or is told it exists (RESOURCE_ALREADY_EXISTS).
            try
            {
                var again = await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant, outRequestNo: outRequestNo) });
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }
            catch (WeChatPayApiException ex) when (ex.Code == "RESOURCE_ALREADY_EXISTS")
            {
            }
        }

        Assert.Equal(0, canceler.InFlight);
        Assert.True(canceled > 0);
        Campaign.Report("stress: cancellation mid-flight", rounds, 0, watch.Elapsed, $"canceled {canceled}, completed {completed}; requests in flight afterwards: 0; every retry succeeded");
    }

    [Fact]
    public async Task Soak_of_mixed_traffic_refuses_every_bad_request_serves_every_good_one_and_holds_memory()
    {
        var duration = TimeSpan.FromSeconds(Campaign.Count(4, 60));
        const int cap = 256 * 1024;
        var sandbox = TestKeys.NewSandbox(new SandboxOptions { MaxRequestBodySize = cap });
        var merchant = sandbox.Merchant(SignatureScheme.Rsa);
        await using var server = await SandboxServer.StartAsync(sandbox);
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress));
        using var raw = new HttpClient { BaseAddress = server.BaseAddress };
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        var stockId = (await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = SandboxFixture.StockDefinition(merchant) })).Json!["stock_id"]!.GetValue<string>();
        var query = "/v3/marketing/busifavor/stocks/" + stockId;
        var oversized = new byte[cap + 1];
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long valid = 0, forged = 0, replayed = 0, tooLarge = 0, hanging = 0, failures = 0;
        var watch = Stopwatch.StartNew();

        async Task<(HttpStatusCode Status, bool Signed)> SendRaw(string method, string target, byte[] body, string authorization)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), target.TrimStart('/')) { Content = body.Length == 0 ? null : new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await raw.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, response.Headers.Contains("Wechatpay-Signature"));
        }

        string Sign(string method, string target, byte[] body)
            => signer.CreateAuthorization(method, target, body, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomNumberGenerator.GetHexString(32));

        async Task Worker(int worker)
        {
            for (var i = 0; watch.Elapsed < duration; i++)
            {
                try
                {
                    switch ((i + worker) % 10)
                    {
                        case 6:
                            var bad = Sign("GET", query, []).Replace("signature=\"", "signature=\"A", StringComparison.Ordinal);
                            var refused = await SendRaw("GET", query, [], bad);
                            Check(refused.Status == HttpStatusCode.Unauthorized && refused.Signed, ref forged);
                            break;
                        case 7:
                            var once = Sign("GET", query, []);
                            var first = await SendRaw("GET", query, [], once);
                            var replay = await SendRaw("GET", query, [], once);
                            Check(first.Status == HttpStatusCode.OK && replay.Status == HttpStatusCode.Unauthorized && replay.Signed, ref replayed);
                            break;
                        case 8:
                            var big = await SendRaw("POST", "/v3/marketing/busifavor/stocks", oversized, Sign("POST", "/v3/marketing/busifavor/stocks", oversized));
                            Check(big.Status == HttpStatusCode.RequestEntityTooLarge && big.Signed, ref tooLarge);
                            break;
                        case 9 when i % 50 == 9:
                            // A connection that announces a body it never sends, then goes away.
                            using (var socket = new TcpClient())
                            {
                                await socket.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
                                await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"POST {query} HTTP/1.1\r\nHost: x\r\nContent-Length: {cap}\r\n\r\n0123456789"));
                            }

                            Interlocked.Increment(ref hanging);
                            break;
                        default:
                            var response = i % 2 == 0
                                ? await client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } })
                                : await client.Chain("v3/marketing/busifavor/stocks/{stock_id}/couponcodes").PostAsync(new ChainRequestOptions
                                {
                                    PathValues = { ["stock_id"] = stockId },
                                    Json = new JsonObject { ["coupon_code_list"] = new JsonArray($"S{worker}-{i}"), ["upload_request_no"] = $"soak-{worker}-{i}" },
                                });
                            Check(response.StatusCode == HttpStatusCode.OK && response.Response.IsSignatureVerified, ref valid);
                            break;
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }

        void Check(bool ok, ref long counter)
        {
            if (ok)
                Interlocked.Increment(ref counter);
            else
                Interlocked.Increment(ref failures);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => Worker(w))));
        var elapsed = watch.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var peak = Campaign.PeakRssMiB();

        Assert.Equal(0, failures);
        Assert.True(valid > 0 && forged > 0 && replayed > 0 && tooLarge > 0);
        Assert.True(heapAfter - heapBefore < 64L * 1024 * 1024, $"the managed heap grew by {(heapAfter - heapBefore) / 1048576.0:0.0} MiB");
        var total = valid + forged + 2 * replayed + tooLarge + hanging;
        Campaign.Report($"soak: {duration.TotalSeconds:0} s mixed traffic over Kestrel", total, failures, elapsed,
            $"valid {valid}, forged {forged}, replayed {replayed}, oversized {tooLarge}, hanging {hanging}; {total / elapsed.TotalSeconds:0} requests/s; heap growth {(heapAfter - heapBefore) / 1048576.0:0.0} MiB; peak RSS {peak:0} MiB");
    }

    /// <summary>Counts certificate downloads and, while <see cref="Hold"/> is set, holds them until released.</summary>
    private sealed class GateHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _downloads;

        public bool Hold { get; set; }

        public int Downloads => Volatile.Read(ref _downloads);

        public void Release()
        {
            Hold = false;
            _released.TrySetResult();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/v3/certificates")
            {
                Interlocked.Increment(ref _downloads);
                if (Hold)
                    await _released.Task.WaitAsync(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Cancels the current call at a chosen point: before sending, once the answer's headers are in, or racing the call.</summary>
    private sealed class CancelingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public static readonly AsyncLocal<(CancellationTokenSource Source, int Stage)> Current = new();

        private int _inFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                var (source, stage) = Current.Value;
                if (stage == 0)
                    source?.Cancel();
                else if (stage == 2)
                    _ = Task.Run(() => source?.Cancel());
                var response = await base.SendAsync(request, cancellationToken);
                if (stage == 1)
                    source?.Cancel();
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
