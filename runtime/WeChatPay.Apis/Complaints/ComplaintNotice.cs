namespace WeChatPay.Apis.Complaints;

/// <summary>
/// The resource of a complaint notification (COMPLAINT.CREATE, COMPLAINT.STATE_CHANGE): which complaint and what
/// happened; query the complaint for the rest. Pass <c>WeChatPayApisJsonContext.Default.ComplaintNotice</c> to
/// <c>ParseNotificationAsync</c>.
/// </summary>
public sealed class ComplaintNotice
{
    /// <summary>The complaint (<c>complaint_id</c>).</summary>
    public string ComplaintId { get; set; } = "";

    /// <summary>What happened (<c>action_type</c>).</summary>
    public ComplaintActionType ActionType { get; set; }

    /// <summary>The merchant's order the complaint is about, when there is one (<c>out_trade_no</c>).</summary>
    public string? OutTradeNo { get; set; }

    /// <summary>When it was filed (<c>complaint_time</c>).</summary>
    public DateTimeOffset? ComplaintTime { get; set; }

    /// <summary>The order amount, in fen (<c>amount</c>).</summary>
    public long? Amount { get; set; }
}
