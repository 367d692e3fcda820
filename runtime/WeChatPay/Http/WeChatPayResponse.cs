using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WeChatPay;

/// <summary>
/// A response whose signature has been verified. <see cref="Body"/> holds exactly the bytes that were verified;
/// deserialization always starts from them.
/// </summary>
public class WeChatPayResponse
{
    /// <summary>Creates a response.</summary>
    public WeChatPayResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        RequestId = headers.TryGetValues("Request-ID", out var values) ? values.FirstOrDefault() : null;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary>WeChat Pay's <c>Request-ID</c> header, to quote when asking WeChat Pay support.</summary>
    public string? RequestId { get; }

    /// <summary>The verified body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// Whether the response's signature verified. Always true, except for a request sent with
    /// <see cref="WeChatPayRequest.ExpectUnsignedResponse"/> whose answer carried no signature (a bill file).
    /// </summary>
    public bool IsSignatureVerified { get; init; } = true;

    /// <summary>Deserializes the verified body.</summary>
    /// <exception cref="WeChatPayException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = JsonSerializer.Deserialize(Body.Span, typeInfo);
            return value ?? throw new JsonException("The response body is JSON null.");
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw new WeChatPayException(
                $"The verified response body could not be read as {typeof(T).Name}: {ex.Message}",
                StatusCode, RequestId, ex);
        }
    }

    /// <summary>
    /// What deserializing a verified body can throw besides <see cref="JsonException"/>: a converter's own format,
    /// overflow or invalid-operation error (a lone surrogate in a string, say), or an unsupported member type.
    /// </summary>
    internal static bool IsReadFailure(Exception ex)
        => ex is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException or ArgumentException;

    /// <inheritdoc/>
    public override string ToString() => $"WeChatPayResponse {{ StatusCode = {(int)StatusCode}, RequestId = {RequestId}, Length = {Body.Length} }}";
}

/// <summary>A verified response together with its deserialized body.</summary>
public sealed class WeChatPayResponse<T> : WeChatPayResponse
{
    /// <summary>Wraps a verified response and its deserialized value.</summary>
    public WeChatPayResponse(WeChatPayResponse response, T value)
        : base(response.StatusCode, response.Headers, response.Body)
    {
        IsSignatureVerified = response.IsSignatureVerified;
        Value = value;
    }

    /// <summary>The deserialized body.</summary>
    public T Value { get; }
}
