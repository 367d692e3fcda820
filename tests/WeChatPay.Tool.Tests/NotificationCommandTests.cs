using System.Text;
using WeChatPay.Testing;

namespace WeChatPay.Tool.Tests;

/// <summary>
/// <c>wechatpay notification verify|decrypt</c> on notifications the sandbox signs and encrypts for a credentials
/// directory, saved as a header file and a body file.
/// </summary>
public sealed class NotificationCommandTests
{
    private const string Resource = "{\"out_trade_no\":\"T20261207001\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100}}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Decrypt_prints_the_resource_of_a_verified_notification(bool sm2)
    {
        using var temp = new TempDirectory();
        var (directory, headers, body) = await CaptureAsync(temp, sm2);

        var run = await ToolRun.RunAsync("notification", "decrypt", "--credentials", directory, "--headers", headers, "--body", body);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Resource, run.Out.Trim());
    }

    [Fact]
    public async Task Verify_prints_the_envelope_and_not_the_resource()
    {
        using var temp = new TempDirectory();
        var (directory, headers, body) = await CaptureAsync(temp);

        var run = await ToolRun.RunAsync("notification", "verify", "--credentials", directory, "--headers", headers, "--body", body);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("event_type     TRANSACTION.SUCCESS", run.Out);
        Assert.Matches(@"id +EV-\d+", run.Out);
        Assert.DoesNotContain("T20261207001", run.Out);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("decrypt")]
    public async Task A_changed_body_fails_verification_with_exit_3_and_prints_no_resource(string command)
    {
        using var temp = new TempDirectory();
        var (directory, headers, body) = await CaptureAsync(temp);
        var bytes = await File.ReadAllBytesAsync(body);
        await File.WriteAllBytesAsync(body, [.. bytes, (byte)' ']);

        var run = await ToolRun.RunAsync("notification", command, "--credentials", directory, "--headers", headers, "--body", body);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Out);
        Assert.StartsWith("Verification failed:", run.Error);
    }

    [Fact]
    public async Task An_old_notification_is_refused_unless_checked_at_its_capture_time()
    {
        using var temp = new TempDirectory();
        var (directory, headers, body) = await CaptureAsync(temp, age: TimeSpan.FromHours(3));

        var now = await ToolRun.RunAsync("notification", "decrypt", "--credentials", directory, "--headers", headers, "--body", body);
        var captured = await ToolRun.RunAsync("notification", "decrypt", "--credentials", directory, "--headers", headers, "--body", body, "--captured");

        Assert.True(now.ExitCode == 3, now.ToString());
        Assert.True(captured.ExitCode == 0, captured.ToString());
        Assert.Equal(Resource, captured.Out.Trim());
    }

    [Fact]
    public void Header_files_may_hold_a_request_line_and_any_case()
    {
        var headers = Commands.NotificationCommand.ReadHeaders(["POST /notify HTTP/1.1", "wechatpay-serial: PUB_KEY_ID_1", "", "Wechatpay-Nonce:  abc  "]);

        Assert.Equal("PUB_KEY_ID_1", headers["Wechatpay-Serial"]);
        Assert.Equal("abc", headers["wechatpay-nonce"]);
        Assert.Equal(2, headers.Count);
    }

    /// <summary>A sandbox identity made by the tool, and a notification for it saved as the two files the command reads.</summary>
    private static async Task<(string Directory, string Headers, string Body)> CaptureAsync(TempDirectory temp, bool sm2 = false, TimeSpan age = default)
    {
        var directory = temp.Path("credentials");
        var created = await ToolRun.RunAsync(sm2 ? ["keys", "new", "--credentials", directory, "--sm2"] : ["keys", "new", "--credentials", directory]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var sandbox = WeChatPaySandbox.FromCredentials(SandboxCredentials.Load(directory), new SandboxOptions { TimeProvider = new EarlierClock(age) });
        var notification = sandbox.CreateNotification(sandbox.Merchants.Single(), "TRANSACTION.SUCCESS", "支付成功", Encoding.UTF8.GetBytes(Resource), "transaction");
        var headers = temp.Path("headers.txt");
        await File.WriteAllLinesAsync(headers, ["POST /wechatpay/notify HTTP/1.1", "Content-Type: application/json", .. notification.Headers.Select(h => $"{h.Key}: {h.Value}")]);
        var body = temp.Path("body.json");
        await File.WriteAllBytesAsync(body, notification.Body);
        return (directory, headers, body);
    }

    private sealed class EarlierClock(TimeSpan age) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - age;
    }
}
