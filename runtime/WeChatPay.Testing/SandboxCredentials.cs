using System.Text;
using System.Text.Json;
using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing;

/// <summary>
/// A credentials directory, laid out like the files a merchant downloads:
/// <list type="bullet">
/// <item><c>apiclient_key.pem</c>: the merchant private key;</item>
/// <item><c>pub_key.pem</c>: the WeChat Pay public key;</item>
/// <item><c>wechatpay.json</c>: <c>{"mchid", "merchant_serial_no", "public_key_id", "apiv3_key", "base_url"}</c>.</item>
/// </list>
/// A sandbox directory also holds the sandbox's own secrets (platform keys and certificates) in <c>.sandbox/</c>.
/// A live directory has no <c>.sandbox/</c>; <see cref="Load"/> reads either. <see cref="ToString"/> and
/// <see cref="Describe"/> never print a private key or the APIv3 key in full.
/// </summary>
public sealed class SandboxCredentials
{
    /// <summary>The merchant private key file.</summary>
    public const string MerchantPrivateKeyFile = "apiclient_key.pem";

    /// <summary>The WeChat Pay public key file.</summary>
    public const string PlatformPublicKeyFile = "pub_key.pem";

    /// <summary>The settings file.</summary>
    public const string SettingsFile = "wechatpay.json";

    /// <summary>The folder that holds the sandbox's own secrets.</summary>
    public const string SandboxFolder = ".sandbox";

    private SandboxCredentials(string directory, string merchantId, string serialNumber, string publicKeyId, string apiV3Key, string? baseUrl,
        bool created, IReadOnlyList<string> createdFiles)
    {
        Directory = directory;
        MerchantId = merchantId;
        MerchantSerialNumber = serialNumber;
        PublicKeyId = publicKeyId;
        ApiV3Key = apiV3Key;
        BaseUrl = baseUrl;
        Created = created;
        CreatedFiles = createdFiles;
    }

    /// <summary>The directory, as a full path.</summary>
    public string Directory { get; }

    /// <summary>The merchant ID (<c>mchid</c>).</summary>
    public string MerchantId { get; }

    /// <summary>The merchant API certificate serial number.</summary>
    public string MerchantSerialNumber { get; }

    /// <summary>The WeChat Pay public key ID, <c>PUB_KEY_ID_…</c>.</summary>
    public string PublicKeyId { get; }

    /// <summary>The APIv3 key. Never print it; <see cref="Describe"/> masks it.</summary>
    public string ApiV3Key { get; }

    /// <summary>The gateway the identity belongs to, or null when <c>wechatpay.json</c> names none.</summary>
    public string? BaseUrl { get; private set; }

    /// <summary>Whether this call created the identity (the directory was empty) rather than reusing it.</summary>
    public bool Created { get; }

    /// <summary>The files this call created; empty when it reused them.</summary>
    public IReadOnlyList<string> CreatedFiles { get; }

    /// <summary>The path of <c>apiclient_key.pem</c>.</summary>
    public string MerchantPrivateKeyPath => Path.Combine(Directory, MerchantPrivateKeyFile);

    /// <summary>The path of <c>pub_key.pem</c>.</summary>
    public string PlatformPublicKeyPath => Path.Combine(Directory, PlatformPublicKeyFile);

    /// <summary>Whether the directory holds a sandbox platform identity (<c>.sandbox/</c>).</summary>
    public bool HasSandboxPlatform => SandboxPlatform.Exists(Path.Combine(Directory, SandboxFolder));

    /// <summary>RSA or ShangMi, from the merchant private key.</summary>
    public SignatureScheme Scheme => SandboxKey.FromPrivateKeyPem(File.ReadAllText(MerchantPrivateKeyPath)).Scheme;

    /// <summary>
    /// Reuses the identity in <paramref name="directory"/>, or, when the directory is empty or missing, creates a
    /// merchant identity (key pair, serial, mchid, APIv3 key) and a sandbox platform identity there.
    /// </summary>
    /// <param name="directory">The credentials directory.</param>
    /// <param name="baseUrl">When given, recorded as <c>base_url</c> (also in an existing directory).</param>
    /// <param name="scheme">The merchant's algorithms when creating; ignored when reusing.</param>
    /// <exception cref="InvalidOperationException">
    /// The directory holds some files but not a whole identity, or a merchant identity without the sandbox's
    /// platform keys (a live directory); nothing is overwritten.
    /// </exception>
    public static SandboxCredentials LoadOrCreate(string directory, string? baseUrl = null, SignatureScheme scheme = SignatureScheme.Rsa)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        if (System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any())
        {
            var existing = Load(full);
            if (!existing.HasSandboxPlatform)
                throw new InvalidOperationException(
                    $"The credentials directory '{full}' holds a merchant identity but no sandbox platform identity ({SandboxFolder}/): " +
                    "it looks like a live directory. Point the sandbox at an empty directory instead.");
            if (baseUrl is not null && baseUrl != existing.BaseUrl)
                existing.SetBaseUrl(baseUrl);
            return existing;
        }

        System.IO.Directory.CreateDirectory(full);
        // The merchant's key is made beside the platform's (key generation is most of the time a new identity takes).
        SandboxPlatform platform = null!;
        SandboxKey key = null!;
        Parallel.Invoke(() => platform = SandboxPlatform.Generate(), () => key = SandboxKey.Generate(scheme));
        var files = new List<string>(platform.Save(Path.Combine(full, SandboxFolder)));
        var merchantId = "19" + SandboxRandom.Digits(8);
        var serial = SandboxRandom.Hex(20);
        var apiV3Key = SandboxRandom.ApiV3Key();
        SandboxFiles.WriteNew(Path.Combine(full, MerchantPrivateKeyFile), key.ExportPrivateKeyPem(), secret: true);
        files.Add(Path.Combine(full, MerchantPrivateKeyFile));
        SandboxFiles.WriteNew(Path.Combine(full, PlatformPublicKeyFile), platform.GetPublicKeyPem(scheme), secret: false);
        files.Add(Path.Combine(full, PlatformPublicKeyFile));
        var publicKeyId = platform.GetPublicKeyId(scheme);
        SandboxFiles.WriteNew(Path.Combine(full, SettingsFile), SettingsJson(merchantId, serial, publicKeyId, apiV3Key, baseUrl), secret: true);
        files.Add(Path.Combine(full, SettingsFile));
        return new SandboxCredentials(full, merchantId, serial, publicKeyId, apiV3Key, baseUrl, created: true, files);
    }

    /// <summary>Reads a credentials directory, sandbox or live. It needs the three merchant files, not <c>.sandbox/</c>.</summary>
    /// <exception cref="InvalidOperationException">A file is missing or <c>wechatpay.json</c> lacks a field.</exception>
    public static SandboxCredentials Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        foreach (var name in (ReadOnlySpan<string>)[MerchantPrivateKeyFile, PlatformPublicKeyFile, SettingsFile])
        {
            if (!File.Exists(Path.Combine(full, name)))
                throw new InvalidOperationException($"The credentials directory '{full}' has no {name}.");
        }
        JsonDocument settings;
        try
        {
            settings = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(full, SettingsFile)));
        }
        catch (JsonException ex)
        {
            // The message names the position only: the file holds the APIv3 key.
            throw new InvalidOperationException($"{SettingsFile} in '{full}' is not valid JSON (line {ex.LineNumber + 1}).");
        }
        using (settings)
        {
            string Field(string name, bool required = true)
            {
                if (settings.RootElement.ValueKind == JsonValueKind.Object
                    && settings.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } text)
                    return text;
                if (required)
                    throw new InvalidOperationException($"{SettingsFile} in '{full}' has no \"{name}\" string.");
                return "";
            }
            var baseUrl = Field("base_url", required: false);
            return new SandboxCredentials(full, Field("mchid"), Field("merchant_serial_no"), Field("public_key_id"), Field("apiv3_key"),
                baseUrl.Length == 0 ? null : baseUrl, created: false, []);
        }
    }

    /// <summary>Records <paramref name="baseUrl"/> as <c>base_url</c> in <c>wechatpay.json</c>, keeping the other fields.</summary>
    public void SetBaseUrl(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        var path = Path.Combine(Directory, SettingsFile);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        SandboxFiles.WriteNew(temporary, SettingsJson(MerchantId, MerchantSerialNumber, PublicKeyId, ApiV3Key, baseUrl), secret: true);
        File.Move(temporary, path, overwrite: true);
        BaseUrl = baseUrl;
    }

    /// <summary>
    /// Client options for this identity in public-key mode: mchid, serial, the private key file, the APIv3 key, the
    /// WeChat Pay public key and <c>base_url</c> (or the default gateway when there is none).
    /// </summary>
    public WeChatPayOptions ToOptions() => new()
    {
        MerchantId = MerchantId,
        MerchantSerialNumber = MerchantSerialNumber,
        MerchantPrivateKeyPath = MerchantPrivateKeyPath,
        ApiV3Key = ApiV3Key,
        SignatureScheme = Scheme,
        PublicKeyId = PublicKeyId,
        PlatformPublicKeyPath = PlatformPublicKeyPath,
        BaseAddress = BaseUrl is null ? WeChatPayOptions.DefaultBaseAddress : new Uri(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/"),
    };

    /// <summary>The sandbox's platform identity from <c>.sandbox/</c>.</summary>
    /// <exception cref="InvalidOperationException">The directory has none (it is a live directory).</exception>
    public SandboxPlatform LoadPlatform()
    {
        var folder = Path.Combine(Directory, SandboxFolder);
        if (!SandboxPlatform.Exists(folder))
            throw new InvalidOperationException($"The credentials directory '{Directory}' has no sandbox platform identity ({SandboxFolder}/).");
        return SandboxPlatform.Load(folder);
    }

    /// <summary>
    /// A few lines for a console: created or reused, mchid, serial, public key ID, base URL and a masked APIv3 key.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Created ? $"Created a sandbox identity in {Directory}:" : $"Reusing the identity in {Directory}:");
        text.AppendLine($"  mchid              {MerchantId}");
        text.AppendLine($"  merchant_serial_no {MerchantSerialNumber}");
        text.AppendLine($"  public_key_id      {PublicKeyId}");
        text.AppendLine($"  apiv3_key          {Mask(ApiV3Key)}");
        text.AppendLine($"  base_url           {BaseUrl ?? "(none)"}");
        foreach (var file in CreatedFiles)
            text.AppendLine($"  wrote {Path.GetRelativePath(Directory, file)}");
        return text.ToString();
    }

    internal static string Mask(string secret) => secret.Length <= 8 ? new string('*', secret.Length) : secret[..4] + new string('*', secret.Length - 4);

    private static string SettingsJson(string merchantId, string serial, string publicKeyId, string apiV3Key, string? baseUrl)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("mchid", merchantId);
            writer.WriteString("merchant_serial_no", serial);
            writer.WriteString("public_key_id", publicKeyId);
            writer.WriteString("apiv3_key", apiV3Key);
            writer.WriteString("base_url", baseUrl ?? "");
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"SandboxCredentials {{ Directory = {Directory}, MerchantId = {MerchantId}, MerchantSerialNumber = {MerchantSerialNumber}, PublicKeyId = {PublicKeyId}, BaseUrl = {BaseUrl} }}";
}
