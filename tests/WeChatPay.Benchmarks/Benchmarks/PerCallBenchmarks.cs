using BenchmarkDotNet.Attributes;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;
using WeChatPay.Benchmarks.Harness;

namespace WeChatPay.Benchmarks.Benchmarks;

/// <summary>
/// Benchmark 1 (issue #5): one call of each seed endpoint through each contender, against the in-memory gateway's
/// pre-signed answers, with real RSA signing and with the private-key operation stubbed.
/// </summary>
[MemoryDiagnoser]
public class PerCallBenchmarks
{
    private ContenderSet _set = null!;
    private UploadCouponCodesRequest _request = null!;

    [ParamsAllValues]
    public RsaMode Rsa { get; set; }

    /// <summary>Whether <paramref name="benchmark"/> is a case of this class in <paramref name="mode"/>.</summary>
    public static bool IsMode(BenchmarkDotNet.Running.BenchmarkCase benchmark, RsaMode mode)
        => Equals(benchmark.Parameters[nameof(Rsa)], mode);

    [GlobalSetup]
    public void Setup()
    {
        TelemetryListener.AttachIfRequested();
        _set = ContenderSet.CreateChecked(Shared.Identity, Rsa).GetAwaiter().GetResult();
        _request = Workload.UploadRequest();
        Shared.WarmUpOnce(nameof(PerCallBenchmarks), () =>
        {
            // Every call of every contender, with the private-key operation stubbed (the rest of the path is the same in
            // both modes), so that the first case measured does not pay for the tiering of code the later ones share.
            var calls = ContenderSet.CreateChecked(Shared.Identity, RsaMode.Stubbed).GetAwaiter().GetResult().Calls(Workload.UploadRequest());
            return () =>
            {
                for (var i = 0; i < 100; i++)
                {
                    foreach (var call in calls)
                        call.Run().GetAwaiter().GetResult();
                }
            };
        });
    }

    [Benchmark, BenchmarkCategory("Upload")]
    public Task<UploadCouponCodesResponse> Generated_Upload() => _set.Generated.UploadCouponCodesAsync(Workload.StockId, _request);

    [Benchmark, BenchmarkCategory("Upload")]
    public Task<UploadCouponCodesResponse> Refit_Upload() => _set.Refit.UploadCouponCodesAsync(Workload.StockId, _request);

    [Benchmark, BenchmarkCategory("Upload")]
    public Task<UploadCouponCodesResponse> HandWritten_Upload() => _set.HandWritten.UploadCouponCodesAsync(Workload.StockId, _request);

    [Benchmark, BenchmarkCategory("List")]
    public Task<ListCouponCodesResponse> Generated_List() => _set.Generated.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit);

    [Benchmark, BenchmarkCategory("List")]
    public Task<ListCouponCodesResponse> Refit_List() => _set.Refit.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit);

    [Benchmark, BenchmarkCategory("List")]
    public Task<ListCouponCodesResponse> HandWritten_List() => _set.HandWritten.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit);
}

/// <summary>State shared by every benchmark of one process: keys are made once.</summary>
public static class Shared
{
    private static readonly Lazy<BenchIdentity> LazyIdentity = new(BenchIdentity.Create);

    private static readonly HashSet<string> WarmedUp = [];

    public static BenchIdentity Identity => LazyIdentity.Value;

    /// <summary>
    /// Once per process and <paramref name="name"/>: the round that <paramref name="prepare"/> makes (its setup done
    /// once, not per round), until tiered compilation has settled (<see cref="JitWarmUp"/>, at most 4 s).
    /// </summary>
    public static void WarmUpOnce(string name, Func<Action> prepare)
    {
        if (!WarmedUp.Add(name))
            return;
        var took = JitWarmUp.Until(prepare(), TimeSpan.FromSeconds(4));
        Console.WriteLine($"// {name}: warm-up {took.TotalSeconds:0.0} s until tiered compilation settled");
    }
}
