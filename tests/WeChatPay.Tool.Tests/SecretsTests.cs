using System.Text;
using System.Text.RegularExpressions;
using WeChatPay.Testing;

namespace WeChatPay.Tool.Tests;

/// <summary>
/// Nothing secret is printed: every command is run against one sandbox identity and everything printed is searched
/// for the APIv3 key, any line of any private key, and an <c>Authorization</c> value.
/// </summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task No_command_prints_key_material_the_APIv3_key_or_an_Authorization_value()
    {
        using var temp = new TempDirectory();
        var printed = new StringBuilder();
        await using (var sandbox = await SandboxProcess.StartAsync(temp))
        {
            var directory = sandbox.Directory;
            var merchantId = CallCommandTests.MerchantId(directory);
            var runs = new List<ToolRun>
            {
                await ToolRun.RunAsync("call", "POST", "/v3/marketing/busifavor/stocks", "--json", Stocks.Definition(merchantId), "--credentials", directory),
                await ToolRun.RunAsync("call", "GET", "/v3/marketing/busifavor/stocks/1212000000000000000000001", "--credentials", directory),
                await ToolRun.RunAsync("call", "GET", "/v3/certificates", "--credentials", directory),
                await ToolRun.RunAsync("certificates", "download", "--credentials", directory, "--output", temp.Path("certificates")),
                await ToolRun.RunAsync("keys", "new", "--credentials", temp.Path("second")),
                await ToolRun.RunAsync("keys", "new", "--credentials", directory),
            };
            var platform = WeChatPaySandbox.FromCredentials(SandboxCredentials.Load(directory));
            var notification = platform.CreateNotification(platform.Merchants.Single(), "TRANSACTION.SUCCESS", "支付成功", "{\"a\":1}"u8, "transaction");
            await File.WriteAllLinesAsync(temp.Path("headers.txt"), notification.Headers.Select(h => $"{h.Key}: {h.Value}"));
            await File.WriteAllBytesAsync(temp.Path("body.json"), notification.Body);
            foreach (var command in new[] { "verify", "decrypt" })
                runs.Add(await ToolRun.RunAsync("notification", command, "--credentials", directory, "--headers", temp.Path("headers.txt"), "--body", temp.Path("body.json")));
            foreach (var run in runs)
                printed.Append(run.All);
            printed.Append(sandbox.Output).Append(sandbox.Error);
            Assert.Equal([0, 2, 3, 0, 0, 1, 0, 0], runs.Select(r => r.ExitCode));
        }

        var text = printed.ToString();
        foreach (var secret in Secrets(temp.Path("credentials")).Concat(Secrets(temp.Path("second"))))
            Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("WECHATPAY2-(SHA256-RSA2048|SM2-WITH-SM3)", text);
        Assert.DoesNotMatch("signature=\"", text);
    }

    /// <summary>The APIv3 key and every base64 line of every private key in a credentials directory.</summary>
    private static IEnumerable<string> Secrets(string directory)
    {
        yield return SandboxCredentials.Load(directory).ApiV3Key;
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem", SearchOption.AllDirectories))
        {
            var pem = File.ReadAllText(file);
            if (!pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
                continue;
            foreach (var line in pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal)))
                yield return line;
        }
    }
}
