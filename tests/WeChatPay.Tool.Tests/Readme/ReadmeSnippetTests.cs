using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Testing;

namespace WeChatPay.Tool.Tests.Readme;

/// <summary>
/// The README's sandbox quickstart and notification endpoint are the code in this folder, word for word, and that
/// code runs: the quickstart against <c>wechatpay sandbox</c>, the endpoint on Kestrel against notifications the
/// sandbox signs and sends.
/// </summary>
public sealed class ReadmeSnippetTests
{
    [Theory]
    [InlineData("QuickstartSnippet.cs", "README quickstart")]
    [InlineData("QuickstartSnippet.cs", "README quickstart types")]
    [InlineData("NotificationSnippet.cs", "README notifications")]
    [InlineData("NotificationSnippet.cs", "README notifications types")]
    [InlineData("PackageReadmeSnippet.cs", "README package", "package-README.md")]
    [InlineData("PackageReadmeSnippet.cs", "README package types", "package-README.md")]
    public void The_README_shows_the_code_compiled_here(string file, string region, string readmeFile = "README.md")
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", readmeFile));
        var code = Region(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Readme", file)), region);

        Assert.True(readme.Contains(code, StringComparison.Ordinal), $"README.md does not contain, word for word, the region '{region}' of {file}:\n{code}");
    }

    [Fact]
    public async Task The_sandbox_quickstart_runs_as_written()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);

        var (stockId, stored) = await QuickstartSnippet.RunAsync(sandbox.Directory);

        Assert.False(string.IsNullOrEmpty(stockId));
        Assert.Equal(2, stored);
    }

    [Fact]
    public async Task The_notification_endpoint_acknowledges_a_verified_notification_with_204()
    {
        await using var endpoint = await NotifyEndpoint.StartAsync(handled: true);
        var notification = endpoint.Notification();

        var delivery = await WeChatPaySandbox.SendNotificationAsync(endpoint.NotifyUrl, notification);

        Assert.Equal(204, delivery.StatusCode);
        var (id, coupon) = Assert.Single(endpoint.Handled);
        Assert.Equal(notification.Id, id);
        Assert.Equal(new CouponUseEvent("1212", "ABC-001", "USED"), coupon);
    }

    [Fact]
    public async Task The_notification_endpoint_answers_a_bad_signature_with_WeChat_Pays_failure_body_not_a_500()
    {
        await using var endpoint = await NotifyEndpoint.StartAsync(handled: true);
        var notification = endpoint.Notification();
        var other = endpoint.Notification();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.NotifyUrl) { Content = new ByteArrayContent(notification.Body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var (name, value) in notification.Headers)
            request.Headers.TryAddWithoutValidation(name, name == "Wechatpay-Signature" ? other.GetHeader(name) : value);

        using var response = await http.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FAIL", body.RootElement.GetProperty("code").GetString());
        Assert.Equal("验签失败", body.RootElement.GetProperty("message").GetString());
        Assert.Empty(endpoint.Handled);
    }

    [Fact]
    public async Task The_notification_endpoint_answers_Fail_when_the_application_cannot_handle_it_yet()
    {
        await using var endpoint = await NotifyEndpoint.StartAsync(handled: false);

        var delivery = await WeChatPaySandbox.SendNotificationAsync(endpoint.NotifyUrl, endpoint.Notification());

        Assert.Equal(500, delivery.StatusCode);
        Assert.Contains("\"code\":\"FAIL\"", delivery.Body);
        Assert.Single(endpoint.Handled);
    }

    /// <summary>The lines between <c>// REGION begin</c> and <c>// REGION end</c>, without their common indentation.</summary>
    private static string Region(string[] lines, string region)
    {
        var begin = Array.FindIndex(lines, l => l.Trim() == $"// {region} begin");
        var end = Array.FindIndex(lines, l => l.Trim() == $"// {region} end");
        Assert.True(begin >= 0 && end > begin, $"no region '{region}'");
        var body = lines[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>The README's endpoint on Kestrel (free loopback port), with a sandbox identity to sign notifications for.</summary>
    private sealed class NotifyEndpoint : IAsyncDisposable
    {
        private readonly TempDirectory _temp;
        private readonly WebApplication _app;
        private readonly WeChatPaySandbox _sandbox;

        private NotifyEndpoint(TempDirectory temp, WebApplication app, WeChatPaySandbox sandbox, Uri notifyUrl, ConcurrentQueue<(string Id, CouponUseEvent Coupon)> handled)
        {
            _temp = temp;
            _app = app;
            _sandbox = sandbox;
            NotifyUrl = notifyUrl;
            Handled = handled;
        }

        public Uri NotifyUrl { get; }

        public ConcurrentQueue<(string Id, CouponUseEvent Coupon)> Handled { get; }

        public static async Task<NotifyEndpoint> StartAsync(bool handled)
        {
            var temp = new TempDirectory();
            var directory = temp.Path("credentials");
            var credentials = SandboxCredentials.LoadOrCreate(directory);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(_ => new WeChatPayClient(credentials.ToOptions()));
            var app = builder.Build();
            var queue = new ConcurrentQueue<(string Id, CouponUseEvent Coupon)>();
            NotificationSnippet.Map(app, (id, coupon) =>
            {
                queue.Enqueue((id, coupon));
                return Task.FromResult(handled);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new NotifyEndpoint(temp, app, WeChatPaySandbox.FromCredentials(credentials), new Uri(new Uri(address), "/wechatpay/notify"), queue);
        }

        public SandboxNotification Notification() => _sandbox.CreateNotification(_sandbox.Merchants.Single(), "COUPON.USE", "商家券核销通知",
            Encoding.UTF8.GetBytes("{\"stock_id\":\"1212\",\"coupon_code\":\"ABC-001\",\"coupon_state\":\"USED\"}"), "busifavor");

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _temp.Dispose();
        }
    }
}
