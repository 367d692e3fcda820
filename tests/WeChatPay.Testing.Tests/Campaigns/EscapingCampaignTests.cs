using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay.Campaigns;

namespace WeChatPay.Testing.Tests.Campaigns;

/// <summary>
/// Path and query escaping, end to end: for any string, the request target Kestrel receives (its raw target) is
/// exactly the one the client signed, and unescaping it gives the string back.
/// </summary>
[Trait("Category", "Campaign")]
[Collection(SandboxCollection.Name)]
public sealed class EscapingCampaignTests(SandboxFixture fixture)
{
    private static readonly string[] Awkward = ["", ".", "..", "a/b", "a?b", "a#b", "%", "%2F", "+ +", "中文 券", "🎟️", "a\u0000b", "\ud800", "x\udc00y"];

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String[Gen.Char, 0, 30],
        Gen.String[Gen.Char['\0', '\x7f'], 0, 30],
        Gen.Int[0, Awkward.Length - 1].Select(i => Awkward[i]));

    [Fact]
    public async Task Signed_target_is_the_wire_target_and_every_string_round_trips()
    {
        var seen = new ConcurrentQueue<(string RawTarget, string? Authorization)>();
        await using var app = await StartCaptureAsync(seen);
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        using var client = new WeChatPayClient(fixture.Sandbox.CreateClientOptions(fixture.Rsa, baseAddress));
        using var merchantKey = RSA.Create();
        merchantKey.ImportFromPem(fixture.Rsa.PublicKeyPem);

        await Campaign.CheckAsync("escaping: path and query over Kestrel", Gen.Select(AnyText, AnyText), async pair =>
        {
            var (segment, query) = pair;
            seen.Clear();
            var options = new ChainRequestOptions { PathValues = { ["value"] = segment }, Query = [new("q", query)] };
            try
            {
                await client.Chain("v3/echo/{value}").GetAsync(options);
            }
            catch (ArgumentException) when (segment is "" or "." or ".." || segment.Contains('\0'))
            {
                return; // The caller's mistake, refused before sending: such a segment would change the route or be refused.
            }
            catch (WeChatPayVerificationException)
            {
                // The capture endpoint answers unsigned; only what reached the wire matters here.
            }

            Assert.True(seen.TryDequeue(out var received), "nothing reached Kestrel");
            var auth = Regex.Match(received.Authorization!, "nonce_str=\"([^\"]*)\",signature=\"([^\"]*)\",timestamp=\"([^\"]*)\"");
            var message = Encoding.UTF8.GetBytes($"GET\n{received.RawTarget}\n{auth.Groups[3].Value}\n{auth.Groups[1].Value}\n\n");
            Assert.True(merchantKey.VerifyData(message, Convert.FromBase64String(auth.Groups[2].Value), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                $"the signature does not cover the raw target {received.RawTarget}");

            var match = Regex.Match(received.RawTarget, "^/v3/echo/([^/?]*)\\?q=([^&]*)$");
            Assert.True(match.Success, received.RawTarget);
            if (IsWellFormed(segment))
                Assert.Equal(segment, Uri.UnescapeDataString(match.Groups[1].Value));
            if (IsWellFormed(query))
                Assert.Equal(query, Uri.UnescapeDataString(match.Groups[2].Value));
        }, shortForm: 300, longForm: 10_000);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }

        return true;
    }

    private static async Task<WebApplication> StartCaptureAsync(ConcurrentQueue<(string, string?)> seen)
    {
        var app = SandboxServer.CreateHostBuilder("http://127.0.0.1:0").Build();
        app.Run(context =>
        {
            seen.Enqueue((context.Features.Get<IHttpRequestFeature>()!.RawTarget, context.Request.Headers.Authorization.ToString()));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }
}
