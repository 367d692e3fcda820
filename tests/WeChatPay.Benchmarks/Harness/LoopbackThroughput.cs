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

    public static ThroughputResults Run(CliOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<ThroughputResults> RunAsync(CliOptions options)
    {
        var measure = options.Full ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(3);
        var warmup = options.Full ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(1);

        var sandbox = new WeChatPaySandbox();
        var merchant = sandbox.CreateMerchant();
        await using var server = await SandboxServer.StartAsync(sandbox);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress), handler);
        var api = IBenchBusifavor.Create(client);
        var stockId = await CreateStockAsync(client);
        var uploaded = await api.UploadCouponCodesAsync(stockId, Workload.UploadRequest());
        if (uploaded.SuccessCount != Workload.UploadBatch - 2)
            throw new InvalidOperationException($"The sandbox accepted {uploaded.SuccessCount} codes, expected {Workload.UploadBatch - 2}.");

        Func<Task> call = async () =>
        {
            var page = await api.ListCouponCodesAsync(stockId, null, null, 0, 10).ConfigureAwait(false);
            if (page.Data is not { Count: 10 })
                throw new InvalidOperationException("The sandbox returned a short page.");
        };

        await Loop(2, warmup, call);
        var points = new List<ThroughputPoint>();
        foreach (var callers in Concurrency)
        {
            var point = await Loop(callers, measure, call);
            Console.WriteLine($"  {callers,2} callers: {point.RequestsPerSecond,8:0} req/s ({point.Requests} requests, {point.Failures} failures)");
            points.Add(point);
        }

        var signatures = CryptoLimit(measure / 2, sign: true);
        var verifications = CryptoLimit(measure / 2, sign: false);
        Console.WriteLine($"  signing limit: {signatures:0} RSA-2048 signatures/s, {verifications:0} verifications/s on {Environment.ProcessorCount} cores");

        var setup = $"The generated client (`ListCouponCodesAsync`, a page of 10 codes) calls the Kestrel sandbox (`WeChatPay.Testing.SandboxServer`) over "
            + $"loopback HTTP/1.1 from N concurrent callers, each for {measure.TotalSeconds:0} s after a {warmup.TotalSeconds:0} s warm-up. Verification is on "
            + "on both sides: the sandbox checks each request's signature, timestamp and nonce and signs each answer with its platform key; the client "
            + "signs each request and verifies each answer. Client and sandbox share this machine's cores, so each request costs two RSA-2048 "
            + "private-key operations here (one each side) — which is why the table also compares with half the signing limit.";
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

    /// <summary>RSA-2048 signatures (or verifications) per second with one thread per core, each with its own key object.</summary>
    private static double CryptoLimit(TimeSpan duration, bool sign)
    {
        var pem = Shared.Identity.MerchantPrivateKeyPem;
        var message = new byte[700];
        RandomNumberGenerator.Fill(message);
        long operations = 0;
        var clock = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
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
