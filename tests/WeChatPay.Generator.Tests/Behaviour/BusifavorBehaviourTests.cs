using System.Net;
using System.Text;
using WeChatPay.Generator.Tests.TestSupport;
using WeChatPay.Samples;

namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>The seed's two endpoints through the generated client, against an in-memory WeChat Pay that checks signatures.</summary>
public sealed class BusifavorBehaviourTests
{
    private const string UploadResponse = """
        {"stock_id":"1212","total_count":3,"success_count":1,"success_codes":["ABC9588200"],"success_time":"2019-12-16T17:40:34+08:00","fail_count":1,"fail_codes":[{"coupon_code":"ABC9588201","code":"LENGTH_LIMIT","message":"长度超过最大值32位"}],"exist_codes":["ABC9588205"],"duplicate_codes":[],"unknown_field_added_later":{"a":1}}
        """;

    private const string ListResponse = """
        {"data":[{"code":"ABC9588200","code_status":"AVAILABLE","upload_time":"2019-12-16T17:40:34+08:00","coupon_code":"ABC9588200"},{"code":"ABC9588201","code_status":"DISPATCHED","upload_time":"2019-12-16T17:40:34+08:00","dispatched_time":"2019-12-17T09:00:00+08:00","openid":"oVmHcjkRKqQxt6W2j5OJmqMCqcO4"}],"total_count":2,"limit":20,"offset":0,"stock_id":"1212"}
        """;

    [Fact]
    public async Task Upload_codes_posts_the_exact_signed_json_and_reads_the_verified_result()
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, UploadResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);
        var api = IBusifavorApi.Create(client);

        var result = await api.UploadCouponCodesAsync("1212", new UploadCouponCodesRequest(new[] { "ABC9588200", "ABC9588201" }, "100002322019090134234sfdf"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/marketing/busifavor/stocks/1212/couponcodes", request.Target);
        Assert.Equal("""{"coupon_code_list":["ABC9588200","ABC9588201"],"upload_request_no":"100002322019090134234sfdf"}""", request.BodyText);
        Assert.Equal("application/json", request.ContentType);
        Assert.True(request.SignatureValid, "The Authorization header must verify over the bytes on the wire.");

        Assert.Equal("1212", result.StockId);
        Assert.Equal(3, result.TotalCount);
        Assert.Equal(new[] { "ABC9588200" }, result.SuccessCodes);
        Assert.Equal(new DateTimeOffset(2019, 12, 16, 17, 40, 34, TimeSpan.FromHours(8)), result.SuccessTime);
        var fail = Assert.Single(result.FailCodes!);
        Assert.Equal(new FailCode("ABC9588201", "LENGTH_LIMIT", "长度超过最大值32位"), fail);
        Assert.Equal(new[] { "ABC9588205" }, result.ExistCodes);
        Assert.Empty(result.DuplicateCodes!);
    }

    [Fact]
    public void Upload_codes_synchronously_sends_the_same_signed_bytes()
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, UploadResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);

        var result = IBusifavorApi.Create(client).UploadCouponCodes("1212", new UploadCouponCodesRequest(new[] { "ABC9588200" }, "no-1"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/marketing/busifavor/stocks/1212/couponcodes", request.Target);
        Assert.Equal("""{"coupon_code_list":["ABC9588200"],"upload_request_no":"no-1"}""", request.BodyText);
        Assert.True(request.SignatureValid);
        Assert.Equal(1, result.SuccessCount);
    }

    [Fact]
    public async Task List_codes_gets_status_appid_offset_and_limit_in_the_query()
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, ListResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);

        var page = await IBusifavorApi.Create(client).ListCouponCodesAsync("1212", CouponCodeStatus.Available, "wx233544546545989", 0, 20);

        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v3/marketing/busifavor/stocks/1212/couponcodes?status=AVAILABLE&appid=wx233544546545989&offset=0&limit=20", request.Target);
        Assert.Empty(request.Body);
        Assert.True(request.SignatureValid);
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(CouponCodeStatus.Dispatched, page.Data![1].CodeStatus);
        Assert.Equal(new DateTimeOffset(2019, 12, 17, 9, 0, 0, TimeSpan.FromHours(8)), page.Data[1].DispatchedTime);
        Assert.Null(page.Data[0].DispatchedTime);
    }

    [Fact]
    public void List_codes_leaves_out_a_null_status_and_returns_the_whole_response()
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, ListResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);

        var response = IBusifavorApi.Create(client).ListCouponCodes("1212", null, "wx233544546545989", 20, 10);

        Assert.Equal("/v3/marketing/busifavor/stocks/1212/couponcodes?appid=wx233544546545989&offset=20&limit=10", Assert.Single(server.Requests).Target);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("08F78BB5AF0610D302839A5B0E2C5A5A", response.RequestId);
        Assert.Equal("1212", response.Value.StockId);
        Assert.Equal(ListResponse, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Theory]
    [InlineData("12/../34", "/v3/marketing/busifavor/stocks/12%2F..%2F34/couponcodes?appid=wx1&offset=0&limit=10")]
    [InlineData("a?b#c", "/v3/marketing/busifavor/stocks/a%3Fb%23c/couponcodes?appid=wx1&offset=0&limit=10")]
    public async Task A_path_value_cannot_change_the_route(string stockId, string expectedTarget)
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, ListResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);

        await IBusifavorApi.Create(client).ListCouponCodesAsync(stockId, null, "wx1", 0, 10);

        Assert.Equal(expectedTarget, Assert.Single(server.Requests).Target);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_dot_or_empty_path_value_is_refused_before_sending(string stockId)
    {
        var server = new FakeWeChatPay(_ => (HttpStatusCode.OK, ListResponse));
        using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);

        await Assert.ThrowsAsync<ArgumentException>(() => IBusifavorApi.Create(client).ListCouponCodesAsync(stockId, null, "wx1", 0, 10));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Create_refuses_a_null_client()
        => Assert.Throws<ArgumentNullException>(() => IBusifavorApi.Create(null!));
}
