using Microsoft.Extensions.Configuration;

namespace WeChatPay.DependencyInjection;

/// <summary>
/// The shape of a <c>WeChatPay</c> configuration section. Binding goes through this type, not
/// <see cref="WeChatPayOptions"/> itself, because the options also hold a <see cref="TimeProvider"/>, which the
/// configuration-binder source generator cannot (and should not) bind. Keys are the option names:
/// <code>
/// "WeChatPay": {
///   "MerchantId": "1900000001",
///   "MerchantSerialNumber": "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
///   "MerchantPrivateKeyPath": "/run/secrets/apiclient_key.pem",
///   "ApiV3Key": "…",
///   "PublicKeyId": "PUB_KEY_ID_0114232134912410000000000000",
///   "PlatformPublicKeyPath": "/run/secrets/pub_key.pem",
///   "BaseAddress": "https://api.mch.weixin.qq.com/"
/// }
/// </code>
/// </summary>
internal sealed class WeChatPayConfigurationSection
{
    public string? MerchantId { get; set; }
    public string? MerchantSerialNumber { get; set; }
    public string? MerchantPrivateKey { get; set; }
    public string? MerchantPrivateKeyPath { get; set; }
    public string? MerchantPrivateKeyPassphrase { get; set; }
    public string? ApiV3Key { get; set; }
    public SignatureScheme? SignatureScheme { get; set; }
    public string? PublicKeyId { get; set; }
    public string? PlatformPublicKey { get; set; }
    public string? PlatformPublicKeyPath { get; set; }
    public List<string>? PlatformCertificates { get; set; }
    public bool? DownloadPlatformCertificates { get; set; }
    public TimeSpan? CertificateRefreshInterval { get; set; }
    public TimeSpan? CertificateDownloadTimeout { get; set; }
    public long? MaxResponseBodySize { get; set; }

    // A string, not a Uri: a malformed address then reaches the validator, which names the field, instead of
    // failing inside the binder with a message that names neither the section nor the key.
    public string? BaseAddress { get; set; }

    /// <summary>Binds <paramref name="configuration"/> (source-generated binder) and copies what was set onto <paramref name="options"/>.</summary>
    public static void Apply(IConfiguration configuration, WeChatPayOptions options)
    {
        var section = new WeChatPayConfigurationSection();
        configuration.Bind(section);
        section.ApplyTo(options);
    }

    private void ApplyTo(WeChatPayOptions options)
    {
        if (MerchantId is not null) options.MerchantId = MerchantId;
        if (MerchantSerialNumber is not null) options.MerchantSerialNumber = MerchantSerialNumber;
        if (MerchantPrivateKey is not null) options.MerchantPrivateKey = MerchantPrivateKey;
        if (MerchantPrivateKeyPath is not null) options.MerchantPrivateKeyPath = MerchantPrivateKeyPath;
        if (MerchantPrivateKeyPassphrase is not null) options.MerchantPrivateKeyPassphrase = MerchantPrivateKeyPassphrase;
        if (ApiV3Key is not null) options.ApiV3Key = ApiV3Key;
        if (SignatureScheme is { } scheme) options.SignatureScheme = scheme;
        if (PublicKeyId is not null) options.PublicKeyId = PublicKeyId;
        if (PlatformPublicKey is not null) options.PlatformPublicKey = PlatformPublicKey;
        if (PlatformPublicKeyPath is not null) options.PlatformPublicKeyPath = PlatformPublicKeyPath;
        if (PlatformCertificates is { Count: > 0 } certificates)
        {
            foreach (var certificate in certificates)
                options.PlatformCertificates.Add(certificate);
        }
        if (DownloadPlatformCertificates is { } download) options.DownloadPlatformCertificates = download;
        if (CertificateRefreshInterval is { } interval) options.CertificateRefreshInterval = interval;
        if (CertificateDownloadTimeout is { } timeout) options.CertificateDownloadTimeout = timeout;
        if (MaxResponseBodySize is { } cap) options.MaxResponseBodySize = cap;
        if (BaseAddress is not null)
        {
            options.BaseAddress = Uri.TryCreate(BaseAddress, UriKind.Absolute, out var uri)
                ? uri
                : InvalidBaseAddress.Instance;
        }
    }
}

/// <summary>
/// Stands in for a configured <c>BaseAddress</c> that is not an absolute URI, so that startup validation reports it
/// (by field name) instead of silently keeping the default gateway.
/// </summary>
internal static class InvalidBaseAddress
{
    public static readonly Uri Instance = new("invalid-base-address:/", UriKind.Absolute);
}
