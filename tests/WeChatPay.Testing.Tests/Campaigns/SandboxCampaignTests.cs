using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using WeChatPay.Campaigns;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Tests.Campaigns;

/// <summary>
/// The sandbox's request handling under arbitrary requests: no input yields a 500 or an unsigned answer, every
/// answer verifies with the platform key (checked with System.Security.Cryptography), and its state stays readable.
/// </summary>
[Trait("Category", "Campaign")]
public sealed class SandboxCampaignTests
{
    private static readonly string[] Methods = ["GET", "POST", "PATCH", "PUT", "DELETE"];

    private static readonly string[] Routes =
    [
        "/v3/marketing/busifavor/stocks",
        "/v3/marketing/busifavor/stocks/{s}",
        "/v3/marketing/busifavor/stocks/{s}/couponcodes",
        "/v3/marketing/busifavor/coupons/{s}/send",
        "/v3/marketing/busifavor/coupons/use",
        "/v3/marketing/busifavor/users/{s}/coupons/{s}/appids/{s}",
        "/v3/certificates",
        "/v3/merchant-service/complaints-v2/{s}/response",
        "/v3/merchant-service/complaint-notifications",
        "/v3/merchant/media/upload",
        "/sandbox/v1/complaints",
        "/{s}",
    ];

    private static readonly string[] Snippets = ["null", "[]", "{}", "true", "-1", "1e400", "\"\"", "12345678901234567890123"];

    /// <summary>One arbitrary request: how to build its method, target, signature and body.</summary>
    public sealed record Input(int Method, int Route, int Segment, int Auth, int Body, int Field, string Text, byte[] Bytes)
    {
        public override string ToString() => $"Input {{ Method = {Method}, Route = {Route}, Segment = {Segment}, Auth = {Auth}, Body = {Body}, Field = {Field}, Text = {Escape(Text)}, Bytes = {Convert.ToHexString(Bytes)} }}";
    }

    private static readonly Gen<Input> Inputs = Gen.Select(
        Gen.Select(Gen.Int[0, Methods.Length - 1], Gen.Int[0, Routes.Length - 1], Gen.Int[0, 3], Gen.Int[0, 9]),
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 20], Gen.String[Gen.Char, 0, 20], Gen.Byte.Array[0, 64]),
        (a, b) => new Input(a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3, b.Item4));

    [Fact]
    public void Arbitrary_requests_never_get_a_500_or_an_unsigned_answer_and_never_corrupt_the_state()
    {
        var sandbox = TestKeys.NewSandbox();
        var merchant = sandbox.Merchant(SignatureScheme.Rsa);
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        using var platform = RSA.Create();
        platform.ImportFromPem(sandbox.Platform.PublicKeyPem);

        SandboxResponse Send(string method, string target, byte[] body, string? authorization)
            => sandbox.Handle(new SandboxRequest(method, target, authorization is null ? [] : [new("Authorization", authorization)], body));
        string Sign(string method, string target, byte[] body)
            => signer.CreateAuthorization(method, target, body, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomNumberGenerator.GetHexString(32));

        // A stock that every input may touch; it must stay readable throughout.
        var definition = Encoding.UTF8.GetBytes(SandboxFixture.StockDefinition(merchant, outRequestNo: "campaign-stock").ToJsonString());
        var created = Send("POST", Routes[0], definition, Sign("POST", Routes[0], definition));
        Assert.Equal(200, created.StatusCode);
        var stockId = JsonNode.Parse(created.Body)!["stock_id"]!.GetValue<string>();
        var stocks = new List<string> { stockId };

        Campaign.Check("sandbox: arbitrary requests in process", Inputs, input =>
        {
            var method = Methods[input.Method];
            var segment = input.Segment switch
            {
                0 => stockId,
                1 => Uri.EscapeDataString(input.Text.Length == 0 ? "x" : input.Text.Replace('\0', 'x')),
                2 => input.Text,
                _ => "o" + input.Field,
            };
            var target = Routes[input.Route].Replace("{s}", segment, StringComparison.Ordinal);
            if (input.Field % 5 == 0)
                target += "?limit=" + Uri.EscapeDataString(input.Text) + "&offset=" + input.Field;
            var body = Body(input, merchant);
            var authorization = input.Auth switch
            {
                <= 5 => Sign(method, target, body),
                6 => null,
                7 => input.Text,
                8 => Sign(method, target + "x", body),
                _ => Sign(method, target, body).Replace("signature=\"", "signature=\"A", StringComparison.Ordinal),
            };

            var answer = Send(method, target, body, authorization);

            AssertSignedAndSound(answer, platform, sandbox);
            if (method == "POST" && input.Route == 0 && answer.StatusCode == 200)
                stocks.Add(JsonNode.Parse(answer.Body)!["stock_id"]!.GetValue<string>());
            var query = "/v3/marketing/busifavor/stocks/" + stockId;
            Assert.Equal(200, Send("GET", query, [], Sign("GET", query, [])).StatusCode);
        }, shortForm: 150, longForm: 3_000);

        foreach (var id in stocks)
        {
            var query = "/v3/marketing/busifavor/stocks/" + id;
            var answer = Send("GET", query, [], Sign("GET", query, []));
            Assert.Equal(200, answer.StatusCode);
            using var _ = JsonDocument.Parse(answer.Body);
        }
    }

    [Fact]
    public void Authorization_parameters_parse_back_and_no_header_text_breaks_the_parser()
    {
        var names = Gen.String[Gen.Char['a', 'z'], 1, 10];
        var values = Gen.String[Gen.Char, 0, 20].Select(v => v.Replace("\"", "", StringComparison.Ordinal));
        var gen = Gen.Select(Gen.Select(names, values).Array[1, 6], Gen.Int[0, 3], Gen.String[Gen.Char, 0, 60],
            (pairs, spaces, garbage) => (Pairs: pairs.DistinctBy(p => p.Item1).ToArray(), Spaces: spaces, Garbage: garbage));

        Campaign.Check("sandbox: Authorization parameter parsing", gen, input =>
        {
            var pad = new string(' ', input.Spaces);
            var text = string.Join("," + pad, input.Pairs.Select(p => $"{p.Item1}=\"{p.Item2}\""));

            Assert.True(RequestAuthenticator.TryParseParameters(text, out var parsed), text);
            Assert.Equal(input.Pairs.ToDictionary(p => p.Item1, p => p.Item2), parsed);
            RequestAuthenticator.TryParseParameters(input.Garbage, out _);
            RequestAuthenticator.TryParseParameters(text + input.Garbage, out _);
        }, shortForm: 2_000, longForm: 200_000);
    }

    private static byte[] Body(Input input, SandboxMerchant merchant)
    {
        switch (input.Body)
        {
            case 0:
                return [];
            case 1:
            case 2:
                // A valid stock definition with one field replaced by an arbitrary JSON value.
                var definition = SandboxFixture.StockDefinition(merchant, outRequestNo: "c-" + Convert.ToHexString(input.Bytes));
                var fields = definition.Select(p => p.Key).ToArray();
                var field = fields[input.Field % fields.Length];
                definition.Remove(field);
                var snippet = input.Body == 1 ? "\"" + Escape(input.Text) + "\"" : Snippets[input.Field % Snippets.Length];
                var json = definition.ToJsonString();
                return Encoding.UTF8.GetBytes(json[..^1] + $",\"{field}\":{snippet}}}");
            case 3:
                return input.Bytes;
            case 4:
                return Encoding.UTF8.GetBytes($"{{\"coupon_code_list\":[\"{Escape(input.Text)}\",\"C{input.Field}\"],\"upload_request_no\":\"u-{Convert.ToHexString(input.Bytes)}\"}}");
            case 5:
                return Encoding.UTF8.GetBytes($"{{\"appid\":\"wx1\",\"openid\":\"{Escape(input.Text)}\",\"out_request_no\":\"s{input.Field}\",\"send_time\":\"2026-06-01T10:00:00+08:00\"}}");
            case 6:
                return Encoding.UTF8.GetBytes($"{{\"coupon_code\":\"C{input.Field}\",\"appid\":\"wx1\",\"use_time\":\"{Escape(input.Text)}\",\"use_request_no\":\"r{input.Field}\"}}");
            default:
                return Encoding.UTF8.GetBytes(input.Text);
        }
    }

    private static void AssertSignedAndSound(SandboxResponse answer, RSA platform, WeChatPaySandbox sandbox)
    {
        Assert.NotEqual(500, answer.StatusCode);
        var signature = answer.GetHeader("Wechatpay-Signature");
        Assert.NotNull(signature);
        byte[] message = [.. Encoding.UTF8.GetBytes($"{answer.GetHeader("Wechatpay-Timestamp")}\n{answer.GetHeader("Wechatpay-Nonce")}\n"), .. answer.Body, (byte)'\n'];
        var serial = answer.GetHeader("Wechatpay-Serial");
        if (serial == sandbox.Platform.PublicKeyId)
        {
            Assert.True(platform.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
        else
        {
            // The certificate download is signed with the platform certificate, as WeChat Pay does.
            Assert.Equal(sandbox.Platform.RsaCertificateSerialNumber, serial);
            using var certificate = X509Certificate2.CreateFromPem(sandbox.Platform.RsaCertificatePem);
            using var key = certificate.GetRSAPublicKey()!;
            Assert.True(key.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
        if (answer.Body.Length > 0)
        {
            using var _ = JsonDocument.Parse(answer.Body);
        }
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length * 6);
        foreach (var c in text)
            builder.Append("\\u").Append(((int)c).ToString("x4"));
        return builder.ToString();
    }
}
