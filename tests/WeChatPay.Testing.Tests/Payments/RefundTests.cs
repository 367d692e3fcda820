using System.Net;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>Refunds over loopback: validation, idempotency, settlement, the REFUND.* notification and abnormal refunds.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RefundTests(SandboxFixture fixture)
{
    private const string Refunds = "/v3/refund/domestic/refunds";

    private async Task<string> PaidOrderAsync(long total = 100)
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa, total);
        fixture.Sandbox.PayOrder(fixture.Rsa, outTradeNo);
        return outTradeNo;
    }

    private static JsonObject Refund(string outTradeNo, string outRefundNo, long refund, long total = 100, string currency = "CNY", string? notifyUrl = null)
    {
        var body = new JsonObject
        {
            ["out_trade_no"] = outTradeNo,
            ["out_refund_no"] = outRefundNo,
            ["reason"] = "商品已售完",
            ["amount"] = new JsonObject { ["refund"] = refund, ["total"] = total, ["currency"] = currency },
        };
        if (notifyUrl is not null)
            body["notify_url"] = notifyUrl;
        return body;
    }

    private static string NewRefundNo() => "R" + SandboxFixture.NewNonce()[..20];

    [Fact]
    public async Task A_refund_starts_PROCESSING_and_the_order_becomes_REFUND()
    {
        var outTradeNo = await PaidOrderAsync();
        var outRefundNo = NewRefundNo();

        var created = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, outRefundNo, 30));
        var order = await fixture.QueryAsync(fixture.Rsa, outTradeNo);
        var query = await fixture.GetAsync(fixture.Rsa, $"{Refunds}/{outRefundNo}");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.True(fixture.VerifiesWithPlatformKey(created));
        Assert.Equal("PROCESSING", created.Field("status"));
        Assert.Matches("^503[0-9]{26}$", created.Field("refund_id"));
        Assert.Equal(order.Field("transaction_id"), created.Field("transaction_id"));
        Assert.Equal(30, created.Json["amount"]!["refund"]!.GetValue<int>());
        Assert.Equal("REFUND", order.Field("trade_state"));
        Assert.Equal(created.Field("refund_id"), query.Field("refund_id"));
    }

    [Fact]
    public async Task Refunds_never_exceed_what_was_paid_in_total()
    {
        var outTradeNo = await PaidOrderAsync(total: 100);

        var first = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 60));
        var tooMuch = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 41));
        var rest = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 40));
        var more = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 1));
        var overTotal = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 101));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Equal("INVALID_REQUEST", tooMuch.Code());
        Assert.Equal(HttpStatusCode.OK, rest.Status);
        Assert.Equal("INVALID_REQUEST", more.Code());
        Assert.Equal("PARAM_ERROR", overTotal.Code());
        Assert.Equal("/amount/refund", overTotal.Json["detail"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_total_and_the_currency_must_match_the_order()
    {
        var outTradeNo = await PaidOrderAsync(total: 100);

        var wrongTotal = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 10, total: 200));
        var wrongCurrency = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, NewRefundNo(), 10, currency: "USD"));

        Assert.Equal("INVALID_REQUEST", wrongTotal.Code());
        Assert.Equal("INVALID_REQUEST", wrongCurrency.Code());
        Assert.Contains("currency", wrongCurrency.Field("message"));
    }

    [Fact]
    public async Task Out_refund_no_is_idempotent_and_refuses_other_parameters()
    {
        var outTradeNo = await PaidOrderAsync();
        var outRefundNo = NewRefundNo();

        var first = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, outRefundNo, 30));
        var again = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, outRefundNo, 30));
        var changed = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(outTradeNo, outRefundNo, 31));

        Assert.Equal(first.Field("refund_id"), again.Field("refund_id"));
        Assert.Equal(HttpStatusCode.BadRequest, changed.Status);
        Assert.Equal("INVALID_REQUEST", changed.Code());
    }

    [Fact]
    public async Task Only_a_paid_order_of_the_merchant_refunds()
    {
        var unpaid = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var notPaid = await fixture.PostAsync(fixture.Rsa, Refunds, Refund(unpaid, NewRefundNo(), 10));
        var unknown = await fixture.PostAsync(fixture.Rsa, Refunds, Refund("NO_SUCH_ORDER", NewRefundNo(), 10));
        var unknownRefund = await fixture.GetAsync(fixture.Rsa, $"{Refunds}/NO_SUCH_REFUND");

        Assert.Equal("INVALID_REQUEST", notPaid.Code());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("RESOURCE_NOT_EXISTS", unknown.Code());
        Assert.Equal("RESOURCE_NOT_EXISTS", unknownRefund.Code());
    }

    [Fact]
    public async Task After_the_settlement_delay_the_refund_succeeds_and_REFUND_SUCCESS_reaches_its_notify_url()
    {
        await using var merchant = await MerchantEndpoint.StartAcknowledgingAsync();
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromMilliseconds(200) });
        var outTradeNo = await own.PlaceJsapiAsync(new Uri("https://merchant.example.com/pay-notify"));
        own.Sandbox.PayOrder(own.Merchant, outTradeNo);
        var outRefundNo = NewRefundNo();

        var created = await own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, outRefundNo, 40, notifyUrl: merchant.Url.ToString()));
        var received = await merchant.NextAsync();
        var parsed = own.Client.ParseNotification(received.Header, received.Body, PaymentJson.Default.RefundResource);
        var query = await own.GetAsync($"v3/refund/domestic/refunds/{outRefundNo}");

        Assert.Equal("PROCESSING", created["status"]!.GetValue<string>());
        Assert.Equal("REFUND.SUCCESS", parsed.EventType);
        Assert.Equal("退款成功", parsed.Summary);
        Assert.Equal("SUCCESS", parsed.Resource.RefundStatus);
        Assert.Equal(outRefundNo, parsed.Resource.OutRefundNo);
        Assert.Equal(40, parsed.Resource.Amount.Refund);
        Assert.Equal(100, parsed.Resource.Amount.Total);
        Assert.Equal("refund", JsonNode.Parse(received.Body)!["resource"]!["original_type"]!.GetValue<string>());
        Assert.Equal("SUCCESS", query["status"]!.GetValue<string>());
        Assert.NotNull(query["success_time"]);
    }

    [Fact]
    public async Task A_refund_stays_PROCESSING_while_the_settlement_delay_lasts()
    {
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromHours(1) });
        var outTradeNo = await own.PlaceJsapiAsync(new Uri("https://merchant.example.com/notify"));
        own.Sandbox.PayOrder(own.Merchant, outTradeNo);
        var outRefundNo = NewRefundNo();

        await own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, outRefundNo, 40));
        var query = await own.GetAsync($"v3/refund/domestic/refunds/{outRefundNo}");

        Assert.Equal("PROCESSING", query["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_abnormal_refund_is_re_routed_by_apply_abnormal_refund_and_then_succeeds()
    {
        await using var merchant = await MerchantEndpoint.StartAcknowledgingAsync();
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromHours(1) });
        var outTradeNo = await own.PlaceJsapiAsync(new Uri("https://merchant.example.com/notify"));
        own.Sandbox.PayOrder(own.Merchant, outTradeNo);
        var outRefundNo = NewRefundNo();
        var created = await own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, outRefundNo, 40, notifyUrl: merchant.Url.ToString()));
        var refundId = created["refund_id"]!.GetValue<string>();
        var applyBody = new JsonObject { ["out_refund_no"] = outRefundNo, ["type"] = "MERCHANT_BANK_CARD" };

        var early = await Assert.ThrowsAsync<WeChatPayApiException>(() => own.PostAsync($"v3/refund/domestic/refunds/{refundId}/apply-abnormal-refund", applyBody));
        var abnormal = await own.PostAsync($"sandbox/v1/refund/domestic/refunds/{outRefundNo}/settle", new JsonObject { ["status"] = "ABNORMAL" });
        var abnormalReceived = await merchant.NextAsync();
        var abnormalNotice = own.Client.ParseNotification(abnormalReceived.Header, abnormalReceived.Body, PaymentJson.Default.RefundResource);
        var applied = await own.PostAsync($"v3/refund/domestic/refunds/{refundId}/apply-abnormal-refund", applyBody);
        var settled = own.Sandbox.SettleRefund(own.Merchant, outRefundNo);

        Assert.Equal("INVALID_REQUEST", early.Code);
        Assert.Equal("ABNORMAL", abnormal["status"]!.GetValue<string>());
        Assert.Equal("REFUND.ABNORMAL", abnormalNotice.EventType);
        Assert.Equal("PROCESSING", applied["status"]!.GetValue<string>());
        Assert.Equal("商户银行账户", applied["user_received_account"]!.GetValue<string>());
        Assert.Equal("SUCCESS", settled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_refund_gives_its_amount_back_to_the_order()
    {
        await using var own = await OwnSandbox.StartAsync(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromHours(1) });
        var outTradeNo = await own.PlaceJsapiAsync(new Uri("https://merchant.example.com/notify"));
        own.Sandbox.PayOrder(own.Merchant, outTradeNo);
        var closedNo = NewRefundNo();
        await own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, closedNo, 100));

        var full = await Assert.ThrowsAsync<WeChatPayApiException>(() => own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, NewRefundNo(), 100)));
        own.Sandbox.SettleRefund(own.Merchant, closedNo, "CLOSED");
        var again = await own.PostAsync("v3/refund/domestic/refunds", Refund(outTradeNo, NewRefundNo(), 100));

        Assert.Equal("INVALID_REQUEST", full.Code);
        Assert.Equal("PROCESSING", again["status"]!.GetValue<string>());
    }
}
