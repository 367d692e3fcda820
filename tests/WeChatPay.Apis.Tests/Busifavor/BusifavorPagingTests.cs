using WeChatPay.Apis.Busifavor;
using WeChatPay.Apis.Tests.TestSupport;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// The catalog's paged 商家券 methods walk several pages of the sandbox served by Kestrel on a free loopback port:
/// pre-stored codes by item offset, a user's coupons by page index (分页页码). Every request the client sends is
/// recorded, so where a walk stops is checked by what went over the wire.
/// </summary>
public sealed class BusifavorPagingTests : IAsyncLifetime
{
    private readonly RequestRecorder _wire = new();
    private BusifavorSandbox _s = null!;
    private IBusifavorApi _api = null!;

    public async Task InitializeAsync()
    {
        _s = await StartOnLoopbackAsync(_wire);
        _api = _s.Api;
    }

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The query strings of the list GETs sent so far.</summary>
    private string[] ListQueries(string pathPart) => _wire.Queries(pathPart);

    private async Task<string> StockWithCodesAsync(int count)
    {
        var stockId = (await _api.CreateStockAsync(StockDefinition(CouponCodeMode.MerchantUpload))).Value.StockId;
        var codes = Enumerable.Range(0, count).Select(i => $"CODE-{i:00}").ToList();
        await _api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = codes, UploadRequestNo = NewNo("UP") });
        return stockId;
    }

    /// <summary>The helper's stock, with room for every coupon these walks need, all for one user.</summary>
    private CreateStockRequest StockDefinition(CouponCodeMode mode)
    {
        var definition = _s.Definition(mode);
        definition.StockSendRule = new StockSendRule { MaxCoupons = 20, MaxCouponsPerUser = 20 };
        return definition;
    }

    private async Task<List<string>> SendCouponsAsync(int count)
    {
        var stockId = (await _api.CreateStockAsync(StockDefinition(CouponCodeMode.WechatpayMode))).Value.StockId;
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
            codes.Add((await _s.SendAsync(stockId)).Code);
        return codes;
    }

    [Fact]
    public async Task Pre_stored_codes_are_walked_by_item_offset_until_total_count()
    {
        var stockId = await StockWithCodesAsync(7);

        var codes = await _api.ListAllCouponCodesAsync(stockId, new ListCouponCodesQuery { Limit = 3 }).Select(c => c.Code).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"CODE-{i:00}"), codes);
        Assert.Equal(["offset=0&limit=3", "offset=3&limit=3", "offset=6&limit=3"], ListQueries("/couponcodes"));
    }

    [Fact]
    public async Task Pre_stored_codes_walk_from_the_querys_offset_with_its_filter_and_stop_at_a_break()
    {
        var stockId = await StockWithCodesAsync(9);

        var codes = new List<string>();
        await foreach (var code in _api.ListAllCouponCodesAsync(stockId, new ListCouponCodesQuery { Status = CouponCodeStatus.Available.Value, Offset = 2, Limit = 2 }))
        {
            codes.Add(code.Code);
            if (codes.Count == 3)
                break;
        }

        Assert.Equal(["CODE-02", "CODE-03", "CODE-04"], codes);
        Assert.Equal(["status=AVAILABLE&offset=2&limit=2", "status=AVAILABLE&offset=4&limit=2"], ListQueries("/couponcodes"));
    }

    [Fact]
    public async Task A_users_coupons_are_walked_by_page_index_until_a_short_page()
    {
        var sent = await SendCouponsAsync(5);

        var coupons = await _api.ListAllUserCouponsAsync(OpenId, new UserCouponsQuery { Appid = AppId, Limit = 2 }).ToListAsync();

        Assert.Equal(sent, coupons.Select(c => c.CouponCode));
        Assert.All(coupons, c => Assert.Equal(CouponState.Sent, c.CouponState));
        Assert.Equal([$"appid={AppId}&offset=0&limit=2", $"appid={AppId}&offset=1&limit=2", $"appid={AppId}&offset=2&limit=2"], ListQueries("/users/"));
    }

    [Fact]
    public async Task A_users_coupons_walk_stops_at_total_count_and_at_a_break_without_another_request()
    {
        var sent = await SendCouponsAsync(6);

        var all = await _api.ListAllUserCouponsAsync(OpenId, new UserCouponsQuery { Appid = AppId, Limit = 3 }).Select(c => c.CouponCode!).ToListAsync();
        var firstFour = new List<string>();
        await foreach (var coupon in _api.ListAllUserCouponsAsync(OpenId, new UserCouponsQuery { Appid = AppId, Limit = 2 }))
        {
            firstFour.Add(coupon.CouponCode!);
            if (firstFour.Count == 4)
                break;
        }

        Assert.Equal(sent, all);
        Assert.Equal(sent.Take(4), firstFour);
        // Two full pages of three reach total_count (6): no third request; the break after four items ends the second walk on its second page.
        Assert.Equal([$"appid={AppId}&offset=0&limit=3", $"appid={AppId}&offset=1&limit=3", $"appid={AppId}&offset=0&limit=2", $"appid={AppId}&offset=1&limit=2"], ListQueries("/users/"));
    }

    [Fact]
    public async Task The_one_page_query_reads_offset_as_a_page_index()
    {
        var sent = await SendCouponsAsync(5);

        var page = (await _api.ListUserCouponsAsync(OpenId, new UserCouponsQuery { Appid = AppId, Offset = 1, Limit = 2 })).Value;

        Assert.Equal(sent.Skip(2).Take(2), page.Data!.Select(c => c.CouponCode));
        Assert.Equal((5L, 1L, 2L), (page.TotalCount, page.Offset, page.Limit));
    }
}
