namespace WeChatPay.Testing;

/// <summary>One request as the sandbox sees it, whichever way it arrived (in process or over HTTP).</summary>
public sealed class SandboxRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="target">The exact request target sent on the wire: the escaped path and query, without the host.</param>
    /// <param name="headers">The request headers (names compared case-insensitively).</param>
    /// <param name="body">The exact body bytes.</param>
    public SandboxRequest(string method, string target, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        Method = method;
        Target = target;
        Body = body;
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
            Headers[name] = Headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
    }

    /// <summary>Adopts <paramref name="headers"/>, already one value per name and compared case-insensitively (Kestrel's own).</summary>
    internal SandboxRequest(string method, string target, Dictionary<string, string> headers, ReadOnlyMemory<byte> body)
    {
        Method = method;
        Target = target;
        Body = body;
        Headers = headers;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The request target, exactly as sent.</summary>
    public string Target { get; }

    /// <summary>The request headers.</summary>
    public Dictionary<string, string> Headers { get; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>A header's value, or null.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The sandbox's signed answer.</summary>
public sealed class SandboxResponse
{
    internal SandboxResponse(int statusCode, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The response headers: <c>Request-ID</c>, <c>Wechatpay-Timestamp</c>, <c>Wechatpay-Nonce</c>,
    /// <c>Wechatpay-Signature</c>, <c>Wechatpay-Serial</c>, and <c>Content-Type</c> when there is a body.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body bytes, exactly as signed.</summary>
    public byte[] Body { get; }

    /// <summary>A header's value, or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"SandboxResponse {{ StatusCode = {StatusCode}, Length = {Body.Length} }}";
}
