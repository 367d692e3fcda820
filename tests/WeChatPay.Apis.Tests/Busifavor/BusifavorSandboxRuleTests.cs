using System.Net;
using WeChatPay.Apis.Busifavor;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>The sandbox's 商家券 rules, each as WeChat Pay documents it, seen through the generated client.</summary>
public sealed class BusifavorSandboxRuleTests : IDisposable
{
    private readonly BusifavorSandbox _sandbox = new();

    private IBusifavorApi Api => _sandbox.Api;

    public void Dispose() => _sandbox.Dispose();

    private async Task<WeChatPayApiException> CreateFails(Action<CreateStockRequest> change)
    {
        var definition = _sandbox.Definition(CouponCodeMode.WechatpayMode);
        change(definition);
        return await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateStockAsync(definition));
    }

    [Fact]
    public async Task Max_coupons_is_optional()
    {
        var definition = _sandbox.Definition(CouponCodeMode.WechatpayMode);
        definition.StockSendRule.MaxCoupons = null;

        var stock = Api.GetStock((await Api.CreateStockAsync(definition)).Value.StockId).Value;

        Assert.Null(stock.StockSendRule!.MaxCoupons);
    }

    [Fact]
    public async Task A_validity_longer_than_a_year_is_PARAM_ERROR()
    {
        var error = await CreateFails(d => d.CouponUseRule.CouponAvailableTime.AvailableEndTime = d.CouponUseRule.CouponAvailableTime.AvailableBeginTime.AddYears(1).AddDays(1));

        Assert.Equal(("PARAM_ERROR", "/coupon_use_rule/coupon_available_time/available_end_time"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_discount_stock_needs_the_discount_rule()
    {
        var error = await CreateFails(d => d.StockType = StockType.Discount);

        Assert.Equal(("PARAM_ERROR", "/coupon_use_rule/discount_coupon"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_stock_name_longer_than_21_characters_is_PARAM_ERROR()
    {
        var error = await CreateFails(d => d.StockName = new string('券', 22));

        Assert.Equal(("PARAM_ERROR", "/stock_name"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_goods_name_longer_than_15_characters_is_PARAM_ERROR()
    {
        var error = await CreateFails(d => d.GoodsName = new string('品', 16));

        Assert.Equal(("PARAM_ERROR", "/goods_name"), (error.Code, error.Detail!.Field));
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
        var cardId = _sandbox.CreateCard();
        var body = $"{{\"appid\":\"{AppId}\",\"openid\":\"{OpenId}\",\"out_request_no\":\"{NewNo("Z")}\",\"send_time\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\"}}";

        var sent = await _sandbox.Client["v3/marketing/busifavor/coupons/{card_id}/send"].PostAsync(new ChainRequestOptions
        {
            PathValues = { ["card_id"] = cardId },
            Json = System.Text.Json.Nodes.JsonNode.Parse(body),
        });

        Assert.False(string.IsNullOrEmpty(sent.Json!["card_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_code_longer_than_32_characters_fails_with_LENGTH_LIMIT()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);

        var result = (await Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = [new string('A', 33)], UploadRequestNo = NewNo("U") })).Value;

        Assert.Equal("LENGTH_LIMIT", Assert.Single(result.FailCodes!).Code);
    }

    [Fact]
    public async Task An_upload_request_no_longer_than_128_characters_is_PARAM_ERROR()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = ["A1"], UploadRequestNo = new string('n', 129) }));

        Assert.Equal(("PARAM_ERROR", "/upload_request_no"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task The_code_list_total_counts_every_code_of_the_stock_whatever_the_filter()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);
        await Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = ["A1", "A2", "A3"], UploadRequestNo = NewNo("U") });
        await _sandbox.SendAsync(stockId);

        var dispatched = (await Api.ListCouponCodesAsync(stockId, new ListCouponCodesQuery { Status = "DISPATCHED" })).Value;

        Assert.Equal(3, dispatched.TotalCount);
        Assert.Equal(["A1"], dispatched.Data!.Select(c => c.Code));
    }

    [Fact]
    public async Task The_stock_query_counts_codes_and_todays_sends()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);
        await Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = ["A1", "A2"], UploadRequestNo = NewNo("U") });
        await _sandbox.SendAsync(stockId);

        var stock = (await Api.GetStockAsync(stockId)).Value;

        Assert.Equal((2L, 1L), (stock.CouponCodeCount!.TotalCount, stock.CouponCodeCount.AvailableCount));
        Assert.Equal((1L, 1L), (stock.SendCountInformation!.TotalSendNum, stock.SendCountInformation.TodaySendNum));
    }

    [Fact]
    public async Task Using_a_merchant_upload_coupon_without_stock_id_is_PARAM_ERROR()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);
        await Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = ["A1"], UploadRequestNo = NewNo("U") });
        var (_, code) = await _sandbox.SendAsync(stockId);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.UseCouponAsync(new UseCouponRequest
        {
            CouponCode = code, Appid = AppId, UseTime = Now(), UseRequestNo = NewNo("USE"),
        }));

        Assert.Equal(("PARAM_ERROR", "/stock_id"), (error.Code, error.Detail!.Field));
    }

    [Fact]
    public async Task A_coupon_used_twice_is_INVALID_REQUEST()
    {
        var (stockId, code) = await _sandbox.SendAsync();
        await _sandbox.UseAsync(stockId, code);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => _sandbox.UseAsync(stockId, code));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_coupon_is_valid_from_its_own_receipt_by_the_days_after_receive()
    {
        var definition = _sandbox.Definition(CouponCodeMode.WechatpayMode);
        definition.CouponUseRule.CouponAvailableTime.WaitDaysAfterReceive = 1;
        definition.CouponUseRule.CouponAvailableTime.AvailableDayAfterReceive = 3;
        var (stockId, code) = await _sandbox.SendAsync((await Api.CreateStockAsync(definition)).Value.StockId);

        var coupon = (await Api.GetUserCouponAsync(OpenId, code, AppId)).Value;
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => _sandbox.UseAsync(stockId, code));

        Assert.Equal(TimeSpan.FromDays(1), coupon.AvailableStartTime - coupon.ReceiveTime);
        Assert.Equal(TimeSpan.FromDays(3), coupon.ExpireTime - coupon.AvailableStartTime);
        Assert.Equal("INVALID_REQUEST", error.Code); // used before it becomes usable
    }

    [Fact]
    public async Task A_budget_change_with_a_stale_current_value_is_refused()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.WechatpayMode);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Api.UpdateBudgetAsync(stockId, new UpdateBudgetRequest { TargetMaxCoupons = 50, CurrentMaxCoupons = 7, ModifyBudgetRequestNo = NewNo("B") }));

        Assert.Equal("INVALID_REQUEST", error.Code);
        Assert.Equal(10, Api.GetStock(stockId).Value.StockSendRule!.MaxCoupons);
    }

    [Fact]
    public async Task A_dispatched_code_cannot_be_deleted()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);
        await Api.UploadCouponCodesAsync(stockId, new UploadCouponCodesRequest { CouponCodeList = ["A1"], UploadRequestNo = NewNo("U") });
        await _sandbox.SendAsync(stockId);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.DeleteCouponCodeAsync(stockId, "A1", NewNo("D")));

        Assert.Equal("INVALID_REQUEST", error.Code);
    }

    [Fact]
    public async Task Only_a_used_coupon_can_be_returned_and_only_an_unused_one_deactivated()
    {
        var (stockId, code) = await _sandbox.SendAsync();

        var returnUnused = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Api.ReturnCouponAsync(new ReturnCouponRequest { CouponCode = code, StockId = stockId, ReturnRequestNo = NewNo("R") }));
        await _sandbox.UseAsync(stockId, code);
        var deactivateUsed = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Api.DeactivateCouponAsync(new DeactivateCouponRequest { CouponCode = code, StockId = stockId, DeactivateRequestNo = NewNo("D") }));

        Assert.Equal(("INVALID_REQUEST", "INVALID_REQUEST"), (returnUnused.Code, deactivateUsed.Code));
    }

    [Fact]
    public async Task An_unset_callback_is_RESOURCE_NOT_EXISTS()
    {
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.GetCallbackAsync());

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    private async Task<SubsidyPayRequest> SubsidyAsync(string stockId, long amount, string description = "营销补差")
    {
        var (_, code) = await _sandbox.SendAsync(stockId);
        await _sandbox.UseAsync(stockId, code);
        return new SubsidyPayRequest
        {
            StockId = stockId, CouponCode = code, TransactionId = "4200000913202101152566792388", PayerMerchant = _sandbox.Merchant.MerchantId,
            PayeeMerchant = _sandbox.Merchant.MerchantId, Amount = amount, Description = description, OutSubsidyNo = NewNo("SUB"),
        };
    }

    [Fact]
    public async Task A_subsidy_description_may_be_1024_characters_and_the_receipt_id_is_28_digits()
    {
        var request = await SubsidyAsync(await _sandbox.CreateStockAsync(CouponCodeMode.WechatpayMode), 100, new string('补', 1024));

        var receipt = (await Api.CreateSubsidyPayReceiptAsync(request)).Value;

        Assert.Equal(1024, receipt.Description.Length);
        Assert.Matches("^[0-9]{28}$", receipt.SubsidyReceiptId);
    }

    [Fact]
    public async Task A_subsidy_above_the_coupons_discount_is_INVALID_REQUEST()
    {
        var request = await SubsidyAsync(await _sandbox.CreateStockAsync(CouponCodeMode.WechatpayMode), 1001); // the discount is 1000 fen

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateSubsidyPayReceiptAsync(request));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_subsidy_above_5000_yuan_is_PARAM_ERROR()
    {
        var request = await SubsidyAsync(await _sandbox.CreateStockAsync(CouponCodeMode.WechatpayMode), 500_001);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateSubsidyPayReceiptAsync(request));

        Assert.Equal(("PARAM_ERROR", "/amount"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task An_exchange_stock_is_not_subsidised()
    {
        var definition = _sandbox.Definition(CouponCodeMode.WechatpayMode, StockType.Exchange);
        definition.CouponUseRule.FixedNormalCoupon = null;
        definition.CouponUseRule.ExchangeCoupon = new ExchangeCoupon { ExchangePrice = 100, TransactionMinimum = 100 };
        var request = await SubsidyAsync((await Api.CreateStockAsync(definition)).Value.StockId, 100);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateSubsidyPayReceiptAsync(request));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
    }
}
