using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>Request bodies for the payment endpoints, with every required field, and the signed calls that send them.</summary>
internal static class PaymentRequests
{
    public const string AppId = "wxd678efh567hg6787";

    public static string NewOutTradeNo() => "T" + SandboxFixture.NewNonce()[..20];

    public static JsonObject Jsapi(SandboxMerchant merchant, string outTradeNo, long total = 100, string notifyUrl = "https://merchant.example.com/notify") => new()
    {
        ["appid"] = AppId,
        ["mchid"] = merchant.MerchantId,
        ["description"] = "沙箱测试商品",
        ["out_trade_no"] = outTradeNo,
        ["attach"] = "order-attach",
        ["notify_url"] = notifyUrl,
        ["amount"] = new JsonObject { ["total"] = total, ["currency"] = "CNY" },
        ["payer"] = new JsonObject { ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    };

    public static JsonObject Partner(SandboxMerchant merchant, string subMchId, string outTradeNo, long total = 100) => new()
    {
        ["sp_appid"] = AppId,
        ["sp_mchid"] = merchant.MerchantId,
        ["sub_mchid"] = subMchId,
        ["description"] = "服务商沙箱商品",
        ["out_trade_no"] = outTradeNo,
        ["notify_url"] = "https://merchant.example.com/notify",
        ["amount"] = new JsonObject { ["total"] = total },
        ["payer"] = new JsonObject { ["sp_openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
    };

    public static JsonObject Combine(SandboxMerchant merchant, string combineOutTradeNo, params (string OutTradeNo, long Total)[] subs) => new()
    {
        ["combine_appid"] = AppId,
        ["combine_mchid"] = merchant.MerchantId,
        ["combine_out_trade_no"] = combineOutTradeNo,
        ["notify_url"] = "https://merchant.example.com/notify",
        ["combine_payer_info"] = new JsonObject { ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
        ["sub_orders"] = new JsonArray(subs.Select(s => (JsonNode)new JsonObject
        {
            ["mchid"] = merchant.MerchantId,
            ["attach"] = "sub-attach",
            ["amount"] = new JsonObject { ["total_amount"] = s.Total, ["currency"] = "CNY" },
            ["out_trade_no"] = s.OutTradeNo,
            ["description"] = "合单子单",
        }).ToArray()),
    };

    public static Task<RawResponse> PostAsync(this SandboxFixture fixture, SandboxMerchant merchant, string path, JsonNode body) =>
        fixture.SendSignedAsync(merchant, "POST", path, body.ToJsonString());

    public static Task<RawResponse> GetAsync(this SandboxFixture fixture, SandboxMerchant merchant, string target) =>
        fixture.SendSignedAsync(merchant, "GET", target);

    /// <summary>Places a JSAPI order and returns its out_trade_no.</summary>
    public static async Task<string> PlaceJsapiAsync(this SandboxFixture fixture, SandboxMerchant merchant, long total = 100, string? notifyUrl = null)
    {
        var outTradeNo = NewOutTradeNo();
        var answer = await fixture.PostAsync(merchant, "/v3/pay/transactions/jsapi", Jsapi(merchant, outTradeNo, total, notifyUrl ?? "https://merchant.example.com/notify"));
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        return outTradeNo;
    }

    public static Task<RawResponse> QueryAsync(this SandboxFixture fixture, SandboxMerchant merchant, string outTradeNo) =>
        fixture.GetAsync(merchant, $"/v3/pay/transactions/out-trade-no/{outTradeNo}?mchid={merchant.MerchantId}");

    public static string Code(this RawResponse response) => response.Json["code"]!.GetValue<string>();

    public static string Field(this RawResponse response, string name) => response.Json[name]!.GetValue<string>();
}
