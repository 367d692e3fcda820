namespace WeChatPay.Apis.Favor;

/// <summary>
/// The query of 根据商户号查用户的券; unset values are not sent. Name one of <see cref="CreatorMchid"/>,
/// <see cref="SenderMchid"/> and <see cref="AvailableMchid"/>. <see cref="Offset"/> is a page index (page 0, 1, 2…),
/// not the number of items to skip. With <see cref="AvailableMchid"/>, WeChat Pay ignores the stock, state and paging.
/// </summary>
public sealed class FavorUserCouponsQuery
{
    /// <summary>The appid the openid belongs to; required (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>Only this stock (<c>stock_id</c>).</summary>
    public string? StockId { get; set; }

    /// <summary>Only this state, <c>SENDED</c> or <c>USED</c> (see <see cref="FavorCouponStatus"/>) (<c>status</c>).</summary>
    public string? Status { get; set; }

    /// <summary>Only stocks created by this merchant (<c>creator_mchid</c>).</summary>
    public string? CreatorMchid { get; set; }

    /// <summary>Only coupons sent by this merchant (<c>sender_mchid</c>).</summary>
    public string? SenderMchid { get; set; }

    /// <summary>Only coupons usable at this merchant (<c>available_mchid</c>).</summary>
    public string? AvailableMchid { get; set; }

    /// <summary>The page index, from 0, not an item offset; default 0 (<c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>The page size, at most 100; default 20 (<c>limit</c>).</summary>
    public int? Limit { get; set; }
}
