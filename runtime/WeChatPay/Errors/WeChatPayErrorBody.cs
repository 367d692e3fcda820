using System.Net;
using System.Text.Json;

namespace WeChatPay;

/// <summary>
/// Reads WeChat Pay's error body, <c>{"code":"…","message":"…","detail":{"field":…,"value":…,"issue":…,"location":…}}</c>,
/// into a <see cref="WeChatPayApiException"/>. Tolerates any body: a missing or non-JSON body just leaves the fields empty.
/// </summary>
internal static class WeChatPayErrorBody
{
    public static WeChatPayApiException ToException(HttpStatusCode status, string? requestId, ReadOnlySpan<byte> body, bool isVerified)
    {
        string? code = null, message = null;
        WeChatPayErrorDetail? detail = null;
        if (!body.IsEmpty)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    code = ReadText(root, "code");
                    message = ReadText(root, "message");
                    if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object)
                        detail = new WeChatPayErrorDetail(ReadText(d, "field"), ReadText(d, "value"), ReadText(d, "issue"), ReadText(d, "location"));
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): the status and Request-ID still describe the failure.
            }
        }

        return new WeChatPayApiException(status, requestId, code, message, detail, isVerified);
    }

    /// <summary>The string, or its raw JSON text when it does not unescape to valid UTF-16 (a lone surrogate such as <c>\ud800</c>).</summary>
    private static string? TextOrRaw(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText();
        }
    }

    /// <summary>A string property as is (its raw JSON text when it is not valid UTF-16); any other JSON value (WeChat Pay echoes numbers and objects in <c>value</c>) as raw JSON.</summary>
    private static string? ReadText(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => TextOrRaw(value),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}
