using System.Text.Json;

namespace WeChatPay;

/// <summary>
/// Which WeChat Pay requests a retry or hedging handler may send again: those WeChat Pay treats as idempotent.
/// GET, HEAD, PUT and DELETE always; a POST only when its JSON body carries a merchant-side key, a top-level
/// <c>out_*_no</c> field (<c>out_trade_no</c>, <c>out_refund_no</c>, <c>out_batch_no</c>, <c>out_request_no</c>…),
/// under which WeChat Pay answers a repeat with the first outcome instead of acting twice.
/// </summary>
public static class WeChatPayRetry
{
    /// <summary>Whether <paramref name="request"/>, sent by a <see cref="WeChatPayClient"/>, is safe to send again.</summary>
    public static bool IsSafeToRetry(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete)
            return true;
        return method == HttpMethod.Post
            && request.Options.TryGetValue(RequestSigning.OptionsKey, out var signing)
            && HasMerchantKey(signing.Body.Span);
    }

    /// <summary>Whether <paramref name="json"/> is an object with a top-level string <c>out_*_no</c> field.</summary>
    internal static bool HasMerchantKey(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
            return false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name.StartsWith("out_", StringComparison.Ordinal) && name.EndsWith("_no", StringComparison.Ordinal)
                    && reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0)
                    return true;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
