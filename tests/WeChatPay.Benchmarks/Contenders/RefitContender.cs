using WeChatPay.Benchmarks.Fixtures;
using System.Net.Http.Headers;
using Refit;

namespace WeChatPay.Benchmarks.Contenders;

// What a C# developer picks today: Refit, a signing and verifying DelegatingHandler, and a hand-written
// JsonSerializerContext. (Refit's attributes are qualified: WeChatPay has attributes of the same names.)

/// <summary>The seed's two endpoints, declared for Refit.</summary>
public interface IRefitBusifavor
{
    [Refit.Post("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<UploadCouponCodesResponse> UploadCouponCodesAsync(
        [AliasAs("stock_id")] string stockId,
        [Refit.Body] UploadCouponCodesRequest request,
        CancellationToken cancellationToken = default);

    [Refit.Get("/v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    Task<ListCouponCodesResponse> ListCouponCodesAsync(
        [AliasAs("stock_id")] string stockId,
        [AliasAs("status")] string? status,
        [AliasAs("appid")] string? appid,
        [AliasAs("offset")] int? offset,
        [AliasAs("limit")] int? limit,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// Signs each request over the exact bytes Refit sends (buffering its content once), and verifies each response
/// before Refit reads it; Refit then deserializes the very bytes that were verified (the buffered content).
/// </summary>
public sealed class WeChatPaySigningHandler(HandWrittenSigning signing, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var target = request.RequestUri!.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        request.Headers.TryAddWithoutValidation("Authorization", signing.CreateAuthorization(request.Method.Method, target, body));
        request.Headers.TryAddWithoutValidation("Wechatpay-Serial", signing.PlatformKeyId);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            signing.Verify(response.Headers, bytes);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

/// <summary>Builds the Refit contender over a handler.</summary>
public static class RefitContender
{
    public static IRefitBusifavor Create(HandWrittenSigning signing, HttpMessageHandler gateway, Uri baseAddress)
    {
        var http = new HttpClient(new WeChatPaySigningHandler(signing, gateway)) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("WeChatPay.Benchmarks", "1.0"));
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(UserJsonContext.Default.Options));
        return RestService.ForGenerated<IRefitBusifavor>(http, settings);
    }
}
