namespace WeChatPay;

/// <summary>
/// Says how a paged method (one returning <c>IAsyncEnumerable&lt;TItem&gt;</c>) walks its endpoint's pages. Without
/// it a paged method is in <see cref="PageMode.Offset"/> mode; endpoints whose <c>offset</c> is a page index
/// (分页页码) take <c>[Paged(PageMode.PageNumber)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PagedAttribute(PageMode mode) : Attribute
{
    /// <summary>What the endpoint's <c>offset</c> counts.</summary>
    public PageMode Mode { get; } = mode;
}
