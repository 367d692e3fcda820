namespace WeChatPay;

/// <summary>What a paged endpoint's <c>offset</c> counts; see <see cref="PagedAttribute"/>.</summary>
public enum PageMode
{
    /// <summary><c>offset</c> is the first item's position: the next page starts <c>data.length</c> items on (查询预存code列表).</summary>
    Offset = 0,

    /// <summary><c>offset</c> is the page's index from 0: the next page is <c>offset + 1</c> (根据过滤条件查询用户券, 代金券 lists).</summary>
    PageNumber = 1,
}
