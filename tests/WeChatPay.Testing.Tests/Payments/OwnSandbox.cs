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

    /// <summary>GETs <paramref name="target"/>; a query string goes through the chain's Query list (templates take none).</summary>
    public async Task<JsonNode> GetAsync(string target)
    {
        var parts = target.Split('?', 2);
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var pair in parts.Length == 2 ? parts[1].Split('&') : [])
            query.Add(new(pair.Split('=', 2)[0], Uri.UnescapeDataString(pair.Split('=', 2)[1])));
        var options = new ChainRequestOptions { Query = query };
        return (await Client.Chain(parts[0]).GetAsync(options)).Json!;
    }

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
