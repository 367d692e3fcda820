using WeChatPay.Benchmarks.Fixtures;
using System.Net.Http.Headers;
using System.Text.Json;

namespace WeChatPay.Benchmarks.Contenders;

/// <summary>
/// The floor: the two endpoints written directly on <see cref="HttpClient"/>, with the same signing and verification
/// as every contender and the user's source-generated JSON metadata. Nothing is between the call and the wire.
/// </summary>
public sealed class HandWrittenClient(HttpClient http, HandWrittenSigning signing)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<UploadCouponCodesResponse> UploadCouponCodesAsync(string stockId, UploadCouponCodesRequest request, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, UserJsonContext.Default.UploadCouponCodesRequest);
        var target = "/v3/marketing/busifavor/stocks/" + Uri.EscapeDataString(stockId) + "/couponcodes";
        using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        message.Headers.TryAddWithoutValidation("Authorization", signing.CreateAuthorization("POST", target, body));
        message.Headers.TryAddWithoutValidation("Wechatpay-Serial", signing.PlatformKeyId);
        var bytes = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, UserJsonContext.Default.UploadCouponCodesResponse)!;
    }

    public async Task<ListCouponCodesResponse> ListCouponCodesAsync(string stockId, string? status, string? appid, int? offset, int? limit, CancellationToken cancellationToken = default)
    {
        var target = string.Concat(
            "/v3/marketing/busifavor/stocks/", Uri.EscapeDataString(stockId), "/couponcodes",
            QueryString(status, appid, offset, limit));
        using var message = new HttpRequestMessage(HttpMethod.Get, target);
        message.Headers.TryAddWithoutValidation("Authorization", signing.CreateAuthorization("GET", target, default));
        message.Headers.TryAddWithoutValidation("Wechatpay-Serial", signing.PlatformKeyId);
        var bytes = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, UserJsonContext.Default.ListCouponCodesResponse)!;
    }

    private async Task<byte[]> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        signing.Verify(response.Headers, bytes);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"WeChat Pay returned {(int)response.StatusCode}.", null, response.StatusCode);
        return bytes;
    }

    private static string QueryString(string? status, string? appid, int? offset, int? limit)
    {
        var query = new System.Text.StringBuilder(96);
        Add(query, "status", status);
        Add(query, "appid", appid);
        Add(query, "offset", offset?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(query, "limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return query.ToString();

        static void Add(System.Text.StringBuilder query, string name, string? value)
        {
            if (value is not null)
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}

/// <summary>Builds the hand-written floor over a handler, with the same default headers as the Refit contender.</summary>
public static class HandWrittenContender
{
    public static HandWrittenClient Create(HandWrittenSigning signing, HttpMessageHandler gateway, Uri baseAddress)
    {
        var http = new HttpClient(gateway, disposeHandler: false) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("WeChatPay.Benchmarks", "1.0"));
        return new HandWrittenClient(http, signing);
    }
}
