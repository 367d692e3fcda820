using System.Net;
using System.Text;

namespace WeChatPay.Tests.Paging;

/// <summary>A page is read from the verified body with the item's metadata alone; a body of another shape is a WeChatPayException.</summary>
public sealed class WeChatPayPageTests
{
    internal static WeChatPayPage<PageItem> Read(string json)
    {
        using var message = new HttpResponseMessage(HttpStatusCode.OK);
        message.Headers.Add("Request-ID", "REQ-1");
        return WeChatPayPage<PageItem>.Read(new WeChatPayResponse(HttpStatusCode.OK, message.Headers, Encoding.UTF8.GetBytes(json)), PageItemJson.Default.PageItem);
    }

    [Fact]
    public void Reads_data_and_the_three_counters_and_skips_other_members()
    {
        var page = Read("""{"stock_id":"S1","extra":{"a":[1,{"b":null}]},"data":[{"code":"A","more":[1]},{"code":"B"}],"total_count":9,"offset":2,"limit":2}""");

        Assert.Equal(["A", "B"], page.Items.Select(i => i.Code));
        Assert.Equal((9L, 2L, 2L), (page.TotalCount, page.Offset, page.Limit));
    }

    [Theory]
    [InlineData("""{"total_count":0}""")]
    [InlineData("""{"data":null,"total_count":null,"offset":null,"limit":null}""")]
    [InlineData("""{"data":[]}""")]
    public void A_page_without_data_has_no_items_and_unknown_counters_are_null(string json)
    {
        var page = Read(json);

        Assert.Empty(page.Items);
        Assert.Null(page.Offset);
        Assert.Null(page.Limit);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"data":{"code":"A"}}""")]
    [InlineData("""{"data":[{"code":"A"}],"total_count":"9"}""")]
    [InlineData("""{"data":[{"code":"A"}],"limit":1.5}""")]
    [InlineData("""{"data":[{"code":1}]}""")]
    [InlineData("""{"data":[{"code":"A"}]""")]
    public void A_body_that_is_not_a_page_of_the_item_is_a_WeChatPayException_with_no_items(string json)
    {
        var ex = Assert.Throws<WeChatPayException>(() => Read(json));

        Assert.Contains("page of PageItem", ex.Message);
        Assert.Equal("REQ-1", ex.RequestId);
    }
}
