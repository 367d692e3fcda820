using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeChatPay;

/// <summary>
/// An endpoint nobody has declared yet, called untyped: the C# form of the official SDKs' <c>chain('…')</c> and
/// <c>['…']</c> styles. Created by <see cref="WeChatPayClient.Chain(string)"/> or the client's indexer.
/// Every call is signed and verified like a generated one; JSON goes through <see cref="JsonNode"/> without reflection.
/// </summary>
/// <example>
/// <code>
/// var codes = await client["v3/marketing/busifavor/stocks/{stock_id}/couponcodes"].GetAsync(new()
/// {
///     PathValues = { ["stock_id"] = "1212" },
///     Query = [new("limit", "10")],
/// });
/// </code>
/// </example>
public sealed class WeChatPayChain
{
    private readonly WeChatPayClient _client;
    private readonly ChainPathTemplate _template;

    internal WeChatPayChain(WeChatPayClient client, string pathTemplate)
    {
        _client = client;
        _template = ChainPathTemplate.Parse(pathTemplate);
    }

    /// <summary>The path template, as given.</summary>
    public string PathTemplate => _template.Text;

    /// <summary>Sends a <c>GET</c>.</summary>
    public ChainResponse Get(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => Send(HttpMethod.Get, options, cancellationToken);

    /// <summary>Sends a <c>POST</c>.</summary>
    public ChainResponse Post(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => Send(HttpMethod.Post, options, cancellationToken);

    /// <summary>Sends a <c>PUT</c>.</summary>
    public ChainResponse Put(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => Send(HttpMethod.Put, options, cancellationToken);

    /// <summary>Sends a <c>PATCH</c>.</summary>
    public ChainResponse Patch(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => Send(HttpMethod.Patch, options, cancellationToken);

    /// <summary>Sends a <c>DELETE</c>.</summary>
    public ChainResponse Delete(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => Send(HttpMethod.Delete, options, cancellationToken);

    /// <summary>Sends a <c>GET</c>.</summary>
    public Task<ChainResponse> GetAsync(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Get, options, cancellationToken);

    /// <summary>Sends a <c>POST</c>.</summary>
    public Task<ChainResponse> PostAsync(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Post, options, cancellationToken);

    /// <summary>Sends a <c>PUT</c>.</summary>
    public Task<ChainResponse> PutAsync(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Put, options, cancellationToken);

    /// <summary>Sends a <c>PATCH</c>.</summary>
    public Task<ChainResponse> PatchAsync(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Patch, options, cancellationToken);

    /// <summary>Sends a <c>DELETE</c>.</summary>
    public Task<ChainResponse> DeleteAsync(ChainRequestOptions? options = null, CancellationToken cancellationToken = default) => SendAsync(HttpMethod.Delete, options, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"WeChatPayChain {{ {_template.Text} }}";

    private ChainResponse Send(HttpMethod method, ChainRequestOptions? options, CancellationToken cancellationToken)
        => ChainResponse.From(_client.Send(BuildRequest(method, options), cancellationToken));

    private async Task<ChainResponse> SendAsync(HttpMethod method, ChainRequestOptions? options, CancellationToken cancellationToken)
        => ChainResponse.From(await _client.SendAsync(BuildRequest(method, options), cancellationToken).ConfigureAwait(false));

    internal WeChatPayRequest BuildRequest(HttpMethod method, ChainRequestOptions? options)
    {
        var target = new StringBuilder(_template.Render(options?.PathValues));
        var query = new QueryStringBuilder();
        if (options?.Query is { } pairs)
        {
            foreach (var (name, value) in pairs)
                query.Add(name, value);
        }

        target.Append(query.ToString());

        ReadOnlyMemory<byte> body = default;
        if (options?.Json is { } json)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
                json.WriteTo(writer);
            body = buffer.WrittenMemory;
        }

        return new WeChatPayRequest(method, target.ToString())
        {
            UrlTemplate = _template.Text,
            Body = body,
            ContentType = body.IsEmpty ? null : "application/json",
            Headers = options?.Headers?.ToList(),
            WechatpaySerial = options?.WechatpaySerial,
        };
    }
}

/// <summary>What to send through a <see cref="WeChatPayChain"/>: path values, query, JSON body and headers.</summary>
public sealed class ChainRequestOptions
{
    /// <summary>Values for the template's placeholders (<c>{stock_id}</c> or <c>&lt;stock_id&gt;</c>), unescaped; the chain escapes them.</summary>
    public IDictionary<string, string> PathValues { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Query parameters, in order, unescaped; pairs with a <see langword="null"/> value are left out.</summary>
    public IEnumerable<KeyValuePair<string, string?>>? Query { get; init; }

    /// <summary>The JSON body, serialized once without reflection; <see langword="null"/> for no body.</summary>
    public JsonNode? Json { get; init; }

    /// <summary>Extra request headers.</summary>
    public IEnumerable<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>The platform key ID to send as <c>Wechatpay-Serial</c>, when the body holds fields encrypted with it.</summary>
    public string? WechatpaySerial { get; init; }
}

/// <summary>The verified answer to a <see cref="WeChatPayChain"/> call.</summary>
public sealed class ChainResponse
{
    private ChainResponse(WeChatPayResponse response, JsonNode? json)
    {
        Response = response;
        Json = json;
    }

    /// <summary>The verified body as JSON; <see langword="null"/> when the body is empty (a 204, say).</summary>
    public JsonNode? Json { get; }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>WeChat Pay's <c>Request-ID</c> header.</summary>
    public string? RequestId => Response.RequestId;

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers => Response.Headers;

    /// <summary>The verified response, with the exact body bytes.</summary>
    public WeChatPayResponse Response { get; }

    /// <inheritdoc/>
    public override string ToString() => $"ChainResponse {{ StatusCode = {(int)StatusCode}, RequestId = {RequestId} }}";

    internal static ChainResponse From(WeChatPayResponse response)
    {
        if (response.Body.IsEmpty)
            return new ChainResponse(response, null);
        try
        {
            return new ChainResponse(response, JsonNode.Parse(response.Body.Span));
        }
        catch (Exception ex) when (WeChatPayResponse.IsReadFailure(ex))
        {
            throw new WeChatPayException($"The verified response body is not JSON: {ex.Message}", response.StatusCode, response.RequestId, ex);
        }
    }
}

/// <summary>A path template such as <c>v3/…/stocks/{stock_id}/couponcodes</c> (or <c>&lt;stock_id&gt;</c>), split once.</summary>
internal sealed class ChainPathTemplate
{
    private readonly string[] _literals;
    private readonly string[] _names;

    private ChainPathTemplate(string text, string[] literals, string[] names)
    {
        Text = text;
        _literals = literals;
        _names = names;
    }

    public string Text { get; }

    public static ChainPathTemplate Parse(string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        var literals = new List<string>();
        var names = new List<string>();
        var text = template.AsSpan().TrimStart('/');
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var close = c switch { '{' => '}', '<' => '>', _ => '\0' };
            if (close == '\0')
            {
                if (c is '}' or '>' or '?' or '#' || char.IsWhiteSpace(c))
                    throw new ArgumentException($"The path template '{template}' has an unexpected '{c}' at {i}; placeholders are written {{name}} or <name>, and the query goes in ChainRequestOptions.Query.", nameof(template));
                literal.Append(c);
                continue;
            }

            var end = text[(i + 1)..].IndexOf(close);
            if (end <= 0)
                throw new ArgumentException($"The path template '{template}' has an unclosed or empty placeholder at {i}.", nameof(template));
            literals.Add(literal.ToString());
            literal.Clear();
            names.Add(text.Slice(i + 1, end).ToString());
            i += end + 1;
        }

        literals.Add(literal.ToString());
        return new ChainPathTemplate(template, [.. literals], [.. names]);
    }

    /// <summary>Fills in the placeholders, escaping each value as one path segment.</summary>
    /// <exception cref="ArgumentException">A placeholder has no value, or a value names no placeholder.</exception>
    public string Render(IDictionary<string, string>? values)
    {
        if (_names.Length == 0 && (values is null || values.Count == 0))
            return _literals[0];

        var builder = new StringBuilder(_literals[0]);
        for (var i = 0; i < _names.Length; i++)
        {
            var name = _names[i];
            if (values is null || !values.TryGetValue(name, out var value) || value is null)
                throw new ArgumentException($"The path placeholder '{name}' of '{Text}' has no value; add it to ChainRequestOptions.PathValues.", "options");
            builder.Append(UrlEncoding.EscapePathSegment(value)).Append(_literals[i + 1]);
        }

        if (values is not null)
        {
            foreach (var key in values.Keys)
            {
                if (Array.IndexOf(_names, key) < 0)
                    throw new ArgumentException($"ChainRequestOptions.PathValues has '{key}', which is not a placeholder of '{Text}'.", "options");
            }
        }

        return builder.ToString();
    }
}

/// <summary>The untyped chain's entry points.</summary>
public sealed partial class WeChatPayClient
{
    /// <summary>
    /// An untyped call to <paramref name="pathTemplate"/>, relative to the base address, with placeholders written
    /// <c>{name}</c> or <c>&lt;name&gt;</c>: for endpoints no interface declares yet.
    /// </summary>
    /// <exception cref="ArgumentException">The template is empty or malformed.</exception>
    public WeChatPayChain Chain(string pathTemplate) => new(this, pathTemplate);

    /// <summary>The same as <see cref="Chain(string)"/>: <c>client["v3/…/{stock_id}/couponcodes"].GetAsync(…)</c>.</summary>
    public WeChatPayChain this[string pathTemplate] => Chain(pathTemplate);
}
