using BenchmarkDotNet.Attributes;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;

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

    [GlobalSetup]
    public void Setup()
    {
        _set = ContenderSet.CreateChecked(Shared.Identity, Rsa).GetAwaiter().GetResult();
        _request = Workload.UploadRequest();
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

    public static BenchIdentity Identity => LazyIdentity.Value;
}
