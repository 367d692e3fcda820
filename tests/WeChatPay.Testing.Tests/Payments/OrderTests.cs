using System.Net;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>Orders over loopback: prepay in every form, query, close, and the gateway's validation and state rules.</summary>
[Collection(SandboxCollection.Name)]
public sealed class OrderTests(SandboxFixture fixture)
{
    [Theory]
    [InlineData("jsapi", "prepay_id")]
    [InlineData("app", "prepay_id")]
    [InlineData("h5", "h5_url")]
    [InlineData("native", "code_url")]
    public async Task Prepay_creates_an_unpaid_order_and_answers_the_form_of_its_trade_type(string type, string field)
    {
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        var body = PaymentRequests.Jsapi(fixture.Rsa, outTradeNo);
        if (type == "h5")
            body["scene_info"] = new JsonObject { ["payer_client_ip"] = "14.23.150.211", ["h5_info"] = new JsonObject { ["type"] = "Wap" } };

        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/" + type, body);
        var query = await fixture.QueryAsync(fixture.Rsa, outTradeNo);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(fixture.VerifiesWithPlatformKey(answer));
        var value = answer.Field(field);
        Assert.Matches(field switch
        {
            "prepay_id" => "^wx[0-9]{14}[0-9a-f]{20}$",
            "code_url" => "^weixin://wxpay/bizpayurl\\?pr=[0-9A-Za-z]{9}$",
            _ => "^https://wx\\.tenpay\\.com/cgi-bin/mmpayweb-bin/checkmweb\\?prepay_id=wx",
        }, value);
        Assert.Equal(HttpStatusCode.OK, query.Status);
        Assert.Equal("NOTPAY", query.Field("trade_state"));
        Assert.Equal(type.ToUpperInvariant(), query.Field("trade_type"));
        Assert.Equal(100, query.Json["amount"]!["total"]!.GetValue<int>());
        Assert.Null(query.Json["transaction_id"]);
    }

    [Fact]
    public async Task The_same_out_trade_no_with_the_same_parameters_answers_the_same_prepay_id()
    {
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        var first = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", PaymentRequests.Jsapi(fixture.Rsa, outTradeNo));
        // The same parameters, in another order.
        var reordered = new JsonObject(PaymentRequests.Jsapi(fixture.Rsa, outTradeNo).Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var second = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", reordered);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Field("prepay_id"), second.Field("prepay_id"));
    }

    [Fact]
    public async Task The_same_out_trade_no_with_other_parameters_is_refused_with_OUT_TRADE_NO_USED()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa, total: 100);

        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", PaymentRequests.Jsapi(fixture.Rsa, outTradeNo, total: 101));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("OUT_TRADE_NO_USED", answer.Code());
        Assert.True(fixture.VerifiesWithPlatformKey(answer));
    }

    [Theory]
    [InlineData("description", null, "/description")]
    [InlineData("out_trade_no", "12345", "/out_trade_no")]
    [InlineData("out_trade_no", "has space 123", "/out_trade_no")]
    [InlineData("out_trade_no", "123456789012345678901234567890123", "/out_trade_no")]
    [InlineData("attach", "129", "/attach")]
    [InlineData("notify_url", null, "/notify_url")]
    [InlineData("amount.total", "0", "/amount/total")]
    [InlineData("amount.currency", "USD", "/amount/currency")]
    [InlineData("payer", null, "/payer")]
    [InlineData("mchid", "1900000001", "/mchid")]
    public async Task Prepay_refuses_a_missing_or_invalid_field_with_PARAM_ERROR_naming_it(string field, string? value, string pointer)
    {
        var body = PaymentRequests.Jsapi(fixture.Rsa, PaymentRequests.NewOutTradeNo());
        var parts = field.Split('.');
        var parent = parts.Length == 2 ? body[parts[0]]!.AsObject() : body;
        if (value is null)
            parent.Remove(parts[^1]);
        else if (field == "attach")
            parent["attach"] = new string('a', int.Parse(value));
        else if (field == "amount.total")
            parent["total"] = int.Parse(value);
        else
            parent[parts[^1]] = value;

        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("PARAM_ERROR", answer.Code());
        Assert.Equal(pointer, answer.Json["detail"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://merchant.example.com/notify", true)]
    [InlineData("http://127.0.0.1:8080/notify", true)]
    [InlineData("http://[::1]:8080/notify", true)]
    [InlineData("http://localhost:8080/notify", true)]
    [InlineData("http://merchant.example.com/notify", false)]
    [InlineData("https://merchant.example.com/notify?order=1", false)]
    [InlineData("ftp://merchant.example.com/notify", false)]
    public async Task Notify_url_must_be_https_except_plain_http_on_a_loopback_host(string notifyUrl, bool accepted)
    {
        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi",
            PaymentRequests.Jsapi(fixture.Rsa, PaymentRequests.NewOutTradeNo(), notifyUrl: notifyUrl));

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, answer.Status);
        if (!accepted)
            Assert.Equal("/notify_url", answer.Json["detail"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_appid_that_cannot_belong_to_the_merchant_is_refused_with_APPID_MCHID_NOT_MATCH()
    {
        var body = PaymentRequests.Jsapi(fixture.Rsa, PaymentRequests.NewOutTradeNo());
        body["appid"] = "not-an-appid";

        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("APPID_MCHID_NOT_MATCH", answer.Code());
    }

    [Fact]
    public async Task H5_prepay_requires_the_scene_info_with_the_payer_ip_and_h5_info()
    {
        var answer = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/h5", PaymentRequests.Jsapi(fixture.Rsa, PaymentRequests.NewOutTradeNo()));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("/scene_info", answer.Json["detail"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_order_or_another_merchants_order_is_ORDER_NOT_EXIST()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var unknown = await fixture.QueryAsync(fixture.Rsa, "NO_SUCH_ORDER_1");
        var others = await fixture.GetAsync(fixture.ShangMi, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={fixture.ShangMi.MerchantId}");
        var byId = await fixture.GetAsync(fixture.Rsa, $"/v3/pay/transactions/id/4200000000202612070000000000?mchid={fixture.Rsa.MerchantId}");

        Assert.All([unknown, others, byId], a =>
        {
            Assert.Equal(HttpStatusCode.NotFound, a.Status);
            Assert.Equal("ORDER_NOT_EXIST", a.Code());
        });
    }

    [Fact]
    public async Task A_query_must_name_the_signing_merchant_in_mchid()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var answer = await fixture.GetAsync(fixture.Rsa, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid=1900000001");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("mchid", answer.Json["detail"]!["field"]!.GetValue<string>());
        Assert.Equal("query", answer.Json["detail"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task Close_answers_204_and_the_order_becomes_CLOSED_and_cannot_be_placed_again()
    {
        var outTradeNo = await fixture.PlaceJsapiAsync(fixture.Rsa);

        var close = await fixture.PostAsync(fixture.Rsa, $"/v3/pay/transactions/out-trade-no/{outTradeNo}/close", new JsonObject { ["mchid"] = fixture.Rsa.MerchantId });
        var query = await fixture.QueryAsync(fixture.Rsa, outTradeNo);
        var again = await fixture.PostAsync(fixture.Rsa, "/v3/pay/transactions/jsapi", PaymentRequests.Jsapi(fixture.Rsa, outTradeNo));

        Assert.Equal(HttpStatusCode.NoContent, close.Status);
        Assert.Empty(close.Body);
        Assert.True(fixture.VerifiesWithPlatformKey(close));
        Assert.Equal("CLOSED", query.Field("trade_state"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("ORDER_CLOSED", again.Code());
    }

    [Fact]
    public async Task Partner_orders_are_kept_per_sub_merchant_and_shown_with_sp_and_sub_ids()
    {
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        var prepay = await fixture.PostAsync(fixture.Rsa, "/v3/pay/partner/transactions/jsapi", PaymentRequests.Partner(fixture.Rsa, "1900000109", outTradeNo));
        var query = await fixture.GetAsync(fixture.Rsa, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}?sp_mchid={fixture.Rsa.MerchantId}&sub_mchid=1900000109");
        var otherSub = await fixture.GetAsync(fixture.Rsa, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}?sp_mchid={fixture.Rsa.MerchantId}&sub_mchid=1900000110");
        var close = await fixture.PostAsync(fixture.Rsa, $"/v3/pay/partner/transactions/out-trade-no/{outTradeNo}/close",
            new JsonObject { ["sp_mchid"] = fixture.Rsa.MerchantId, ["sub_mchid"] = "1900000109" });

        Assert.Equal(HttpStatusCode.OK, prepay.Status);
        Assert.Equal("NOTPAY", query.Field("trade_state"));
        Assert.Equal(fixture.Rsa.MerchantId, query.Field("sp_mchid"));
        Assert.Equal("1900000109", query.Field("sub_mchid"));
        Assert.Equal("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", query.Json["payer"]!["sp_openid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, otherSub.Status);
        Assert.Equal(HttpStatusCode.NoContent, close.Status);
    }

    [Fact]
    public async Task A_combined_order_holds_its_sub_orders_and_closes_them_together()
    {
        var combineNo = PaymentRequests.NewOutTradeNo();
        var (a, b) = (PaymentRequests.NewOutTradeNo(), PaymentRequests.NewOutTradeNo());

        var prepay = await fixture.PostAsync(fixture.Rsa, "/v3/combine-transactions/jsapi", PaymentRequests.Combine(fixture.Rsa, combineNo, (a, 100), (b, 250)));
        var query = await fixture.GetAsync(fixture.Rsa, $"/v3/combine-transactions/out-trade-no/{combineNo}");
        var close = await fixture.PostAsync(fixture.Rsa, $"/v3/combine-transactions/out-trade-no/{combineNo}/close", new JsonObject
        {
            ["combine_appid"] = PaymentRequests.AppId,
            ["sub_orders"] = new JsonArray(new JsonObject { ["mchid"] = fixture.Rsa.MerchantId, ["out_trade_no"] = a },
                new JsonObject { ["mchid"] = fixture.Rsa.MerchantId, ["out_trade_no"] = b }),
        });
        var after = await fixture.GetAsync(fixture.Rsa, $"/v3/combine-transactions/out-trade-no/{combineNo}");

        Assert.Equal(HttpStatusCode.OK, prepay.Status);
        Assert.StartsWith("wx", prepay.Field("prepay_id"));
        var subs = query.Json["sub_orders"]!.AsArray();
        Assert.Equal([a, b], subs.Select(s => s!["out_trade_no"]!.GetValue<string>()));
        Assert.Equal([100, 250], subs.Select(s => s!["amount"]!["total_amount"]!.GetValue<int>()));
        Assert.All(subs, s => Assert.Equal("NOTPAY", s!["trade_state"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, close.Status);
        Assert.All(after.Json["sub_orders"]!.AsArray(), s => Assert.Equal("CLOSED", s!["trade_state"]!.GetValue<string>()));
    }
}
