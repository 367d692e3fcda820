using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Payments.Combine;
using WeChatPay.Apis.Payments.Partner;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Tests.TestSupport;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Endpoints;

/// <summary>
/// The declared clients against the sandbox's payment lifecycle (in process), with notifications delivered over
/// loopback to a Kestrel endpoint and read into the typed resources.
/// </summary>
public sealed class SandboxLifecycleTests : IAsyncLifetime
{
    private const string AppId = "wxd678efh567hg6787";
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private readonly WeChatPaySandbox _sandbox = new(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromMilliseconds(200) });
    private SandboxMerchant _merchant = null!;
    private WeChatPayClient _client = null!;
    private NotifyEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _merchant = _sandbox.CreateMerchant();
        _client = new WeChatPayClient(_sandbox.CreateClientOptions(_merchant, new Uri("https://api.mch.weixin.qq.com/")), _sandbox.CreateHandler());
        _endpoint = await NotifyEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    private static string NewNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];

    private PrepayRequest Order(string outTradeNo, long total = 100) => new()
    {
        Appid = AppId,
        Mchid = _merchant.MerchantId,
        Description = "沙箱测试商品",
        OutTradeNo = outTradeNo,
        NotifyUrl = _endpoint.Url.ToString(),
        Amount = new OrderAmount { Total = total, Currency = "CNY" },
        Payer = new Payer { Openid = OpenId },
        TimeExpire = DateTimeOffset.UtcNow.AddMinutes(30),
    };

    [Fact]
    public async Task Jsapi_order_paid_queried_and_partly_refunded_with_both_notifications_typed()
    {
        var payments = IPaymentsApi.Create(_client);
        var refunds = IRefundsApi.Create(_client);
        var outTradeNo = NewNo("T");

        var prepay = await payments.PrepayJsapiAsync(Order(outTradeNo, total: 100));
        Assert.False(string.IsNullOrEmpty(prepay.Value.PrepayId));
        Assert.Equal(TradeState.NotPay, (await payments.GetTransactionByOutTradeNoAsync(outTradeNo, _merchant.MerchantId)).Value.TradeState);

        _sandbox.PayOrder(_merchant, outTradeNo);
        var (body, header) = await _endpoint.NextAsync();
        var paid = await _client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.Transaction);
        Assert.Equal("TRANSACTION.SUCCESS", paid.EventType);
        Assert.Equal((outTradeNo, 100L), (paid.Resource.OutTradeNo, paid.Resource.Amount!.Total));

        var byId = await payments.GetTransactionAsync(paid.Resource.TransactionId!, _merchant.MerchantId);
        Assert.Equal(TradeState.Success, byId.Value.TradeState);
        Assert.Equal(TradeType.Jsapi, byId.Value.TradeType);
        Assert.NotNull(byId.Value.SuccessTime);

        var outRefundNo = NewNo("R");
        var refund = await refunds.CreateAsync(new RefundRequest
        {
            OutTradeNo = outTradeNo,
            OutRefundNo = outRefundNo,
            NotifyUrl = _endpoint.Url.ToString(),
            Amount = new RefundRequestAmount { Refund = 40, Total = 100, Currency = "CNY" },
        });
        Assert.Equal(RefundStatus.Processing, refund.Value.Status);

        (body, header) = await _endpoint.NextAsync();
        var refunded = await _client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.RefundNotice);
        Assert.Equal("REFUND.SUCCESS", refunded.EventType);
        Assert.Equal((RefundStatus.Success, 40L), (refunded.Resource.RefundStatus, refunded.Resource.Amount!.Refund));

        Assert.Equal(RefundStatus.Success, refunds.Get(outRefundNo).Value.Status);
        Assert.Equal(TradeState.Refund, payments.GetTransactionByOutTradeNo(outTradeNo, _merchant.MerchantId).Value.TradeState);
    }

    [Fact]
    public async Task App_h5_and_native_orders_answer_their_own_front_end_handle()
    {
        var payments = IPaymentsApi.Create(_client);

        var app = await payments.PrepayAppAsync(Order(NewNo("A")));
        var native = await payments.PrepayNativeAsync(Order(NewNo("N")));
        var h5Order = Order(NewNo("H"));
        h5Order.SceneInfo = new PaymentSceneInfo { PayerClientIp = "14.23.150.211", H5Info = new H5Info { Type = "Wap" } };
        var h5 = await payments.PrepayH5Async(h5Order);

        Assert.False(string.IsNullOrEmpty(app.Value.PrepayId));
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", native.Value.CodeUrl);
        Assert.StartsWith("https://", h5.Value.H5Url);
    }

    [Fact]
    public async Task Unpaid_order_closes_and_then_cannot_be_paid()
    {
        var payments = IPaymentsApi.Create(_client);
        var outTradeNo = NewNo("C");
        await payments.PrepayNativeAsync(Order(outTradeNo));

        await payments.CloseAsync(outTradeNo, new CloseOrderRequest { Mchid = _merchant.MerchantId });

        Assert.Equal(TradeState.Closed, (await payments.GetTransactionByOutTradeNoAsync(outTradeNo, _merchant.MerchantId)).Value.TradeState);
        Assert.Throws<InvalidOperationException>(() => _sandbox.PayOrder(_merchant, outTradeNo));
    }

    [Fact]
    public async Task Same_out_trade_no_with_other_parameters_is_an_api_exception()
    {
        var payments = IPaymentsApi.Create(_client);
        var outTradeNo = NewNo("D");
        await payments.PrepayJsapiAsync(Order(outTradeNo, total: 100));

        var ex = await Assert.ThrowsAsync<WeChatPayApiException>(() => payments.PrepayJsapiAsync(Order(outTradeNo, total: 200)));

        Assert.InRange((int)ex.StatusCode, 400, 499);
        Assert.False(string.IsNullOrEmpty(ex.Code));
    }

    [Fact]
    public async Task Partner_order_paid_and_queried_for_the_sub_merchant()
    {
        var partner = IPartnerPaymentsApi.Create(_client);
        var outTradeNo = NewNo("P");

        await partner.PrepayJsapiAsync(new PartnerPrepayRequest
        {
            SpAppid = AppId,
            SpMchid = _merchant.MerchantId,
            SubMchid = "1900000109",
            Description = "服务商沙箱商品",
            OutTradeNo = outTradeNo,
            NotifyUrl = _endpoint.Url.ToString(),
            Amount = new OrderAmount { Total = 88 },
            Payer = new PartnerPayer { SpOpenid = OpenId },
        });
        _sandbox.PayOrder(_merchant, outTradeNo, subMchId: "1900000109");

        var t = await partner.GetTransactionByOutTradeNoAsync(outTradeNo, _merchant.MerchantId, "1900000109");
        Assert.Equal((TradeState.Success, "1900000109", 88L), (t.Value.TradeState, t.Value.SubMchid, t.Value.Amount!.Total));
        var byId = partner.GetTransaction(t.Value.TransactionId!, _merchant.MerchantId, "1900000109");
        Assert.Equal(outTradeNo, byId.Value.OutTradeNo);

        var (body, header) = await _endpoint.NextAsync();
        var notification = await _client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.PartnerTransaction);
        Assert.Equal(("1900000109", TradeState.Success), (notification.Resource.SubMchid, notification.Resource.TradeState));
    }

    [Fact]
    public async Task Combined_order_paid_queried_and_another_closed()
    {
        var combine = ICombinePaymentsApi.Create(_client);
        CombinePrepayRequest Combined(string no) => new()
        {
            CombineAppid = AppId,
            CombineMchid = _merchant.MerchantId,
            CombineOutTradeNo = no,
            NotifyUrl = _endpoint.Url.ToString(),
            CombinePayerInfo = new CombinePayerInfo { Openid = OpenId },
            SubOrders =
            [
                new CombineSubOrder { Mchid = _merchant.MerchantId, Attach = "a", Amount = new CombineOrderAmount { TotalAmount = 10, Currency = "CNY" }, OutTradeNo = NewNo("S"), Description = "合单子单一" },
                new CombineSubOrder { Mchid = _merchant.MerchantId, Attach = "b", Amount = new CombineOrderAmount { TotalAmount = 20, Currency = "CNY" }, OutTradeNo = NewNo("S"), Description = "合单子单二" },
            ],
        };
        var paidNo = NewNo("M");
        var closedNo = NewNo("M");
        var closed = Combined(closedNo);

        Assert.False(string.IsNullOrEmpty((await combine.PrepayJsapiAsync(Combined(paidNo))).Value.PrepayId));
        await combine.PrepayJsapiAsync(closed);
        _sandbox.PayCombinedOrder(_merchant, paidNo);
        var paid = await combine.GetTransactionAsync(paidNo);
        await combine.CloseAsync(closedNo, new CombineCloseRequest
        {
            CombineAppid = AppId,
            SubOrders = closed.SubOrders.Select(s => new CombineCloseSubOrder { Mchid = s.Mchid, OutTradeNo = s.OutTradeNo }).ToList(),
        });

        Assert.Equal([TradeState.Success, TradeState.Success], paid.Value.SubOrders.Select(s => s.TradeState));
        Assert.Equal([10L, 20L], paid.Value.SubOrders.Select(s => s.Amount!.TotalAmount));
        Assert.All(combine.GetTransaction(closedNo).Value.SubOrders, s => Assert.Equal(TradeState.Closed, s.TradeState));
    }

    [Fact]
    public async Task Abnormal_refund_is_redirected_to_a_bank_card()
    {
        // A sandbox of its own that never settles by itself, so the test decides the refund ends ABNORMAL.
        await using var sandbox = new WeChatPaySandbox(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromHours(1) });
        var merchant = sandbox.CreateMerchant();
        using var client = new WeChatPayClient(sandbox.CreateClientOptions(merchant, new Uri("https://api.mch.weixin.qq.com/")), sandbox.CreateHandler());
        var refunds = IRefundsApi.Create(client);
        var outTradeNo = NewNo("B");
        var order = Order(outTradeNo);
        order.Mchid = merchant.MerchantId;
        await IPaymentsApi.Create(client).PrepayJsapiAsync(order);
        sandbox.PayOrder(merchant, outTradeNo);
        var outRefundNo = NewNo("R");
        var refund = await refunds.CreateAsync(new RefundRequest
        {
            OutTradeNo = outTradeNo,
            OutRefundNo = outRefundNo,
            Amount = new RefundRequestAmount { Refund = 100, Total = 100, Currency = "CNY" },
        });
        sandbox.SettleRefund(merchant, outRefundNo, "ABNORMAL");
        Assert.Equal(RefundStatus.Abnormal, (await refunds.GetAsync(outRefundNo)).Value.Status);

        var redirected = await refunds.ApplyAbnormalRefundAsync(refund.Value.RefundId, new AbnormalRefundRequest
        {
            OutRefundNo = outRefundNo,
            Type = "USER_BANK_CARD",
            BankType = "ICBC_DEBIT",
            BankAccount = "6222021234567890123",
            RealName = "张三",
        });

        Assert.Equal(outRefundNo, redirected.Value.OutRefundNo);
        Assert.NotEqual(RefundStatus.Abnormal, redirected.Value.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(BillCompression.Gzip)]
    public async Task Days_trade_bill_downloads_with_its_hash_checked_and_lists_the_order(BillCompression? compression)
    {
        var payments = IPaymentsApi.Create(_client);
        var outTradeNo = NewNo("L");
        await payments.PrepayJsapiAsync(Order(outTradeNo));
        _sandbox.PayOrder(_merchant, outTradeNo);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var bill = await IBillsApi.Create(_client).GetTradeBillAsync(today, BillType.All, compression);
        await using var stream = await _client.DownloadBillAsync(bill.Value);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();

        Assert.True(stream.IsVerified);
        Assert.Contains("`" + outTradeNo, text);
    }

    [Fact]
    public async Task Fund_flow_bill_downloads_with_its_hash_checked()
    {
        var outTradeNo = NewNo("F");
        await IPaymentsApi.Create(_client).PrepayJsapiAsync(Order(outTradeNo));
        _sandbox.PayOrder(_merchant, outTradeNo);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var bill = IBillsApi.Create(_client).GetFundFlowBill(today, FundAccountType.Basic, BillCompression.Gzip);
        using var stream = _client.DownloadBill(bill.Value);
        stream.CopyTo(Stream.Null);

        Assert.True(stream.IsVerified);
    }
}
