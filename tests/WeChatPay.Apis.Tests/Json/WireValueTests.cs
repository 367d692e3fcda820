using System.Text.Json;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Json;

/// <summary>States WeChat Pay adds later are read, not thrown, and stay visible to the caller.</summary>
public class WireValueTests
{
    private static readonly WeChatPayApisJsonContext Context = WeChatPayApisJsonContext.Default;

    [Fact]
    public void Unknown_trade_state_deserializes_and_keeps_its_spelling()
    {
        var json = Samples.Transaction.Replace("\"trade_state\": \"SUCCESS\"", "\"trade_state\": \"PARTIAL_SETTLED\"")
            .Replace("\"trade_type\": \"JSAPI\"", "\"trade_type\": \"PALMPAY\"");

        var t = JsonSerializer.Deserialize(json, Context.Transaction)!;

        Assert.Equal("PARTIAL_SETTLED", t.TradeState.Value);
        Assert.False(t.TradeState.IsKnown);
        Assert.NotEqual(TradeState.Success, t.TradeState);
        Assert.Equal("PALMPAY", t.TradeType!.Value.Value);
        Assert.Equal("PARTIAL_SETTLED", t.TradeState.ToString());
    }

    [Fact]
    public void Unknown_refund_status_and_channel_deserialize_in_a_refund_notice()
    {
        var json = Samples.RefundNotice.Replace("\"refund_status\": \"SUCCESS\"", "\"refund_status\": \"SUSPENDED\"");

        var notice = JsonSerializer.Deserialize(json, Context.RefundNotice)!;

        Assert.Equal(new RefundStatus("SUSPENDED"), notice.RefundStatus);
        Assert.False(notice.RefundStatus.IsKnown);
    }

    [Fact]
    public void Unknown_value_is_written_back_as_read()
    {
        var json = Samples.Refund.Replace("\"channel\": \"ORIGINAL\"", "\"channel\": \"DIGITAL_WALLET\"");

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Context.Refund), Context.Refund);

        Assert.Contains("\"channel\":\"DIGITAL_WALLET\"", written);
    }

    [Fact]
    public void Known_values_compare_equal_to_their_named_instances()
    {
        Assert.Equal(TradeState.NotPay, JsonSerializer.Deserialize("{\"out_trade_no\":\"1\",\"trade_state\":\"NOTPAY\"}", Context.Transaction)!.TradeState);
        Assert.True(TradeState.NotPay.IsKnown);
        Assert.True(RefundChannel.OtherBankcard.IsKnown);
        Assert.Equal("OTHER_BANKCARD", RefundChannel.OtherBankcard.Value);
    }

    [Fact]
    public void A_state_that_is_not_a_string_is_a_json_error_naming_the_type()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"trade_state\":3}", Context.Transaction));

        Assert.Contains("TradeState", ex.Message);
    }
}
