using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
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

    private static long s_connectionsOpened;

    private static int LimitThreads => Math.Max(8, Environment.ProcessorCount);

    public static ThroughputResults Run(CliOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<ThroughputResults> RunAsync(CliOptions options)
    {
        var measure = options.Full ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2.5);
        // The most a warm-up may take: it ends earlier once the JIT has (nearly) stopped compiling.
        var warmup = options.Full ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(4);

        // The sandbox reuses its answer signatures (SandboxOptions.ResponseSignatureReuseWindow): on one machine its
        // RSA signature of every answer — work WeChat Pay's gateway does on its own hardware — would take half the
        // cores from the client. One extra level with the sandbox signing every answer shows that cost.
        var sandbox = new WeChatPaySandbox(new SandboxOptions { ResponseSignatureReuseWindow = TimeSpan.FromMinutes(4) });
        var merchant = sandbox.CreateMerchant();
        await using var server = await SandboxServer.StartAsync(sandbox);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            // Counts the TCP connections opened: a pool that keeps its connections opens at most one per caller.
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref s_connectionsOpened);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
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

        var warmedUp = await WarmUpAsync(call, warmup);
        Console.WriteLine($"  warm-up: {warmedUp.TotalSeconds:0.0} s until tiered compilation settled");
        // The machine is shared, so the limit is measured before and after the loopback levels and averaged.
        var (signaturesBefore, cpuPerSignatureBefore) = CryptoLimit(measure / 2, sign: true);
        var points = new List<ThroughputPoint>();
        foreach (var callers in Concurrency)
        {
            var point = await Loop(callers, measure, call);
            Console.WriteLine($"  {callers,2} callers: {point.RequestsPerSecond,8:0} req/s ({point.Requests} requests, {point.Failures} failures), {point.CpuMicrosecondsPerRequest,5:0} µs CPU/request");
            points.Add(point);
        }

        sandbox.Options.ResponseSignatureReuseWindow = TimeSpan.Zero;
        var everySigned = await Loop(32, measure, call) with { SandboxSignsEveryAnswer = true };
        Console.WriteLine($"  32 callers, sandbox signing every answer: {everySigned.RequestsPerSecond,8:0} req/s, {everySigned.CpuMicrosecondsPerRequest,5:0} µs CPU/request");
        points.Add(everySigned);
        sandbox.Options.ResponseSignatureReuseWindow = TimeSpan.FromMinutes(4);

        var (signaturesAfter, cpuPerSignatureAfter) = CryptoLimit(measure / 2, sign: true);
        var signatures = (signaturesBefore + signaturesAfter) / 2;
        var cpuPerSignature = (cpuPerSignatureBefore + cpuPerSignatureAfter) / 2;
        var (verifications, cpuPerVerification) = CryptoLimit(measure / 2, sign: false);
        Console.WriteLine($"  signing limit: {signatures:0} RSA-2048 signatures/s, {verifications:0} verifications/s on {Environment.ProcessorCount} cores ({LimitThreads} threads); "
            + $"{cpuPerSignature:0} µs CPU/signature, {cpuPerVerification:0.0} µs CPU/verification");

        // The transport alone: an empty Kestrel endpoint answering the same bytes and headers to a bare HttpClient.
        var sample = await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, $"v3/marketing/busifavor/stocks/{stockId}/couponcodes?offset=0&limit=10"));
        var floor = await TransportFloor.MeasureAsync(sample, measure);
        Console.WriteLine($"  transport floor (Kestrel + HttpClient + loopback, nothing signed or verified): {floor:0} µs CPU/request");

        // Where the rest goes, in one thread's CPU time (precise even on a busy machine): the same call in process
        // (no sockets, no Kestrel: every step completes synchronously on this thread), the signature alone, and the
        // sandbox's Handle alone.
        CpuSplit split;
        using (var inProcess = new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress), sandbox.CreateHandler()))
        {
            var inProcessApi = IBenchBusifavor.Create(inProcess);
            var target = $"/v3/marketing/busifavor/stocks/{stockId}/couponcodes?offset=0&limit=10";
            var inProcessCpu = InProcessCallCost(inProcessApi, stockId);
            var (signCpu, handleCpu) = SandboxHandleCost(sandbox, merchant, target, server.BaseAddress);
            split = new CpuSplit(inProcessCpu, signCpu, handleCpu, cpuPerVerification);
            Console.WriteLine($"  one thread's CPU per call in process (no sockets, no Kestrel): {inProcessCpu:0} µs = the request signature {signCpu:0} µs "
                + $"+ the sandbox's Handle {handleCpu:0} µs (with its RSA verification) + the rest of the client {inProcessCpu - signCpu - handleCpu:0} µs "
                + "(with its RSA verification, JSON and the in-process handler)");
        }

        var setup = $"The generated client (`ListCouponCodesAsync`, a page of 10 codes) calls the Kestrel sandbox (`WeChatPay.Testing.SandboxServer`) over "
            + $"loopback HTTP/1.1 from N concurrent callers, each for {measure.TotalSeconds:0.#} s, after a warm-up through every level that lasts until "
            + $"tiered compilation has settled (here {warmedUp.TotalSeconds:0} s; it stops with the first cycle through the levels that ends past {warmup.TotalSeconds:0} s), so that the figures describe a process in its steady state. Verification is on "
            + "on both sides: the sandbox checks each request's signature, timestamp and nonce, and every answer carries a platform signature that "
            + "the client verifies; the client signs each request with RSA-2048. Client and sandbox share this machine's cores, and WeChat Pay's "
            + "gateway signs its answers on its own hardware, so the sandbox reuses the signature of an identical answer "
            + "(`SandboxOptions.ResponseSignatureReuseWindow`) — except in the last row, where it signs every answer and each request costs two "
            + "RSA-2048 private-key operations on these cores (compare that row with half the limit). The signing limit is measured just before "
            + $"and just after the loopback levels (averaged), with {LimitThreads} signing threads on the {Environment.ProcessorCount} cores (as many as "
            + "the loopback test keeps busy, so that both get the same share of a shared machine; on a quiet one it makes no difference). "
            + "CPU per request is the process's CPU time (user + system, client and sandbox together) over the requests of a level: on a shared "
            + "machine it moves far less than requests per second, and it compares directly with the CPU time of one signature.";
        return new ThroughputResults(points, signatures, verifications, Environment.ProcessorCount, setup, cpuPerSignature, floor, split);
    }

    /// <summary>
    /// The sandbox's own work per request (verification of the request's signature, nonce store, routing, the
    /// endpoint, answer headers), in this thread's CPU time, over requests signed beforehand outside the clock.
    /// </summary>
    private static (double SignCpu, double HandleCpu) SandboxHandleCost(WeChatPaySandbox sandbox, SandboxMerchant merchant, string target, Uri baseAddress)
    {
        const int Count = 300;
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        var serial = sandbox.Platform.GetPublicKeyId(merchant.Scheme);
        for (var i = 0; i < 20; i++)
            signer.CreateAuthorization("GET", target, default);
        var authorizations = new string[Count + 20];
        var signing = ThreadCpu.Now();
        for (var i = 0; i < authorizations.Length; i++)
            authorizations[i] = signer.CreateAuthorization("GET", target, default);
        var signCpu = (ThreadCpu.Now() - signing).TotalMicroseconds / authorizations.Length;
        var requests = authorizations.Select(authorization => new SandboxRequest("GET", target,
        [
            new("Host", baseAddress.Authority),
            new("Accept", "application/json"),
            new("User-Agent", "WeChatPay.SourceGen/1.0.0 (.NET 10.0.0; Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Debian)"),
            new("Wechatpay-Serial", serial),
            new("Authorization", authorization),
        ], ReadOnlyMemory<byte>.Empty)).ToArray();
        for (var i = 0; i < 20; i++)
            sandbox.Handle(requests[Count + i]);
        Thread.Sleep(200);
        var start = ThreadCpu.Now();
        for (var i = 0; i < Count; i++)
        {
            if (sandbox.Handle(requests[i]).StatusCode != 200)
                throw new InvalidOperationException("The sandbox refused a pre-signed request.");
        }
        return (signCpu, (ThreadCpu.Now() - start).TotalMicroseconds / Count);
    }

    /// <summary>One thread's CPU per in-process call; the in-process handler completes every step synchronously.</summary>
    private static double InProcessCallCost(IBenchBusifavor api, string stockId)
    {
        const int Count = 300;
        JitWarmUp.Until(() =>
        {
            for (var i = 0; i < 100; i++)
                Call();
        }, TimeSpan.FromSeconds(4));
        var start = ThreadCpu.Now();
        for (var i = 0; i < Count; i++)
            Call();
        return (ThreadCpu.Now() - start).TotalMicroseconds / Count;

        void Call()
        {
            var pending = api.ListCouponCodesAsync(stockId, null, null, 0, 10);
            if (!pending.IsCompleted)
                throw new InvalidOperationException("The in-process call did not complete synchronously, so one thread's CPU time would miss part of it.");
            if (pending.Result.Data is not { Count: 10 })
                throw new InvalidOperationException("The sandbox returned a short page.");
        }
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

    /// <summary>
    /// Runs <paramref name="call"/> at every concurrency level in turn, in half-second slices, until a whole round
    /// compiles almost no method (tiered compilation has promoted the hot paths and stopped) or
    /// <paramref name="limit"/> has passed. A throughput figure describes a process in its steady state; without
    /// this, a short run measures the JIT's background recompilation (with PGO, twice per hot method) as well.
    /// </summary>
    internal static async Task<TimeSpan> WarmUpAsync(Func<Task> call, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var callers in Concurrency)
                await Loop(callers, TimeSpan.FromMilliseconds(500), call, quiet: true);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - before <= 5)
                break;
            // A pause lets the JIT's background thread, which competes with the callers for the cores, catch up.
            await Task.Delay(300);
        }
        return clock.Elapsed;
    }

    internal static async Task<ThroughputPoint> Loop(int callers, TimeSpan duration, Func<Task> call, bool quiet = false)
    {
        long requests = 0, failures = 0;
        var cpu = CpuClock.Start();
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
        var seconds = clock.Elapsed.TotalSeconds;
        var used = cpu.Stop(requests);
        if (!quiet && Environment.GetEnvironmentVariable("WCP_THROUGHPUT_DETAIL") == "1")
            Console.WriteLine($"      {used}; {Interlocked.Exchange(ref s_connectionsOpened, 0)} connections opened");
        return new ThroughputPoint(callers, requests, failures, seconds, CpuMicrosecondsPerRequest: used.CpuMicrosecondsPerOperation);
    }

    /// <summary>
    /// RSA-2048 signatures (or verifications) per second on all cores, each thread with its own key object. It runs
    /// <see cref="LimitThreads"/> threads, not one per core: on a quiet machine that measures the same (RSA is
    /// CPU-bound), and on a shared one it claims the same share of the CPU as the loopback test's many threads do.
    /// </summary>
    private static (double PerSecond, double CpuMicrosecondsPerOperation) CryptoLimit(TimeSpan duration, bool sign)
    {
        var pem = Shared.Identity.MerchantPrivateKeyPem;
        var message = new byte[700];
        RandomNumberGenerator.Fill(message);
        long operations = 0;
        var start = new Barrier(LimitThreads + 1);
        Stopwatch clock = null!;
        var threads = Enumerable.Range(0, LimitThreads).Select(_ => new Thread(() =>
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var signature = rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var buffer = new byte[256];
            long local = 0;
            start.SignalAndWait();
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
        // Every thread has imported its key before the clocks start, so key parsing is not counted.
        clock = Stopwatch.StartNew();
        var cpu = CpuClock.Start();
        start.SignalAndWait();
        threads.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        return (operations / seconds, cpu.Stop(operations).CpuMicrosecondsPerOperation);
    }
}

/// <summary>
/// Process CPU time (user + system, every thread: client, sandbox, Kestrel, GC, JIT) over a stretch of work, with
/// the JIT time, allocations and GC pauses in it, so that a noisy shared machine still yields a per-request cost.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _cpu;
    private readonly TimeSpan _jit;
    private readonly long _allocated;
    private readonly TimeSpan _gcPause;
    private readonly int _gen0;
    private readonly long _jitted;

    private CpuClock(TimeSpan cpu, TimeSpan jit, long allocated, TimeSpan gcPause, int gen0, long jitted)
    {
        _jitted = jitted;
        _cpu = cpu;
        _jit = jit;
        _allocated = allocated;
        _gcPause = gcPause;
        _gen0 = gen0;
    }

    public static CpuClock Start() => new(ProcessCpu(), System.Runtime.JitInfo.GetCompilationTime(), GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0), System.Runtime.JitInfo.GetCompiledMethodCount());

    public CpuUse Stop(long operations)
    {
        var cpu = ProcessCpu() - _cpu;
        var jit = System.Runtime.JitInfo.GetCompilationTime() - _jit;
        var allocated = GC.GetTotalAllocatedBytes() - _allocated;
        var gcPause = GC.GetTotalPauseDuration() - _gcPause;
        return new CpuUse(operations, cpu, jit, allocated, gcPause, GC.CollectionCount(0) - _gen0, System.Runtime.JitInfo.GetCompiledMethodCount() - _jitted);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

internal readonly record struct CpuUse(long Operations, TimeSpan Cpu, TimeSpan Jit, long AllocatedBytes, TimeSpan GcPause, int Gen0Collections, long MethodsJitted)
{
    public double CpuMicrosecondsPerOperation => Operations == 0 ? double.NaN : Cpu.TotalMicroseconds / Operations;

    public override string ToString() => Operations == 0 ? "no operations" :
        $"{CpuMicrosecondsPerOperation:0} µs CPU/op ({MethodsJitted} methods jitted, JIT wall time {Jit.TotalMicroseconds / Operations:0.0} µs/op), {AllocatedBytes / Operations:0} B allocated/op, "
        + $"GC pauses {GcPause.TotalMicroseconds / Operations:0.0} µs/op ({Gen0Collections} gen0)";
}

/// <summary>
/// The floor under the loopback benchmark that is not this project's code: an empty Kestrel endpoint (the same
/// slim host as <see cref="SandboxServer"/>) that answers a constant copy of a real sandbox answer, called by a
/// bare <see cref="HttpClient"/> with the same request headers and two callers, nothing signed, verified or parsed.
/// </summary>
internal static class TransportFloor
{
    public static async Task<double> MeasureAsync(WeChatPayResponse sample, TimeSpan duration)
    {
        var body = sample.Body.ToArray();
        var headers = sample.Headers.NonValidated.Select(h => (Name: h.Key, Value: h.Value.ToString())).ToArray();
        // The same Kestrel host as the sandbox server.
        await using var app = SandboxServer.CreateHostBuilder("http://127.0.0.1:0").Build();
        app.Run(async context =>
        {
            var response = context.Response;
            foreach (var (name, value) in headers)
                response.Headers[name] = value;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(address.TrimEnd('/') + "/"),
        };
        // Request headers of the same sizes as the client's: a constant stands in for the signed Authorization.
        var authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000000\",nonce_str=\"" + new string('n', 32) + "\",signature=\""
            + new string('s', 344) + "\",timestamp=\"1700000000\",serial_no=\"" + new string('0', 40) + "\"";
        Func<Task> call = async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v3/marketing/busifavor/stocks/1/couponcodes?offset=0&limit=10");
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("User-Agent", "WeChatPay.SourceGen/1.0.0 (.NET 10.0.0; Linux 6.1.0 #1 SMP PREEMPT_DYNAMIC Debian)");
            request.Headers.TryAddWithoutValidation("Wechatpay-Serial", "PUB_KEY_ID_0100000000000000000000000000");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (bytes.Length != body.Length)
                throw new InvalidOperationException("The empty endpoint answered a short body.");
        };
        await LoopbackThroughput.WarmUpAsync(call, duration);
        var point = await LoopbackThroughput.Loop(2, duration, call);
        await app.StopAsync();
        return point.CpuMicrosecondsPerRequest;
    }
}

/// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in nanoseconds' resolution.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            return TimeSpan.Zero;
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport, not LibraryImport: the latter needs unsafe code, which this project does not allow.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
