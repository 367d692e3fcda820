using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Benchmarks;

/// <summary>
/// The JSON part of the per-call cost alone: the list answer (10 codes) and the upload answer deserialized through
/// the metadata this SDK's generator emits and through the user's System.Text.Json source-generated context.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _list = null!;
    private byte[] _upload = null!;
    private JsonTypeInfo<ListCouponCodesResponse> _generatedList = null!;
    private JsonTypeInfo<UploadCouponCodesResponse> _generatedUpload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _list = Workload.ListResponseBody();
        _upload = Workload.UploadResponseBody();
        _generatedList = (JsonTypeInfo<ListCouponCodesResponse>)IBenchBusifavor.GeneratedJsonContext.Default.GetTypeInfo(typeof(ListCouponCodesResponse))!;
        _generatedUpload = (JsonTypeInfo<UploadCouponCodesResponse>)IBenchBusifavor.GeneratedJsonContext.Default.GetTypeInfo(typeof(UploadCouponCodesResponse))!;
        Shared.WarmUpOnce(nameof(JsonBenchmarks), () => () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                Generated_List();
                User_List();
                Generated_Upload();
                User_Upload();
            }
        });
    }

    [Benchmark(Description = "list answer, generator's JSON metadata")]
    public ListCouponCodesResponse? Generated_List() => JsonSerializer.Deserialize(_list, _generatedList);

    [Benchmark(Description = "list answer, user JsonSerializerContext")]
    public ListCouponCodesResponse? User_List() => JsonSerializer.Deserialize(_list, UserJsonContext.Default.ListCouponCodesResponse);

    [Benchmark(Description = "upload answer, generator's JSON metadata")]
    public UploadCouponCodesResponse? Generated_Upload() => JsonSerializer.Deserialize(_upload, _generatedUpload);

    [Benchmark(Description = "upload answer, user JsonSerializerContext")]
    public UploadCouponCodesResponse? User_Upload() => JsonSerializer.Deserialize(_upload, UserJsonContext.Default.UploadCouponCodesResponse);
}
