using System.Net;
using System.Text.Json.Nodes;
using WeChatPay.Apis.Favor;
using static WeChatPay.Apis.Tests.Favor.FavorSandbox;

namespace WeChatPay.Apis.Tests.Favor;

/// <summary>The sandbox's 代金券 rules, each as WeChat Pay documents it, seen through the generated client over a socket.</summary>
public sealed class FavorSandboxRuleTests : IAsyncLifetime
{
    private FavorSandbox _sandbox = null!;

    private IFavorApi Api => _sandbox.Api;

    public async Task InitializeAsync() => _sandbox = await FavorSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private async Task<WeChatPayApiException> CreateFails(Action<CreateFavorStockRequest> change)
    {
        var definition = _sandbox.Definition();
        change(definition);
        return await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateStockAsync(definition));
    }

    private static async Task<WeChatPayApiException> Fails(Func<Task> call) => await Assert.ThrowsAsync<WeChatPayApiException>(call);

    [Fact]
    public async Task A_validity_longer_than_90_days_is_PARAM_ERROR()
    {
        var error = await CreateFails(d => d.AvailableEndTime = d.AvailableBeginTime.AddDays(91));

        Assert.Equal(("PARAM_ERROR", "/available_end_time"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_stock_name_longer_than_20_characters_is_PARAM_ERROR()
    {
        var error = await CreateFails(d => d.StockName = new string('券', 21));

        Assert.Equal(("PARAM_ERROR", "/stock_name"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task The_budget_must_be_max_coupons_times_the_coupon_amount()
    {
        var error = await CreateFails(d => d.StockUseRule.MaxAmount = 9_999);

        Assert.Equal(("PARAM_ERROR", "/stock_use_rule/max_amount"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task The_threshold_must_exceed_the_coupon_amount()
    {
        var error = await CreateFails(d => d.CouponUseRule.FixedNormalCoupon!.TransactionMinimum = 1000);

        Assert.Equal(("PARAM_ERROR", "/coupon_use_rule/fixed_normal_coupon/transaction_minimum"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_normal_stock_needs_the_fixed_normal_coupon_rule()
    {
        var error = await CreateFails(d => d.CouponUseRule.FixedNormalCoupon = null);

        Assert.Equal(("PARAM_ERROR", "/coupon_use_rule/fixed_normal_coupon"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task An_unknown_belong_merchant_is_MCH_NOT_EXISTS()
    {
        var error = await CreateFails(d => d.BelongMerchant = "1999999999");

        Assert.Equal((HttpStatusCode.BadRequest, "MCH_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Times_in_the_Z_form_are_accepted()
    {
        var definition = _sandbox.Definition();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(definition, WeChatPayApisJsonContext.Default.CreateFavorStockRequest))!.AsObject();
        body["available_begin_time"] = definition.AvailableBeginTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var response = await _sandbox.Client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/marketing/favor/coupon-stocks")
        {
            Body = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()),
            ContentType = "application/json",
        });
        var stockId = JsonNode.Parse(response.Body.Span)!["stock_id"]!.GetValue<string>();

        Assert.Equal(definition.AvailableBeginTime, Api.GetStock(stockId, _sandbox.MerchantId).Value.AvailableBeginTime);
    }

    [Fact]
    public async Task A_resent_creation_answers_the_stock_it_created()
    {
        var definition = _sandbox.Definition();

        var first = (await Api.CreateStockAsync(definition)).Value;
        var second = (await Api.CreateStockAsync(definition)).Value;

        Assert.Equal(first.StockId, second.StockId);
        Assert.Equal(1, Api.ListStocks(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId }).Value.TotalCount);
    }

    [Fact]
    public async Task Only_an_unactivated_stock_can_be_started()
    {
        var stockId = await _sandbox.RunningStockAsync();

        var error = await Fails(() => Api.StartStockAsync(stockId, _sandbox.Creator));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Only_a_running_stock_can_be_paused()
    {
        var stockId = (await Api.CreateStockAsync(_sandbox.Definition())).Value.StockId;

        var error = await Fails(() => Api.PauseStockAsync(stockId, _sandbox.Creator));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
        Assert.Equal(FavorStockStatus.Unactivated, Api.GetStock(stockId, _sandbox.MerchantId).Value.Status);
    }

    [Fact]
    public async Task Only_a_paused_stock_can_be_restarted()
    {
        var stockId = await _sandbox.RunningStockAsync();

        var error = await Fails(() => Api.RestartStockAsync(stockId, _sandbox.Creator));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_state_change_names_the_calling_merchant_as_creator()
    {
        var stockId = (await Api.CreateStockAsync(_sandbox.Definition())).Value.StockId;

        var error = await Fails(() => Api.StartStockAsync(stockId, new FavorStockCreator { StockCreatorMchid = "1900000109" }));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Another_merchants_stock_is_RESOURCE_NOT_EXISTS()
    {
        var stockId = (await Api.CreateStockAsync(_sandbox.Definition())).Value.StockId;
        var (other, otherApi) = _sandbox.NewMerchantApi();

        var error = await Fails(() => otherApi.GetStockAsync(stockId, other.MerchantId));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Sending_from_a_stock_that_is_not_running_is_INVALID_REQUEST()
    {
        var unactivated = (await Api.CreateStockAsync(_sandbox.Definition())).Value.StockId;
        var paused = await _sandbox.RunningStockAsync();
        await Api.PauseStockAsync(paused, _sandbox.Creator);

        var notStarted = await Fails(() => Api.SendCouponAsync(OpenId, _sandbox.Send(unactivated)));
        var whilePaused = await Fails(() => Api.SendCouponAsync(OpenId, _sandbox.Send(paused)));

        Assert.Equal(("INVALID_REQUEST", "INVALID_REQUEST"), (notStarted.Code, whilePaused.Code));
    }

    [Fact]
    public async Task Sending_past_max_coupons_is_NOT_ENOUGH()
    {
        var stockId = await _sandbox.RunningStockAsync(d => (d.StockUseRule.MaxCoupons, d.StockUseRule.MaxAmount) = (1, 1000));
        await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId));

        var error = await Fails(() => Api.SendCouponAsync("oAnotherUser0000000000000001", _sandbox.Send(stockId)));

        Assert.Equal((HttpStatusCode.Forbidden, "NOT_ENOUGH"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Sending_past_the_daily_budget_is_NOT_ENOUGH()
    {
        var stockId = await _sandbox.RunningStockAsync(d => d.StockUseRule.MaxAmountByDay = 1000);
        await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId));

        var error = await Fails(() => Api.SendCouponAsync("oAnotherUser0000000000000001", _sandbox.Send(stockId)));

        Assert.Equal((HttpStatusCode.Forbidden, "NOT_ENOUGH"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Sending_past_max_coupons_per_user_is_REQUEST_BLOCKED_for_that_user_only()
    {
        var stockId = await _sandbox.RunningStockAsync(d => d.StockUseRule.MaxCouponsPerUser = 1);
        await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId));

        var error = await Fails(() => Api.SendCouponAsync(OpenId, _sandbox.Send(stockId)));
        var otherUser = await Api.SendCouponAsync("oAnotherUser0000000000000001", _sandbox.Send(stockId));

        Assert.Equal((HttpStatusCode.Forbidden, "REQUEST_BLOCKED"), (error.StatusCode, error.Code));
        Assert.False(string.IsNullOrEmpty(otherUser.Value.CouponId));
    }

    [Fact]
    public async Task A_resent_out_request_no_answers_the_coupon_it_sent()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var request = _sandbox.Send(stockId);

        var first = (await Api.SendCouponAsync(OpenId, request)).Value;
        var second = (await Api.SendCouponAsync(OpenId, request)).Value;

        Assert.Equal(first.CouponId, second.CouponId);
        Assert.Equal(1, Api.GetStock(stockId, _sandbox.MerchantId).Value.DistributedCoupons);
    }

    [Fact]
    public async Task Sending_with_an_appid_not_bound_to_the_merchant_is_APPID_MCHID_NOT_MATCH()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var request = _sandbox.Send(stockId);
        request.Appid = "not-an-appid";

        var error = await Fails(() => Api.SendCouponAsync(OpenId, request));

        Assert.Equal((HttpStatusCode.BadRequest, "APPID_MCHID_NOT_MATCH"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Sending_from_an_unknown_stock_is_RESOURCE_NOT_EXISTS()
    {
        var error = await Fails(() => Api.SendCouponAsync(OpenId, _sandbox.Send("99999999")));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Sending_another_merchants_stock_is_REQUEST_BLOCKED()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var (_, otherApi) = _sandbox.NewMerchantApi();

        var error = await Fails(() => otherApi.SendCouponAsync(OpenId, _sandbox.Send(stockId)));

        Assert.Equal((HttpStatusCode.Forbidden, "REQUEST_BLOCKED"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_coupon_of_another_user_is_RESOURCE_NOT_EXISTS()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;

        var error = await Fails(() => Api.GetCouponAsync("oAnotherUser0000000000000001", couponId, AppId));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Available_time_after_receive_ends_the_coupon_that_many_minutes_after_it_is_received()
    {
        var stockId = await _sandbox.RunningStockAsync(d => d.CouponUseRule.CouponAvailableTime = new FavorAvailableTime { AvailableTimeAfterReceive = 60 });
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;

        var coupon = Api.GetCoupon(OpenId, couponId, AppId).Value;

        Assert.Equal(TimeSpan.FromMinutes(60), coupon.AvailableEndTime - coupon.AvailableBeginTime);
    }

    [Fact]
    public async Task The_users_coupons_need_a_creator_sender_or_available_merchant()
    {
        var error = await Fails(() => Api.ListUserCouponsAsync(OpenId, new FavorUserCouponsQuery { Appid = AppId }));

        Assert.Equal(("PARAM_ERROR", "creator_mchid"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_page_of_the_users_coupons_over_100_is_PARAM_ERROR()
    {
        var error = await Fails(() => Api.ListUserCouponsAsync(OpenId, new FavorUserCouponsQuery { Appid = AppId, CreatorMchid = _sandbox.MerchantId, Limit = 101 }));

        Assert.Equal(("PARAM_ERROR", "limit"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_page_of_stocks_over_10_is_PARAM_ERROR()
    {
        var error = await Fails(() => Api.ListStocksAsync(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId, Limit = 11 }));

        Assert.Equal(("PARAM_ERROR", "limit"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task An_unknown_stock_status_filter_is_PARAM_ERROR()
    {
        var error = await Fails(() => Api.ListStocksAsync(new FavorStocksQuery { StockCreatorMchid = _sandbox.MerchantId, Status = "RUNNING" }));

        Assert.Equal(("PARAM_ERROR", "status"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_coupon_is_used_once()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;
        _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, couponId);

        var error = Assert.Throws<InvalidOperationException>(() => _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, couponId));

        Assert.StartsWith("INVALID_REQUEST", error.Message);
    }

    [Fact]
    public async Task Only_a_used_coupon_is_refunded()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;

        var error = Assert.Throws<InvalidOperationException>(() => _sandbox.Sandbox.RefundFavorCoupon(_sandbox.Merchant, OpenId, couponId));

        Assert.StartsWith("INVALID_REQUEST", error.Message);
    }

    [Fact]
    public async Task The_use_control_route_uses_the_coupon_over_http()
    {
        var stockId = await _sandbox.RunningStockAsync();
        var couponId = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;

        var used = await _sandbox.Client.SendAsync(new WeChatPayRequest(HttpMethod.Post, $"sandbox/v1/v3/marketing/favor/users/{OpenId}/coupons/{couponId}/use")
        {
            Body = "{\"transaction_id\":\"4200000913202101152566792388\"}"u8.ToArray(),
            ContentType = "application/json",
        });

        Assert.Equal("USED", JsonNode.Parse(used.Body.Span)!["status"]!.GetValue<string>());
        Assert.Equal("4200000913202101152566792388", Api.GetCoupon(OpenId, couponId, AppId).Value.ConsumeInformation!.TransactionId);
    }

    [Fact]
    public async Task The_callback_is_the_calling_merchants_own()
    {
        var error = await Fails(() => Api.SetCallbackAsync(new SetFavorCallbackRequest { Mchid = _sandbox.NewMerchantApi().Merchant.MerchantId, NotifyUrl = "https://merchant.example.com/favor" }));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_callback_url_that_is_not_https_is_PARAM_ERROR()
    {
        var error = await Fails(() => Api.SetCallbackAsync(new SetFavorCallbackRequest { Mchid = _sandbox.MerchantId, NotifyUrl = "http://merchant.example.com/favor" }));

        Assert.Equal(("PARAM_ERROR", "/notify_url"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task The_callback_query_is_RESOURCE_NOT_EXISTS_until_one_is_set()
    {
        var error = await Fails(() => Api.GetCallbackAsync(_sandbox.MerchantId));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_callback_switched_off_gets_no_COUPON_USE()
    {
        await using var endpoint = await TestSupport.NotifyEndpoint.StartAsync();
        var stockId = await _sandbox.RunningStockAsync();
        var whileOff = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;
        var whileOn = (await Api.SendCouponAsync(OpenId, _sandbox.Send(stockId))).Value.CouponId;

        await Api.SetCallbackAsync(new SetFavorCallbackRequest { Mchid = _sandbox.MerchantId, NotifyUrl = endpoint.Url.ToString(), Switch = false });
        _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, whileOff);
        await Api.SetCallbackAsync(new SetFavorCallbackRequest { Mchid = _sandbox.MerchantId, NotifyUrl = endpoint.Url.ToString(), Switch = true });
        _sandbox.Sandbox.UseFavorCoupon(_sandbox.Merchant, OpenId, whileOn);

        // A use notified while the switch was off would have been queued first; the only delivery is the later use's.
        var (body, header) = await endpoint.NextAsync();
        var notified = await _sandbox.Client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.FavorCoupon);
        var delivered = await _sandbox.Sandbox.WaitForDeliveryAsync(a => a.EventType == "COUPON.USE");
        Assert.Equal(whileOn, notified.Resource.CouponId);
        Assert.Equal(delivered, Assert.Single(_sandbox.Sandbox.NotificationDeliveries));
        Assert.Equal(FavorCouponStatus.Used, Api.GetCoupon(OpenId, whileOff, AppId).Value.Status);
    }
}
