using WeChatPay.Apis.Complaints;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>
/// The catalog's paged 消费者投诉 methods walk the sandbox over a real socket by item offset: the complaint list,
/// each item's <c>payer_phone</c> decrypted like the one-page answer's, and a complaint's negotiation history.
/// </summary>
public sealed class ComplaintPagingTests(ComplaintsServer server) : IClassFixture<ComplaintsServer>, IDisposable
{
    private readonly ComplaintsSandbox _s = new(server);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task The_complaint_list_is_walked_across_pages_with_each_phone_decrypted()
    {
        var filed = new List<string>();
        for (var i = 0; i < 3; i++)
            filed.Add(await _s.FileAsync(await _s.PaidOrderAsync()));

        var walked = await _s.Api.ListAllAsync(new ListComplaintsQuery { BeginDate = ComplaintsSandbox.Today, EndDate = ComplaintsSandbox.Today, Limit = 2 }).ToListAsync();

        Assert.Equal(filed.Order(), walked.Select(c => c.ComplaintId).Order());
        Assert.All(walked, c => Assert.Equal(ComplaintsSandbox.Phone, c.PayerPhone));
    }

    [Fact]
    public async Task The_negotiation_history_is_walked_one_record_a_page_oldest_first()
    {
        var complaintId = await _s.FileAsync(await _s.PaidOrderAsync());
        await _s.Api.RespondAsync(complaintId, new ComplaintResponseRequest { ComplaintedMchid = _s.Merchant.MerchantId, ResponseContent = "已为您退款，请查收" });
        await _s.Api.CompleteAsync(complaintId, new CompleteComplaintRequest { ComplaintedMchid = _s.Merchant.MerchantId });

        var history = await _s.Api.GetAllNegotiationHistoryAsync(complaintId, new NegotiationHistoryQuery { Limit = 1 }).Select(r => r.OperateType).ToListAsync();

        Assert.Equal(["USER_CREATE_COMPLAINT", "MERCHANT_RESPONSE", "MERCHANT_CONFIRM_COMPLETE"], history);
    }

    [Fact]
    public async Task An_image_url_off_the_gateway_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<WeChatPayException>(() => _s.Client.DownloadComplaintImageAsync("https://images.example.com/v3/merchant-service/images/abc"));

        Assert.Contains("outside the client's gateway", error.Message);
    }
}
