using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments;
using Payments.Merchant;
using WeChatPay.Apis.Payments;
using WeChatPay.Testing;

namespace WeChatPay.Samples.Tests;

/// <summary>
/// The payments sample end to end over real sockets: its client calls the sandbox on Kestrel, the sandbox delivers
/// each notification to the sample's own Kestrel endpoint, which verifies, decrypts and books it once.
/// </summary>
public class PaymentsSampleTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PaymentsSample.RunAsync(args, static _ => null, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Runs_the_whole_payment_against_the_loopback_sandbox_and_exits_0()
    {
        var (exitCode, output, error) = await RunAsync();

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Equal("", error);
        foreach (var step in new[] { "1. JSAPI order", "2. The payer pays", "3. TRANSACTION.SUCCESS notification", "4. Query the order", "5. Refund part of it", "6. The day's trade bill" })
            Assert.Contains(step, output);
        Assert.Contains("package prepay_id=wx", output);
        Assert.Contains("signType RSA", output);
        Assert.Contains("✔ verified and decrypted: transaction_id ", output);
        Assert.Contains("trade_state SUCCESS", output);
        Assert.Contains("¥0.30 of ¥1.00: PROCESSING", output);
        Assert.Contains("✔ REFUND notification verified and decrypted: SUCCESS, ¥0.30", output);
        Assert.Matches(@"✔ \d+ lines, SHA-1 [0-9a-f]{40} checked while reading", output);
        Assert.Contains("this order: `", output);
        Assert.Contains("Done: every response and notification above was verified", output);
    }

    [Fact]
    public async Task Runs_against_a_standalone_gateway_named_by_a_credentials_directory()
    {
        await using var gateway = await LocalSandbox.StartAsync();

        var (exitCode, output, error) = await RunAsync("--credentials", gateway.CredentialsDirectory);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"gateway    {gateway.Server.BaseAddress}", output);
        Assert.DoesNotContain("in this process", output);
    }

    [Fact]
    public async Task Redelivered_notification_is_acknowledged_but_processed_once()
    {
        await using var gateway = await LocalSandbox.StartAsync();
        var identity = SandboxCredentials.Load(gateway.CredentialsDirectory);
        await using var app = PaymentsSample.BuildApp(identity, "http://127.0.0.1:0");
        await app.StartAsync();
        var book = app.Services.GetRequiredService<OrderBook>();
        var merchant = gateway.Sandbox.Merchants.Single();
        var notifyUrl = new Uri(app.Urls.First() + NotificationEndpoints.TransactionPath);
        var resource = Encoding.UTF8.GetBytes("{\"mchid\":\"" + identity.MerchantId + "\",\"out_trade_no\":\"ORDER-REDELIVERED\",\"transaction_id\":\"4200000001\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100,\"payer_total\":100}}");
        var notification = gateway.Sandbox.CreateNotification(merchant, "TRANSACTION.SUCCESS", "支付成功", resource, "transaction");

        var first = await WeChatPaySandbox.SendNotificationAsync(notifyUrl, notification);
        var second = await WeChatPaySandbox.SendNotificationAsync(notifyUrl, notification);

        Assert.True(first.Acknowledged);
        Assert.True(second.Acknowledged);
        Assert.Equal(TradeState.Success, (await book.PaymentAsync("ORDER-REDELIVERED")).TradeState);
        Assert.Equal(1, book.Duplicates);
    }

    [Fact]
    public async Task Notification_that_fails_verification_is_refused_and_not_booked()
    {
        await using var gateway = await LocalSandbox.StartAsync();
        var identity = SandboxCredentials.Load(gateway.CredentialsDirectory);
        await using var app = PaymentsSample.BuildApp(identity, "http://127.0.0.1:0");
        await app.StartAsync();
        var resource = Encoding.UTF8.GetBytes("{\"out_trade_no\":\"ORDER-FORGED\",\"trade_state\":\"SUCCESS\"}");
        // Another sandbox's platform key signs it: the sample trusts only its own gateway's.
        await using var impostor = await LocalSandbox.StartAsync();
        var forged = impostor.Sandbox.CreateNotification(impostor.Sandbox.Merchants.Single(), "TRANSACTION.SUCCESS", "支付成功", resource, "transaction");

        var answer = await WeChatPaySandbox.SendNotificationAsync(new Uri(app.Urls.First() + NotificationEndpoints.TransactionPath), forged);

        Assert.False(answer.Acknowledged);
        Assert.Contains("FAIL", answer.Body);
        Assert.False(app.Services.GetRequiredService<OrderBook>().PaymentAsync("ORDER-FORGED").IsCompleted);
    }

    [Fact]
    public async Task Unusable_credentials_directory_exits_1_naming_the_problem()
    {
        var directory = Directory.CreateTempSubdirectory("wcp-payments-");
        try
        {
            var (exitCode, _, error) = await RunAsync("--credentials", directory.FullName);

            Assert.Equal(1, exitCode);
            Assert.Contains("the credentials are not usable", error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_argument_exits_1_with_the_usage()
    {
        var (exitCode, _, error) = await RunAsync("--bogus");

        Assert.Equal(1, exitCode);
        Assert.Contains("Usage: Payments", error);
    }
}
