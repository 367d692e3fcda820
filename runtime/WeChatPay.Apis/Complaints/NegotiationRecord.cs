namespace WeChatPay.Apis.Complaints;

/// <summary>One step of the negotiation: who did what, when (<c>data[]</c>).</summary>
public sealed class NegotiationRecord
{
    /// <summary>The record (<c>log_id</c>).</summary>
    public string LogId { get; set; } = "";

    /// <summary>Who acted, for example <c>投诉人</c> or <c>商家</c> (<c>operator</c>).</summary>
    public string Operator { get; set; } = "";

    /// <summary>When (<c>operate_time</c>).</summary>
    public DateTimeOffset OperateTime { get; set; }

    /// <summary>What, for example <c>USER_CREATE_COMPLAINT</c>, <c>MERCHANT_RESPONSE</c> or <c>MERCHANT_CONFIRM_COMPLETE</c> (<c>operate_type</c>).</summary>
    public string OperateType { get; set; } = "";

    /// <summary>The text of the step (<c>operate_details</c>).</summary>
    public string? OperateDetails { get; set; }

    /// <summary>Images of the step, as URLs valid for an hour (<c>image_list</c>).</summary>
    public List<string>? ImageList { get; set; }

    /// <summary>Material of the step (<c>complaint_media_list</c>).</summary>
    public ComplaintMedia? ComplaintMediaList { get; set; }
}
