using System.Net;
using System.Text;
using CsCheck;
using WeChatPay.Campaigns;
using WeChatPay.Tests.Notifications;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Campaigns;

/// <summary>
/// Property campaigns over the response verifier and the notification parser: a mutated body or signature header
/// never yields data, and nothing but a documented WeChatPayException ever comes out, whatever the bytes.
/// </summary>
[Trait("Category", "Campaign")]
public class VerificationCampaignTests
{
    private static readonly string[] Signed = ["Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"];

    /// <summary>One change to a genuine signed message: which part, where, and what goes in.</summary>
    public sealed record Mutation(int Kind, int Position, byte Byte, string Text, bool Sync)
    {
        public override string ToString() => $"Mutation {{ Kind = {Kind}, Position = {Position}, Byte = {Byte}, Text = {Escape(Text)}, Sync = {Sync} }}";
    }

    private static readonly Gen<Mutation> Mutations = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1 << 20], Gen.Byte, Gen.String[Gen.Char, 0, 40], Gen.Bool,
        (kind, position, value, text, sync) => new Mutation(kind, position, value, text, sync));

    /// <summary>JSON text whose strings hold any UTF-16 code units, lone surrogates included, all as \u escapes.</summary>
    private static readonly Gen<string> AnyJson = Gen.Select(Gen.String[Gen.Char, 0, 24], Gen.Long, Gen.Int[0, 4],
        (text, number, shape) => shape switch
        {
            0 => $"{{\"out_trade_no\":\"{Escape(text)}\",\"trade_state\":\"SUCCESS\",\"amount\":{{\"total\":{number},\"currency\":\"CNY\"}}}}",
            1 => $"{{\"out_trade_no\":{number},\"trade_state\":\"{Escape(text)}\"}}",
            2 => $"[\"{Escape(text)}\"]",
            3 => $"{{\"amount\":{{\"total\":\"{Escape(text)}\"}}}}",
            _ => $"{{\"out_trade_no\":\"x\",\"trade_state\":\"y\",\"amount\":{{\"total\":1{number},\"currency\":null}}}}",
        });

    [Fact]
    public void Mutated_responses_never_yield_data_and_throw_only_documented_exceptions()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        const string body = "{\"out_trade_no\":\"1217752501201407033233368018\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":100,\"currency\":\"CNY\"}}";
        var genuine = Encoding.UTF8.GetBytes(body);
        var signature = id.SignResponse(genuine, time.UnixSeconds, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");

        var wire = new FakeWire(_ => throw new InvalidOperationException("set per input"));
        using var client = Gateway.Client(wire, id, time);

        Campaign.Check("response verifier: mutated answers", Mutations, mutation =>
        {
            var (bytes, headers) = Mutate(genuine, signature, mutation);
            wire.Respond = _ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
                foreach (var (name, value) in headers)
                    response.Headers.TryAddWithoutValidation(name, value);
                return response;
            };
            var request = new WeChatPayRequest(HttpMethod.Get, "v3/pay/transactions/id/1");

            var error = Record.Exception(() =>
            {
                if (mutation.Sync)
                    client.Send(request);
                else
                    client.SendAsync(request).GetAwaiter().GetResult();
            });

            Assert.NotNull(error);
            Assert.IsAssignableFrom<WeChatPayException>(error);
        }, shortForm: 400, longForm: 20_000);
    }

    [Fact]
    public void Signed_answers_of_any_json_deserialize_or_throw_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => throw new InvalidOperationException("set per input"));
        using var client = Gateway.Client(wire, id, time);
        using var platform = new PlatformSigner(id);
        Campaign.Check("response reader: signed arbitrary JSON", AnyJson, json =>
        {
            var signed = Encoding.UTF8.GetBytes(json);
            var signature = platform.Sign(signed, time.UnixSeconds);
            wire.Respond = _ =>
            {
                var answer = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(signed) };
                Gateway.AddSignature(answer, signature);
                return answer;
            };
            var response = client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a")).GetAwaiter().GetResult();

            var error = Record.Exception(() => response.Deserialize(NotificationJson.Default.PaidTransaction));
            var chain = Record.Exception(() => client.Chain("v3/a").Get());

            Assert.True(error is null or WeChatPayException, error?.ToString());
            Assert.True(chain is null or WeChatPayException, chain?.ToString());
        }, shortForm: 150, longForm: 5_000);
    }

    [Fact]
    public void Mutated_notifications_never_yield_data_and_throw_only_documented_exceptions()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var envelope = Encoding.UTF8.GetBytes(
            "{\"id\":\"EV-1\",\"create_time\":\"2015-05-20T13:29:35+08:00\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
            + OutsideCrypto.Encrypt(SignatureScheme.Rsa, "fdasflkja484", "transaction", "{\"out_trade_no\":\"1\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1,\"currency\":\"CNY\"}}"u8.ToArray())
            + "\",\"associated_data\":\"transaction\",\"nonce\":\"fdasflkja484\"}}");
        var signature = id.SignResponse(envelope, time.UnixSeconds, "notify-nonce-0001");
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException("no call expected")), id, time);
        Assert.Equal("EV-1", client.ParseNotification(Accessor(Headers(signature)), envelope, NotificationJson.Default.PaidTransaction).Id);

        Campaign.Check("notification parser: mutated notifications", Mutations, mutation =>
        {
            var (bytes, headers) = Mutate(envelope, signature, mutation);
            var error = Record.Exception(() => client.ParseNotification(Accessor(headers), bytes, NotificationJson.Default.PaidTransaction));

            Assert.NotNull(error);
            Assert.IsAssignableFrom<WeChatPayException>(error);
        }, shortForm: 400, longForm: 20_000);
    }

    [Fact]
    public void Signed_notifications_of_any_json_parse_or_throw_a_wechatpay_exception()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException("no call expected")), id, time);
        using var platform = new PlatformSigner(id);
        var envelopes = Gen.Select(AnyJson, Gen.String[Gen.Char, 0, 12], Gen.Int[0, 3], (resource, text, shape) => shape switch
        {
            0 => $"{{\"id\":\"{Escape(text)}\",\"resource\":{{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"{OutsideCrypto.Encrypt(SignatureScheme.Rsa, "fdasflkja484", "", Encoding.UTF8.GetBytes(resource))}\",\"nonce\":\"fdasflkja484\"}}}}",
            1 => $"{{\"id\":\"1\",\"resource\":{{\"algorithm\":\"{Escape(text)}\",\"ciphertext\":\"x\",\"nonce\":\"n\"}}}}",
            2 => $"{{\"id\":\"1\",\"resource\":{{\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"{Escape(text)}\",\"nonce\":\"{Escape(text)}\"}}}}",
            _ => resource,
        });

        Campaign.Check("notification parser: signed arbitrary JSON", envelopes, json =>
        {
            var body = Encoding.UTF8.GetBytes(json);
            var signature = platform.Sign(body, time.UnixSeconds);
            var error = Record.Exception(() => client.ParseNotification(Accessor(Headers(signature)), body, NotificationJson.Default.PaidTransaction));

            Assert.True(error is null or WeChatPayException, error?.ToString());
        }, shortForm: 150, longForm: 5_000);
    }

    /// <summary>Applies <paramref name="mutation"/> to a genuine body and its signature headers; the result always differs in something signed.</summary>
    private static (byte[] Body, List<KeyValuePair<string, string>> Headers) Mutate(byte[] genuine, SignatureHeaders signature, Mutation mutation)
    {
        var body = genuine.ToArray();
        var headers = Headers(signature);
        var position = mutation.Position;
        string Different(string original) => mutation.Text.Trim() == original || mutation.Text.Trim().Length == 0 ? original + "0" : mutation.Text;
        switch (mutation.Kind)
        {
            case 0:
                var at = position % body.Length;
                body[at] = body[at] == mutation.Byte ? (byte)(mutation.Byte ^ 1) : mutation.Byte;
                break;
            case 1: case 2: case 3: case 4:
                var name = Signed[mutation.Kind - 1];
                var index = headers.FindIndex(h => h.Key == name);
                headers[index] = new(name, Different(headers[index].Value));
                break;
            case 5:
                headers.RemoveAll(h => h.Key == Signed[position % 4]);
                break;
            case 6:
                headers.Add(new(Signed[position % 4], mutation.Text));
                break;
            case 7:
                body = body[..(position % body.Length)];
                break;
            default:
                body = [.. body, .. Encoding.UTF8.GetBytes(mutation.Text.Length == 0 ? " " : mutation.Text)];
                break;
        }

        return (body, headers);
    }

    private static List<KeyValuePair<string, string>> Headers(SignatureHeaders signature) =>
    [
        new("Wechatpay-Timestamp", signature.Timestamp!),
        new("Wechatpay-Nonce", signature.Nonce!),
        new("Wechatpay-Signature", signature.Signature!),
        new("Wechatpay-Serial", signature.Serial!),
    ];

    /// <summary>The headers as ASP.NET Core hands them over: repeated values joined with a comma.</summary>
    private static Func<string, string?> Accessor(List<KeyValuePair<string, string>> headers)
        => name => headers.Where(h => h.Key == name).Select(h => h.Value).DefaultIfEmpty().Aggregate((a, b) => a + "," + b);

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length * 6);
        foreach (var c in text)
            builder.Append("\\u").Append(((int)c).ToString("x4"));
        return builder.ToString();
    }

    /// <summary>Signs as WeChat Pay's public key does, with System.Security.Cryptography and one imported key (fast enough for thousands of inputs).</summary>
    private sealed class PlatformSigner(SchemeIdentity id) : IDisposable
    {
        private readonly System.Security.Cryptography.RSA _rsa = Import(id.PublicKeyPrivateKeyPem);

        public SignatureHeaders Sign(byte[] body, long timestamp)
        {
            const string nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
            byte[] message = [.. Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n"), .. body, (byte)'\n'];
            var signature = _rsa.SignData(message, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            return new SignatureHeaders(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), nonce, Convert.ToBase64String(signature), id.PublicKeyId, id.SchemeName);
        }

        public void Dispose() => _rsa.Dispose();

        private static System.Security.Cryptography.RSA Import(string pem)
        {
            var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa;
        }
    }
}
