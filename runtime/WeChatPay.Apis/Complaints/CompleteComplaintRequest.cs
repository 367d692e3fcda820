namespace WeChatPay.Apis.Complaints;

/// <summary>The report that a complaint is handled (反馈处理完成); allowed once the merchant has answered the user.</summary>
public sealed class CompleteComplaintRequest
{
    /// <summary>The merchant complained about, as the complaint names it (<c>complainted_mchid</c>).</summary>
    public required string ComplaintedMchid { get; set; }
}
