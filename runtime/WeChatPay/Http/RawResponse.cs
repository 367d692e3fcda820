using System.Net;
using System.Net.Http.Headers;

namespace WeChatPay;

/// <summary>A response as it arrived, before verification: its status, headers and the body read once.</summary>
internal sealed record RawResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, byte[] Body, string Method, Uri Uri)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The method and path for messages; never the query, which may carry personal data, nor any header.</summary>
    public string Target => Describe(Method, Uri);

    public string? RequestId => Headers.TryGetValues("Request-ID", out var values) ? values.FirstOrDefault() : null;

    public static string Describe(string method, Uri target) => $"{method} {target.AbsolutePath}";
}
