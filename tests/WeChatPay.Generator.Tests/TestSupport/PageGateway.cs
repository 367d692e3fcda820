using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace WeChatPay.Generator.Tests.TestSupport;

/// <summary>
/// A WeChat Pay gateway of its own, independent of the sandbox: Kestrel on a free loopback port that serves the same
/// codes as pages (<c>data</c>, <c>total_count</c>, <c>offset</c>, <c>limit</c>), by item offset on
/// <c>…/stocks/{stock_id}/couponcodes</c> and by page index (分页页码) on <c>…/users/{openid}/coupons</c>; it checks
/// each request's signature with the merchant's public key, signs each answer with the platform key, and counts requests.
/// </summary>
public sealed class PageGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _requests = new();

    private PageGateway(WebApplication app) => _app = app;

    /// <summary>A request as it arrived: its exact target and whether its signature verified.</summary>
    public sealed record Received(string Target, bool SignatureValid);

    /// <summary>How many codes the stock holds.</summary>
    public int Count { get; init; }

    /// <summary>The page size when the request sends no limit (the endpoint's default).</summary>
    public int DefaultLimit { get; init; } = 10;

    /// <summary>Whether pages carry <c>total_count</c>; without it, a walk ends on a short or empty page.</summary>
    public bool ReportsTotal { get; init; } = true;

    /// <summary>Awaited before a page is answered, given the request's offset (to hold a page in flight).</summary>
    public Func<long, CancellationToken, Task>? BeforeAnswer { get; init; }

    /// <summary>The offset whose answer carries a broken signature, or null.</summary>
    public long? TamperedOffset { get; init; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_requests)
                return _requests.ToArray();
        }
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a gateway over a stock of <paramref name="count"/> codes.</summary>
    public static async Task<PageGateway> StartAsync(int count, int defaultLimit = 10, bool reportsTotal = true,
        Func<long, CancellationToken, Task>? beforeAnswer = null, long? tamperedOffset = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var gateway = new PageGateway(app)
        {
            Count = count,
            DefaultLimit = defaultLimit,
            ReportsTotal = reportsTotal,
            BeforeAnswer = beforeAnswer,
            TamperedOffset = tamperedOffset,
        };
        app.MapGet("/v3/marketing/busifavor/stocks/{stockId}/couponcodes", (HttpContext context) => gateway.AnswerAsync(context, pageNumbers: false));
        app.MapGet("/v3/marketing/busifavor/users/{openid}/coupons", (HttpContext context) => gateway.AnswerAsync(context, pageNumbers: true));
        await app.StartAsync();
        gateway.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return gateway;
    }

    /// <summary>A client over this gateway, with the test merchant and platform keys.</summary>
    public WeChatPayClient CreateClient()
    {
        var options = FakeWeChatPay.Options();
        options.BaseAddress = BaseAddress;
        return new WeChatPayClient(options);
    }

    /// <summary>The code at a position: C000, C001, …</summary>
    public static string CodeAt(int index) => "C" + index.ToString("000", CultureInfo.InvariantCulture);

    private async Task AnswerAsync(HttpContext context, bool pageNumbers)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var valid = FakeWeChatPay.VerifyAuthorization("GET", target, request.Headers.Authorization.ToString(), Array.Empty<byte>());
        lock (_requests)
            _requests.Add(new Received(target, valid));

        var offset = long.Parse(request.Query["offset"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var limit = request.Query["limit"].FirstOrDefault() is { } sent ? long.Parse(sent, CultureInfo.InvariantCulture) : DefaultLimit;
        if (BeforeAnswer is not null)
            await BeforeAnswer(offset, context.RequestAborted);

        var status = request.Query["status"].FirstOrDefault() ?? "AVAILABLE";
        var first = pageNumbers ? offset * limit : offset;
        var data = Enumerable.Range(0, Count).Skip((int)first).Take((int)limit)
            .Select(i => new Dictionary<string, string> { ["code"] = CodeAt(i), ["code_status"] = status })
            .ToList();
        var page = new Dictionary<string, object> { ["stock_id"] = "S1", ["data"] = data, ["offset"] = offset, ["limit"] = limit };
        if (ReportsTotal)
            page["total_count"] = Count;
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(page));

        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-ID"] = "PAGE-" + offset.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in FakeWeChatPay.SignatureHeaders(body))
            context.Response.Headers[name] = name == "Wechatpay-Signature" && offset == TamperedOffset ? Convert.ToBase64String(new byte[256]) : value;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
