using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WeChatPay.Benchmarks.Benchmarks;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;
using WeChatPay.Benchmarks.Report;
using WeChatPay.Testing;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Benchmark 2 (issue #5): N concurrent callers (1, 2, 8, 32) of the generated client against the Kestrel sandbox
/// on loopback, with verification on both sides (the sandbox verifies each request's signature and signs each
/// answer; the client signs each request and verifies each answer). Beside it, in the same run, the signing limit:
/// RSA-2048 signatures per second with one signing thread per core. Every loop is bounded in time.
/// </summary>
public static class LoopbackThroughput
{
    private static readonly int[] Concurrency = [1, 2, 8, 32];

    private static int LimitThreads => Math.Max(8, Environment.ProcessorCount);

    public static ThroughputResults Run(CliOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<ThroughputResults> RunAsync(CliOptions options)
    {
        var measure = options.Full ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(3);
        var warmup = options.Full ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(1);

        // The sandbox reuses its answer signatures (SandboxOptions.ResponseSignatureReuseWindow): on one machine its
        // RSA signature of every answer — work WeChat Pay's gateway does on its own hardware — would take half the
        // cores from the client. One extra level with the sandbox signing every answer shows that cost.
        var sandbox = new WeChatPaySandbox(new SandboxOptions { ResponseSignatureReuseWindow = TimeSpan.FromMinutes(4) });
        var merchant = sandbox.CreateMerchant();
        await using var server = await SandboxServer.StartAsync(sandbox);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress), handler);
        var api = IBenchBusifavor.Create(client);
        var stockId = await CreateStockAsync(client);
        var uploaded = await api.UploadCouponCodesAsync(stockId, Workload.UploadRequest());
        if (uploaded.SuccessCount < Workload.Limit)
            throw new InvalidOperationException($"The sandbox accepted only {uploaded.SuccessCount} codes; the list calls need {Workload.Limit}.");

        Func<Task> call = async () =>
        {
            var page = await api.ListCouponCodesAsync(stockId, null, null, 0, 10).ConfigureAwait(false);
            if (page.Data is not { Count: 10 })
                throw new InvalidOperationException("The sandbox returned a short page.");
        };

        await Loop(2, warmup, call);
        // The machine is shared, so the limit is measured before and after the loopback levels and averaged.
        var signaturesBefore = CryptoLimit(measure / 2, sign: true);
        var points = new List<ThroughputPoint>();
        foreach (var callers in Concurrency)
        {
            var point = await Loop(callers, measure, call);
            Console.WriteLine($"  {callers,2} callers: {point.RequestsPerSecond,8:0} req/s ({point.Requests} requests, {point.Failures} failures)");
            points.Add(point);
        }

        sandbox.Options.ResponseSignatureReuseWindow = TimeSpan.Zero;
        var everySigned = await Loop(32, measure, call) with { SandboxSignsEveryAnswer = true };
        Console.WriteLine($"  32 callers, sandbox signing every answer: {everySigned.RequestsPerSecond,8:0} req/s");
        points.Add(everySigned);

        var signatures = (signaturesBefore + CryptoLimit(measure / 2, sign: true)) / 2;
        var verifications = CryptoLimit(measure / 2, sign: false);
        Console.WriteLine($"  signing limit: {signatures:0} RSA-2048 signatures/s, {verifications:0} verifications/s on {Environment.ProcessorCount} cores ({LimitThreads} threads)");

        var setup = $"The generated client (`ListCouponCodesAsync`, a page of 10 codes) calls the Kestrel sandbox (`WeChatPay.Testing.SandboxServer`) over "
            + $"loopback HTTP/1.1 from N concurrent callers, each for {measure.TotalSeconds:0} s after a {warmup.TotalSeconds:0} s warm-up. Verification is on "
            + "on both sides: the sandbox checks each request's signature, timestamp and nonce, and every answer carries a platform signature that "
            + "the client verifies; the client signs each request with RSA-2048. Client and sandbox share this machine's cores, and WeChat Pay's "
            + "gateway signs its answers on its own hardware, so the sandbox reuses the signature of an identical answer "
            + "(`SandboxOptions.ResponseSignatureReuseWindow`) — except in the last row, where it signs every answer and each request costs two "
            + "RSA-2048 private-key operations on these cores (compare that row with half the limit). The signing limit is measured just before "
            + $"and just after the loopback levels (averaged), with {LimitThreads} signing threads on the {Environment.ProcessorCount} cores (as many as "
            + "the loopback test keeps busy, so that both get the same share of a shared machine; on a quiet one it makes no difference).";
        return new ThroughputResults(points, signatures, verifications, Environment.ProcessorCount, setup);
    }

    private static async Task<string> CreateStockAsync(WeChatPayClient client)
    {
        var now = DateTimeOffset.Now;
        var json = JsonNode.Parse($$"""
            {
              "stock_name": "benchmark stock",
              "belong_merchant": "{{client.MerchantId}}",
              "goods_name": "benchmark goods",
              "stock_type": "NORMAL",
              "coupon_use_rule": {
                "coupon_available_time": {
                  "available_begin_time": "{{now.AddMinutes(-1):yyyy-MM-dd'T'HH:mm:sszzz}}",
                  "available_end_time": "{{now.AddDays(30):yyyy-MM-dd'T'HH:mm:sszzz}}"
                },
                "fixed_normal_coupon": { "discount_amount": 500, "transaction_minimum": 1000 },
                "use_method": "OFF_LINE"
              },
              "stock_send_rule": { "max_coupons": 100000, "max_coupons_per_user": 5 },
              "out_request_no": "bench-{{Guid.NewGuid():N}}",
              "coupon_code_mode": "MERCHANT_UPLOAD"
            }
            """);
        var created = await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = json });
        return created.Json?["stock_id"]?.GetValue<string>() ?? throw new InvalidOperationException("The sandbox created no stock.");
    }

    private static async Task<ThroughputPoint> Loop(int callers, TimeSpan duration, Func<Task> call)
    {
        long requests = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await call().ConfigureAwait(false);
                    Interlocked.Increment(ref requests);
                }
                catch (Exception)
                {
                    // A failure ends this caller's loop after counting it: a broken setup must not spin.
                    if (Interlocked.Increment(ref failures) > 100)
                        throw;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return new ThroughputPoint(callers, requests, failures, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// RSA-2048 signatures (or verifications) per second on all cores, each thread with its own key object. It runs
    /// <see cref="LimitThreads"/> threads, not one per core: on a quiet machine that measures the same (RSA is
    /// CPU-bound), and on a shared one it claims the same share of the CPU as the loopback test's many threads do.
    /// </summary>
    private static double CryptoLimit(TimeSpan duration, bool sign)
    {
        var pem = Shared.Identity.MerchantPrivateKeyPem;
        var message = new byte[700];
        RandomNumberGenerator.Fill(message);
        long operations = 0;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, LimitThreads).Select(_ => new Thread(() =>
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var signature = rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var buffer = new byte[256];
            long local = 0;
            while (clock.Elapsed < duration)
            {
                if (sign)
                    rsa.TrySignData(message, buffer, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out _);
                else
                    rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                local++;
            }
            Interlocked.Add(ref operations, local);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return operations / clock.Elapsed.TotalSeconds;
    }
}
