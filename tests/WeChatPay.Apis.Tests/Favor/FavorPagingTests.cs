using WeChatPay.Apis.Favor;
using WeChatPay.Apis.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Favor;

/// <summary>
/// The catalog's paged 代金券 methods walk the sandbox served by Kestrel on a free loopback port by page index
/// (分页页码): stocks, a user's coupons, and a stock's merchants and items. Every request the client sends is
/// recorded, so where a walk stops is checked by what went over the wire.
/// </summary>
public sealed class FavorPagingTests : IAsyncLifetime
{
    private const string AppId = FavorSandbox.AppId;
    private const string OpenId = FavorSandbox.OpenId;

    private readonly RequestRecorder _wire = new();
    private FavorSandbox _s = null!;
    private IFavorApi _api = null!;
    private string _mchid = null!;

    public async Task InitializeAsync()
    {
        _s = await FavorSandbox.StartAsync(_wire);
        _api = _s.Api;
        _mchid = _s.MerchantId;
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_users_coupons_are_walked_by_page_index_until_a_short_page()
    {
        var stockId = await RunningStockAsync();
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
            sent.Add((await _api.SendCouponAsync(OpenId, _s.Send(stockId))).Value.CouponId);

        var walked = await _api.ListAllUserCouponsAsync(OpenId, new FavorUserCouponsQuery { Appid = AppId, CreatorMchid = _mchid, Limit = 2 })
            .Select(c => c.CouponId).ToListAsync();

        Assert.Equal(sent.Order(), walked.Order());
        Assert.Equal(["offset=0&limit=2", "offset=1&limit=2", "offset=2&limit=2"], Queries("/coupons?", drop: $"appid={AppId}&creator_mchid={_mchid}&"));
    }

    [Fact]
    public async Task Stocks_are_walked_by_page_index_and_a_break_sends_no_further_request()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
            created.Add(await RunningStockAsync());

        var all = await _api.ListAllStocksAsync(new FavorStocksQuery { StockCreatorMchid = _mchid, Limit = 2 }).Select(s => s.StockId).ToListAsync();
        var first = new List<string>();
        await foreach (var stock in _api.ListAllStocksAsync(new FavorStocksQuery { StockCreatorMchid = _mchid, Limit = 1 }))
        {
            first.Add(stock.StockId);
            break;
        }

        Assert.Equal(created.Order(), all.Order());
        Assert.Single(first);
        // Three stocks, two a page: page 1 is short, so the walk ends there; the second walk breaks on its first page.
        Assert.Equal(["offset=0&limit=2", "offset=1&limit=2", "offset=0&limit=1"], Queries("/stocks?", drop: $"stock_creator_mchid={_mchid}&"));
    }

    [Fact]
    public async Task A_stocks_merchants_and_items_are_walked_one_entry_a_page()
    {
        var stockId = await RunningStockAsync();
        var query = new FavorStockEntriesQuery { StockCreatorMchid = _mchid, Limit = 1 };

        var merchants = await _api.ListAllMerchantsAsync(stockId, query).ToListAsync();
        var items = await _api.ListAllItemsAsync(stockId, query).ToListAsync();

        Assert.Equal([_mchid, "1900000109"], merchants);
        Assert.Equal(["ITEM-1", "ITEM-2", "ITEM-3"], items);
        // total_count ends each walk: two merchant pages, three item pages, and no empty page after them.
        Assert.Equal(2, Queries("/merchants?").Length);
        Assert.Equal(3, Queries("/items?").Length);
    }

    /// <summary>The helper's running stock, with room for every coupon these walks send to one user.</summary>
    private Task<string> RunningStockAsync() => _s.RunningStockAsync(definition => definition.StockUseRule.MaxCouponsPerUser = 10);

    /// <summary>The query strings of the GETs whose target contains <paramref name="pathPart"/>, less a common prefix.</summary>
    private string[] Queries(string pathPart, string drop = "") =>
        _wire.Queries(pathPart).Select(q => drop.Length == 0 ? q : q.Replace(drop, "", StringComparison.Ordinal)).ToArray();
}
