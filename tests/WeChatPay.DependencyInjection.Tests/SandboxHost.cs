using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Testing;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>
/// The sandbox on Kestrel (a free loopback port) with one merchant, and a container whose <see cref="WeChatPayClient"/>
/// is that merchant's, sending through a <see cref="WireRecorder"/> over real sockets.
/// </summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private SandboxHost(SandboxServer server, ServiceProvider services, WireRecorder wire)
    {
        Server = server;
        Services = services;
        Wire = wire;
    }

    public SandboxServer Server { get; }

    public ServiceProvider Services { get; }

    public WireRecorder Wire { get; }

    public WeChatPayClient Client => Services.GetRequiredService<WeChatPayClient>();

    public static async Task<SandboxHost> StartAsync(SandboxOptions sandboxOptions, Action<WeChatPayBuilder> configure,
        bool certificateMode = false, Action<IServiceCollection>? services = null)
    {
        var sandbox = new WeChatPaySandbox(sandboxOptions);
        var merchant = sandbox.CreateMerchant();
        var server = await SandboxServer.StartAsync(sandbox);
        var source = sandbox.CreateClientOptions(merchant, server.BaseAddress);
        var wire = new WireRecorder();
        var collection = new ServiceCollection();
        var builder = collection.AddWeChatPay(o =>
        {
            o.MerchantId = source.MerchantId;
            o.MerchantSerialNumber = source.MerchantSerialNumber;
            o.MerchantPrivateKey = source.MerchantPrivateKey;
            o.ApiV3Key = source.ApiV3Key;
            o.BaseAddress = source.BaseAddress;
            if (certificateMode)
            {
                o.DownloadPlatformCertificates = true;
            }
            else
            {
                o.PublicKeyId = source.PublicKeyId;
                o.PlatformPublicKey = source.PlatformPublicKey;
            }
        });
        builder.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => wire);
        configure(builder);
        services?.Invoke(collection);
        return new SandboxHost(server, collection.BuildServiceProvider(), wire);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
