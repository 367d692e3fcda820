using System.Text.Json;
using WeChatPay.Apis.Complaints;
using WeChatPay.Testing;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>
/// Every 消费者投诉 endpoint through the generated client, sync and async, against the sandbox over a real socket:
/// a complaint filed by the payer, listed, read with its phone decrypted, answered with an uploaded image,
/// reported handled and its refund decided, each step in the history and notified to a real endpoint.
/// </summary>
public sealed class ComplaintEndpointTests(ComplaintsServer server) : IClassFixture<ComplaintsServer>, IDisposable
{
    private readonly ComplaintsSandbox _s = new(server);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Complaint_is_filed_notified_answered_with_an_image_completed_and_kept_in_the_history()
    {
        var api = _s.Api;
        var set = await api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = _s.Endpoint.Url.ToString() });
        Assert.Equal((_s.Merchant.MerchantId, _s.Endpoint.Url.ToString()), (set.Value.Mchid, set.Value.Url));
        var transactionId = await _s.PaidOrderAsync(total: 1288);

        var complaintId = await _s.FileAsync(transactionId);

        var created = await _s.NextNotificationAsync();
        Assert.Equal(("COMPLAINT.CREATE", complaintId, ComplaintActionType.CreateComplaint, 1288L), (created.EventType, created.Resource.ComplaintId, created.Resource.ActionType, created.Resource.Amount));
        var detail = await api.GetAsync(complaintId);
        Assert.Equal((ComplaintState.Pending, ComplaintsSandbox.Phone, _s.Merchant.MerchantId), (detail.Value.ComplaintState, detail.Value.PayerPhone, detail.Value.ComplaintedMchid));
        Assert.Equal((transactionId, 1288L), (detail.Value.ComplaintOrderInfo![0].TransactionId, detail.Value.ComplaintOrderInfo[0].Amount));

        var image = await _s.Client.UploadComplaintImageAsync("evidence.jpg", ComplaintsSandbox.Jpeg);
        Assert.False(string.IsNullOrEmpty(image.Value.MediaId));
        await api.RespondAsync(complaintId, new ComplaintResponseRequest
        {
            ComplaintedMchid = _s.Merchant.MerchantId,
            ResponseContent = "已为您退款，请查收",
            ResponseImages = [image.Value.MediaId!],
            JumpUrl = "https://merchant.example.com/help",
            JumpUrlText = "查看详情",
        });
        Assert.Equal(ComplaintActionType.MerchantResponse, (await _s.NextNotificationAsync()).Resource.ActionType);
        Assert.Equal(ComplaintState.Processing, api.Get(complaintId).Value.ComplaintState);

        api.Complete(complaintId, new CompleteComplaintRequest { ComplaintedMchid = _s.Merchant.MerchantId });
        var completed = await _s.NextNotificationAsync();
        Assert.Equal(("COMPLAINT.STATE_CHANGE", ComplaintActionType.MerchantConfirmComplete), (completed.EventType, completed.Resource.ActionType));
        Assert.Equal(ComplaintState.Processed, (await api.GetAsync(complaintId)).Value.ComplaintState);

        var history = api.GetNegotiationHistory(complaintId, new NegotiationHistoryQuery());
        Assert.Equal(["USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE"], history.Value.Data.Select(r => r.OperateType));
        Assert.Equal((3, "已为您退款，请查收"), (history.Value.TotalCount, history.Value.Data[1].OperateDetails));
        var imageUrl = Assert.Single(history.Value.Data[1].ImageList!);
        Assert.Equal(ComplaintsSandbox.Jpeg, await _s.Client.DownloadComplaintImageAsync(imageUrl));
        Assert.Equal(ComplaintsSandbox.Jpeg, _s.Client.DownloadComplaintImage(image.Value.MediaId!));
        var page = await api.GetNegotiationHistoryAsync(complaintId, new NegotiationHistoryQuery { Offset = 1, Limit = 1 });
        Assert.Equal(("MERCHANT_RESPONSE", 1, 1, (int?)null), (Assert.Single(page.Value.Data).OperateType, page.Value.Offset, page.Value.Limit, page.Value.TotalCount));
    }

    [Fact]
    public async Task Complaints_are_listed_by_date_with_each_payer_phone_decrypted()
    {
        var first = await _s.FileAsync(await _s.PaidOrderAsync());
        var second = await _s.FileAsync(await _s.PaidOrderAsync());

        var page = await _s.Api.ListAsync(new ListComplaintsQuery { BeginDate = ComplaintsSandbox.Today, EndDate = ComplaintsSandbox.Today, Limit = 50 });
        var sync = _s.Api.List(new ListComplaintsQuery { BeginDate = ComplaintsSandbox.Today, EndDate = ComplaintsSandbox.Today, Limit = 1, Offset = 1 });

        Assert.Equal([first, second], page.Value.Data.Select(c => c.ComplaintId));
        Assert.All(page.Value.Data, c => Assert.Equal(ComplaintsSandbox.Phone, c.PayerPhone));
        Assert.Equal((2, 50, 0), (page.Value.TotalCount, page.Value.Limit, page.Value.Offset));
        Assert.Equal(second, Assert.Single(sync.Value.Data).ComplaintId);
    }

    [Fact]
    public async Task Service_provider_lists_the_complaints_of_one_sub_merchant()
    {
        var own = await _s.FileAsync(await _s.PaidOrderAsync());
        var sub = await _s.FileAsync(await _s.PaidOrderAsync(subMchId: ComplaintsSandbox.SubMchId), subMchId: ComplaintsSandbox.SubMchId);

        var page = await _s.Api.ListAsync(new ListComplaintsQuery { BeginDate = ComplaintsSandbox.Today, EndDate = ComplaintsSandbox.Today, ComplaintedMchid = ComplaintsSandbox.SubMchId });

        var complaint = Assert.Single(page.Value.Data);
        Assert.Equal((sub, ComplaintsSandbox.SubMchId), (complaint.ComplaintId, complaint.ComplaintedMchid));
        Assert.NotEqual(own, complaint.ComplaintId);
        _s.Api.Respond(sub, new ComplaintResponseRequest { ComplaintedMchid = ComplaintsSandbox.SubMchId, ResponseContent = "服务商已处理" });
        await _s.Api.CompleteAsync(sub, new CompleteComplaintRequest { ComplaintedMchid = ComplaintsSandbox.SubMchId });
        Assert.Equal(ComplaintState.Processed, _s.Api.Get(sub).Value.ComplaintState);
    }

    [Fact]
    public async Task Refund_complaint_is_approved_once_and_notified()
    {
        await _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = _s.Endpoint.Url.ToString() });
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync(total: 500), problemType: "REFUND", applyRefundAmount: 300);
        await _s.NextNotificationAsync();
        Assert.Equal(("REFUND", 300L), (_s.Api.Get(complaintId).Value.ProblemType, _s.Api.Get(complaintId).Value.ApplyRefundAmount));

        await _s.Api.UpdateRefundProgressAsync(complaintId, new RefundProgressRequest { Action = RefundAction.Approve, LaunchRefundDay = 2, Remark = "同意退款" });

        Assert.Equal(ComplaintActionType.MerchantApproveRefund, (await _s.NextNotificationAsync()).Resource.ActionType);
        var history = await _s.Api.GetNegotiationHistoryAsync(complaintId, new NegotiationHistoryQuery());
        Assert.Equal("MERCHANT_APPROVE_REFUND", history.Value.Data[^1].OperateType);
        Assert.Equal(ComplaintState.Processing, (await _s.Api.GetAsync(complaintId)).Value.ComplaintState);
        var again = Assert.Throws<WeChatPayApiException>(() => _s.Api.UpdateRefundProgress(complaintId, new RefundProgressRequest { Action = RefundAction.Reject, RejectReason = "重复" }));
        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "INVALID_REQUEST"), (again.StatusCode, again.Code));
    }

    [Fact]
    public async Task Refund_complaint_is_rejected_with_a_reason_and_images()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync(total: 500), problemType: "REFUND", applyRefundAmount: 500);
        var image = _s.Client.UploadComplaintImage("receipt.jpg", ComplaintsSandbox.Jpeg);

        _s.Api.UpdateRefundProgress(complaintId, new RefundProgressRequest { Action = RefundAction.Reject, RejectReason = "商品已发货，不符合退款条件", RejectMediaList = [image.Value.MediaId!] });

        var last = _s.Api.GetNegotiationHistory(complaintId, new NegotiationHistoryQuery()).Value.Data[^1];
        Assert.Equal(("MERCHANT_REFUSE_RERUND", "商品已发货，不符合退款条件"), (last.OperateType, last.OperateDetails));
        Assert.Single(last.ImageList!);
    }

    [Fact]
    public async Task Notification_url_is_created_read_updated_and_deleted_sync_and_async()
    {
        var api = _s.Api;
        var created = api.CreateNotificationUrl(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/complaints" });
        Assert.Equal("https://merchant.example.com/complaints", created.Value.Url);
        Assert.Equal("https://merchant.example.com/complaints", (await api.GetNotificationUrlAsync()).Value.Url);

        var updated = await api.UpdateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/v2/complaints" });
        Assert.Equal((_s.Merchant.MerchantId, "https://merchant.example.com/v2/complaints"), (updated.Value.Mchid, updated.Value.Url));
        Assert.Equal("https://merchant.example.com/v2/complaints", api.GetNotificationUrl().Value.Url);
        api.UpdateNotificationUrl(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/v3/complaints" });

        await api.DeleteNotificationUrlAsync();
        var gone = Assert.Throws<WeChatPayApiException>(() => api.GetNotificationUrl());
        Assert.Equal((System.Net.HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (gone.StatusCode, gone.Code));
        api.CreateNotificationUrl(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/complaints" });
        api.DeleteNotificationUrl();
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Payer_phone_is_encrypted_to_the_merchant_key_on_the_wire_and_decrypted_by_the_client(SignatureScheme scheme)
    {
        using var s = new ComplaintsSandbox(server, scheme);
        var complaintId = await s.FileAsync(await s.PaidOrderAsync());

        var raw = await s.Client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/merchant-service/complaints-v2/" + complaintId));
        using var document = JsonDocument.Parse(raw.Body);
        var ciphertext = document.RootElement.GetProperty("payer_phone").GetString()!;

        Assert.DoesNotContain(ComplaintsSandbox.Phone, ciphertext);
        Assert.Equal(ComplaintsSandbox.Phone, (await s.Api.GetAsync(complaintId)).Value.PayerPhone);
        if (scheme == SignatureScheme.Rsa)
        {
            // An independent implementation: openssl decrypts it with the merchant's private key, RSA-OAEP (SHA-1).
            using var files = new TempDirectory();
            var key = files.Write("merchant.pem", s.Merchant.PrivateKeyPem!);
            var input = files.Write("phone.bin", Convert.FromBase64String(ciphertext));
            var plaintext = OpenSsl.RunChecked("pkeyutl", "-decrypt", "-inkey", key, "-in", input, "-pkeyopt", "rsa_padding_mode:oaep");
            Assert.Equal(ComplaintsSandbox.Phone, System.Text.Encoding.UTF8.GetString(plaintext));
        }
    }
}
