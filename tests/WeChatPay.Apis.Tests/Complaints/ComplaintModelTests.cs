using System.Text.Json;
using WeChatPay.Apis.Complaints;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>The complaint models read WeChat Pay's documented answers, and keep values this version does not know.</summary>
public class ComplaintModelTests
{
    // The shape of 查询投诉单详情's documented answer (times with milliseconds, as the documentation writes them).
    private const string Detail = """
        {"complaint_id":"200201820200101080076610000","complaint_time":"2015-05-20T13:29:35.120+08:00",
         "complaint_detail":"反馈一个重复扣费的问题","complainted_mchid":"1900012181","complaint_state":"PENDING",
         "payer_phone":"sGdNeTHMQGlxCWiUyHu6XNO9GCYln2Luv4HhwJzZBfcL12sB","payer_openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
         "complaint_media_list":[{"media_type":"USER_COMPLAINT_IMAGE","media_url":["https://api.mch.weixin.qq.com/v3/merchant-service/images/xxxxx"]}],
         "complaint_order_info":[{"transaction_id":"4200000404201909069117582536","out_trade_no":"20190906154617947762231","amount":3}],
         "service_order_info":[{"order_id":"15646546545165651651","out_order_no":"1234323JKHDFE1243252","state":"DOING"}],
         "complaint_full_refunded":true,"incoming_user_response":false,"user_complaint_times":1,
         "problem_description":"不与商家联系","problem_type":"REFUND","apply_refund_amount":10,"user_tag_list":["TRUSTED"],
         "additional_info":{"type":"SHARE_POWER_TYPE","share_power_info":{"return_time":"2023-02-10T14:44:00+08:00"}},
         "in_platform_service":true,"need_immediate_service":true}
        """;

    [Fact]
    public void Complaint_detail_reads_every_documented_field()
    {
        var c = JsonSerializer.Deserialize(Detail, WeChatPayApisJsonContext.Default.Complaint)!;

        Assert.Equal(("200201820200101080076610000", "1900012181", ComplaintState.Pending), (c.ComplaintId, c.ComplaintedMchid, c.ComplaintState));
        Assert.Equal(new DateTimeOffset(2015, 5, 20, 13, 29, 35, 120, TimeSpan.FromHours(8)), c.ComplaintTime);
        Assert.Equal(("反馈一个重复扣费的问题", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), (c.ComplaintDetail, c.PayerOpenid));
        Assert.Equal("sGdNeTHMQGlxCWiUyHu6XNO9GCYln2Luv4HhwJzZBfcL12sB", c.PayerPhone);
        var media = Assert.Single(c.ComplaintMediaList!);
        Assert.Equal(("USER_COMPLAINT_IMAGE", 1), (media.MediaType, media.MediaUrl.Count));
        var order = Assert.Single(c.ComplaintOrderInfo!);
        Assert.Equal(("4200000404201909069117582536", "20190906154617947762231", 3L), (order.TransactionId, order.OutTradeNo, order.Amount));
        Assert.Equal("DOING", Assert.Single(c.ServiceOrderInfo!).State);
        Assert.Equal((true, false, 1), (c.ComplaintFullRefunded, c.IncomingUserResponse, c.UserComplaintTimes));
        Assert.Equal(("REFUND", 10L, "TRUSTED"), (c.ProblemType, c.ApplyRefundAmount, Assert.Single(c.UserTagList!)));
        Assert.Equal((true, true), (c.InPlatformService, c.NeedImmediateService));
    }

    [Fact]
    public void Unknown_complaint_state_and_action_type_are_kept()
    {
        var c = JsonSerializer.Deserialize("""{"complaint_id":"1","complaint_time":"2024-01-01T00:00:00+08:00","complaint_detail":"x","complaint_state":"ARCHIVED"}""",
            WeChatPayApisJsonContext.Default.Complaint)!;
        var notice = JsonSerializer.Deserialize("""{"complaint_id":"1","action_type":"USER_APPLY_PLATFORM_SERVICE"}""", WeChatPayApisJsonContext.Default.ComplaintNotice)!;

        Assert.Equal(("ARCHIVED", false), (c.ComplaintState.Value, c.ComplaintState.IsKnown));
        Assert.Equal(("USER_APPLY_PLATFORM_SERVICE", false), (notice.ActionType.Value, notice.ActionType.IsKnown));
    }

    [Fact]
    public void Refund_progress_request_writes_wechat_pay_names_and_leaves_unset_fields_out()
    {
        var json = JsonSerializer.Serialize(new RefundProgressRequest { Action = RefundAction.Reject, RejectReason = "shipped" }, WeChatPayApisJsonContext.Default.RefundProgressRequest);

        Assert.Equal("""{"action":"REJECT","reject_reason":"shipped"}""", json);
    }
}
