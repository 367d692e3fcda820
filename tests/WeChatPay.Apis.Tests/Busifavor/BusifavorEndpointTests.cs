using System.Net;
using WeChatPay.Apis.Busifavor;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// Every 商家券 endpoint of the catalog, called through the generated <see cref="IBusifavorApi"/> against the sandbox,
/// each answer read back typed and checked.
/// </summary>
public sealed class BusifavorEndpointTests : IDisposable
{
    private readonly BusifavorSandbox _sandbox = new();

    private IBusifavorApi Api => _sandbox.Api;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_stock_is_created_queried_updated_and_its_budget_changed()
    {
        var created = await Api.CreateStockAsync(_sandbox.Definition(CouponCodeMode.MerchantUpload));
        var stockId = created.Value.StockId;

        await Api.UpdateStockAsync(stockId, new UpdateStockRequest { OutRequestNo = NewNo("PATCH"), StockName = "满100减10 (新)" });
        var budget = await Api.UpdateBudgetAsync(stockId, new UpdateBudgetRequest { TargetMaxCoupons = 20, CurrentMaxCoupons = 10, ModifyBudgetRequestNo = NewNo("BUDGET") });
        var stock = Api.GetStock(stockId).Value;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(TimeSpan.FromHours(8), created.Value.CreateTime.Offset);
        Assert.Equal(20, budget.Value.MaxCoupons);
        Assert.Equal("满100减10 (新)", stock.StockName);
        Assert.Equal(StockState.Running, stock.StockState);
        Assert.Equal(StockType.Normal, stock.StockType);
        Assert.Equal(CouponCodeMode.MerchantUpload, stock.CouponCodeMode);
        Assert.Equal(20, stock.StockSendRule!.MaxCoupons);
        Assert.Equal(3, stock.StockSendRule.MaxCouponsPerUser);
        Assert.Equal(CouponUseMethod.OffLine, stock.CouponUseRule!.UseMethod);
        Assert.Equal(1000, stock.CouponUseRule.FixedNormalCoupon!.DiscountAmount);
        Assert.Equal(0, stock.CouponCodeCount!.TotalCount);
    }

    [Fact]
    public async Task Pre_stored_codes_are_uploaded_listed_queried_and_deleted()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.MerchantUpload);

        var upload = Api.UploadCouponCodes(stockId, new UploadCouponCodesRequest { CouponCodeList = ["CODE-1", "CODE-2", "CODE-3"], UploadRequestNo = NewNo("UP") }).Value;
        var page = (await Api.ListCouponCodesAsync(stockId, new ListCouponCodesQuery { Offset = 1, Limit = 1 })).Value;
        var unpaged = Api.ListCouponCodes(stockId, new ListCouponCodesQuery()).Value;
        var one = (await Api.GetCouponCodeAsync(stockId, "CODE-2", AppId)).Value;
        var deleted = (await Api.DeleteCouponCodeAsync(stockId, "CODE-3", NewNo("DEL"))).Value;
        var after = Api.ListCouponCodes(stockId, new ListCouponCodesQuery { Status = CouponCodeStatus.Available.Value }).Value;

        Assert.Equal(3, upload.SuccessCount);
        Assert.Equal(["CODE-2"], page.Data!.Select(c => c.Code));
        Assert.Equal((3L, 1L, 1L), (page.TotalCount, page.Offset, page.Limit));
        Assert.Equal(3, unpaged.Data!.Count); // unset offset and limit are not sent: the defaults apply, not limit=0
        Assert.Equal("CODE-2", one.CodeInformation.Code);
        Assert.Equal(CouponCodeStatus.Available, one.CodeInformation.CodeStatus);
        Assert.Null(one.CouponInformation);
        Assert.Equal(stockId, deleted.StockId);
        Assert.Equal(["CODE-1", "CODE-2"], after.Data!.Select(c => c.Code));
    }

    [Fact]
    public async Task A_coupon_is_sent_listed_used_associated_subsidised_and_returned()
    {
        var (stockId, code) = await _sandbox.SendAsync();
        var listed = (await Api.ListUserCouponsAsync(OpenId, new UserCouponsQuery { Appid = AppId, StockId = stockId })).Value;
        await _sandbox.UseAsync(stockId, code);
        var associated = (await Api.AssociateTradeAsync(new CouponTradeRequest { StockId = stockId, CouponCode = code, OutTradeNo = "ORDER-1", OutRequestNo = NewNo("AS") })).Value;
        var used = Api.GetUserCoupon(OpenId, code, AppId).Value;
        var disassociated = Api.DisassociateTrade(new CouponTradeRequest { StockId = stockId, CouponCode = code, OutTradeNo = "ORDER-1", OutRequestNo = NewNo("DS") }).Value;
        var receipt = (await Api.CreateSubsidyPayReceiptAsync(new SubsidyPayRequest
        {
            StockId = stockId, CouponCode = code, TransactionId = "4200000913202101152566792388", PayerMerchant = _sandbox.Merchant.MerchantId,
            PayeeMerchant = _sandbox.Merchant.MerchantId, Amount = 100, Description = "营销补差", OutSubsidyNo = NewNo("SUB"),
        })).Value;
        var queried = Api.GetSubsidyPayReceipt(receipt.SubsidyReceiptId).Value;
        var receipts = (await Api.ListSubsidyPayReceiptsAsync(stockId, code)).Value;
        var returned = (await Api.ReturnCouponAsync(new ReturnCouponRequest { CouponCode = code, StockId = stockId, ReturnRequestNo = NewNo("RET") })).Value;
        var afterReturn = (await Api.GetUserCouponAsync(OpenId, code, AppId)).Value;

        Assert.Equal(code, Assert.Single(listed.Data!).CouponCode);
        Assert.Equal(1, listed.TotalCount);
        Assert.Equal(CouponState.Used, used.CouponState);
        Assert.Equal("ORDER-1", used.AssociateOutTradeNo);
        Assert.NotEqual(default, associated.WechatpayAssociateTime);
        Assert.NotEqual(default, disassociated.WechatpayDisassociateTime);
        Assert.Equal((SubsidyReceiptStatus.Success, 100L), (receipt.Status, receipt.Amount));
        Assert.Equal(receipt.OutSubsidyNo, queried.OutSubsidyNo);
        Assert.Equal(receipt.SubsidyReceiptId, Assert.Single(receipts.PayReceiptList!).SubsidyReceiptId);
        Assert.NotEqual(default, returned.WechatpayReturnTime);
        Assert.Equal(CouponState.Sent, afterReturn.CouponState);
    }

    [Fact]
    public async Task An_unused_coupon_is_deactivated()
    {
        var (stockId, code) = await _sandbox.SendAsync();

        var deactivated = Api.DeactivateCoupon(new DeactivateCouponRequest { CouponCode = code, StockId = stockId, DeactivateRequestNo = NewNo("DE"), DeactivateReason = "停止活动" }).Value;
        var coupon = Api.GetUserCoupon(OpenId, code, AppId).Value;

        Assert.NotEqual(default, deactivated.WechatpayDeactivateTime);
        Assert.Equal(CouponState.Deactivated, coupon.CouponState);
        Assert.Equal("停止活动", coupon.DeactivateReason);
    }

    [Fact]
    public async Task The_callback_is_set_and_read_back()
    {
        var set = (await Api.SetCallbackAsync(new SetCallbackRequest { NotifyUrl = "https://merchant.example.com/busifavor" })).Value;
        var read = Api.GetCallback().Value;
        var named = (await Api.GetCallbackAsync(_sandbox.Merchant.MerchantId)).Value;

        Assert.Equal((_sandbox.Merchant.MerchantId, "https://merchant.example.com/busifavor"), (set.Mchid, set.NotifyUrl));
        Assert.NotNull(set.UpdateTime);
        Assert.Equal("https://merchant.example.com/busifavor", read.NotifyUrl);
        Assert.Equal(read.NotifyUrl, named.NotifyUrl);
    }
}
