using WeChatPay.Apis.Busifavor;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>An in-process sandbox with one merchant and the generated <see cref="IBusifavorApi"/> over it.</summary>
public sealed class BusifavorSandbox : IDisposable
{
    public const string AppId = "wxd678efh567hg6787";
    public const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private readonly WeChatPaySandbox _sandbox = new();
    private readonly WeChatPayClient _client;

    public BusifavorSandbox()
    {
        Merchant = _sandbox.CreateMerchant();
        _client = new WeChatPayClient(_sandbox.CreateClientOptions(Merchant, new Uri("https://api.mch.weixin.qq.com/")), _sandbox.CreateHandler());
        Api = IBusifavorApi.Create(_client);
    }

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

    /// <summary>A coupon sent to <see cref="OpenId"/> from a fresh WECHATPAY_MODE stock.</summary>
    public async Task<(string StockId, string Code)> SendAsync(string? stockId = null)
    {
        stockId ??= await CreateStockAsync(CouponCodeMode.WechatpayMode);
        var sent = await Api.SendConsumptionCardAsync(stockId, new SendConsumptionCardRequest
        {
            Appid = AppId,
            Openid = OpenId,
            OutRequestNo = NewNo("SEND"),
            SendTime = Now(),
        });
        return (stockId, sent.Value.CardCode);
    }

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
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
