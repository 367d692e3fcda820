using System.Net;

namespace WeChatPay.Testing.Tests;

/// <summary>One RSA credentials directory made once for the class; tests that change it work on a copy.</summary>
public sealed class CredentialsTemplate : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sandbox-credentials-template-");

    public CredentialsTemplate() => Created = SandboxCredentials.LoadOrCreate(Path.Combine(_root.FullName, "rsa"), "http://127.0.0.1:5000/");

    public SandboxCredentials Created { get; }

    public void CopyTo(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(Created.Directory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(Created.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);
}

/// <summary>The credentials directory: created when empty, reused when present, never overwritten.</summary>
public sealed class CredentialsTests(CredentialsTemplate template) : IClassFixture<CredentialsTemplate>, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sandbox-credentials-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Dir(string name) => Path.Combine(_root.FullName, name);

    private string Copy(string name)
    {
        template.CopyTo(Dir(name));
        return Dir(name);
    }

    [Fact]
    public void Creates_a_merchant_and_a_platform_identity_in_an_empty_directory()
    {
        var credentials = template.Created;

        Assert.True(credentials.Created);
        Assert.True(File.Exists(Path.Combine(credentials.Directory, "apiclient_key.pem")));
        Assert.True(File.Exists(Path.Combine(credentials.Directory, "pub_key.pem")));
        Assert.True(File.Exists(Path.Combine(credentials.Directory, "wechatpay.json")));
        Assert.Contains(Path.Combine(credentials.Directory, ".sandbox", "platform_key.pem"), credentials.CreatedFiles);
        Assert.True(credentials.HasSandboxPlatform);
        Assert.StartsWith("PUB_KEY_ID_", credentials.PublicKeyId);
        Assert.Equal(32, credentials.ApiV3Key.Length);
        Assert.Equal("http://127.0.0.1:5000/", credentials.BaseUrl);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials.MerchantPrivateKeyPath));
    }

    [Fact]
    public void Reuses_the_identity_on_the_next_call()
    {
        var first = template.Created;
        Copy("reuse");

        var second = SandboxCredentials.LoadOrCreate(Dir("reuse"), "http://127.0.0.1:6000/");

        Assert.False(second.Created);
        Assert.Empty(second.CreatedFiles);
        Assert.Equal(first.MerchantId, second.MerchantId);
        Assert.Equal(first.MerchantSerialNumber, second.MerchantSerialNumber);
        Assert.Equal(first.ApiV3Key, second.ApiV3Key);
        Assert.Equal("http://127.0.0.1:6000/", SandboxCredentials.Load(Dir("reuse")).BaseUrl);
    }

    [Fact]
    public void Describe_and_ToString_never_print_the_APIv3_key_or_a_private_key()
    {
        var credentials = template.Created;
        var privateKey = File.ReadAllText(credentials.MerchantPrivateKeyPath);

        foreach (var text in new[] { credentials.Describe(), credentials.ToString() })
        {
            Assert.DoesNotContain(credentials.ApiV3Key, text);
            Assert.DoesNotContain("PRIVATE KEY", text);
            Assert.DoesNotContain(privateKey.Split('\n')[1], text);
        }
        Assert.Contains(credentials.MerchantId, credentials.Describe());
        Assert.Contains(credentials.PublicKeyId, credentials.Describe());
    }

    [Fact]
    public void Refuses_a_live_directory_without_sandbox_platform_keys()
    {
        var credentials = template.Created;
        Copy("live");
        Directory.Delete(Path.Combine(Dir("live"), ".sandbox"), recursive: true);

        var error = Assert.Throws<InvalidOperationException>(() => SandboxCredentials.LoadOrCreate(Dir("live")));

        Assert.Contains(".sandbox", error.Message);
        Assert.Equal(credentials.MerchantId, SandboxCredentials.Load(Dir("live")).MerchantId);
    }

    [Fact]
    public void Refuses_a_directory_with_unrelated_files()
    {
        Directory.CreateDirectory(Dir("other"));
        File.WriteAllText(Path.Combine(Dir("other"), "notes.txt"), "hello");

        Assert.Throws<InvalidOperationException>(() => SandboxCredentials.LoadOrCreate(Dir("other")));
        Assert.False(File.Exists(Path.Combine(Dir("other"), "apiclient_key.pem")));
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task A_client_built_from_the_directory_talks_to_a_sandbox_built_from_it_over_loopback(SignatureScheme scheme)
    {
        if (scheme == SignatureScheme.Rsa)
            Copy("e2e-" + scheme);
        var created = SandboxCredentials.LoadOrCreate(Dir("e2e-" + scheme), scheme: scheme);
        var sandbox = WeChatPaySandbox.FromCredentials(SandboxCredentials.LoadOrCreate(Dir("e2e-" + scheme)));
        await using var server = await SandboxServer.StartAsync(sandbox);
        created.SetBaseUrl(server.BaseAddress.ToString());
        using var client = new WeChatPayClient(SandboxCredentials.Load(Dir("e2e-" + scheme)).ToOptions());

        var response = await client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions
        {
            Json = SandboxFixture.StockDefinition(sandbox.Merchants.Single()),
        });

        Assert.Equal(scheme, created.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.BaseAddress, client.BaseAddress);
    }
}
