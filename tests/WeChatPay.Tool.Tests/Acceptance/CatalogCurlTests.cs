using System.Diagnostics;

namespace WeChatPay.Tool.Tests.Acceptance;

/// <summary>
/// The catalog's acceptance from outside .NET: <c>catalog-curl.sh</c> (bash, curl, openssl, jq) drives a merchant
/// transfer and a profit-sharing receiver with an OAEP-encrypted name against <c>wechatpay sandbox</c> on a free
/// loopback port, verifying every answer's signature with the openssl CLI.
/// </summary>
public class CatalogCurlTests
{
    [Fact]
    public async Task Curl_and_openssl_get_the_documented_transfer_and_receiver_answers_from_the_standalone_sandbox()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);
        var script = Path.Combine(AppContext.BaseDirectory, "Acceptance", "catalog-curl.sh");
        var start = new ProcessStartInfo("bash", [script, sandbox.Directory]) { RedirectStandardOutput = true, RedirectStandardError = true };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.EndsWith("OK\n", await output);
    }
}
