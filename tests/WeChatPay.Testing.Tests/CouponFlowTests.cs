using System.Net;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests;

/// <summary>
/// 创建/查询商家券, a user receiving a coupon (the control route that plays the 发券插件), 核销用户券 and
/// 查询用户单张券详情, with state.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class CouponFlowTests(SandboxFixture fixture)
{
    private WeChatPayClient Client => fixture.RsaClient;

    /// <summary>The user receives a coupon: the sandbox's control route plays the 发券插件.</summary>
    internal static ChainRequestOptions Send(string stockId, string openid, string outRequestNo) => new()
    {
        PathValues = { ["stock_id"] = stockId },
        Json = new JsonObject
        {
            ["appid"] = "wx1234567890abcdef",
            ["openid"] = openid,
            ["out_request_no"] = outRequestNo,
        },
    };

    private static ChainRequestOptions Use(string stockId, string code, string useRequestNo, string? openid = null) => new()
    {
        Json = new JsonObject
        {
            ["coupon_code"] = code,
            ["stock_id"] = stockId,
            ["appid"] = "wx1234567890abcdef",
            ["use_time"] = SandboxFixture.ChinaTime(DateTimeOffset.UtcNow),
            ["use_request_no"] = useRequestNo,
            ["openid"] = openid,
        },
    };

    [Fact]
    public async Task Creates_a_stock_and_queries_it_back()
    {
        var definition = SandboxFixture.StockDefinition(fixture.Rsa);

        var created = (await Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = definition })).Json!;
        var stockId = created["stock_id"]!.GetValue<string>();
        var queried = (await Client.Chain("v3/marketing/busifavor/stocks/{stock_id}").GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } })).Json!;

        Assert.Matches(@"^\d+$", stockId);
        Assert.EndsWith("+08:00", created["create_time"]!.GetValue<string>());
        Assert.Equal(stockId, queried["stock_id"]!.GetValue<string>());
        Assert.Equal("沙箱满减券", queried["stock_name"]!.GetValue<string>());
        Assert.Equal("MERCHANT_UPLOAD", queried["coupon_code_mode"]!.GetValue<string>());
        Assert.Equal("RUNNING", queried["stock_state"]!.GetValue<string>());
        Assert.Equal(0, queried["send_count_information"]!["total_send_num"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_reused_out_request_no_is_RESOURCE_ALREADY_EXISTS()
    {
        var definition = SandboxFixture.StockDefinition(fixture.Rsa, outRequestNo: "create-once-" + SandboxFixture.NewNonce());
        await Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = definition });

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = definition.DeepClone() }));

        Assert.Equal((HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS"), (error.StatusCode, error.Code));
    }

    [Theory]
    [InlineData("stock_name", "/stock_name")]
    [InlineData("coupon_use_rule", "/coupon_use_rule")]
    [InlineData("out_request_no", "/out_request_no")]
    public async Task Rejects_a_stock_missing_a_required_field_with_its_JSON_pointer(string field, string pointer)
    {
        var definition = SandboxFixture.StockDefinition(fixture.Rsa);
        definition.Remove(field);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = definition }));

        Assert.Equal("PARAM_ERROR", error.Code);
        Assert.Equal(pointer, error.Detail!.Field);
    }

    [Fact]
    public async Task Rejects_a_nested_missing_field_with_a_nested_JSON_pointer()
    {
        var definition = SandboxFixture.StockDefinition(fixture.Rsa);
        definition["stock_send_rule"]!.AsObject().Remove("max_coupons_per_user");

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain("v3/marketing/busifavor/stocks").PostAsync(new ChainRequestOptions { Json = definition }));

        Assert.Equal("/stock_send_rule/max_coupons_per_user", error.Detail!.Field);
    }

    [Fact]
    public async Task Sends_an_uploaded_code_uses_it_and_reports_the_user_coupon()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, "flow-upload", "FLOW-0001", "FLOW-0002"));

        var sent = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-flow", "flow-send"))).Json!;
        var code = sent["coupon_code"]!.GetValue<string>();
        var before = (await Client.Chain("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}").GetAsync(new ChainRequestOptions
        {
            PathValues = { ["openid"] = "openid-flow", ["coupon_code"] = code, ["appid"] = "wx1234567890abcdef" },
        })).Json!;
        var used = (await Client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(Use(stockId, code, "flow-use", "openid-flow"))).Json!;
        var after = (await Client["v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}"].GetAsync(new ChainRequestOptions
        {
            PathValues = { ["openid"] = "openid-flow", ["coupon_code"] = code, ["appid"] = "wx1234567890abcdef" },
        })).Json!;

        Assert.Equal("FLOW-0001", code);
        Assert.Equal("SENDED", before["coupon_state"]!.GetValue<string>());
        Assert.Equal(stockId, before["stock_id"]!.GetValue<string>());
        Assert.Equal("flow-send", before["send_request_no"]!.GetValue<string>());
        Assert.Equal(stockId, used["stock_id"]!.GetValue<string>());
        Assert.Equal("openid-flow", used["openid"]!.GetValue<string>());
        Assert.EndsWith("+08:00", used["wechatpay_use_time"]!.GetValue<string>());
        Assert.Equal("USED", after["coupon_state"]!.GetValue<string>());
        Assert.Equal("flow-use", after["use_request_no"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_send_out_request_no_hands_out_one_coupon()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa, codeMode: "WECHATPAY_MODE");

        var first = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-i", "send-once"))).Json!;
        var second = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-i", "send-once"))).Json!;

        Assert.Equal(first["coupon_code"]!.GetValue<string>(), second["coupon_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refuses_to_send_when_no_uploaded_code_is_left()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, "one", "ONLY-1"));
        await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-a", "send-a"));

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-b", "send-b")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Refuses_to_use_a_coupon_twice_but_repeats_the_first_use_for_the_same_use_request_no()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa, codeMode: "WECHATPAY_MODE");
        var code = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-u", "send-u"))).Json!["coupon_code"]!.GetValue<string>();
        var first = await Client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(Use(stockId, code, "use-1"));

        var repeat = await Client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(Use(stockId, code, "use-1"));
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(Use(stockId, code, "use-2")));

        Assert.Equal(first.Response.Body.ToArray(), repeat.Response.Body.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Answers_404_for_another_users_coupon_and_for_an_unknown_coupon()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa, codeMode: "WECHATPAY_MODE");
        var code = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-owner", "send-o"))).Json!["coupon_code"]!.GetValue<string>();

        var other = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain("v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}").GetAsync(new ChainRequestOptions
        {
            PathValues = { ["openid"] = "openid-other", ["coupon_code"] = code, ["appid"] = "wx1234567890abcdef" },
        }));
        var unknown = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain("v3/marketing/busifavor/coupons/use").PostAsync(Use(stockId, "NO-SUCH-CODE", "use-x")));

        Assert.Equal("RESOURCE_NOT_EXISTS", other.Code);
        Assert.Equal("RESOURCE_NOT_EXISTS", unknown.Code);
    }

    [Fact]
    public async Task A_merchant_api_stock_hands_out_the_code_the_merchant_names_and_needs_one()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa, codeMode: "MERCHANT_API");
        var named = Send(stockId, "openid-m", "send-m");
        named.Json!["coupon_code"] = "MY-CODE-0001";

        var sent = (await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(named)).Json!;
        var unnamed = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(Send(stockId, "openid-m", "send-m2")));

        Assert.Equal("MY-CODE-0001", sent["coupon_code"]!.GetValue<string>());
        Assert.Equal(("PARAM_ERROR", "/coupon_code"), (unnamed.Code, unnamed.Detail?.Field));
    }
}
