using System.Net;
using System.Text.Json.Nodes;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Payments.Combine;
using WeChatPay.Apis.Payments.Partner;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Tests.TestSupport;
using static WeChatPay.Apis.Tests.TestSupport.PaymentGateway;

namespace WeChatPay.Apis.Tests.Endpoints;

/// <summary>
/// Each declared endpoint, called through its generated client: the request is signed and goes to the documented
/// method, path and query with the documented body; the verified answer comes back typed.
/// </summary>
public class EndpointCallTests
{
    private static PrepayRequest Order() => new()
    {
        Appid = "wxd678efh567hg6787",
        Mchid = MerchantId,
        Description = "QQ公仔",
        OutTradeNo = "ORDER-0001",
        NotifyUrl = "https://merchant.example.com/wechatpay/notify",
        Amount = new OrderAmount { Total = 100 },
        Payer = new Payer { Openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    };

    private static PartnerPrepayRequest PartnerOrder() => new()
    {
        SpAppid = "wx8888888888888888",
        SpMchid = MerchantId,
        SubMchid = "1900000109",
        Description = "QQ公仔",
        OutTradeNo = "ORDER-0002",
        NotifyUrl = "https://merchant.example.com/wechatpay/notify",
        Amount = new OrderAmount { Total = 100 },
    };

    private static CombinePrepayRequest CombineOrder() => new()
    {
        CombineAppid = "wxd678efh567hg6787",
        CombineMchid = MerchantId,
        CombineOutTradeNo = "P20150806125346",
        NotifyUrl = "https://merchant.example.com/wechatpay/notify",
        SubOrders = [new CombineSubOrder { Mchid = MerchantId, Attach = "深圳分店", Amount = new CombineOrderAmount { TotalAmount = 10, Currency = "CNY" }, OutTradeNo = "20150806125346", Description = "腾讯充值中心-QQ会员充值" }],
    };

    private static (PaymentGateway Gateway, WeChatPayClient Client) Serve(Answer answer)
    {
        var gateway = new PaymentGateway(_ => answer);
        return (gateway, gateway.CreateClient());
    }

    private static void AssertSent(PaymentGateway gateway, string method, string target, string? bodyField = null, string? bodyValue = null)
    {
        var sent = Assert.Single(gateway.Requests);
        Assert.Equal((method, target), (sent.Method, sent.Target));
        if (bodyField is not null)
            Assert.Equal(bodyValue, JsonNode.Parse(sent.Body)!.AsObject()[bodyField]!.ToJsonString());
        else if (method == "GET")
            Assert.Equal("", sent.Body);
    }

    [Theory]
    [InlineData("jsapi")]
    [InlineData("app")]
    public async Task Direct_jsapi_and_app_orders_post_the_order_and_read_the_prepay_id(string kind)
    {
        var (gateway, client) = Serve(Answer.Json("{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
        using var _ = client;
        var api = IPaymentsApi.Create(client);

        var answer = kind == "jsapi" ? await api.PrepayJsapiAsync(Order()) : await api.PrepayAppAsync(Order());

        Assert.Equal("wx201410272009395522657a690389285100", answer.Value.PrepayId);
        Assert.Equal("08F78BB5AF0610D4A9E2C9ED011800", answer.RequestId);
        AssertSent(gateway, "POST", "/v3/pay/transactions/" + kind, "out_trade_no", "\"ORDER-0001\"");
    }

    [Fact]
    public async Task Direct_h5_order_reads_the_h5_url()
    {
        var (gateway, client) = Serve(Answer.Json("{\"h5_url\":\"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx2016&package=1037687096\"}"));
        using var _ = client;
        var order = Order();
        order.SceneInfo = new PaymentSceneInfo { PayerClientIp = "14.23.150.211", H5Info = new H5Info { Type = "Wap" } };

        var answer = await IPaymentsApi.Create(client).PrepayH5Async(order);

        Assert.StartsWith("https://wx.tenpay.com/", answer.Value.H5Url);
        AssertSent(gateway, "POST", "/v3/pay/transactions/h5", "scene_info", "{\"payer_client_ip\":\"14.23.150.211\",\"h5_info\":{\"type\":\"Wap\"}}");
    }

    [Fact]
    public void Direct_native_order_reads_the_code_url_synchronously()
    {
        var (gateway, client) = Serve(Answer.Json("{\"code_url\":\"weixin://wxpay/bizpayurl?pr=p4lpSuKzz\"}"));
        using var _ = client;

        var answer = IPaymentsApi.Create(client).PrepayNative(Order());

        Assert.Equal("weixin://wxpay/bizpayurl?pr=p4lpSuKzz", answer.Value.CodeUrl);
        AssertSent(gateway, "POST", "/v3/pay/transactions/native", "amount", "{\"total\":100}");
    }

    [Fact]
    public async Task Direct_queries_by_transaction_id_and_out_trade_no_send_the_mchid_in_the_query()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.Transaction));
        using var _ = client;
        var api = IPaymentsApi.Create(client);

        var byId = await api.GetTransactionAsync("4200001234202612061234567890", MerchantId);
        var byNo = api.GetTransactionByOutTradeNo("ORDER/0001", MerchantId);

        Assert.Equal(TradeState.Success, byId.Value.TradeState);
        Assert.Equal(TradeState.Success, byNo.Value.TradeState);
        Assert.Equal("/v3/pay/transactions/id/4200001234202612061234567890?mchid=1900000001", gateway.Requests[0].Target);
        Assert.Equal("/v3/pay/transactions/out-trade-no/ORDER%2F0001?mchid=1900000001", gateway.Requests[1].Target);
    }

    [Fact]
    public async Task Direct_close_posts_the_mchid_and_accepts_no_content()
    {
        var (gateway, client) = Serve(Answer.NoContent());
        using var _ = client;

        await IPaymentsApi.Create(client).CloseAsync("ORDER-0001", new CloseOrderRequest { Mchid = MerchantId });

        AssertSent(gateway, "POST", "/v3/pay/transactions/out-trade-no/ORDER-0001/close", "mchid", "\"1900000001\"");
    }

    [Theory]
    [InlineData("jsapi")]
    [InlineData("app")]
    [InlineData("h5")]
    [InlineData("native")]
    public async Task Partner_orders_post_the_sp_and_sub_ids(string kind)
    {
        var (gateway, client) = Serve(Answer.Json("{\"prepay_id\":\"wx2014\",\"h5_url\":\"https://wx.tenpay.com/x\",\"code_url\":\"weixin://wxpay/bizpayurl?pr=x\"}"));
        using var _ = client;
        var api = IPartnerPaymentsApi.Create(client);

        switch (kind)
        {
            case "jsapi": Assert.Equal("wx2014", (await api.PrepayJsapiAsync(PartnerOrder())).Value.PrepayId); break;
            case "app": Assert.Equal("wx2014", (await api.PrepayAppAsync(PartnerOrder())).Value.PrepayId); break;
            case "h5": Assert.Equal("https://wx.tenpay.com/x", (await api.PrepayH5Async(PartnerOrder())).Value.H5Url); break;
            default: Assert.Equal("weixin://wxpay/bizpayurl?pr=x", (await api.PrepayNativeAsync(PartnerOrder())).Value.CodeUrl); break;
        }

        AssertSent(gateway, "POST", "/v3/pay/partner/transactions/" + kind, "sub_mchid", "\"1900000109\"");
    }

    [Fact]
    public async Task Partner_queries_and_close_name_both_merchants()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.PartnerTransaction));
        using var _ = client;
        var api = IPartnerPaymentsApi.Create(client);

        var byId = await api.GetTransactionAsync("4200001234", MerchantId, "1900000109");
        var byNo = await api.GetTransactionByOutTradeNoAsync("ORDER-0002", MerchantId, "1900000109");

        Assert.Equal("1900000109", byId.Value.SubMchid);
        Assert.Equal(TradeType.Micropay, byNo.Value.TradeType);
        Assert.Equal("/v3/pay/partner/transactions/id/4200001234?sp_mchid=1900000001&sub_mchid=1900000109", gateway.Requests[0].Target);
        Assert.Equal("/v3/pay/partner/transactions/out-trade-no/ORDER-0002?sp_mchid=1900000001&sub_mchid=1900000109", gateway.Requests[1].Target);

        var (closing, closeClient) = Serve(Answer.NoContent());
        using var __ = closeClient;
        IPartnerPaymentsApi.Create(closeClient).Close("ORDER-0002", new PartnerCloseOrderRequest { SpMchid = MerchantId, SubMchid = "1900000109" });
        AssertSent(closing, "POST", "/v3/pay/partner/transactions/out-trade-no/ORDER-0002/close", "sp_mchid", "\"1900000001\"");
    }

    [Theory]
    [InlineData("jsapi")]
    [InlineData("app")]
    [InlineData("h5")]
    [InlineData("native")]
    public async Task Combine_orders_post_the_sub_orders(string kind)
    {
        var (gateway, client) = Serve(Answer.Json("{\"prepay_id\":\"wx2014\",\"h5_url\":\"https://wx.tenpay.com/x\",\"code_url\":\"weixin://wxpay/bizpayurl?pr=x\"}"));
        using var _ = client;
        var api = ICombinePaymentsApi.Create(client);

        switch (kind)
        {
            case "jsapi": Assert.Equal("wx2014", (await api.PrepayJsapiAsync(CombineOrder())).Value.PrepayId); break;
            case "app": Assert.Equal("wx2014", (await api.PrepayAppAsync(CombineOrder())).Value.PrepayId); break;
            case "h5": Assert.Equal("https://wx.tenpay.com/x", (await api.PrepayH5Async(CombineOrder())).Value.H5Url); break;
            default: Assert.Equal("weixin://wxpay/bizpayurl?pr=x", api.PrepayNative(CombineOrder()).Value.CodeUrl); break;
        }

        var sent = Assert.Single(gateway.Requests);
        Assert.Equal("/v3/combine-transactions/" + kind, sent.Target);
        Assert.Equal(10, (long)JsonNode.Parse(sent.Body)!["sub_orders"]![0]!["amount"]!["total_amount"]!);
    }

    [Fact]
    public async Task Combine_query_and_close_use_the_combined_order_number()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.CombineTransaction));
        using var _ = client;

        var t = await ICombinePaymentsApi.Create(client).GetTransactionAsync("P20150806125346");

        Assert.Equal("20150806125346", Assert.Single(t.Value.SubOrders).OutTradeNo);
        AssertSent(gateway, "GET", "/v3/combine-transactions/out-trade-no/P20150806125346");

        var (closing, closeClient) = Serve(Answer.NoContent());
        using var __ = closeClient;
        await ICombinePaymentsApi.Create(closeClient).CloseAsync("P20150806125346",
            new CombineCloseRequest { CombineAppid = "wxd678efh567hg6787", SubOrders = [new CombineCloseSubOrder { Mchid = MerchantId, OutTradeNo = "20150806125346" }] });
        AssertSent(closing, "POST", "/v3/combine-transactions/out-trade-no/P20150806125346/close", "combine_appid", "\"wxd678efh567hg6787\"");
    }

    [Fact]
    public async Task Refund_create_and_query_by_out_refund_no()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.Refund));
        using var _ = client;
        var api = IRefundsApi.Create(client);

        var created = await api.CreateAsync(new RefundRequest
        {
            OutTradeNo = "ORDER-0001",
            OutRefundNo = "REFUND-0001",
            Amount = new RefundRequestAmount { Refund = 40, Total = 100, Currency = "CNY" },
        });
        var queried = api.Get("REFUND-0001");
        var partner = await api.GetAsync("REFUND-0001", subMchid: "1900000109");

        Assert.Equal(RefundStatus.Success, created.Value.Status);
        Assert.Equal("50000000382019052709732678859", queried.Value.RefundId);
        Assert.Equal(("POST", "/v3/refund/domestic/refunds"), (gateway.Requests[0].Method, gateway.Requests[0].Target));
        Assert.Equal("{\"out_trade_no\":\"ORDER-0001\",\"out_refund_no\":\"REFUND-0001\",\"amount\":{\"refund\":40,\"total\":100,\"currency\":\"CNY\"}}", gateway.Requests[0].Body);
        Assert.Equal("/v3/refund/domestic/refunds/REFUND-0001", gateway.Requests[1].Target);
        Assert.Equal("/v3/refund/domestic/refunds/REFUND-0001?sub_mchid=1900000109", gateway.Requests[2].Target);
    }

    [Fact]
    public async Task Abnormal_refund_sends_the_bank_account_and_name_encrypted_and_names_the_key()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.Refund));
        using var _ = client;

        await IRefundsApi.Create(client).ApplyAbnormalRefundAsync("50000000382019052709732678859", new AbnormalRefundRequest
        {
            OutRefundNo = "REFUND-0001",
            Type = "USER_BANK_CARD",
            BankType = "ICBC_DEBIT",
            BankAccount = "6222021234567890123",
            RealName = "张三",
        });

        var sent = Assert.Single(gateway.Requests);
        Assert.Equal("/v3/refund/domestic/refunds/50000000382019052709732678859/apply-abnormal-refund", sent.Target);
        Assert.Equal(PublicKeyId, sent.WechatpaySerial);
        var body = JsonNode.Parse(sent.Body)!;
        Assert.DoesNotContain("6222021234567890123", sent.Body);
        Assert.DoesNotContain("张三", sent.Body);
        Assert.Equal(344, body["bank_account"]!.ToString().Length); // base64 of a 2048-bit RSA-OAEP block
    }

    [Fact]
    public async Task Trade_bill_sends_date_type_and_gzip_in_the_query()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.Bill));
        using var _ = client;
        var api = IBillsApi.Create(client);

        var bill = await api.GetTradeBillAsync("2026-12-06", BillType.Refund, BillCompression.Gzip);
        api.GetTradeBill("2026-12-06");

        Assert.Equal("79bb0f45fc4c42234a918000b2668d689e2bde04", bill.Value.HashValue);
        Assert.Equal("/v3/bill/tradebill?bill_date=2026-12-06&bill_type=REFUND&tar_type=GZIP", gateway.Requests[0].Target);
        Assert.Equal("/v3/bill/tradebill?bill_date=2026-12-06", gateway.Requests[1].Target);
    }

    [Fact]
    public async Task Fund_flow_and_sub_merchant_fund_flow_bills_send_the_account_type()
    {
        var (gateway, client) = Serve(Answer.Json(Samples.Bill));
        using var _ = client;
        await IBillsApi.Create(client).GetFundFlowBillAsync("2026-12-06", FundAccountType.Operation);
        Assert.Equal("/v3/bill/fundflowbill?bill_date=2026-12-06&account_type=OPERATION", Assert.Single(gateway.Requests).Target);

        var (subGateway, subClient) = Serve(Answer.Json(Samples.SubMerchantFundFlowBill));
        using var __ = subClient;
        var parts = await IBillsApi.Create(subClient).GetSubMerchantFundFlowBillAsync("1900000109", "2026-12-06", FundAccountType.Basic, compression: BillCompression.Gzip);
        Assert.Equal(1, parts.Value.DownloadBillCount);
        Assert.Equal("/v3/bill/sub-merchant-fundflowbill?sub_mchid=1900000109&bill_date=2026-12-06&account_type=BASIC&algorithm=AEAD_AES_256_GCM&tar_type=GZIP",
            Assert.Single(subGateway.Requests).Target);
    }

    [Fact]
    public async Task Error_answer_is_an_api_exception_with_wechat_pays_code()
    {
        var (_, client) = Serve(Answer.Json("{\"code\":\"ORDERPAID\",\"message\":\"该订单已支付\"}", HttpStatusCode.BadRequest));
        using var __ = client;

        var ex = await Assert.ThrowsAsync<WeChatPayApiException>(() => IPaymentsApi.Create(client).CloseAsync("ORDER-0001", new CloseOrderRequest { Mchid = MerchantId }));

        Assert.Equal(("ORDERPAID", HttpStatusCode.BadRequest), (ex.Code, ex.StatusCode));
    }
}
