namespace WeChatPay.Apis.Complaints;

/// <summary>A complaint (投诉单), as 查询投诉单详情 answers it and as each item of 查询投诉单列表.</summary>
public sealed class Complaint
{
    /// <summary>The complaint (<c>complaint_id</c>).</summary>
    public string ComplaintId { get; set; } = "";

    /// <summary>When the user filed it (<c>complaint_time</c>).</summary>
    public DateTimeOffset ComplaintTime { get; set; }

    /// <summary>The user's description, at most 300 characters (<c>complaint_detail</c>).</summary>
    public string ComplaintDetail { get; set; } = "";

    /// <summary>The merchant complained about; a service provider's sub-merchant (<c>complainted_mchid</c>).</summary>
    public string? ComplaintedMchid { get; set; }

    /// <summary>The stage it is in (<c>complaint_state</c>).</summary>
    public ComplaintState ComplaintState { get; set; }

    /// <summary>The user's phone, decrypted with the merchant key (<c>payer_phone</c>).</summary>
    [Sensitive]
    public string? PayerPhone { get; set; }

    /// <summary>The user, under the merchant's AppID (<c>payer_openid</c>).</summary>
    public string? PayerOpenid { get; set; }

    /// <summary>The orders complained about (<c>complaint_order_info</c>).</summary>
    public List<ComplaintOrderInfo>? ComplaintOrderInfo { get; set; }

    /// <summary>The user's images and other material (<c>complaint_media_list</c>).</summary>
    public List<ComplaintMedia>? ComplaintMediaList { get; set; }

    /// <summary>The 支付分 service orders complained about (<c>service_order_info</c>).</summary>
    public List<ComplaintServiceOrder>? ServiceOrderInfo { get; set; }

    /// <summary>Whether every order of the complaint is fully refunded (<c>complaint_full_refunded</c>).</summary>
    public bool ComplaintFullRefunded { get; set; }

    /// <summary>Whether a message of the user waits for an answer (<c>incoming_user_response</c>).</summary>
    public bool IncomingUserResponse { get; set; }

    /// <summary>How many times the user has complained (<c>user_complaint_times</c>).</summary>
    public int UserComplaintTimes { get; set; }

    /// <summary>The problem, as the user described it (<c>problem_description</c>).</summary>
    public string? ProblemDescription { get; set; }

    /// <summary><c>REFUND</c> (asks for a refund), <c>SERVICE_NOT_WORK</c> or <c>OTHERS</c> (<c>problem_type</c>).</summary>
    public string? ProblemType { get; set; }

    /// <summary>The refund the user asks for, in fen, for a REFUND problem (<c>apply_refund_amount</c>).</summary>
    public long? ApplyRefundAmount { get; set; }

    /// <summary>Tags of the user, for example <c>TRUSTED</c> (<c>user_tag_list</c>).</summary>
    public List<string>? UserTagList { get; set; }

    /// <summary>Whether WeChat Pay's platform is helping with it (<c>in_platform_service</c>).</summary>
    public bool? InPlatformService { get; set; }

    /// <summary>Whether the user needs an immediate answer (<c>need_immediate_service</c>).</summary>
    public bool? NeedImmediateService { get; set; }
}

/// <summary>An order a complaint is about (<c>complaint_order_info[]</c>).</summary>
public sealed class ComplaintOrderInfo
{
    /// <summary>WeChat Pay's order number (<c>transaction_id</c>).</summary>
    public string TransactionId { get; set; } = "";

    /// <summary>The merchant's order number (<c>out_trade_no</c>).</summary>
    public string OutTradeNo { get; set; } = "";

    /// <summary>The order amount, in fen (<c>amount</c>).</summary>
    public long Amount { get; set; }
}

/// <summary>Material the user attached (<c>complaint_media_list[]</c>).</summary>
public sealed class ComplaintMedia
{
    /// <summary>The kind, for example <c>USER_COMPLAINT_IMAGE</c> or <c>OPERATION_IMAGE</c> (<c>media_type</c>).</summary>
    public string MediaType { get; set; } = "";

    /// <summary>Where each file is; fetch one with <c>DownloadImageAsync</c> (<c>media_url</c>).</summary>
    public List<string> MediaUrl { get; set; } = [];
}

/// <summary>A 支付分 service order a complaint is about (<c>service_order_info[]</c>).</summary>
public sealed class ComplaintServiceOrder
{
    /// <summary>WeChat Pay's service order number (<c>order_id</c>).</summary>
    public string? OrderId { get; set; }

    /// <summary>The merchant's service order number (<c>out_order_no</c>).</summary>
    public string? OutOrderNo { get; set; }

    /// <summary>The service order's state, for example <c>DOING</c> or <c>DONE</c> (<c>state</c>).</summary>
    public string? State { get; set; }
}
