namespace WeChatPay.Apis.Certificates;

/// <summary>
/// 下载平台证书 (the platform certificates, for merchants not yet on the WeChat Pay public key). Each certificate comes
/// encrypted with the APIv3 key; the SDK's certificate manager decrypts and rotates them for you.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface ICertificatesApi
{
    /// <summary>下载平台证书: <paramref name="algorithmType"/> is <c>RSA</c> (the default) or <c>SM2</c>.</summary>
    [Get("v3/certificates")]
    Task<WeChatPayResponse<PlatformCertificateList>> ListAsync([Query] string? algorithmType = null, CancellationToken cancellationToken = default);

    /// <summary>下载平台证书, synchronously.</summary>
    [Get("v3/certificates")]
    WeChatPayResponse<PlatformCertificateList> List([Query] string? algorithmType = null);
}
