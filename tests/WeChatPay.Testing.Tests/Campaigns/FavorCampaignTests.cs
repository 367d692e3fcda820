using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using WeChatPay.Campaigns;

namespace WeChatPay.Testing.Tests.Campaigns;

/// <summary>
/// The sandbox's 代金券 routes under arbitrary requests: valid bodies with one field, at any depth, replaced by an
/// arbitrary value, arbitrary path values and queries. No input yields a 500, and the stock stays readable.
/// </summary>
[Trait("Category", "Campaign")]
public sealed class FavorCampaignTests
{
    private static readonly (string Method, string Route)[] Routes =
    [
        ("POST", "/v3/marketing/favor/coupon-stocks"),
        ("POST", "/v3/marketing/favor/stocks/{s}/start"),
        ("POST", "/v3/marketing/favor/stocks/{s}/pause"),
        ("POST", "/v3/marketing/favor/stocks/{s}/restart"),
        ("GET", "/v3/marketing/favor/stocks/{s}"),
        ("GET", "/v3/marketing/favor/stocks"),
        ("GET", "/v3/marketing/favor/stocks/{s}/merchants"),
        ("GET", "/v3/marketing/favor/stocks/{s}/use-flow"),
        ("POST", "/v3/marketing/favor/users/{s}/coupons"),
        ("GET", "/v3/marketing/favor/users/{s}/coupons/{s}"),
        ("GET", "/v3/marketing/favor/users/{s}/coupons"),
        ("POST", "/v3/marketing/favor/callbacks"),
        ("GET", "/v3/marketing/favor/callbacks"),
        ("POST", "/sandbox/v1/v3/marketing/favor/users/{s}/coupons/{s}/use"),
        ("POST", "/sandbox/v1/v3/marketing/favor/users/{s}/coupons/{s}/refund"),
    ];

    private static readonly string[] Snippets = ["null", "[]", "{}", "true", "-1", "0", "1e400", "\"\"", "12345678901234567890123", "[null]", "[1]"];

    private static readonly string[] QueryNames = ["stock_creator_mchid", "appid", "mchid", "offset", "limit", "status", "creator_mchid", "create_start_time"];

    /// <summary>One arbitrary request.</summary>
    public sealed record Input(int Route, int Segment, int Body, int Leaf, int Snippet, int Query, string Text)
    {
        public override string ToString() => $"Input {{ Route = {Route}, Segment = {Segment}, Body = {Body}, Leaf = {Leaf}, Snippet = {Snippet}, Query = {Query}, Text = {Convert.ToHexString(Encoding.UTF8.GetBytes(Text))} }}";
    }

    private static readonly Gen<Input> Inputs = Gen.Select(
        Gen.Select(Gen.Int[0, Routes.Length - 1], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 40]),
        Gen.Select(Gen.Int[0, Snippets.Length], Gen.Int[0, QueryNames.Length], Gen.String[Gen.Char, 0, 20]),
        (a, b) => new Input(a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3));

    [Fact]
    public void Arbitrary_favor_requests_never_get_a_500_and_never_corrupt_the_stock()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant(SignatureScheme.Rsa);
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);

        SandboxResponse Send(string method, string target, byte[] body) => sandbox.Handle(new SandboxRequest(method, target,
            [new("Authorization", signer.CreateAuthorization(method, target, body, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomNumberGenerator.GetHexString(32)))], body));
        JsonNode Ok(string method, string target, JsonObject? body)
        {
            var answer = Send(method, target, body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()));
            Assert.Equal(200, answer.StatusCode);
            return JsonNode.Parse(answer.Body)!;
        }

        const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
        var stockId = Ok("POST", Routes[0].Route, Definition(merchant, "campaign-stock"))["stock_id"]!.GetValue<string>();
        Ok("POST", $"/v3/marketing/favor/stocks/{stockId}/start", Creator(merchant));
        var couponId = Ok("POST", $"/v3/marketing/favor/users/{OpenId}/coupons", SendBody(merchant, stockId, "campaign-send"))["coupon_id"]!.GetValue<string>();
        var query = $"/v3/marketing/favor/stocks/{stockId}?stock_creator_mchid={merchant.MerchantId}";

        Campaign.Check("sandbox: arbitrary 代金券 requests in process", Inputs, input =>
        {
            var (method, route) = Routes[input.Route];
            var first = true;
            var target = System.Text.RegularExpressions.Regex.Replace(route, "\\{s\\}", _ =>
            {
                var value = input.Segment switch
                {
                    0 => first ? (route.Contains("/users/", StringComparison.Ordinal) ? OpenId : stockId) : couponId,
                    1 => Uri.EscapeDataString(input.Text.Length == 0 ? "x" : input.Text),
                    2 => first ? stockId : OpenId,
                    _ => "9" + input.Leaf,
                };
                first = false;
                return value;
            });
            if (input.Query < QueryNames.Length)
                target += "?" + QueryNames[input.Query] + "=" + Uri.EscapeDataString(input.Text) + "&stock_creator_mchid=" + merchant.MerchantId + "&appid=wxd678efh567hg6787";
            var body = input.Body switch
            {
                0 => Definition(merchant, "c-" + input.Leaf),
                1 => SendBody(merchant, stockId, "s-" + input.Leaf),
                2 => new JsonObject { ["mchid"] = merchant.MerchantId, ["notify_url"] = "https://merchant.example.com/favor", ["switch"] = true },
                _ => Creator(merchant),
            };
            var bytes = Encoding.UTF8.GetBytes(Mutate(body, input));

            var answer = Send(method, target, method == "GET" ? [] : bytes);

            Assert.NotEqual(500, answer.StatusCode);
            Assert.NotNull(answer.GetHeader("Wechatpay-Signature"));
            if (answer.Body.Length > 0)
            {
                using var _ = JsonDocument.Parse(answer.Body);
            }
            Assert.Equal(200, Send("GET", query, []).StatusCode);
        }, shortForm: 150, longForm: 3_000);
    }

    /// <summary>The body with one leaf (picked by <see cref="Input.Leaf"/>) replaced by a snippet or the arbitrary text.</summary>
    private static string Mutate(JsonObject body, Input input)
    {
        var leaves = new List<(JsonObject Parent, string Name)>();
        void Walk(JsonObject node)
        {
            foreach (var (name, value) in node.ToList())
            {
                leaves.Add((node, name));
                if (value is JsonObject child)
                    Walk(child);
            }
        }
        Walk(body);
        var (parent, field) = leaves[input.Leaf % leaves.Count];
        parent[field] = input.Snippet < Snippets.Length ? JsonNode.Parse(Snippets[input.Snippet]) : JsonValue.Create(input.Text);
        return body.ToJsonString();
    }

    private static string ChinaTime(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Definition(SandboxMerchant merchant, string outRequestNo) => new()
    {
        ["stock_name"] = "满100减10",
        ["belong_merchant"] = merchant.MerchantId,
        ["available_begin_time"] = ChinaTime(DateTimeOffset.UtcNow.AddDays(-1)),
        ["available_end_time"] = ChinaTime(DateTimeOffset.UtcNow.AddDays(30)),
        ["stock_use_rule"] = new JsonObject
        {
            ["max_coupons"] = 100, ["max_amount"] = 100_000, ["max_amount_by_day"] = 10_000, ["max_coupons_per_user"] = 50,
            ["natural_person_limit"] = false, ["prevent_api_abuse"] = false,
        },
        ["pattern_info"] = new JsonObject { ["description"] = "全场可用" },
        ["coupon_use_rule"] = new JsonObject
        {
            ["coupon_available_time"] = new JsonObject { ["available_time_after_receive"] = 60, ["second_day_available"] = false },
            ["fixed_normal_coupon"] = new JsonObject { ["coupon_amount"] = 1000, ["transaction_minimum"] = 10_000 },
            ["available_merchants"] = new JsonArray(merchant.MerchantId),
            ["available_items"] = new JsonArray("ITEM-1"),
            ["goods_tag"] = new JsonArray("tag"),
        },
        ["no_cash"] = false,
        ["stock_type"] = "NORMAL",
        ["out_request_no"] = outRequestNo,
    };

    private static JsonObject SendBody(SandboxMerchant merchant, string stockId, string outRequestNo) => new()
    {
        ["stock_id"] = stockId,
        ["out_request_no"] = outRequestNo,
        ["appid"] = "wxd678efh567hg6787",
        ["stock_creator_mchid"] = merchant.MerchantId,
    };

    private static JsonObject Creator(SandboxMerchant merchant) => new() { ["stock_creator_mchid"] = merchant.MerchantId };
}
