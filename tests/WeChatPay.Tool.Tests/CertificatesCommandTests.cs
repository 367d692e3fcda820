using System.Text.Json.Nodes;

namespace WeChatPay.Tool.Tests;

/// <summary>
/// <c>wechatpay certificates download</c>: decrypted with the APIv3 key, verified with the certificates the download
/// holds, written as <c>wechatpay_SERIAL.pem</c>; checked with openssl and against the sandbox's own certificate.
/// </summary>
public sealed class CertificatesCommandTests
{
    [Theory]
    [InlineData("rsa", "platform_cert.pem")]
    [InlineData("sm2", "platform_sm2_cert.pem")]
    public async Task Writes_each_platform_certificate_as_a_PEM_file_named_by_its_serial(string scheme, string sandboxCertificate)
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp, scheme == "sm2" ? ["--sm2"] : []);
        var output = temp.Path("certificates");

        var run = await ToolRun.RunAsync("certificates", "download", "--credentials", sandbox.Directory, "--output", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var file = Assert.Single(Directory.GetFiles(output));
        var serial = Path.GetFileNameWithoutExtension(file)["wechatpay_".Length..];
        Assert.Contains(serial, run.Out);
        // openssl reads the same serial from the file, and the file is the certificate the sandbox holds.
        var (exitCode, text) = OpenSsl.Run("x509", "-in", file, "-noout", "-serial");
        Assert.True(exitCode == 0, text);
        Assert.Equal(serial.TrimStart('0'), text.Trim()["serial=".Length..].TrimStart('0'));
        var expected = await File.ReadAllTextAsync(Path.Combine(sandbox.Directory, ".sandbox", sandboxCertificate));
        Assert.Equal(Der(expected), Der(await File.ReadAllTextAsync(file)));
    }

    [Fact]
    public async Task A_download_that_does_not_decrypt_with_the_APIv3_key_writes_nothing_and_exits_3()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp);
        var output = temp.Path("certificates");
        // The client now holds another APIv3 key than the one the sandbox encrypts with.
        var settingsPath = Path.Combine(sandbox.Directory, "wechatpay.json");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!;
        var realKey = settings["apiv3_key"]!.GetValue<string>();
        settings["apiv3_key"] = new string('k', 32);
        await File.WriteAllTextAsync(settingsPath, settings.ToJsonString());

        var run = await ToolRun.RunAsync("certificates", "download", "--credentials", sandbox.Directory, "--output", output);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
        Assert.DoesNotContain(realKey, run.All);
        Assert.DoesNotContain(new string('k', 32), run.All);
    }

    [Fact]
    public async Task A_merchant_without_platform_certificates_gets_WeChat_Pays_answer_and_exit_2()
    {
        using var temp = new TempDirectory();
        await using var sandbox = await SandboxProcess.StartAsync(temp, "--no-certificates");

        var run = await ToolRun.RunAsync("certificates", "download", "--credentials", sandbox.Directory, "--output", temp.Path("certificates"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("RESOURCE_NOT_EXISTS", run.Error);
        Assert.Contains("public key", run.Error);
    }

    private static byte[] Der(string pem)
    {
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}
