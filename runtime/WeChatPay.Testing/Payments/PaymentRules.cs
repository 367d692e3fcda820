using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// The gateway's field rules for payments and refunds (lengths, character sets, amounts, <c>notify_url</c>), each
/// failure a <c>400 PARAM_ERROR</c> whose <c>detail.field</c> is the JSON pointer.
/// </summary>
internal static class PaymentRules
{
    public const string Currency = "CNY";

    /// <summary>A string field of at most <paramref name="maxLength"/> characters; required ones must be non-empty.</summary>
    public static string Text(JsonElement parent, string name, int maxLength, string pointer = "")
    {
        var value = JsonBody.RequiredString(parent, name, pointer);
        return CheckLength(value, name, maxLength, pointer);
    }

    public static string? OptionalText(JsonElement parent, string name, int maxLength, string pointer = "")
    {
        var value = JsonBody.OptionalString(parent, name, pointer);
        return value is null ? null : CheckLength(value, name, maxLength, pointer);
    }

    private static string CheckLength(string value, string name, int maxLength, string pointer)
    {
        if (value.Length > maxLength)
            throw SandboxError.ParamError($"输入源“/body{JsonBody.Pointer(pointer, name)}”映射到值字段“{name}”字符串规则校验失败，字节数 {value.Length}，大于最大值 {maxLength} ({name} is longer than {maxLength})",
                JsonBody.Pointer(pointer, name), $"must be at most {maxLength} characters", value: value);
        return value;
    }

    /// <summary>
    /// A merchant order or refund number: <paramref name="min"/> to <paramref name="max"/> characters of digits,
    /// letters and <c>_ - | *</c> (refund numbers also allow <c>@</c>).
    /// </summary>
    public static string OrderNumber(JsonElement parent, string name, string pointer = "", int min = 6, int max = 32, bool allowAt = false)
    {
        var value = JsonBody.RequiredString(parent, name, pointer);
        if (ValidateOrderNumber(value, min, max, allowAt) is { } issue)
            throw SandboxError.ParamError($"输入源“/body{JsonBody.Pointer(pointer, name)}”映射到值字段“{name}”格式错误 ({issue})",
                JsonBody.Pointer(pointer, name), issue, value: value);
        return value;
    }

    /// <summary>Null when <paramref name="value"/> is a valid order number, otherwise what is wrong.</summary>
    public static string? ValidateOrderNumber(string value, int min = 6, int max = 32, bool allowAt = false)
    {
        if (value.Length < min || value.Length > max)
            return $"must be {min} to {max} characters";
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '|' or '*' || (allowAt && c == '@')))
                return $"may hold only digits, letters and _-|*{(allowAt ? "@" : "")}";
        }
        return null;
    }

    /// <summary>An appid: <c>wx</c> and 16 letters or digits, as WeChat issues them; anything else cannot be bound to a merchant.</summary>
    public static string AppId(JsonElement parent, string name, string pointer = "")
    {
        var value = Text(parent, name, 32, pointer);
        if (!LooksLikeAppId(value))
            throw new SandboxError(400, "APPID_MCHID_NOT_MATCH", $"{name}和商户号不匹配，请检查{name}是否正确 ({name} is not an appid bound to this merchant)");
        return value;
    }

    public static string? OptionalAppId(JsonElement parent, string name, string pointer = "")
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return AppId(parent, name, pointer);
    }

    public static bool LooksLikeAppId(string value)
    {
        if (value.Length != 18 || !value.StartsWith("wx", StringComparison.Ordinal))
            return false;
        foreach (var c in value.AsSpan(2))
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }

    /// <summary>The body's merchant number must be the merchant that signed the request.</summary>
    public static string SignerMerchant(JsonElement parent, string name, SandboxMerchant signer, string pointer = "")
    {
        var value = Text(parent, name, 32, pointer);
        if (value != signer.MerchantId)
            throw SandboxError.ParamError($"{name}与请求签名的商户号不一致 ({name} must be the merchant that signs the request)",
                JsonBody.Pointer(pointer, name), "must be the merchant that signs the request", value: value);
        return value;
    }

    /// <summary>
    /// <c>notify_url</c>: an absolute https URL without a query, at most 255 characters; plain http is allowed for a
    /// loopback host (the sandbox's concession to tests; WeChat Pay requires https on the internet).
    /// </summary>
    public static Uri NotifyUrl(JsonElement parent, string name = "notify_url", string pointer = "")
    {
        var text = Text(parent, name, 255, pointer);
        if (ValidateNotifyUrl(text, out var url) is { } issue)
            throw SandboxError.ParamError($"通知地址{name}不合法 ({issue})", JsonBody.Pointer(pointer, name), issue, value: text);
        return url!;
    }

    public static string? ValidateNotifyUrl(string text, out Uri? url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || url.Host.Length == 0)
            return "must be an absolute URL";
        if (url.Query.Length > 0)
            return "must not carry query parameters";
        if (url.Scheme == Uri.UriSchemeHttps)
            return null;
        if (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
            return null;
        return url.Scheme == Uri.UriSchemeHttp ? "must be https (plain http only for a loopback host)" : "must be https";
    }

    /// <summary>A positive amount in fen.</summary>
    public static long Amount(JsonElement parent, string name, string pointer, long min = 1)
    {
        var value = JsonBody.RequiredInteger(parent, name, pointer);
        if (value < min || value > int.MaxValue)
            throw SandboxError.ParamError($"输入源“/body{JsonBody.Pointer(pointer, name)}”映射到值字段“{name}”数值规则校验失败，应为不小于{min}的整数（单位：分） ({name} must be an integer of at least {min} fen)",
                JsonBody.Pointer(pointer, name), $"must be an integer from {min} to {int.MaxValue} (fen)", value: value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    /// <summary><c>currency</c>, optional, <c>CNY</c> (the only currency of domestic payments).</summary>
    public static string CurrencyOf(JsonElement amount, string pointer)
    {
        var currency = JsonBody.OptionalString(amount, "currency", pointer) ?? Currency;
        if (currency != Currency)
            throw SandboxError.ParamError($"currency取值无效，境内支付仅支持CNY (currency must be CNY)", JsonBody.Pointer(pointer, "currency"), "must be CNY", value: currency);
        return currency;
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name, string pointer = "")
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return JsonBody.RequiredObject(parent, name, pointer);
    }

    public static DateTimeOffset? OptionalTime(JsonElement parent, string name, string pointer = "") => JsonBody.OptionalTime(parent, name, pointer);

    /// <summary>
    /// The request's business content in a canonical form (object properties sorted, whitespace dropped), so that
    /// a resend with the same parameters in another order or layout counts as the same request.
    /// </summary>
    public static string Fingerprint(JsonElement body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteCanonical(writer, body);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
