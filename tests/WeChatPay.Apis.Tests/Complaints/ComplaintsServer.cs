using WeChatPay.Apis.Tests.TestSupport;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>
/// The sandbox served by Kestrel on a free loopback port and a real notification endpoint, shared by the tests of a
/// class (they run one at a time; each drains the notifications it causes).
/// </summary>
public sealed class ComplaintsServer : IAsyncLifetime
{
    public WeChatPaySandbox Sandbox { get; } = new();

    public SandboxServer Server { get; private set; } = null!;

    public NotifyEndpoint Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(Sandbox);
        Endpoint = await NotifyEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Endpoint.DisposeAsync();
    }
}
