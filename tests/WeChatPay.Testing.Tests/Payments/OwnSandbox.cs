using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>
/// A sandbox of a test's own (for options such as a fast retry schedule), served by Kestrel on a free loopback port,
/// with an RSA or ShangMi merchant and a runtime client that verifies every answer.
/// </summary>
internal sealed class OwnSandbox : IAsyncDisposable
{
    private OwnSandbox(WeChatPaySandbox sandbox, SandboxServer server, SandboxMerchant merchant, WeChatPayClient client)
    {
        Sandbox = sandbox;
        Server = server;
        Merchant = merchant;
        Client = client;
    }

    public WeChatPaySandbox Sandbox { get; }
    public SandboxServer Server { get; }
    public SandboxMerchant Merchant { get; }
    public WeChatPayClient Client { get; }

    public static async Task<OwnSandbox> StartAsync(SandboxOptions? options = null, SignatureScheme scheme = SignatureScheme.Rsa)
    {
        var sandbox = TestKeys.NewSandbox(options ?? new SandboxOptions { NotificationRetryFactor = 1000 });
        var merchant = sandbox.Merchant(scheme);
        var server = await SandboxServer.StartAsync(sandbox);
        return new OwnSandbox(sandbox, server, merchant, new WeChatPayClient(sandbox.CreateClientOptions(merchant, server.BaseAddress)));
    }

    public async Task<JsonNode> PostAsync(string path, JsonNode body) =>
        (await Client.Chain(path).PostAsync(new ChainRequestOptions { Json = body })).Json!;

    public async Task<JsonNode> GetAsync(string path) => (await Client.Chain(path).GetAsync()).Json!;

    /// <summary>Places a JSAPI order that notifies <paramref name="notifyUrl"/>; returns its out_trade_no.</summary>
    public async Task<string> PlaceJsapiAsync(Uri notifyUrl, long total = 100)
    {
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        await PostAsync("v3/pay/transactions/jsapi", PaymentRequests.Jsapi(Merchant, outTradeNo, total, notifyUrl.ToString()));
        return outTradeNo;
    }

    public Task<JsonNode> PayAsync(string outTradeNo, string state = "SUCCESS") =>
        PostAsync($"sandbox/v1/pay/transactions/out-trade-no/{outTradeNo}/pay", new JsonObject { ["trade_state"] = state });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
