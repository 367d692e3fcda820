using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace WeChatPay.Tool.Tests;

/// <summary>
/// <c>wechatpay call</c> against the sandbox served by <c>wechatpay sandbox</c> over loopback: the exit code says
/// how the call ended (0 2xx, 2 API error, 3 verification failure, 4 no connection).
/// </summary>
public sealed class CallCommandTests
{
    [Fact]
    public async Task A_2xx_answer_prints_its_JSON_and_exits_0()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);
        var merchantId = MerchantId(sandbox.Directory);

        var created = await ToolRun.RunAsync("call", "POST", "/v3/marketing/busifavor/stocks", "--json", Stocks.Definition(merchantId), "--credentials", sandbox.Directory);
        Assert.True(created.ExitCode == 0, created.ToString());
        var stockId = JsonDocument.Parse(created.Out).RootElement.GetProperty("stock_id").GetString();

        var queried = await ToolRun.RunAsync("call", "get", $"/v3/marketing/busifavor/stocks/{stockId}", "--credentials", sandbox.Directory);

        Assert.True(queried.ExitCode == 0, queried.ToString());
        var stock = JsonDocument.Parse(queried.Out).RootElement;
        Assert.Equal(stockId, stock.GetProperty("stock_id").GetString());
        Assert.Equal("MERCHANT_UPLOAD", stock.GetProperty("coupon_code_mode").GetString());
        Assert.Equal("", queried.Error);
    }

    [Fact]
    public async Task The_body_can_come_from_a_file_and_query_values_are_escaped()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);
        var body = temp.Path("stock.json");
        await File.WriteAllTextAsync(body, Stocks.Definition(MerchantId(sandbox.Directory)));
        var created = await ToolRun.RunAsync("call", "POST", "/v3/marketing/busifavor/stocks", "--json", "@" + body, "--credentials", sandbox.Directory);
        Assert.True(created.ExitCode == 0, created.ToString());
        var stockId = JsonDocument.Parse(created.Out).RootElement.GetProperty("stock_id").GetString();

        var listed = await ToolRun.RunAsync("call", "GET", $"/v3/marketing/busifavor/stocks/{stockId}/couponcodes",
            "--query", "limit=10", "--query", "offset=0", "--credentials", sandbox.Directory);

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("v3/x?a%20b=c%26d&e=%E5%88%B8", WeChatPay.Tool.Commands.CallCommand.Target("v3/x", ["a b=c&d", "e=券"]));
    }

    [Fact]
    public async Task An_API_error_exits_2_and_prints_the_code_the_message_and_the_Request_ID()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);

        var run = await ToolRun.RunAsync("call", "GET", "/v3/marketing/busifavor/stocks/1212000000000000000000001", "--credentials", sandbox.Directory);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("404 RESOURCE_NOT_EXISTS", run.Error);
        Assert.Matches("Request-ID: [0-9A-F]{32}", run.Error);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("tampered-body")]
    [InlineData("wrong-signature")]
    [InlineData("unsigned")]
    public async Task An_answer_that_fails_verification_exits_3_and_prints_nothing_of_it(string fault)
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp, "--fault", fault);
        var stockJson = Stocks.Definition(MerchantId(sandbox.Directory));

        var run = await ToolRun.RunAsync("call", "POST", "/v3/marketing/busifavor/stocks", "--json", stockJson, "--credentials", sandbox.Directory);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith("Verification failed:", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task No_connection_exits_4()
    {
        using var temp = new TempDirectory();
        var directory = temp.Path("credentials");
        Assert.Equal(0, (await ToolRun.RunAsync("keys", "new", "--credentials", directory)).ExitCode);
        Testing.SandboxCredentials.Load(directory).SetBaseUrl($"http://127.0.0.1:{ClosedPort()}/");

        var run = await ToolRun.RunAsync("call", "GET", "/v3/certificates", "--credentials", directory);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.StartsWith("No connection:", run.Error);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_exits_1_without_echoing_it()
    {
        using var temp = new TempDirectory();
        var directory = temp.Path("credentials");
        Assert.Equal(0, (await ToolRun.RunAsync("keys", "new", "--credentials", directory)).ExitCode);

        var run = await ToolRun.RunAsync("call", "POST", "/v3/x", "--json", "{\"card\": 6222", "--credentials", directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--json is not valid JSON", run.Error);
        Assert.DoesNotContain("6222", run.All);
    }

    internal static string MerchantId(string directory) => Testing.SandboxCredentials.Load(directory).MerchantId;

    /// <summary>A loopback port with nothing listening: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
