using System.Text.Json.Serialization;

namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>Paged methods on an interface with its own JSON context: only the item type is in the context.</summary>
[WeChatPayJsonContext(typeof(PagingJsonContext))]
public partial interface IPagingContextApi
{
    /// <summary>查询预存code, every page, by item offset.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    IAsyncEnumerable<ContextCode> ListCodesAsync(string stockId, string? status, int? offset, int? limit, CancellationToken cancellationToken = default);

    /// <summary>The page-number endpoint, every page.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<ContextCode> ListByPageNumberAsync(string openid, long offset, long limit, CancellationToken cancellationToken = default);
}

/// <summary>One pre-stored code, read through the user's context.</summary>
public sealed record ContextCode(string Code, string CodeStatus);

/// <summary>The user's context: the item type, and no page type.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ContextCode))]
internal sealed partial class PagingJsonContext : JsonSerializerContext;
