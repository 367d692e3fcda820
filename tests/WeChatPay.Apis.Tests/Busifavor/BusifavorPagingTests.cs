using WeChatPay.Apis.Busifavor;
using WeChatPay.Testing;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// The catalog's paged 商家券 methods walk several pages of the sandbox served by Kestrel on a free loopback port:
/// pre-stored codes by item offset, a user's coupons by page index (分页页码). Every request the client sends is
/// recorded, so where a walk stops is checked by what went over the wire.
/// </summary>
public sealed class BusifavorPagingTests : IAsyncLifetime
{
    private readonly WeChatPaySandbox _sandbox = new();
    private readonly List<string> _sent = new();
    private SandboxServer _server = null!;
    private WeChatPayClient _client = null!;
    private IBusifavorApi _api = null!;
    private SandboxMerchant _merchant = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(_sandbox);
        _merchant = _sandbox.CreateMerchant();
        _client = new WeChatPayClient(_sandbox.CreateClientOptions(_merchant, _server.BaseAddress), new Recorder(_sent) { InnerHandler = new SocketsHttpHandler() });
        _api = IBusifavorApi.Create(_client);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>The query strings of the list GETs sent so far.</summary>
    private string[] ListQueries(string pathPart)
    {
        lock (_sent)
            return _sent.Where(t => t.Contains(pathPart, StringComparison.Ordinal) && t.Contains('?')).Select(t => t.Split('?')[1]).ToArray();
    }

    private async Task<string> StockWithCodesAsync(int count)
    {
        var definition = StockDefinition(CouponCodeMode.MerchantUpload);
        var stockId = (await _api.CreateStockAsync(definition)).Value.StockId;
        var codes = Enumerable.Range(0, count).Select(i => $"CODE-{i:00}").ToList();
        await _api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = codes, UploadRequestNo = NewNo("UP") });
        return stockId;
    }

    private CreateStockRequest StockDefinition(CouponCodeMode mode) => new()
    {
        StockName = "满100减10",
        BelongMerchant = _merchant.MerchantId,
        GoodsName = "全场通用",
        StockType = StockType.Normal,
        CouponUseRule = new CouponUseRule
        {
            CouponAvailableTime = new CouponAvailableTime { AvailableBeginTime = Now().AddDays(-1), AvailableEndTime = Now().AddDays(30) },
            FixedNormalCoupon = new FixedNormalCoupon { DiscountAmount = 1000, TransactionMinimum = 10000 },
            UseMethod = CouponUseMethod.OffLine,
        },
        StockSendRule = new StockSendRule { MaxCoupons = 20, MaxCouponsPerUser = 20 },
        OutRequestNo = NewNo("CREATE"),
        CouponCodeMode = mode,
    };

    private async Task<List<string>> SendCouponsAsync(int count)
    {
        var stockId = (await _api.CreateStockAsync(StockDefinition(CouponCodeMode.WechatpayMode))).Value.StockId;
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // Users receive 商家券 in the merchant's mini program; the sandbox's control route plays that.
            var sent = await _client["sandbox/v1/marketing/busifavor/stocks/{stock_id}/send"].PostAsync(new ChainRequestOptions
            {
                PathValues = { ["stock_id"] = stockId },
                Json = new System.Text.Json.Nodes.JsonObject { ["appid"] = AppId, ["openid"] = OpenId, ["out_request_no"] = NewNo("SEND") },
            });
            codes.Add(sent.Json!["coupon_code"]!.GetValue<string>());
        }
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

    /// <summary>Records each request's path and query as sent.</summary>
    private sealed class Recorder(List<string> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (sent)
                sent.Add(request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
