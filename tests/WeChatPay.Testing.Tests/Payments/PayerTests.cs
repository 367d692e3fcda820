using System.Net;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>The control API that plays the payer, over loopback, and its in-process twin.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PayerTests(SandboxFixture fixture)
{
    private static string PayPath(string outTradeNo) => $"/sandbox/v1/pay/transactions/out-trade-no/{outTradeNo}/pay";

    [Fact]
    public async Task Paying_answers_200_with_the_paid_transaction_signed_like_every_answer()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var paid = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS", ["bank_type"] = "CMC" });
        var byId = await fixture.GetAsync(fixture.Rsa, $"/v3/pay/transactions/id/{paid.Field("transaction_id")}?mchid={fixture.Rsa.MerchantId}");

        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.True(fixture.VerifiesWithPlatformKey(paid));
        Assert.Equal("SUCCESS", paid.Field("trade_state"));
        Assert.Matches("^4200[0-9]{24}$", paid.Field("transaction_id"));
        Assert.Equal("CMC", paid.Field("bank_type"));
        Assert.Equal(100, paid.Json["amount"]!["payer_total"]!.GetValue<int>());
        Assert.Equal("order-attach", paid.Field("attach"));
        Assert.Equal("SUCCESS", byId.Field("trade_state"));
        Assert.Equal(outTradeNo, byId.Field("out_trade_no"));
    }

    [Fact]
    public async Task The_runtime_client_verifies_the_control_APIs_answer()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.ShangMi);

        var paid = await fixture.Sm2Client.Chain("sandbox/v1/pay/transactions/out-trade-no/{out_trade_no}/pay")
            .PostAsync(new ChainRequestOptions { PathValues = { ["out_trade_no"] = outTradeNo }, Json = new JsonObject { ["trade_state"] = "SUCCESS" } });

        Assert.Equal("SUCCESS", paid.Json!["trade_state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_control_API_is_authenticated_like_every_call()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var unsigned = await fixture.SendRawAsync("POST", PayPath(outTradeNo), null, "{\"trade_state\":\"SUCCESS\"}"u8.ToArray());
        var otherMerchant = await fixture.PostAsync(fixture.ShangMi, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS" });
        var query = await fixture.QueryAsync(fixture.Rsa, outTradeNo);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.Status);
        Assert.Equal("SIGN_ERROR", unsigned.Code());
        Assert.Equal(HttpStatusCode.NotFound, otherMerchant.Status);
        Assert.Equal("ORDER_NOT_EXIST", otherMerchant.Code());
        Assert.Equal("NOTPAY", query.Field("trade_state"));
    }

    [Fact]
    public async Task A_closed_order_cannot_be_paid()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);
        await fixture.PostAsync(fixture.Rsa, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", new JsonObject { ["mchid"] = fixture.Rsa.MerchantId });

        var pay = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS" });

        Assert.Equal(HttpStatusCode.BadRequest, pay.Status);
        Assert.Equal("ORDER_CLOSED", pay.Code());
    }

    [Fact]
    public async Task A_paid_order_can_be_neither_closed_nor_paid_again_nor_placed_again()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);
        await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS" });

        var close = await fixture.PostAsync(fixture.Rsa, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", new JsonObject { ["mchid"] = fixture.Rsa.MerchantId });
        var payAgain = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS" });
        var placeAgain = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", PaymentRequests.Jsapi(fixture.Rsa, outTradeNo));

        Assert.All([close, payAgain, placeAgain], a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Equal("ORDERPAID", a.Code());
        });
    }

    [Fact]
    public async Task A_failed_payment_leaves_the_order_PAYERROR_without_a_transaction_id()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var failed = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "PAYERROR" });
        var retry = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo), new JsonObject { ["trade_state"] = "SUCCESS" });

        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Equal("PAYERROR", failed.Field("trade_state"));
        Assert.Null(failed.Json["transaction_id"]);
        Assert.Equal(HttpStatusCode.BadRequest, retry.Status);
    }

    [Theory]
    [InlineData("{\"trade_state\":\"REFUND\"}", "/trade_state")]
    [InlineData("{}", "/trade_state")]
    [InlineData("{\"trade_state\":\"SUCCESS\",\"payer\":{\"openid\":7}}", "/payer/openid")]
    public async Task The_control_API_refuses_an_unknown_state_or_a_mistyped_field(string body, string pointer)
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var answer = await fixture.SendSignedAsync(fixture.Rsa, "POST", PayPath(outTradeNo), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(pointer, answer.Json["detail"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_native_order_gets_the_payers_openid_from_the_control_API_or_a_generated_one()
    {
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        var body = PaymentRequests.Jsapi(fixture.Rsa, outTradeNo);
        body.Remove("payer");
        await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/native", body);

        var paid = await fixture.PostAsync(fixture.Rsa, PayPath(outTradeNo),
            new JsonObject { ["trade_state"] = "SUCCESS", ["payer"] = new JsonObject { ["openid"] = "o-the-scanning-payer" } });

        Assert.Equal("o-the-scanning-payer", paid.Json["payer"]!["openid"]!.GetValue<string>());
    }

    [Fact]
    public async Task PayOrder_in_process_pays_like_the_control_API_and_reports_refusals_with_the_code()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var paid = fixture.Sandbox.PayOrder(fixture.Rsa, outTradeNo);
        var query = await fixture.QueryAsync(fixture.Rsa, outTradeNo);
        var again = Assert.Throws<InvalidOperationException>(() => fixture.Sandbox.PayOrder(fixture.Rsa, outTradeNo));

        Assert.Equal("SUCCESS", paid["trade_state"]!.GetValue<string>());
        Assert.Equal(paid["transaction_id"]!.GetValue<string>(), query.Field("transaction_id"));
        Assert.StartsWith("ORDERPAID:", again.Message);
    }

    [Fact]
    public async Task A_partner_order_and_a_combined_order_are_paid_through_their_own_control_routes()
    {
        var partnerNo = PaymentRequests.NewOutTradeNo();
        await fixture.PostAsync(fixture.Rsa, "/v3/pay/partner/transactions/jsapi", PaymentRequests.Partner(fixture.Rsa, "1900000109", partnerNo));
        var combineNo = PaymentRequests.NewOutTradeNo();
        await fixture.PostAsync(fixture.Rsa, "/v3/combine-transactions/jsapi",
            PaymentRequests.Combine(fixture.Rsa, combineNo, (PaymentRequests.NewOutTradeNo(), 100), (PaymentRequests.NewOutTradeNo(), 200)));

        var partner = await fixture.PostAsync(fixture.Rsa, $"/sandbox/v1/pay/partner/transactions/out-trade-no/{partnerNo}/pay",
            new JsonObject { ["trade_state"] = "SUCCESS", ["sub_mchid"] = "1900000109" });
        var combine = await fixture.PostAsync(fixture.Rsa, $"/sandbox/v1/combine-transactions/out-trade-no/{combineNo}/pay", new JsonObject { ["trade_state"] = "SUCCESS" });

        Assert.Equal("SUCCESS", partner.Field("trade_state"));
        Assert.Equal("1900000109", partner.Field("sub_mchid"));
        var subs = combine.Json["sub_orders"]!.AsArray();
        Assert.All(subs, s => Assert.Equal("SUCCESS", s!["trade_state"]!.GetValue<string>()));
        Assert.Equal(2, subs.Select(s => s!["transaction_id"]!.GetValue<string>()).Distinct().Count());
    }
}
