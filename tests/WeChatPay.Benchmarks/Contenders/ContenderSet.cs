using System.Security.Cryptography;
using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Contenders;

/// <summary>Real RSA-2048 signing, or the private-key operation replaced by a constant (for every contender alike).</summary>
public enum RsaMode
{
    Real,
    Stubbed,
}

/// <summary>
/// The three contenders of the per-call benchmark, each over its own <see cref="PreSignedGateway"/>, with one
/// merchant key (real or stubbed), one platform key and one frozen clock. <see cref="CreateChecked"/> makes one
/// checked call per endpoint through each before anything is measured.
/// </summary>
public sealed class ContenderSet
{
    private ContenderSet(IBenchBusifavor generated, IRefitBusifavor refit, HandWrittenClient handWritten, PreSignedGateway[] gateways)
    {
        Generated = generated;
        Refit = refit;
        HandWritten = handWritten;
        Gateways = gateways;
    }

    public IBenchBusifavor Generated { get; }
    public IRefitBusifavor Refit { get; }
    public HandWrittenClient HandWritten { get; }
    private PreSignedGateway[] Gateways { get; }

    public static ContenderSet Create(BenchIdentity identity, RsaMode mode)
    {
        var now = DateTimeOffset.UtcNow;
        var time = new FixedTimeProvider(now);
        var merchantKey = mode == RsaMode.Real ? identity.MerchantKey : new ConstantSignatureRsa(identity.MerchantKey);
        var constant = mode == RsaMode.Stubbed
            ? Convert.ToBase64String(merchantKey.SignData("x"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            : null;
        Func<byte[], string, bool> check = constant is null
            ? (message, signature) => identity.MerchantKey.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : (_, signature) => signature == constant;
        PreSignedGateway[] gateways = [new(identity, now, check), new(identity, now, check), new(identity, now, check)];

        // The SDK takes the same RSA object as the other two, through its public seam for a loaded key.
        var options = SdkOptions(identity, time);
        options.MerchantPrivateKey = null;
        options.MerchantKey = MerchantPrivateKey.FromRsa(merchantKey);
        var client = new WeChatPayClient(options, gateways[0]);
        var generated = IBenchBusifavor.Create(client);

        var signing = new HandWrittenSigning(
            merchantKey, BenchIdentity.MerchantId, BenchIdentity.MerchantSerialNumber, identity.PlatformPublicKey, BenchIdentity.PublicKeyId, time);
        var refit = RefitContender.Create(signing, gateways[1], BenchIdentity.BaseAddress);
        var handWritten = HandWrittenContender.Create(signing, gateways[2], BenchIdentity.BaseAddress);
        return new ContenderSet(generated, refit, handWritten, gateways);
    }

    /// <summary>One call of an endpoint through a contender, named as the benchmark's methods are (<c>Contender_Endpoint</c>).</summary>
    public sealed record Call(string Contender, string Endpoint, Func<Task> Run);

    /// <summary>
    /// The six calls the per-call benchmark measures (each endpoint through each contender, the upload with
    /// <paramref name="request"/>), for the loops that make them outside BenchmarkDotNet: its warm-up and the side-by-side pass.
    /// </summary>
    public IReadOnlyList<Call> Calls(UploadCouponCodesRequest request) =>
    [
        new("Generated", "Upload", () => Generated.UploadCouponCodesAsync(Workload.StockId, request)),
        new("Refit", "Upload", () => Refit.UploadCouponCodesAsync(Workload.StockId, request)),
        new("HandWritten", "Upload", () => HandWritten.UploadCouponCodesAsync(Workload.StockId, request)),
        new("Generated", "List", () => Generated.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
        new("Refit", "List", () => Refit.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
        new("HandWritten", "List", () => HandWritten.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
    ];

    /// <summary>The SDK's options for the bench identity, in public-key mode.</summary>
    public static WeChatPayOptions SdkOptions(BenchIdentity identity, TimeProvider time) => new()
    {
        MerchantId = BenchIdentity.MerchantId,
        MerchantSerialNumber = BenchIdentity.MerchantSerialNumber,
        MerchantPrivateKey = identity.MerchantPrivateKeyPem,
        PublicKeyId = BenchIdentity.PublicKeyId,
        PlatformPublicKey = identity.PlatformPublicKeyPem,
        ApiV3Key = BenchIdentity.ApiV3Key,
        BaseAddress = BenchIdentity.BaseAddress,
        TimeProvider = time,
    };

    /// <summary>Creates the set and proves each contender sends a correctly signed request and returns verified data.</summary>
    public static async Task<ContenderSet> CreateChecked(BenchIdentity identity, RsaMode mode)
    {
        var set = Create(identity, mode);
        foreach (var gateway in set.Gateways)
            gateway.CheckRequests = true;
        var request = Workload.UploadRequest();
        (string Name, Func<Task<UploadCouponCodesResponse>> Upload, Func<Task<ListCouponCodesResponse>> List)[] calls =
        [
            ("generated", () => set.Generated.UploadCouponCodesAsync(Workload.StockId, request), () => set.Generated.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
            ("Refit", () => set.Refit.UploadCouponCodesAsync(Workload.StockId, request), () => set.Refit.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
            ("hand-written", () => set.HandWritten.UploadCouponCodesAsync(Workload.StockId, request), () => set.HandWritten.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
        ];
        for (var i = 0; i < calls.Length; i++)
        {
            var (name, upload, list) = calls[i];
            var uploaded = await upload();
            var listed = await list();
            if (uploaded.SuccessCount != Workload.UploadBatch - 2 || uploaded.FailCodes?.Count != 1 || uploaded.DuplicateCodes?.Count != 1
                || uploaded.SuccessTime.Offset != TimeSpan.FromHours(8))
                throw new InvalidOperationException($"The {name} contender read the upload result wrongly.");
            if (listed.Data?.Count != Workload.Limit || listed.Data[0].DispatchedTime is null || listed.TotalCount != 18)
                throw new InvalidOperationException($"The {name} contender read the code list wrongly.");
            if (set.Gateways[i].Requests != 2)
                throw new InvalidOperationException($"The {name} contender sent {set.Gateways[i].Requests} requests for 2 calls.");
        }
        foreach (var gateway in set.Gateways)
            gateway.CheckRequests = false;
        return set;
    }
}
