using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Busifavor;
using WeChatPay.Apis.Busifavor;
using Busifavor.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace WeChatPay.Samples.Tests;

/// <summary>
/// Runs the sample's own entry point in process (not as a child process), against the sandbox served by Kestrel on
/// a loopback port, so that <c>dotnet test</c> covers what <c>dotnet run --project samples/Busifavor</c> does.
/// </summary>
public class BusifavorSampleTests(FullRun fullRun) : IClassFixture<FullRun>
{
    internal static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
        => RunWithEnvironmentAsync(static _ => null, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BusifavorSample.RunAsync(args, environment, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Runs_the_whole_flow_against_the_loopback_sandbox_and_marks_every_result_verified()
    {
        var (exitCode, output, error) = await fullRun.Result;

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Equal("", error);
        Assert.Contains("local sandbox, Kestrel on loopback", output);
        foreach (var step in new[] { "1. Create a stock", "2. Upload pre-stored codes", "3. List the stock's codes", "4. Send a coupon" })
            Assert.Contains(step, output);
        // Every call printed its verification line with WeChat Pay's Request-ID: 2 (stock) + 3 (uploads)
        // + 4 (send, use, user coupon, dispatched list); the paged list's pages are verified inside the walk.
        var verified = output.Split('\n').Count(line => line.Contains("✔ verified response") && line.Contains("Request-ID ") && !line.Contains("(none)"));
        Assert.Equal(9, verified);
        Assert.Contains("✔ verified error response, HTTP 404 RESOURCE_NOT_EXISTS", output);
        Assert.Contains("Done: every response above was verified", output);
    }

    [Fact]
    public async Task Upload_table_shows_stored_failed_existing_and_repeated_codes()
    {
        var (exitCode, output, _) = await fullRun.Result;

        Assert.Equal(0, exitCode);
        Assert.Contains("13 codes sent → total 11, success 8, failed 3, already uploaded 0, duplicated 2", output);
        Assert.Contains("4 codes sent → total 4, success 2, failed 0, already uploaded 2, duplicated 0", output);
        Assert.Contains("THIS-CODE-IS-LONGER-THAN-32-CHARACTERS │ ✘ failed", output);
        Assert.Contains("│ bad*code ", output);
        Assert.Contains("↺ repeated", output);
        Assert.Contains("= exists", output);
        Assert.Contains("upload_request_no is idempotent", output);
        Assert.Contains("✔ 10 codes, 4 a page, each page verified", output);
        Assert.Contains(" 10 │ ", output);
        Assert.Contains(": USED, received", output);
        Assert.Contains("1 code(s) DISPATCHED", output);
    }

    [Fact]
    public async Task Stock_id_mode_runs_only_the_pre_stored_code_flow_on_that_stock()
    {
        await using var sandbox = await SampleHost.StartSandboxAsync();
        string stockId;
        using (var services = SampleHost.BuildServices(CredentialsDirectory.Read(sandbox.CredentialsDirectory)))
        {
            var created = await services.GetRequiredService<IBusifavorApi>().CreateStockAsync(new CreateStockRequest
            {
                StockName = "console stock",
                BelongMerchant = CredentialsDirectory.Read(sandbox.CredentialsDirectory)["WeChatPay:MerchantId"]!,
                GoodsName = "all goods",
                StockType = StockType.Normal,
                CouponUseRule = new CouponUseRule
                {
                    CouponAvailableTime = new CouponAvailableTime { AvailableBeginTime = DateTimeOffset.UtcNow, AvailableEndTime = DateTimeOffset.UtcNow.AddDays(30) },
                    FixedNormalCoupon = new FixedNormalCoupon { DiscountAmount = 100, TransactionMinimum = 1000 },
                    UseMethod = CouponUseMethod.OffLine,
                },
                StockSendRule = new StockSendRule { MaxCoupons = 10, MaxCouponsPerUser = 1 },
                OutRequestNo = "CONSOLE-" + RandomNumberGenerator.GetHexString(8),
                CouponCodeMode = CouponCodeMode.MerchantUpload,
            });
            stockId = created.Value.StockId;
        }

        var (exitCode, output, error) = await RunAsync("--credentials", sandbox.CredentialsDirectory, "--stock-id", stockId);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"2. Upload pre-stored codes to stock {stockId}", output);
        Assert.Contains("3. List the stock's codes", output);
        Assert.DoesNotContain("1. Create a stock", output);
        Assert.DoesNotContain("4. Send a coupon", output);
        Assert.DoesNotContain("5. Ask for a stock", output);
    }

    [Fact]
    public async Task WECHATPAY_CREDENTIALS_selects_the_credentials_directory_like_the_option()
    {
        await using var sandbox = await SampleHost.StartSandboxAsync();
        var mchid = CredentialsDirectory.Read(sandbox.CredentialsDirectory)["WeChatPay:MerchantId"];

        var (exitCode, output, error) = await RunWithEnvironmentAsync(
            name => name == "WECHATPAY_CREDENTIALS" ? sandbox.CredentialsDirectory : null);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"(from {sandbox.CredentialsDirectory})", output);
        Assert.Contains($"merchant   {mchid},", output);
        Assert.DoesNotContain("in this process", output);
    }

    [Fact]
    public async Task Verification_failure_exits_with_code_3_and_prints_no_response_data()
    {
        await using var sandbox = await SampleHost.StartSandboxAsync();
        // Trust a key that is not the sandbox's: every response now fails verification.
        using var stranger = RSA.Create(2048);
        await File.WriteAllTextAsync(Path.Combine(sandbox.CredentialsDirectory, CredentialsDirectory.PublicKeyFile), stranger.ExportSubjectPublicKeyInfoPem());

        var (exitCode, output, error) = await RunAsync("--credentials", sandbox.CredentialsDirectory);

        Assert.Equal(3, exitCode);
        Assert.Contains("✘ verification failed:", error);
        Assert.Contains("The response was discarded", error);
        Assert.DoesNotContain("✔ verified response", output);
        Assert.DoesNotContain("created at", output);
        Assert.DoesNotContain("Done:", output);
    }

    [Fact]
    public async Task Unusable_credentials_exit_with_code_1_naming_the_bad_field()
    {
        await using var sandbox = await SampleHost.StartSandboxAsync();
        var settingsPath = Path.Combine(sandbox.CredentialsDirectory, CredentialsDirectory.SettingsFile);
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!;
        var apiV3Key = (string)settings["apiv3_key"]!;
        settings["mchid"] = "merchant-one";
        await File.WriteAllTextAsync(settingsPath, settings.ToJsonString());

        var (exitCode, output, error) = await RunAsync("--credentials", sandbox.CredentialsDirectory);

        Assert.Equal(1, exitCode);
        Assert.Contains("WeChatPayOptions.MerchantId must contain only digits", error);
        Assert.DoesNotContain(apiV3Key, error + output);
        Assert.DoesNotContain("✔ verified response", output);
    }

    [Fact]
    public async Task Unknown_argument_prints_usage_and_exits_with_code_1()
    {
        var (exitCode, _, error) = await RunAsync("--stock");

        Assert.Equal(1, exitCode);
        Assert.Contains("Usage: Busifavor", error);
    }
}

/// <summary>One run of the whole flow with no arguments, shared by the tests that read its output.</summary>
public sealed class FullRun
{
    public Task<(int ExitCode, string Output, string Error)> Result { get; } = BusifavorSampleTests.RunAsync();
}
