namespace WeChatPay.Apis.Transfers;

/// <summary>A transfer to a user's balance (发起转账).</summary>
public sealed class TransferBillRequest
{
    /// <summary>The AppID the payee's openid belongs to (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The merchant's bill number, unique per merchant, at most 32 letters and digits (<c>out_bill_no</c>).</summary>
    public required string OutBillNo { get; set; }

    /// <summary>The transfer scene, for example <c>1000</c> (现金营销) (<c>transfer_scene_id</c>).</summary>
    public required string TransferSceneId { get; set; }

    /// <summary>The payee (<c>openid</c>).</summary>
    public required string Openid { get; set; }

    /// <summary>The payee's real name, checked against the account; required from 2,000 yuan (<c>user_name</c>, encrypted).</summary>
    [Sensitive]
    public string? UserName { get; set; }

    /// <summary>The amount, in fen (<c>transfer_amount</c>).</summary>
    public required long TransferAmount { get; set; }

    /// <summary>The remark shown to the user, at most 32 characters (<c>transfer_remark</c>).</summary>
    public required string TransferRemark { get; set; }

    /// <summary>The https URL that receives MCHTRANSFER.BILL.FINISHED (<c>notify_url</c>).</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>How the user perceives the transfer, for example <c>现金奖励</c> (<c>user_recv_perception</c>).</summary>
    public string? UserRecvPerception { get; set; }

    /// <summary>The scene's report items (<c>transfer_scene_report_infos</c>).</summary>
    public required List<TransferSceneReportInfo> TransferSceneReportInfos { get; set; }
}

/// <summary>One report item of the transfer scene (<c>transfer_scene_report_infos[]</c>).</summary>
public sealed class TransferSceneReportInfo
{
    /// <summary>The item, for example <c>活动名称</c> (<c>info_type</c>).</summary>
    public required string InfoType { get; set; }

    /// <summary>Its content (<c>info_content</c>).</summary>
    public required string InfoContent { get; set; }
}
