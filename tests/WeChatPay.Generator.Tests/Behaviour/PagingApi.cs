namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>Paged methods: offset and limit from a [Query] model or from plain parameters, in both page modes.</summary>
public partial interface IPagingApi
{
    /// <summary>查询预存code, every page: the model's Offset and Limit drive the walk, its Status is sent on each page.</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    IAsyncEnumerable<PagedCode> ListCodesAsync(string stockId, [Query] PagedCodeQuery? query, CancellationToken cancellationToken = default);

    /// <summary>The same pages with offset and limit as parameters, and no token of its own (WithCancellation cancels it).</summary>
    [Get("v3/marketing/busifavor/stocks/{stock_id}/couponcodes")]
    IAsyncEnumerable<PagedCode> ListCodesByParametersAsync(string stockId, string? status, int offset, int? limit);

    /// <summary>根据过滤条件查询用户券, every page: its offset is a page index (分页页码), so the walk counts pages.</summary>
    [Get("v3/marketing/busifavor/users/{openid}/coupons")]
    [Paged(PageMode.PageNumber)]
    IAsyncEnumerable<PagedCode> ListByPageNumberAsync(string openid, [Query] PagedCodeQuery? query, CancellationToken cancellationToken = default);
}

/// <summary>One pre-stored code.</summary>
public sealed record PagedCode(string Code, string CodeStatus);

/// <summary>The list's query: nulls and an unset limit are left out.</summary>
public sealed class PagedCodeQuery
{
    public string? Status { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; }
}
