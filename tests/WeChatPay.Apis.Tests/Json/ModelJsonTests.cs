using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Payments.Combine;
using WeChatPay.Apis.Payments.Partner;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Json;

/// <summary>The models read WeChat Pay's documented answers field by field and write them back unchanged.</summary>
public class ModelJsonTests
{
    private static readonly WeChatPayApisJsonContext Context = WeChatPayApisJsonContext.Default;

    [Fact]
    public void Transaction_reads_every_documented_field()
    {
        var t = JsonSerializer.Deserialize(Samples.Transaction, Context.Transaction)!;

        Assert.Equal("wxd678efh567hg6787", t.Appid);
        Assert.Equal("1230000109", t.Mchid);
        Assert.Equal("1217752501201407033233368018", t.OutTradeNo);
        Assert.Equal("1217752501201407033233368018", t.TransactionId);
        Assert.Equal(TradeType.Jsapi, t.TradeType);
        Assert.Equal(TradeState.Success, t.TradeState);
        Assert.Equal("支付成功", t.TradeStateDesc);
        Assert.Equal("CMC", t.BankType);
        Assert.Equal("自定义数据", t.Attach);
        Assert.Equal(new DateTimeOffset(2018, 6, 8, 10, 34, 56, TimeSpan.FromHours(8)), t.SuccessTime);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", t.Payer!.Openid);
        Assert.Equal(100, t.Amount!.Total);
        Assert.Equal(90, t.Amount.PayerTotal);
        Assert.Equal("CNY", t.Amount.Currency);
        Assert.Equal("CNY", t.Amount.PayerCurrency);
        Assert.Equal("013467007045764", t.SceneInfo!.DeviceId);
        var promotion = Assert.Single(t.PromotionDetail!);
        Assert.Equal(("109519", "单品惠-6", "GLOBAL", "CASH", 10L, "931386", 10L, 0L, 0L, "CNY"),
            (promotion.CouponId, promotion.Name, promotion.Scope, promotion.Type, promotion.Amount, promotion.StockId,
             promotion.WechatpayContribute, promotion.MerchantContribute, promotion.OtherContribute, promotion.Currency));
        var goods = Assert.Single(promotion.GoodsDetail!);
        Assert.Equal(("M1006", 1, 100L, 1L, "商品备注信息"), (goods.GoodsId, goods.Quantity, goods.UnitPrice, goods.DiscountAmount, goods.GoodsRemark));
    }

    [Fact]
    public void Partner_transaction_reads_the_sp_and_sub_ids_and_both_openids()
    {
        var t = JsonSerializer.Deserialize(Samples.PartnerTransaction, Context.PartnerTransaction)!;

        Assert.Equal(("wx8888888888888888", "1230000109", "wxd678efh567hg6999", "1900000109"), (t.SpAppid, t.SpMchid, t.SubAppid, t.SubMchid));
        Assert.Equal(TradeType.Micropay, t.TradeType);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", t.Payer!.SpOpenid);
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", t.Payer.SubOpenid);
        Assert.Equal(100, t.Amount!.PayerTotal);
    }

    [Fact]
    public void Combine_transaction_reads_sub_orders_with_their_amounts_and_millisecond_times()
    {
        var t = JsonSerializer.Deserialize(Samples.CombineTransaction.Replace("13:29:35+08:00", "13:29:35.120+08:00"), Context.CombineTransaction)!;

        Assert.Equal("P20150806125346", t.CombineOutTradeNo);
        var sub = Assert.Single(t.SubOrders);
        Assert.Equal(TradeState.Success, sub.TradeState);
        Assert.Equal(new DateTimeOffset(2015, 5, 20, 13, 29, 35, 120, TimeSpan.FromHours(8)), sub.SuccessTime);
        Assert.Equal((10L, 10L, 100000000L), (sub.Amount!.TotalAmount, sub.Amount.PayerAmount!.Value, sub.Amount.SettlementRate!.Value));
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", t.CombinePayerInfo!.Openid);
    }

    [Fact]
    public void Refund_reads_amounts_in_fen_sources_and_promotions()
    {
        var r = JsonSerializer.Deserialize(Samples.Refund, Context.Refund)!;

        Assert.Equal(RefundStatus.Success, r.Status);
        Assert.Equal(RefundChannel.Original, r.Channel);
        Assert.Equal(FundsAccount.Unsettled, r.FundsAccount);
        Assert.Equal("招商银行信用卡0403", r.UserReceivedAccount);
        Assert.Equal((100L, 100L, 90L, 90L, 100L, 100L, 10L, 100L),
            (r.Amount!.Total, r.Amount.Refund, r.Amount.PayerTotal!.Value, r.Amount.PayerRefund!.Value, r.Amount.SettlementRefund!.Value,
             r.Amount.SettlementTotal!.Value, r.Amount.DiscountRefund!.Value, r.Amount.RefundFee!.Value));
        var from = Assert.Single(r.Amount.From!);
        Assert.Equal((FundsAccount.Available, 444L), (from.Account, from.Amount));
        var promotion = Assert.Single(r.PromotionDetail!);
        Assert.Equal(1, Assert.Single(promotion.GoodsDetail!).RefundQuantity);
    }

    [Fact]
    public void Bills_read_the_digest_and_the_download_parts()
    {
        var bill = JsonSerializer.Deserialize(Samples.Bill, Context.Bill)!;
        Assert.Equal(("SHA1", "79bb0f45fc4c42234a918000b2668d689e2bde04"), (bill.HashType, bill.HashValue));
        Assert.StartsWith("https://api.mch.weixin.qq.com/v3/billdownload/file?token=", bill.DownloadUrl);

        var parts = JsonSerializer.Deserialize(Samples.SubMerchantFundFlowBill, Context.SubMerchantFundFlowBill)!;
        var part = Assert.Single(parts.DownloadBillList);
        Assert.Equal((1, 1, "750f2d8e1ea3"), (parts.DownloadBillCount, part.BillSequence, part.Nonce));
    }

    public static TheoryData<string, string> Answers => new()
    {
        { nameof(Samples.Transaction), Samples.Transaction },
        { nameof(Samples.PartnerTransaction), Samples.PartnerTransaction },
        { nameof(Samples.CombineTransaction), Samples.CombineTransaction },
        { nameof(Samples.Refund), Samples.Refund },
        { nameof(Samples.RefundNotice), Samples.RefundNotice },
        { nameof(Samples.Bill), Samples.Bill },
        { nameof(Samples.SubMerchantFundFlowBill), Samples.SubMerchantFundFlowBill },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Documented_answer_written_back_equals_the_original(string name, string json)
    {
        JsonTypeInfo info = name switch
        {
            nameof(Samples.Transaction) => Context.Transaction,
            nameof(Samples.PartnerTransaction) => Context.PartnerTransaction,
            nameof(Samples.CombineTransaction) => Context.CombineTransaction,
            nameof(Samples.Refund) => Context.Refund,
            nameof(Samples.RefundNotice) => Context.RefundNotice,
            nameof(Samples.Bill) => Context.Bill,
            _ => Context.SubMerchantFundFlowBill,
        };
        var model = JsonSerializer.Deserialize(json, info);
        var written = JsonSerializer.SerializeToNode(model, info);

        // Every field survives: nothing documented is dropped or renamed. (Times come back in the same instant and offset.)
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), $"{name} changed in the round trip:\n{written}");
    }

    [Fact]
    public void Prepay_request_is_written_in_snake_case_with_an_expiry_in_whole_seconds_and_no_nulls()
    {
        var request = new PrepayRequest
        {
            Appid = "wxd678efh567hg6787",
            Mchid = "1230000109",
            Description = "Image形象店-深圳腾大-QQ公仔",
            OutTradeNo = "1217752501201407033233368018",
            TimeExpire = new DateTimeOffset(2018, 6, 8, 10, 34, 56, 789, TimeSpan.FromHours(8)),
            NotifyUrl = "https://www.weixin.qq.com/wxpay/pay.php",
            Amount = new OrderAmount { Total = 100, Currency = "CNY" },
            Payer = new Payer { Openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            SceneInfo = new PaymentSceneInfo { PayerClientIp = "14.23.150.211", StoreInfo = new StoreInfo { Id = "0001" } },
            SettleInfo = new SettleInfo { ProfitSharing = false },
        };

        var json = JsonSerializer.Serialize(request, Context.PrepayRequest);

        Assert.Equal(
            "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\",\"description\":\"Image\\u5F62\\u8C61\\u5E97-\\u6DF1\\u5733\\u817E\\u5927-QQ\\u516C\\u4ED4\","
            + "\"out_trade_no\":\"1217752501201407033233368018\",\"time_expire\":\"2018-06-08T10:34:56+08:00\"," // whole seconds
            + "\"notify_url\":\"https://www.weixin.qq.com/wxpay/pay.php\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},"
            + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},\"scene_info\":{\"payer_client_ip\":\"14.23.150.211\",\"store_info\":{\"id\":\"0001\"}},"
            + "\"settle_info\":{\"profit_sharing\":false}}",
            json);
    }

    [Fact]
    public void Refund_request_writes_funds_sources_as_their_wire_names()
    {
        var request = new RefundRequest
        {
            OutTradeNo = "1217752501201407033233368018",
            OutRefundNo = "1217752501201407033233368019",
            FundsAccount = FundsAccount.Available,
            Amount = new RefundRequestAmount { Refund = 50, Total = 100, Currency = "CNY", From = [new RefundFundsFrom { Account = FundsAccount.Available, Amount = 50 }] },
        };

        var json = JsonSerializer.Serialize(request, Context.RefundRequest);

        Assert.Equal("{\"out_trade_no\":\"1217752501201407033233368018\",\"out_refund_no\":\"1217752501201407033233368019\",\"funds_account\":\"AVAILABLE\","
            + "\"amount\":{\"refund\":50,\"from\":[{\"account\":\"AVAILABLE\",\"amount\":50}],\"total\":100,\"currency\":\"CNY\"}}", json);
    }
}
