namespace WeChatPay.Apis.Complaints;

/// <summary>
/// 消费者投诉 2.0 (consumer complaints), for direct merchants and service providers (a provider names its
/// sub-merchant in <c>complainted_mchid</c>): list, detail and negotiation history; answering the user, reporting
/// it handled and deciding a refund; the notification URL. The user's <c>payer_phone</c> is decrypted with the
/// merchant key. Images are uploaded with <see cref="ComplaintImages"/>. <c>IComplaintsApi.Create(client)</c> is generated.
/// </summary>
[WeChatPayJsonContext(typeof(WeChatPayApisJsonContext))]
public partial interface IComplaintsApi
{
    /// <summary>查询投诉单列表: one page of the complaints filed in a span of at most 30 days.</summary>
    [Get("v3/merchant-service/complaints-v2")]
    Task<WeChatPayResponse<ComplaintPage>> ListAsync([Query] ListComplaintsQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询投诉单列表, synchronously.</summary>
    [Get("v3/merchant-service/complaints-v2")]
    WeChatPayResponse<ComplaintPage> List([Query] ListComplaintsQuery query);

    /// <summary>查询投诉单列表, every page: the complaints from the query's offset on, one verified GET a page, read lazily.</summary>
    [Get("v3/merchant-service/complaints-v2")]
    IAsyncEnumerable<Complaint> ListAllAsync([Query] ListComplaintsQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询投诉单详情.</summary>
    [Get("v3/merchant-service/complaints-v2/{complaint_id}")]
    Task<WeChatPayResponse<Complaint>> GetAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>查询投诉单详情, synchronously.</summary>
    [Get("v3/merchant-service/complaints-v2/{complaint_id}")]
    WeChatPayResponse<Complaint> Get(string complaintId);

    /// <summary>查询投诉协商历史: the steps of the negotiation, oldest first.</summary>
    [Get("v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys")]
    Task<WeChatPayResponse<NegotiationHistoryPage>> GetNegotiationHistoryAsync(string complaintId, [Query] NegotiationHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>查询投诉协商历史, synchronously.</summary>
    [Get("v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys")]
    WeChatPayResponse<NegotiationHistoryPage> GetNegotiationHistory(string complaintId, [Query] NegotiationHistoryQuery query);

    /// <summary>查询投诉协商历史, every page: the whole negotiation, oldest first, read lazily.</summary>
    [Get("v3/merchant-service/complaints-v2/{complaint_id}/negotiation-historys")]
    IAsyncEnumerable<NegotiationRecord> GetAllNegotiationHistoryAsync(string complaintId, [Query] NegotiationHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>回复用户: a PENDING complaint becomes PROCESSING; answered 204.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/response")]
    Task RespondAsync(string complaintId, ComplaintResponseRequest json, CancellationToken cancellationToken = default);

    /// <summary>回复用户, synchronously.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/response")]
    void Respond(string complaintId, ComplaintResponseRequest json);

    /// <summary>反馈处理完成: after an answer to the user, the complaint becomes PROCESSED; answered 204.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/complete")]
    Task CompleteAsync(string complaintId, CompleteComplaintRequest json, CancellationToken cancellationToken = default);

    /// <summary>反馈处理完成, synchronously.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/complete")]
    void Complete(string complaintId, CompleteComplaintRequest json);

    /// <summary>更新退款审批结果: approve or reject the refund a REFUND complaint asks for, once; answered 204.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress")]
    Task UpdateRefundProgressAsync(string complaintId, RefundProgressRequest json, CancellationToken cancellationToken = default);

    /// <summary>更新退款审批结果, synchronously.</summary>
    [Post("v3/merchant-service/complaints-v2/{complaint_id}/update-refund-progress")]
    void UpdateRefundProgress(string complaintId, RefundProgressRequest json);

    /// <summary>创建投诉通知回调地址: once per merchant; change it with <see cref="UpdateNotificationUrlAsync"/>.</summary>
    [Post("v3/merchant-service/complaint-notifications")]
    Task<WeChatPayResponse<ComplaintNotificationUrl>> CreateNotificationUrlAsync(ComplaintNotificationUrlRequest json, CancellationToken cancellationToken = default);

    /// <summary>创建投诉通知回调地址, synchronously.</summary>
    [Post("v3/merchant-service/complaint-notifications")]
    WeChatPayResponse<ComplaintNotificationUrl> CreateNotificationUrl(ComplaintNotificationUrlRequest json);

    /// <summary>查询投诉通知回调地址.</summary>
    [Get("v3/merchant-service/complaint-notifications")]
    Task<WeChatPayResponse<ComplaintNotificationUrl>> GetNotificationUrlAsync(CancellationToken cancellationToken = default);

    /// <summary>查询投诉通知回调地址, synchronously.</summary>
    [Get("v3/merchant-service/complaint-notifications")]
    WeChatPayResponse<ComplaintNotificationUrl> GetNotificationUrl();

    /// <summary>更新投诉通知回调地址.</summary>
    [Put("v3/merchant-service/complaint-notifications")]
    Task<WeChatPayResponse<ComplaintNotificationUrl>> UpdateNotificationUrlAsync(ComplaintNotificationUrlRequest json, CancellationToken cancellationToken = default);

    /// <summary>更新投诉通知回调地址, synchronously.</summary>
    [Put("v3/merchant-service/complaint-notifications")]
    WeChatPayResponse<ComplaintNotificationUrl> UpdateNotificationUrl(ComplaintNotificationUrlRequest json);

    /// <summary>删除投诉通知回调地址: answered 204; no notification is sent after it.</summary>
    [Delete("v3/merchant-service/complaint-notifications")]
    Task DeleteNotificationUrlAsync(CancellationToken cancellationToken = default);

    /// <summary>删除投诉通知回调地址, synchronously.</summary>
    [Delete("v3/merchant-service/complaint-notifications")]
    void DeleteNotificationUrl();
}
