using WeChatPay.Apis.Busifavor;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// A sandbox with one merchant and the generated <see cref="IBusifavorApi"/> over it: in process, or served by
/// Kestrel on a free loopback port (<see cref="StartOnLoopbackAsync"/>).
/// </summary>
public sealed class BusifavorSandbox : IDisposable
{
    public const string AppId = "wxd678efh567hg6787";
    public const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private readonly WeChatPaySandbox _sandbox;
    private readonly SandboxServer? _server;
    private readonly WeChatPayClient _client;

    public BusifavorSandbox()
        : this(new WeChatPaySandbox(), null, null)
    {
    }

    private BusifavorSandbox(WeChatPaySandbox sandbox, SandboxServer? server, HttpMessageHandler? handler)
    {
        _sandbox = sandbox;
        _server = server;
        Merchant = _sandbox.CreateMerchant();
        _client = server is null
            ? new WeChatPayClient(_sandbox.CreateClientOptions(Merchant, new Uri("https://api.mch.weixin.qq.com/")), _sandbox.CreateHandler())
            : handler is null
                ? new WeChatPayClient(_sandbox.CreateClientOptions(Merchant, server.BaseAddress))
                : new WeChatPayClient(_sandbox.CreateClientOptions(Merchant, server.BaseAddress), handler);
        Api = IBusifavorApi.Create(_client);
    }

    /// <summary>A sandbox served over a real socket, on a free loopback port; the client sends through <paramref name="handler"/> when given.</summary>
    public static async Task<BusifavorSandbox> StartOnLoopbackAsync(HttpMessageHandler? handler = null)
    {
        var sandbox = new WeChatPaySandbox();
        return new BusifavorSandbox(sandbox, await SandboxServer.StartAsync(sandbox), handler);
    }

    /// <summary>The sandbox itself, for its in-process set-up methods.</summary>
    public WeChatPaySandbox Sandbox => _sandbox;

    public SandboxMerchant Merchant { get; }

    public IBusifavorApi Api { get; }

    /// <summary>The client itself, for the untyped chain (a body the typed models would not write).</summary>
    public WeChatPayClient Client => _client;

    public static string NewNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Whole seconds in China time, as WeChat Pay writes them.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset);
    }

    public CreateStockRequest Definition(CouponCodeMode mode, StockType? type = null) => new()
    {
        StockName = "满100减10",
        BelongMerchant = Merchant.MerchantId,
        Comment = "catalog test",
        GoodsName = "全场通用",
        StockType = type ?? StockType.Normal,
        CouponUseRule = new CouponUseRule
        {
            CouponAvailableTime = new CouponAvailableTime { AvailableBeginTime = Now().AddDays(-1), AvailableEndTime = Now().AddDays(30) },
            FixedNormalCoupon = new FixedNormalCoupon { DiscountAmount = 1000, TransactionMinimum = 10000 },
            UseMethod = CouponUseMethod.OffLine,
        },
        StockSendRule = new StockSendRule { MaxCoupons = 10, MaxCouponsPerUser = 3 },
        OutRequestNo = NewNo("CREATE"),
        CouponCodeMode = mode,
    };

    public async Task<string> CreateStockAsync(CouponCodeMode mode) => (await Api.CreateStockAsync(Definition(mode))).Value.StockId;

    /// <summary>
    /// A coupon that <see cref="OpenId"/> receives from a fresh WECHATPAY_MODE stock, through the sandbox's control
    /// route that plays the 发券插件 (users receive 商家券 in the merchant's mini program, not through an API).
    /// </summary>
    public async Task<(string StockId, string Code)> SendAsync(string? stockId = null)
    {
        stockId ??= await CreateStockAsync(CouponCodeMode.WechatpayMode);
        var sent = await _client["sandbox/v1/marketing/busifavor/stocks/{stock_id}/send"].PostAsync(new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Json = new System.Text.Json.Nodes.JsonObject { ["appid"] = AppId, ["openid"] = OpenId, ["out_request_no"] = NewNo("SEND") },
        });
        return (stockId, sent.Json!["coupon_code"]!.GetValue<string>());
    }

    /// <summary>A consumption card of the merchant whose appid is <see cref="AppId"/>.</summary>
    public string CreateCard(long? quantity = null) => _sandbox.CreateConsumptionCard(Merchant, AppId, quantity);

    public async Task UseAsync(string stockId, string code) => await Api.UseCouponAsync(new UseCouponRequest
    {
        CouponCode = code,
        StockId = stockId,
        Appid = AppId,
        UseTime = Now(),
        UseRequestNo = NewNo("USE"),
        Openid = OpenId,
    });

    public void Dispose()
    {
        _client.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
