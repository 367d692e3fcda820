using System.Net;
using System.Security.Cryptography;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Favor;
using WeChatPay.Apis.Tests.TestSupport;
using static WeChatPay.Apis.Tests.Favor.FavorSandbox;

namespace WeChatPay.Apis.Tests.Favor;

/// <summary>
/// Every 代金券 endpoint of the catalog, called through the generated <see cref="IFavorApi"/> against the sandbox on
/// Kestrel over a real socket, each verified answer read back typed and checked; COUPON.USE is received at a real
/// endpoint and verified and decrypted by the client.
/// </summary>
public sealed class FavorEndpointTests : IAsyncLifetime
{
    private FavorSandbox _sandbox = null!;

    private IFavorApi Api => _sandbox.Api;

    public async Task InitializeAsync() => _sandbox = await FavorSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_stock_is_created_started_paused_restarted_and_queried()
    {
        var created = await Api.CreateStockAsync(_sandbox.Definition());
        var stockId = created.Value.StockId;
        var unactivated = Api.GetStock(stockId, _sandbox.MerchantId).Value;

        var started = Api.StartStock(stockId, _sandbox.Creator).Value;
        var paused = (await Api.PauseStockAsync(stockId, _sandbox.Creator)).Value;
        var pausedStock = (await Api.GetStockAsync(stockId, _sandbox.MerchantId)).Value;
        var restarted = Api.RestartStock(stockId, _sandbox.Creator).Value;
        var stock = (await Api.GetStockAsync(stockId, _sandbox.MerchantId)).Value;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(TimeSpan.FromHours(8), created.Value.CreateTime.Offset);
        Assert.Equal(FavorStockStatus.Unactivated, unactivated.Status);
        Assert.Null(unactivated.StartTime);
        Assert.Equal((stockId, stockId, stockId), (started.StockId, paused.StockId, restarted.StockId));
        Assert.True(started.StartTime <= paused.PauseTime && paused.PauseTime <= restarted.RestartTime);
        Assert.Equal(FavorStockStatus.Paused, pausedStock.Status);
        Assert.Equal(FavorStockStatus.Running, stock.Status);
        Assert.Equal(started.StartTime, stock.StartTime);
        Assert.Equal((_sandbox.MerchantId, "满100减10", "全场可用"), (stock.StockCreatorMchid, stock.StockName, stock.Description));
        Assert.Equal(FavorStockType.Normal, stock.StockType);
        Assert.Equal((10L, 10_000L, 3L), (stock.StockUseRule!.MaxCoupons, stock.StockUseRule.MaxAmount, stock.StockUseRule.MaxCouponsPerUser));
        Assert.Equal((1000L, 10_000L), (stock.StockUseRule.FixedNormalCoupon!.CouponAmount, stock.StockUseRule.FixedNormalCoupon.TransactionMinimum));
        Assert.Equal(FavorCouponType.Normal, stock.StockUseRule.CouponType);
        Assert.Equal([FavorTradeType.MicroApp], stock.StockUseRule.TradeType!);
        Assert.True(stock.Singleitem);
        Assert.False(stock.NoCash);
        Assert.Equal(0, stock.DistributedCoupons);
    }

    [Fact]
    public async Task Stocks_are_listed_a_page_at_a_time_with_offset_counting_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await Api.CreateStockAsync(_sandbox.Definition())).Value.StockId);
        await Api.StartStockAsync(ids[0], _sandbox.Creator);

        var second = (await Api.ListStocksAsync(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId, Offset = 1, Limit = 2 })).Value;
        var unpaged = Api.ListStocks(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId }).Value;
        var running = Api.ListStocks(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId, Status = FavorStockStatus.Running.Value, CreateStartTime = Now().AddMinutes(-5) }).Value;

        Assert.Equal([ids[2]], second.Data!.Select(s => s.StockId));
        Assert.Equal((3L, 1L, 2L), (second.TotalCount, second.Offset, second.Limit));
        Assert.Equal(ids, unpaged.Data!.Select(s => s.StockId)); // unset offset and limit are not sent: page 0 of 10
        Assert.Equal(10, unpaged.Limit);
        Assert.Equal(ids[0], Assert.Single(running.Data!).StockId);
    }

    [Fact]
    public async Task A_coupon_is_sent_queried_and_listed_among_the_users_coupons()
    {
        var stockId = await _sandbox.RunningStockAsync();

        var sent = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value;
        var other = Api.SendCoupon(OpenId, _sandbox.Send(stockId)).Value;
        var coupon = (await Api.GetCouponAsync(OpenId, sent.CouponId, AppId)).Value;
        var again = Api.GetCoupon(OpenId, other.CouponId, AppId).Value;
        var page = (await Api.ListUserCouponsAsync(OpenId, new FavorUserCouponsQuery { Appid = AppId, CreatorMchid = _sandbox.MerchantId, StockId = stockId, Offset = 1, Limit = 1 })).Value;
        var all = Api.ListUserCoupons(OpenId, new FavorUserCouponsQuery { Appid = AppId, SenderMchid = _sandbox.MerchantId }).Value;
        var stock = Api.GetStock(stockId, _sandbox.MerchantId).Value;

        Assert.NotEqual(sent.CouponId, other.CouponId);
        Assert.Equal((sent.CouponId, stockId, _sandbox.MerchantId), (coupon.CouponId, coupon.StockId, coupon.StockCreatorMchid));
        Assert.Equal((FavorCouponStatus.Sent, FavorCouponType.Normal, "满100减10"), (coupon.Status, coupon.CouponType, coupon.CouponName));
        Assert.Equal((1000L, 10_000L), (coupon.NormalCouponInformation!.CouponAmount, coupon.NormalCouponInformation.TransactionMinimum));
        Assert.True(coupon.AvailableBeginTime <= Now() && Now() < coupon.AvailableEndTime);
        Assert.Null(coupon.ConsumeInformation);
        Assert.Equal(other.CouponId, again.CouponId);
        Assert.Equal([other.CouponId], page.Data!.Select(c => c.CouponId));
        Assert.Equal((2L, 1L, 1L), (page.TotalCount, page.Offset, page.Limit));
        Assert.Equal([sent.CouponId, other.CouponId], all.Data!.Select(c => c.CouponId));
        Assert.Equal(2, stock.DistributedCoupons);
    }

    [Fact]
    public async Task The_stocks_merchants_and_items_are_paged()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var query = new FavorStockEntriesQuery { StockCreatorMchid = _sandbox.MerchantId };

        var merchants = (await Api.ListMerchantsAsync(stockId, query)).Value;
        var merchantsSync = Api.ListMerchants(stockId, new FavorStockEntriesQuery { StockCreatorMchid = _sandbox.MerchantId, Offset = 1, Limit = 1 }).Value;
        var items = Api.ListItems(stockId, new FavorStockEntriesQuery { StockCreatorMchid = _sandbox.MerchantId, Offset = 1, Limit = 2 }).Value;
        var itemsAsync = (await Api.ListItemsAsync(stockId, query)).Value;

        Assert.Equal([_sandbox.MerchantId, "1900000109"], merchants.Data!);
        Assert.Equal((2L, stockId), (merchants.TotalCount, merchants.StockId));
        Assert.Equal(["1900000109"], merchantsSync.Data!);
        Assert.Equal(["ITEM-3"], items.Data!);
        Assert.Equal((3L, 1L, 2L), (items.TotalCount, items.Offset, items.Limit));
        Assert.Equal(["ITEM-1", "ITEM-2", "ITEM-3"], itemsAsync.Data!);
    }

    [Fact]
    public async Task A_used_coupon_is_notified_to_the_callback_verified_and_decrypted()
    {
        await using var endpoint = await NotifyEndpoint.StartAsync();
        var set = (await Api.SetCallbackAsync(new SetFavorCallbackRequest { Mchid = _sandbox.MerchantId, NotifyUrl = endpoint.Url.ToString(), Switch = true })).Value;
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = Api.SendCoupon(OpenId, _sandbox.Send(stockId)).Value.CouponId;

        _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, couponId, "4200000913202101152566792388", orderTotal: 12_000);
        var (body, header) = await endpoint.NextAsync();
        var notification = await _sandbox.Client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.FavorCoupon);
        var queried = (await Api.GetCouponAsync(OpenId, couponId, AppId)).Value;
        var callback = (await Api.GetCallbackAsync(_sandbox.MerchantId)).Value;
        var callbackSync = Api.GetCallback(_sandbox.MerchantId).Value;

        Assert.Equal(endpoint.Url.ToString(), set.NotifyUrl);
        Assert.NotNull(set.UpdateTime);
        Assert.Equal((_sandbox.MerchantId, endpoint.Url.ToString()), (callback.Mchid, callback.NotifyUrl));
        Assert.Equal(callback.NotifyUrl, callbackSync.NotifyUrl);
        Assert.Equal("COUPON.USE", notification.EventType);
        var used = notification.Resource;
        Assert.Equal((couponId, stockId, FavorCouponStatus.Used), (used.CouponId, used.StockId, used.Status));
        Assert.Equal(("4200000913202101152566792388", _sandbox.MerchantId), (used.ConsumeInformation!.TransactionId, used.ConsumeInformation.ConsumeMchid));
        Assert.Equal(FavorCouponStatus.Used, queried.Status);
        Assert.Equal(used.ConsumeInformation.ConsumeTime, queried.ConsumeInformation!.ConsumeTime);
    }

    [Fact]
    public async Task The_use_and_refund_flows_download_as_csv_files_that_match_their_sha1()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;
        _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, couponId, "4200000913202101152566792388", orderTotal: 12_000);
        _sandbox.Sandbox.RefundFavorCoupon(_sandbox.Merchant, OpenId, couponId);

        var useFlow = (await Api.GetUseFlowAsync(stockId)).Value;
        var refundFlow = Api.GetRefundFlow(stockId).Value;
        string useCsv, refundCsv;
        await using (var file = await _sandbox.Client.DownloadBillAsync(useFlow.ToBill()))
            useCsv = await new StreamReader(file).ReadToEndAsync();
        using (var file = _sandbox.Client.DownloadBill(refundFlow.ToBill()))
            refundCsv = new StreamReader(file).ReadToEnd();
        var returned = Api.GetCoupon(OpenId, couponId, AppId).Value;

        Assert.Equal("SHA1", useFlow.HashType);
        Assert.StartsWith($"http://{_sandbox.Server.BaseAddress.Authority}/", useFlow.Url);
        // The digest, recomputed independently of the SDK's check.
        Assert.Equal(useFlow.HashValue, Convert.ToHexStringLower(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(useCsv))));
        var useRow = useCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal([stockId, couponId, "全场代金券", "10.00", "120.00", "4200000913202101152566792388"], useRow[..6]);
        Assert.Equal(_sandbox.MerchantId, useRow[^1]);
        Assert.Contains(couponId, refundCsv);
        Assert.Equal(FavorCouponStatus.Sent, returned.Status);
    }
}
