using WeChatPay.Apis.Favor;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Favor;

/// <summary>
/// A sandbox served by Kestrel on a free loopback port, one merchant, and the generated <see cref="IFavorApi"/> over a
/// real socket; <see cref="NewMerchantApi"/> makes another merchant's client.
/// </summary>
public sealed class FavorSandbox : IAsyncDisposable
{
    public const string AppId = "wxd678efh567hg6787";
    public const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private readonly List<WeChatPayClient> _clients = [];

    private FavorSandbox(WeChatPaySandbox sandbox, SandboxServer server, HttpMessageHandler? handler)
    {
        Sandbox = sandbox;
        Server = server;
        Merchant = sandbox.CreateMerchant();
        Client = NewClient(Merchant, handler);
        Api = IFavorApi.Create(Client);
    }

    /// <summary>Starts the sandbox; the first merchant's client sends through <paramref name="handler"/> when given.</summary>
    public static async Task<FavorSandbox> StartAsync(HttpMessageHandler? handler = null)
    {
        var sandbox = new WeChatPaySandbox();
        return new FavorSandbox(sandbox, await SandboxServer.StartAsync(sandbox), handler);
    }

    public WeChatPaySandbox Sandbox { get; }

    public SandboxServer Server { get; }

    public SandboxMerchant Merchant { get; }

    public WeChatPayClient Client { get; }

    public IFavorApi Api { get; }

    public string MerchantId => Merchant.MerchantId;

    public (SandboxMerchant Merchant, IFavorApi Api) NewMerchantApi()
    {
        var merchant = Sandbox.CreateMerchant();
        return (merchant, IFavorApi.Create(NewClient(merchant)));
    }

    private WeChatPayClient NewClient(SandboxMerchant merchant, HttpMessageHandler? handler = null)
    {
        var options = Sandbox.CreateClientOptions(merchant, Server.BaseAddress);
        var client = handler is null ? new WeChatPayClient(options) : new WeChatPayClient(options, handler);
        _clients.Add(client);
        return client;
    }

    public static string NewNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Whole seconds in China time, as WeChat Pay writes them.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset);
    }

    /// <summary>满100减10, 10 coupons, 3 per user, valid from yesterday for 30 days.</summary>
    public CreateFavorStockRequest Definition() => new()
    {
        StockName = "满100减10",
        Comment = "catalog test",
        BelongMerchant = MerchantId,
        AvailableBeginTime = Now().AddDays(-1),
        AvailableEndTime = Now().AddDays(30),
        StockUseRule = new FavorStockRule { MaxCoupons = 10, MaxAmount = 10 * 1000, MaxCouponsPerUser = 3, NaturalPersonLimit = false, PreventApiAbuse = false },
        PatternInfo = new FavorPatternInfo { Description = "全场可用", JumpTarget = FavorJumpTarget.DefaultPage },
        CouponUseRule = new FavorCouponRule
        {
            FixedNormalCoupon = new FavorFixedNormalCoupon { CouponAmount = 1000, TransactionMinimum = 10000 },
            AvailableMerchants = [MerchantId, "1900000109"],
            AvailableItems = ["ITEM-1", "ITEM-2", "ITEM-3"],
            TradeType = [FavorTradeType.MicroApp],
        },
        NoCash = false,
        StockType = FavorStockType.Normal,
        OutRequestNo = NewNo("CREATE"),
    };

    public FavorStockCreator Creator => new() { StockCreatorMchid = MerchantId };

    /// <summary>A created and started stock.</summary>
    public async Task<string> RunningStockAsync(Action<CreateFavorStockRequest>? change = null)
    {
        var definition = Definition();
        change?.Invoke(definition);
        var stockId = (await Api.CreateStockAsync(definition)).Value.StockId;
        await Api.StartStockAsync(stockId, Creator);
        return stockId;
    }

    public SendFavorCouponRequest Send(string stockId, string? outRequestNo = null) => new()
    {
        StockId = stockId,
        OutRequestNo = outRequestNo ?? NewNo("SEND"),
        Appid = AppId,
        StockCreatorMchid = MerchantId,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
