using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Benchmarks;

/// <summary>
/// Benchmark 0 (issue #2): the runtime's request signing and response verification, alone. The signing is measured
/// with the real RSA key and with its private-key operation replaced by a constant (<see cref="ConstantSignatureRsa"/>:
/// message building, nonce, SHA-256, base64 and header assembly remain), beside the raw RSA operations.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private const string Target = "/" + Workload.CodesPath;
    private RequestSigner _realSigner = null!;
    private RequestSigner _stubbedSigner = null!;
    private byte[] _body = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;
    private byte[] _signatureBuffer = null!;
    private ResponseVerification _verification = null!;

    [GlobalSetup]
    public void Setup()
    {
        var identity = Shared.Identity;
        var time = TimeProvider.System;
        _realSigner = new RequestSigner(BenchIdentity.MerchantId, BenchIdentity.MerchantSerialNumber, MerchantPrivateKey.FromPem(identity.MerchantPrivateKeyPem), time);
        _stubbedSigner = new RequestSigner(BenchIdentity.MerchantId, BenchIdentity.MerchantSerialNumber, MerchantPrivateKey.FromRsa(new ConstantSignatureRsa(identity.MerchantKey)), time);

        _body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Workload.UploadRequest(), UserJsonContext.Default.UploadCouponCodesRequest);
        _message = RequestSigner.BuildMessage("POST", Target, "1764400000", "593BEC0C930BF1AFEB40B4A08C8FB242", _body);
        _signature = identity.MerchantKey.SignData(_message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _signatureBuffer = new byte[256];
        _verification = ResponseVerification.Create(identity);
        if (!_verification.Verify())
            throw new InvalidOperationException("The runtime did not verify a correctly signed response.");
    }

    [Benchmark(Description = "RequestSigner.CreateAuthorization, real RSA")]
    public string Sign_RealRsa() => _realSigner.CreateAuthorization("POST", Target, _body);

    [Benchmark(Description = "RequestSigner.CreateAuthorization, RSA op stubbed")]
    public string Sign_RsaStubbed() => _stubbedSigner.CreateAuthorization("POST", Target, _body);

    [Benchmark(Description = "raw RSA.TrySignData (SHA-256 + private-key op)")]
    public bool Rsa_SignData()
        => Shared.Identity.MerchantKey.TrySignData(_message, _signatureBuffer, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out _);

    [Benchmark(Description = "SignatureVerifier: verify a response")]
    public bool Verify_Response() => _verification.Verify();

    [Benchmark(Description = "raw RSA.VerifyData (SHA-256 + public-key op)")]
    public bool Rsa_VerifyData()
        => Shared.Identity.MerchantKey.VerifyData(_message.AsSpan(), _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
