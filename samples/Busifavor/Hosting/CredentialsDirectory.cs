using System.Text.Json;
using WeChatPay;

namespace Busifavor.Hosting;

/// <summary>
/// Reads a credentials directory, laid out like the files a merchant downloads from the merchant platform:
/// <list type="bullet">
/// <item><c>apiclient_key.pem</c>: the merchant private key;</item>
/// <item><c>pub_key.pem</c>: the WeChat Pay public key;</item>
/// <item><c>wechatpay.json</c>: <c>{"mchid", "merchant_serial_no", "public_key_id", "apiv3_key", "base_url"}</c>.</item>
/// </list>
/// The result is configuration keys for <c>services.AddWeChatPay(configuration.GetSection("WeChatPay"))</c>; the
/// keys stay in their files and are read by path.
/// </summary>
public static class CredentialsDirectory
{
    public const string PrivateKeyFile = "apiclient_key.pem";
    public const string PublicKeyFile = "pub_key.pem";
    public const string SettingsFile = "wechatpay.json";

    /// <summary>Reads <paramref name="directory"/> into <c>WeChatPay:*</c> configuration keys.</summary>
    /// <exception cref="InvalidDataException">A file is missing or <c>wechatpay.json</c> lacks a field; the message names it.</exception>
    public static Dictionary<string, string?> Read(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
            throw new InvalidDataException($"The credentials directory '{full}' does not exist.");
        foreach (var file in new[] { PrivateKeyFile, PublicKeyFile, SettingsFile })
        {
            if (!File.Exists(Path.Combine(full, file)))
                throw new InvalidDataException($"The credentials directory '{full}' has no {file}.");
        }

        JsonElement settings;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(full, SettingsFile)));
            settings = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path.Combine(full, SettingsFile)} is not valid JSON: {ex.Message}");
        }
        if (settings.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{Path.Combine(full, SettingsFile)} must hold a JSON object.");

        string Required(string name) => settings.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{Path.Combine(full, SettingsFile)} has no \"{name}\" string.");

        // The key file says which algorithms the merchant uses: RSA, or SM2 in ShangMi (国密) mode.
        SignatureScheme scheme;
        try
        {
            using var key = MerchantPrivateKey.FromFile(Path.Combine(full, PrivateKeyFile));
            scheme = key.Scheme;
        }
        catch (WeChatPayConfigurationException ex)
        {
            throw new InvalidDataException($"{Path.Combine(full, PrivateKeyFile)} is not a usable merchant private key: {ex.Message}");
        }

        return new Dictionary<string, string?>
        {
            ["WeChatPay:SignatureScheme"] = scheme.ToString(),
            ["WeChatPay:MerchantId"] = Required("mchid"),
            ["WeChatPay:MerchantSerialNumber"] = Required("merchant_serial_no"),
            ["WeChatPay:MerchantPrivateKeyPath"] = Path.Combine(full, PrivateKeyFile),
            ["WeChatPay:PublicKeyId"] = Required("public_key_id"),
            ["WeChatPay:PlatformPublicKeyPath"] = Path.Combine(full, PublicKeyFile),
            ["WeChatPay:ApiV3Key"] = Required("apiv3_key"),
            ["WeChatPay:BaseAddress"] = Required("base_url"),
        };
    }
}
