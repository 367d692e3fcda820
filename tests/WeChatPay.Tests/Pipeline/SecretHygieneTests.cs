using System.Net;
using System.Text;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Pipeline;

/// <summary>No exception message or ToString carries the Authorization value, a signature, a signed message or key material.</summary>
public class SecretHygieneTests
{
    [Fact]
    public async Task Failure_messages_never_contain_the_authorization_the_signatures_or_key_material()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var answers = new Queue<Func<HttpResponseMessage>>(
        [
            () => Gateway.Signed(id, time.UnixSeconds, "{\"a\":1}", tamper: r => r.Content = new StringContent("{\"a\":2}")),
            () => Gateway.Signed(id, time.UnixSeconds - 400, "{\"a\":1}"),
            () => Gateway.Signed(id, time.UnixSeconds, "{\"code\":\"SIGN_ERROR\",\"message\":\"bad\"}", HttpStatusCode.Unauthorized),
            () => Answers.Json(HttpStatusCode.OK, "{}"),
            () => throw new HttpRequestException("reset"),
        ]);
        var responseSignatures = new List<string>();
        var wire = new FakeWire(_ =>
        {
            var response = answers.Dequeue()();
            if (response.Headers.TryGetValues("Wechatpay-Signature", out var values))
                responseSignatures.AddRange(values);
            return response;
        });
        using var client = Gateway.Client(wire, id, time);
        var messages = new List<string>();

        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAnyAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/a") { Body = "{\"p\":1}"u8.ToArray() }));
            for (Exception? e = error; e is not null; e = e.InnerException)
                messages.Add(e.ToString());
        }

        messages.Add(client.ToString());
        var secrets = new List<string> { TestIdentities.ApiV3Key, PemBody(id.MerchantPrivateKeyPem), PemBody(id.PublicKeyPrivateKeyPem) };
        Assert.Equal(3, responseSignatures.Count);
        secrets.AddRange(responseSignatures);
        foreach (var sent in wire.Requests)
        {
            secrets.Add(sent.Authorization);
            secrets.Add(sent.AuthorizationParameters["signature"]);
            secrets.Add(Encoding.UTF8.GetString(sent.RebuildSignedMessage()));
        }

        Assert.Equal(5, wire.Requests.Count);
        foreach (var message in messages)
        {
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, message);
            Assert.DoesNotContain("signature=\"", message);
        }
    }

    private static string PemBody(string pem) => pem.Split('\n')[1];
}
