using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing.Gateway;

/// <summary>
/// What an endpoint answers: the status, the body, and, rarely, the key that must sign it, or that it goes unsigned
/// with its own content type (a bill download, as WeChat Pay's).
/// </summary>
internal sealed record ApiResult(int Status, byte[] Body, (string Id, SandboxKey Key)? SignWith = null, bool Unsigned = false, string? ContentType = null)
{
    public static ApiResult Ok(byte[] body) => new(200, body);
}

/// <summary>One matched request: the authenticated merchant, the decoded path values and query, and the request.</summary>
internal sealed class RouteContext(SandboxMerchant merchant, SandboxRequest request, Dictionary<string, string> pathValues, Dictionary<string, string> query)
{
    public SandboxMerchant Merchant { get; } = merchant;

    public SandboxRequest Request { get; } = request;

    public string Path(string name) => pathValues[name];

    public Dictionary<string, string> Query { get; } = query;
}

/// <summary>
/// Matches <c>METHOD /path</c> against the endpoint table. Path segments are split on the raw <c>/</c> and then
/// unescaped, so an escaped <c>%2F</c> stays inside its segment. A path that matches no template is 404; a path
/// that matches with another method is 405.
/// </summary>
internal sealed class Router
{
    private readonly List<(string Method, string[] Segments, Func<RouteContext, ApiResult> Handler)> _routes = [];

    public void Map(string method, string template, Func<RouteContext, ApiResult> handler) =>
        _routes.Add((method, template.Trim('/').Split('/'), handler));

    public ApiResult Dispatch(SandboxMerchant merchant, SandboxRequest request)
    {
        var target = request.Target;
        var queryStart = target.IndexOf('?');
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = ParseQuery(queryStart < 0 ? "" : target[(queryStart + 1)..]);
        if (!path.StartsWith('/'))
            throw new SandboxError(404, "NOT_FOUND", "请求的资源不存在 (the request target must be an absolute path)");
        var segments = path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
            segments[i] = Uri.UnescapeDataString(segments[i]);

        var allowed = new List<string>();
        foreach (var (method, template, handler) in _routes)
        {
            if (!TryMatch(template, segments, out var values))
                continue;
            if (method == request.Method)
                return handler(new RouteContext(merchant, request, values, query));
            allowed.Add(method);
        }
        if (allowed.Count > 0)
            throw new SandboxError(405, "METHOD_NOT_ALLOWED", $"请求方法{request.Method}不被允许，此接口支持{string.Join("、", allowed)} (method not allowed)");
        throw new SandboxError(404, "NOT_FOUND", $"请求的接口{path}不存在 (no such endpoint)");
    }

    private static bool TryMatch(string[] template, string[] segments, out Dictionary<string, string> values)
    {
        values = null!;
        if (template.Length != segments.Length)
            return false;
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{'))
            {
                if (segments[i].Length == 0)
                    return false;
                values[part[1..^1]] = segments[i];
            }
            else if (part != segments[i])
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            values[name] = value;
        }
        return values;
    }
}
