using Busifavor.Flow;
using WeChatPay.Apis.Busifavor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeChatPay.Testing;

namespace Busifavor.Hosting;

/// <summary>Builds the generated client through dependency injection, and starts the local sandbox when asked.</summary>
public static class SampleHost
{
    /// <summary>
    /// The service provider for a credentials directory: <c>AddWeChatPay</c> binds the <c>WeChatPay</c> section
    /// (source-generated binder), registers the generated <see cref="IBusifavorApi"/> through its factory, and the
    /// options are validated before the first call.
    /// </summary>
    /// <exception cref="OptionsValidationException">The credentials are not usable; the message names the field.</exception>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddWeChatPay(configuration.GetSection("WeChatPay"))
            .AddClient<IBusifavorApi>(IBusifavorApi.Create)
            .AddClient<ISandboxUserApi>(ISandboxUserApi.Create);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // What a generic host does at start (ValidateOnStart): fail now, naming the field, not on the first call.
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
        return provider;
    }

    /// <summary>
    /// The user of a sandbox receiving a coupon through the generated <see cref="ISandboxUserApi"/>: the sandbox's
    /// control route plays the mini program's 发券插件, and its answer is verified like any other.
    /// </summary>
    public static CouponReceiver SandboxCouponReceiver(ISandboxUserApi user) => async (stockId, appId, openId, outRequestNo, cancellationToken) =>
    {
        var received = await user.ReceiveCouponAsync(stockId, new ReceiveCouponRequest(appId, openId, outRequestNo), cancellationToken);
        return (received.Value.CouponCode, received);
    };

    /// <summary>
    /// Creates a sandbox identity in a new temporary directory and serves it with Kestrel on a free loopback port.
    /// The directory's <c>wechatpay.json</c> then names the server as <c>base_url</c>, so the sample reads it exactly
    /// as it reads a live merchant's directory.
    /// </summary>
    public static async Task<LocalSandbox> StartSandboxAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "wechatpay-busifavor-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var credentials = SandboxCredentials.LoadOrCreate(directory);
            var sandbox = WeChatPaySandbox.FromCredentials(credentials);
            var server = await SandboxServer.StartAsync(sandbox, "http://127.0.0.1:0", cancellationToken);
            credentials.SetBaseUrl(server.BaseAddress.ToString());
            return new LocalSandbox(directory, server);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The in-process sandbox server and its temporary credentials directory; disposing removes both.</summary>
public sealed class LocalSandbox(string directory, SandboxServer server) : IAsyncDisposable
{
    public string CredentialsDirectory { get; } = directory;

    public SandboxServer Server { get; } = server;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SampleHost.TryDelete(CredentialsDirectory);
    }
}
