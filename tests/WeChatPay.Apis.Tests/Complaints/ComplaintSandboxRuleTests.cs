using System.Net;
using System.Text.Json.Nodes;
using WeChatPay.Apis.Complaints;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>One test per rule of the sandbox's 消费者投诉 routes, each answered as WeChat Pay answers it.</summary>
public sealed class ComplaintSandboxRuleTests(ComplaintsServer server) : IClassFixture<ComplaintsServer>, IDisposable
{
    private readonly ComplaintsSandbox _s = new(server);

    public void Dispose() => _s.Dispose();

    private static async Task<WeChatPayApiException> Refused(Func<Task> call, HttpStatusCode status, string code)
    {
        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(call);
        Assert.Equal((status, code), (refused.StatusCode, refused.Code));
        return refused;
    }

    private ComplaintResponseRequest Answer(string content = "您好，已处理") => new() { ComplaintedMchid = _s.Merchant.MerchantId, ResponseContent = content };

    [Fact]
    public async Task Unpaid_order_cannot_be_complained_about()
    {
        var outTradeNo = await _s.PaidOrderAsync(pay: false);

        var response = await Assert.ThrowsAsync<WeChatPayApiException>(() => _s.FileRawAsync(new JsonObject
        {
            ["out_trade_no"] = outTradeNo,
            ["complaint_detail"] = "未收到商品",
            ["payer_phone"] = ComplaintsSandbox.Phone,
        }));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (response.StatusCode, response.Code));
    }

    [Fact]
    public async Task Refund_complaint_asks_for_at_most_the_order_amount()
    {
        var transactionId = await _s.PaidOrderAsync(total: 100);

        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(() => _s.FileAsync(transactionId, "REFUND", applyRefundAmount: 101));

        Assert.Equal(("PARAM_ERROR", "/apply_refund_amount"), (refused.Code, refused.Detail?.Field));
    }

    [Fact]
    public async Task List_span_is_at_most_30_days()
    {
        var refused = await Refused(() => _s.Api.ListAsync(new ListComplaintsQuery { BeginDate = "2026-01-01", EndDate = "2026-02-01" }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal(("end_date", "query"), (refused.Detail?.Field, refused.Detail?.Location));
    }

    [Fact]
    public async Task List_holds_the_complaints_filed_within_the_dates_only()
    {
        await _s.FileAsync(await _s.PaidOrderAsync());
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd");

        var page = await _s.Api.ListAsync(new ListComplaintsQuery { BeginDate = yesterday, EndDate = yesterday });

        Assert.Empty(page.Value.Data);
        Assert.Equal(0, page.Value.TotalCount);
    }

    [Fact]
    public async Task List_needs_both_dates()
    {
        var refused = await Refused(() => _s.Api.ListAsync(new ListComplaintsQuery { EndDate = ComplaintsSandbox.Today }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("begin_date", refused.Detail?.Field);
    }

    [Fact]
    public async Task List_limit_is_at_most_50()
    {
        var refused = await Refused(() => _s.Api.ListAsync(new ListComplaintsQuery { BeginDate = ComplaintsSandbox.Today, EndDate = ComplaintsSandbox.Today, Limit = 51 }),
            HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("limit", refused.Detail?.Field);
    }

    [Fact]
    public async Task History_limit_is_at_most_300()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());

        var refused = await Refused(() => _s.Api.GetNegotiationHistoryAsync(complaintId, new NegotiationHistoryQuery { Limit = 301 }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("limit", refused.Detail?.Field);
    }

    [Fact]
    public async Task Unknown_or_another_merchants_complaint_is_not_found()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        var other = _s.Sandbox.CreateMerchant();
        using var otherClient = new WeChatPayClient(_s.Sandbox.CreateClientOptions(other, _s.Server.BaseAddress));

        await Refused(() => _s.Api.GetAsync("200201820990101080076610000"), HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
        await Refused(() => IComplaintsApi.Create(otherClient).GetAsync(complaintId), HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
    }

    [Fact]
    public async Task Complete_needs_an_answer_to_the_user_first()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());

        await Refused(() => _s.Api.CompleteAsync(complaintId, new CompleteComplaintRequest { ComplaintedMchid = _s.Merchant.MerchantId }), HttpStatusCode.BadRequest, "INVALID_REQUEST");

        Assert.Equal(ComplaintState.Pending, _s.Api.Get(complaintId).Value.ComplaintState);
    }

    [Fact]
    public async Task Processed_complaint_takes_no_further_answer_or_completion()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        await _s.Api.RespondAsync(complaintId, Answer());
        await _s.Api.CompleteAsync(complaintId, new CompleteComplaintRequest { ComplaintedMchid = _s.Merchant.MerchantId });

        await Refused(() => _s.Api.RespondAsync(complaintId, Answer("再次回复")), HttpStatusCode.BadRequest, "INVALID_REQUEST");
        await Refused(() => _s.Api.CompleteAsync(complaintId, new CompleteComplaintRequest { ComplaintedMchid = _s.Merchant.MerchantId }), HttpStatusCode.BadRequest, "INVALID_REQUEST");
        Assert.Equal(3, _s.Api.GetNegotiationHistory(complaintId, new NegotiationHistoryQuery()).Value.TotalCount);
    }

    [Fact]
    public async Task Answer_names_the_merchant_complained_about()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, new ComplaintResponseRequest { ComplaintedMchid = "1900000999", ResponseContent = "您好" }),
            HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/complainted_mchid", refused.Detail?.Field);
    }

    [Fact]
    public async Task Answer_is_at_most_200_characters()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, Answer(new string('好', 201))), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/response_content", refused.Detail?.Field);
    }

    [Fact]
    public async Task Answer_images_are_complaint_images_this_merchant_uploaded()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        var mediaUpload = await _s.Client.UploadMediaAsync("v3/merchant/media/upload", "photo.jpg", ComplaintsSandbox.Jpeg);
        var request = Answer();
        request.ResponseImages = [mediaUpload.Value.MediaId!];

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, request), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/response_images/0", refused.Detail?.Field);
    }

    [Fact]
    public async Task Answer_holds_at_most_4_images()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        var id = (await _s.Client.UploadComplaintImageAsync("a.jpg", ComplaintsSandbox.Jpeg)).Value.MediaId!;
        var request = Answer();
        request.ResponseImages = [id, id, id, id, id];

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, request), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/response_images", refused.Detail?.Field);
    }

    [Fact]
    public async Task Answer_link_needs_its_text()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        var request = Answer();
        request.JumpUrl = "https://merchant.example.com/help";

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, request), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/jump_url_text", refused.Detail?.Field);
    }

    [Fact]
    public async Task Answer_link_is_https()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        var request = Answer();
        request.JumpUrl = "http://merchant.example.com/help";
        request.JumpUrlText = "查看详情";

        var refused = await Refused(() => _s.Api.RespondAsync(complaintId, request), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/jump_url", refused.Detail?.Field);
    }

    [Fact]
    public async Task Refund_decision_is_only_for_a_refund_complaint()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());

        await Refused(() => _s.Api.UpdateRefundProgressAsync(complaintId, new RefundProgressRequest { Action = RefundAction.Approve }), HttpStatusCode.BadRequest, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Refund_rejection_needs_a_reason()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync(), "REFUND", applyRefundAmount: 100);

        var refused = await Refused(() => _s.Api.UpdateRefundProgressAsync(complaintId, new RefundProgressRequest { Action = RefundAction.Reject }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/reject_reason", refused.Detail?.Field);
    }

    [Fact]
    public async Task Refund_action_is_approve_or_reject()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync(), "REFUND", applyRefundAmount: 100);

        var refused = await Refused(() => _s.Api.UpdateRefundProgressAsync(complaintId, new RefundProgressRequest { Action = new RefundAction("MAYBE") }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/action", refused.Detail?.Field);
    }

    [Fact]
    public async Task Notification_url_is_created_once()
    {
        await _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/complaints" });

        await Refused(() => _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/other" }), HttpStatusCode.BadRequest, "INVALID_REQUEST");
    }

    [Fact]
    public async Task Notification_url_is_https()
    {
        var refused = await Refused(() => _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = "http://merchant.example.com/complaints" }), HttpStatusCode.BadRequest, "PARAM_ERROR");

        Assert.Equal("/url", refused.Detail?.Field);
    }

    [Fact]
    public async Task Notification_url_not_set_cannot_be_updated_or_deleted()
    {
        await Refused(() => _s.Api.UpdateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = "https://merchant.example.com/complaints" }), HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
        await Refused(() => _s.Api.DeleteNotificationUrlAsync(), HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
    }

    [Fact]
    public async Task Deleted_notification_url_gets_no_further_notification()
    {
        await _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = _s.Endpoint.Url.ToString() });
        var first = await _s.FileAsync(await _s.PaidOrderAsync());
        Assert.Equal(first, (await _s.NextNotificationAsync()).Resource.ComplaintId);
        await _s.Api.DeleteNotificationUrlAsync();
        await _s.FileAsync(await _s.PaidOrderAsync());
        await _s.Api.CreateNotificationUrlAsync(new ComplaintNotificationUrlRequest { Url = _s.Endpoint.Url.ToString() });

        var third = await _s.FileAsync(await _s.PaidOrderAsync());

        // The next notification is the third complaint's: nothing was sent while no URL was set.
        Assert.Equal(third, (await _s.NextNotificationAsync()).Resource.ComplaintId);
    }

    [Fact]
    public async Task Image_download_serves_complaint_images_only()
    {
        var mediaUpload = await _s.Client.UploadMediaAsync("v3/merchant/media/upload", "photo.jpg", ComplaintsSandbox.Jpeg);

        await Refused(() => _s.Client.DownloadComplaintImageAsync(mediaUpload.Value.MediaId!), HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS");
    }
}
