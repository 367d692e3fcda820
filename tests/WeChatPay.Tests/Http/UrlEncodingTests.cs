namespace WeChatPay.Tests.Http;

public class UrlEncodingTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("x?y=1", "x%3Fy%3D1")]
    [InlineData("x#frag", "x%23frag")]
    [InlineData("库存 1", "%E5%BA%93%E5%AD%98%201")]
    public void Path_values_cannot_change_the_route(string value, string expected)
        => Assert.Equal(expected, UrlEncoding.EscapePathSegment(value));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Path_values_that_would_change_the_route_are_rejected(string value)
        => Assert.Throws<ArgumentException>(() => UrlEncoding.EscapePathSegment(value));

    [Fact]
    public void Uri_resolution_removes_even_encoded_dot_segments_which_is_why_they_are_rejected()
    {
        var uri = new Uri(new Uri("https://api.mch.weixin.qq.com/"), "v3/marketing/busifavor/stocks/%2E%2E/couponcodes");
        Assert.Equal("/v3/marketing/busifavor/couponcodes", uri.AbsolutePath);
    }

    [Fact]
    public void Query_is_formatted_in_the_invariant_culture_and_skips_nulls()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var query = new QueryStringBuilder();
            query.Add("status", "AVAILABLE");
            query.Add("appid", (string?)null);
            query.Add("offset", (int?)0);
            query.Add("amount", (decimal?)1.5m);
            query.Add("flag", (bool?)true);
            query.Add("name", "a&b=c");
            Assert.Equal("?status=AVAILABLE&offset=0&amount=1.5&flag=true&name=a%26b%3Dc", query.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Path_value_with_NUL_is_refused_since_servers_reject_percent_00_in_a_path()
        => Assert.Throws<ArgumentException>(() => UrlEncoding.EscapePathSegment("a\0b"));
}
