using System.Text.Json;
using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing;

/// <summary>
/// The sandbox's WeChat Pay side: an RSA and an SM2 platform certificate, and an RSA and an SM2 WeChat Pay public
/// key (<c>PUB_KEY_ID_…</c>). Only the public halves are exposed; the private keys stay inside the sandbox.
/// </summary>
public sealed class SandboxPlatform
{
    private readonly Dictionary<string, (SandboxKey Key, PlatformKeyKind Kind)> _keys = new(StringComparer.Ordinal);

    private SandboxPlatform(SandboxCertificate rsaCertificate, SandboxCertificate sm2Certificate,
        string publicKeyId, SandboxKey publicKey, string sm2PublicKeyId, SandboxKey sm2PublicKey)
    {
        RsaCertificate = rsaCertificate;
        Sm2Certificate = sm2Certificate;
        PublicKeyId = publicKeyId;
        RsaPublicKey = publicKey;
        Sm2PublicKeyId = sm2PublicKeyId;
        Sm2PublicKeyHolder = sm2PublicKey;
        _keys[rsaCertificate.SerialNumber] = (rsaCertificate.Key, PlatformKeyKind.Certificate);
        _keys[sm2Certificate.SerialNumber] = (sm2Certificate.Key, PlatformKeyKind.Certificate);
        _keys[publicKeyId] = (publicKey, PlatformKeyKind.PublicKey);
        _keys[sm2PublicKeyId] = (sm2PublicKey, PlatformKeyKind.PublicKey);
    }

    internal SandboxCertificate RsaCertificate { get; }

    internal SandboxCertificate Sm2Certificate { get; }

    internal SandboxKey RsaPublicKey { get; }

    internal SandboxKey Sm2PublicKeyHolder { get; }

    /// <summary>The ID of the RSA WeChat Pay public key, <c>PUB_KEY_ID_…</c>.</summary>
    public string PublicKeyId { get; }

    /// <summary>The RSA WeChat Pay public key as SPKI PEM (what a merchant downloads as <c>pub_key.pem</c>).</summary>
    public string PublicKeyPem => RsaPublicKey.ExportPublicKeyPem();

    /// <summary>The ID of the SM2 WeChat Pay public key, <c>PUB_KEY_ID_…</c>.</summary>
    public string Sm2PublicKeyId { get; }

    /// <summary>The SM2 WeChat Pay public key as SPKI PEM.</summary>
    public string Sm2PublicKeyPem => Sm2PublicKeyHolder.ExportPublicKeyPem();

    /// <summary>The RSA platform certificate (PEM).</summary>
    public string RsaCertificatePem => RsaCertificate.Pem;

    /// <summary>The RSA platform certificate's serial number (upper-case hex).</summary>
    public string RsaCertificateSerialNumber => RsaCertificate.SerialNumber;

    /// <summary>The SM2 platform certificate (PEM).</summary>
    public string Sm2CertificatePem => Sm2Certificate.Pem;

    /// <summary>The SM2 platform certificate's serial number (upper-case hex).</summary>
    public string Sm2CertificateSerialNumber => Sm2Certificate.SerialNumber;

    /// <summary>The public key ID for <paramref name="scheme"/>.</summary>
    public string GetPublicKeyId(SignatureScheme scheme) => scheme == SignatureScheme.Rsa ? PublicKeyId : Sm2PublicKeyId;

    /// <summary>The public key PEM for <paramref name="scheme"/>.</summary>
    public string GetPublicKeyPem(SignatureScheme scheme) => scheme == SignatureScheme.Rsa ? PublicKeyPem : Sm2PublicKeyPem;

    /// <summary>The platform certificate PEM for <paramref name="scheme"/>.</summary>
    public string GetCertificatePem(SignatureScheme scheme) => GetCertificate(scheme).Pem;

    /// <summary>The platform certificate serial number for <paramref name="scheme"/>.</summary>
    public string GetCertificateSerialNumber(SignatureScheme scheme) => GetCertificate(scheme).SerialNumber;

    internal SandboxCertificate GetCertificate(SignatureScheme scheme) => scheme == SignatureScheme.Rsa ? RsaCertificate : Sm2Certificate;

    /// <summary>Finds a platform key (certificate serial or public key ID).</summary>
    internal bool TryGetKey(string id, out SandboxKey key, out PlatformKeyKind kind)
    {
        if (_keys.TryGetValue(id, out var entry))
        {
            (key, kind) = entry;
            return true;
        }
        key = null!;
        kind = default;
        return false;
    }

    /// <summary>The key that signs for <paramref name="scheme"/> in <paramref name="mode"/>, and its ID.</summary>
    internal (string Id, SandboxKey Key) GetSigningKey(SignatureScheme scheme, SandboxSigningMode mode) =>
        mode == SandboxSigningMode.PublicKey
            ? (GetPublicKeyId(scheme), scheme == SignatureScheme.Rsa ? RsaPublicKey : Sm2PublicKeyHolder)
            : (GetCertificate(scheme).SerialNumber, GetCertificate(scheme).Key);

    /// <summary>Generates a new platform identity: two certificates and two public keys.</summary>
    public static SandboxPlatform Generate(TimeProvider? timeProvider = null)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        // Making an RSA-2048 key takes a few hundred milliseconds (a random prime search), far more than the rest, so
        // the two RSA keys are made side by side.
        SandboxKey rsaCertificateKey = null!, rsaPublicKey = null!;
        Parallel.Invoke(
            () => rsaCertificateKey = SandboxKey.Generate(SignatureScheme.Rsa),
            () => rsaPublicKey = SandboxKey.Generate(SignatureScheme.Rsa));
        return new SandboxPlatform(
            SandboxCertificate.Issue(rsaCertificateKey, now),
            SandboxCertificate.Issue(SandboxKey.Generate(SignatureScheme.ShangMi), now),
            NewPublicKeyId(), rsaPublicKey,
            NewPublicKeyId(), SandboxKey.Generate(SignatureScheme.ShangMi));
    }

    // WeChat Pay's IDs look like PUB_KEY_ID_0114232134912410000000000000: the prefix and 28 digits.
    private static string NewPublicKeyId() => "PUB_KEY_ID_01" + SandboxRandom.Digits(26);

    private const string PlatformFile = "platform.json";

    /// <summary>Writes the platform's secrets into <paramref name="directory"/> (the credentials' <c>.sandbox</c> folder).</summary>
    internal IReadOnlyList<string> Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        void Write(string name, string content, bool secret)
        {
            var path = Path.Combine(directory, name);
            SandboxFiles.WriteNew(path, content, secret);
            files.Add(path);
        }
        Write("platform_cert.pem", RsaCertificate.Pem, false);
        Write("platform_key.pem", RsaCertificate.Key.ExportPrivateKeyPem(), true);
        Write("platform_sm2_cert.pem", Sm2Certificate.Pem, false);
        Write("platform_sm2_key.pem", Sm2Certificate.Key.ExportPrivateKeyPem(), true);
        Write("pub_key_private.pem", RsaPublicKey.ExportPrivateKeyPem(), true);
        Write("pub_key_sm2_private.pem", Sm2PublicKeyHolder.ExportPrivateKeyPem(), true);
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("public_key_id", PublicKeyId);
                writer.WriteString("sm2_public_key_id", Sm2PublicKeyId);
                writer.WriteString("note", "The WeChat Pay side of a local sandbox. Never use these keys outside tests.");
                writer.WriteEndObject();
            }
            Write(PlatformFile, System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n", false);
        }
        return files;
    }

    internal static bool Exists(string directory) => File.Exists(Path.Combine(directory, PlatformFile));

    /// <summary>Reads a platform identity written by <see cref="Save"/>.</summary>
    internal static SandboxPlatform Load(string directory)
    {
        string Read(string name) => File.ReadAllText(Path.Combine(directory, name));
        using var json = JsonDocument.Parse(Read(PlatformFile));
        var root = json.RootElement;
        return new SandboxPlatform(
            SandboxCertificate.Load(Read("platform_cert.pem"), SandboxKey.FromPrivateKeyPem(Read("platform_key.pem"))),
            SandboxCertificate.Load(Read("platform_sm2_cert.pem"), SandboxKey.FromPrivateKeyPem(Read("platform_sm2_key.pem"))),
            root.GetProperty("public_key_id").GetString()!, SandboxKey.FromPrivateKeyPem(Read("pub_key_private.pem")),
            root.GetProperty("sm2_public_key_id").GetString()!, SandboxKey.FromPrivateKeyPem(Read("pub_key_sm2_private.pem")));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"SandboxPlatform {{ PublicKeyId = {PublicKeyId}, RsaCertificateSerialNumber = {RsaCertificateSerialNumber}, Sm2CertificateSerialNumber = {Sm2CertificateSerialNumber} }}";
}

internal static class SandboxFiles
{
    /// <summary>Creates a file that must not exist yet; secrets are readable by the owner only.</summary>
    public static void WriteNew(string path, string content, bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
