using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Benchmarks;

/// <summary>The runtime's <see cref="SignatureVerifier"/> over one pre-signed response (the upload answer).</summary>
public sealed class ResponseVerification
{
    private readonly SignatureVerifier _verifier;
    private readonly SignatureHeaders _headers;
    private readonly byte[] _body;

    private ResponseVerification(SignatureVerifier verifier, SignatureHeaders headers, byte[] body)
    {
        _verifier = verifier;
        _headers = headers;
        _body = body;
    }

    public static ResponseVerification Create(BenchIdentity identity)
    {
        var now = DateTimeOffset.UtcNow;
        var response = new PreSignedResponse(identity.PlatformKey, Workload.UploadResponseBody(), now, "bench");
        var keys = new PlatformKeyStore([PlatformKey.FromPublicKeyPem(BenchIdentity.PublicKeyId, identity.PlatformPublicKeyPem)]);
        var verifier = new SignatureVerifier(keys, new FixedTimeProvider(now));
        var headers = new SignatureHeaders(response.Timestamp, response.Nonce, response.Signature, BenchIdentity.PublicKeyId, null);
        return new ResponseVerification(verifier, headers, response.Body);
    }

    public bool Verify() => _verifier.Verify(in _headers, _body) == VerificationResult.Verified;
}
