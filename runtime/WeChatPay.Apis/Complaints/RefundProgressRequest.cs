namespace WeChatPay.Apis.Complaints;

/// <summary>The merchant's decision on the refund the user asked for (更新退款审批结果), for a REFUND complaint.</summary>
public sealed class RefundProgressRequest
{
    /// <summary>APPROVE or REJECT (<c>action</c>).</summary>
    public required RefundAction Action { get; set; }

    /// <summary>For APPROVE: in how many working days the refund will be made, 0 for today (<c>launch_refund_day</c>).</summary>
    public int? LaunchRefundDay { get; set; }

    /// <summary>For REJECT, required: why, at most 200 characters (<c>reject_reason</c>).</summary>
    public string? RejectReason { get; set; }

    /// <summary>For REJECT: up to 4 images, each a <c>media_id</c> from <c>UploadComplaintImageAsync</c> (<c>reject_media_list</c>).</summary>
    public List<string>? RejectMediaList { get; set; }

    /// <summary>A remark, at most 200 characters (<c>remark</c>).</summary>
    public string? Remark { get; set; }
}
