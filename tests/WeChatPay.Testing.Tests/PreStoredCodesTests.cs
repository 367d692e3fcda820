using System.Net;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests;

/// <summary>上传预存code and 查询预存code: WeChat Pay's rules, through the runtime client over real sockets.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PreStoredCodesTests(SandboxFixture fixture)
{
    private WeChatPayClient Client => fixture.RsaClient;

    private async Task<JsonNode> UploadAsync(string stockId, string requestNo, params string[] codes) =>
        (await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, requestNo, codes))).Json!;

    private static string[] Strings(JsonNode node, string name) => node[name]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Uploads_valid_codes_with_consistent_counts_and_an_RFC_3339_success_time()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var result = await UploadAsync(stockId, "upload-1", "ABC9588200", "ABC9588201", "a-b_c\\d/e=f|g h");

        Assert.Equal(stockId, result["stock_id"]!.GetValue<string>());
        Assert.Equal(3, result["total_count"]!.GetValue<int>());
        Assert.Equal(3, result["success_count"]!.GetValue<int>());
        Assert.Equal(["ABC9588200", "ABC9588201", "a-b_c\\d/e=f|g h"], Strings(result, "success_codes"));
        Assert.Equal(0, result["fail_count"]!.GetValue<int>());
        Assert.Empty(Strings(result, "exist_codes"));
        Assert.Empty(Strings(result, "duplicate_codes"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", result["success_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_codes_repeated_within_a_request_once_in_duplicate_codes()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var result = await UploadAsync(stockId, "upload-dup", "D1", "D2", "D1", "D1", "D2", "D3");

        Assert.Equal(["D1", "D2"], Strings(result, "duplicate_codes"));
        Assert.Equal(["D1", "D2", "D3"], Strings(result, "success_codes"));
        Assert.Equal(3, result["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lists_codes_uploaded_earlier_in_exist_codes()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        await UploadAsync(stockId, "upload-a", "E1", "E2");

        var result = await UploadAsync(stockId, "upload-b", "E2", "E3");

        Assert.Equal(["E2"], Strings(result, "exist_codes"));
        Assert.Equal(["E3"], Strings(result, "success_codes"));
        Assert.Equal(2, result["total_count"]!.GetValue<int>());
        Assert.Equal(1, result["success_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lists_invalid_codes_in_fail_codes_with_code_and_message()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        var tooLong = new string('x', 33);

        var result = await UploadAsync(stockId, "upload-bad", "OK1", tooLong, "bad*char", "", "tab\there", "中文", new string('y', 32));

        var failed = result["fail_codes"]!.AsArray();
        Assert.Equal([tooLong, "bad*char", "", "tab\there", "中文"], failed.Select(f => f!["coupon_code"]!.GetValue<string>()));
        Assert.All(failed, f =>
        {
            Assert.False(string.IsNullOrEmpty(f!["code"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(f["message"]!.GetValue<string>()));
        });
        Assert.Equal(5, result["fail_count"]!.GetValue<int>());
        Assert.Equal(["OK1", new string('y', 32)], Strings(result, "success_codes"));
        Assert.Equal(7, result["total_count"]!.GetValue<int>());
        Assert.Equal(result["total_count"]!.GetValue<int>(),
            result["success_count"]!.GetValue<int>() + result["fail_count"]!.GetValue<int>() + Strings(result, "exist_codes").Length);
    }

    [Fact]
    public async Task The_same_upload_request_no_returns_the_first_result()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        var first = await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, "same-no", "I1", "I2"));

        var again = await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, "same-no", "I1", "I2"));
        var other = await Client.Chain(SandboxFixture.CouponCodes).PostAsync(SandboxFixture.Upload(stockId, "same-no", "I3"));

        Assert.Equal(first.Response.Body.ToArray(), again.Response.Body.ToArray());
        Assert.Equal(first.Response.Body.ToArray(), other.Response.Body.ToArray());
        var listed = await Client.Chain(SandboxFixture.CouponCodes).GetAsync(new ChainRequestOptions { PathValues = { ["stock_id"] = stockId } });
        Assert.Equal(2, listed.Json!["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Accepts_200_codes_in_one_request()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var result = await UploadAsync(stockId, "upload-200", Enumerable.Range(0, 200).Select(i => $"C{i:000}").ToArray());

        Assert.Equal(200, result["success_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rejects_more_than_200_codes_with_PARAM_ERROR()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            UploadAsync(stockId, "upload-201", Enumerable.Range(0, 201).Select(i => $"C{i:000}").ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("PARAM_ERROR", error.Code);
        Assert.Equal("/coupon_code_list", error.Detail!.Field);
        Assert.Equal("body", error.Detail.Location);
        Assert.True(error.IsVerified);
    }

    [Fact]
    public async Task Rejects_an_empty_code_list_with_PARAM_ERROR()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => UploadAsync(stockId, "upload-0"));

        Assert.Equal("PARAM_ERROR", error.Code);
        Assert.Equal("/coupon_code_list", error.Detail!.Field);
    }

    [Fact]
    public async Task Rejects_a_missing_upload_request_no_with_its_JSON_pointer()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        var options = new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Json = new JsonObject { ["coupon_code_list"] = new JsonArray("M1") },
        };

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain(SandboxFixture.CouponCodes).PostAsync(options));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("PARAM_ERROR", error.Code);
        Assert.Equal("/upload_request_no", error.Detail!.Field);
        Assert.Equal("body", error.Detail.Location);
        Assert.False(string.IsNullOrEmpty(error.Detail.Issue));
    }

    [Fact]
    public async Task Rejects_a_code_that_is_not_a_string_with_its_JSON_pointer()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        var options = new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Json = new JsonObject { ["coupon_code_list"] = new JsonArray("N1", 42), ["upload_request_no"] = "n" },
        };

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain(SandboxFixture.CouponCodes).PostAsync(options));

        Assert.Equal("/coupon_code_list/1", error.Detail!.Field);
    }

    [Fact]
    public async Task Rejects_a_body_that_is_not_JSON_with_PARAM_ERROR()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var response = await fixture.SendSignedAsync(fixture.Rsa, "POST", $"/v3/marketing/busifavor/stocks/{stockId}/couponcodes", "{\"coupon_code_list\": [");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PARAM_ERROR", response.Json["code"]!.GetValue<string>());
        Assert.Equal("", response.Json["detail"]!["field"]!.GetValue<string>());
        Assert.Equal("body", response.Json["detail"]!["location"]!.GetValue<string>());
        Assert.True(fixture.VerifiesWithPlatformKey(response));
    }

    [Fact]
    public async Task Answers_404_RESOURCE_NOT_EXISTS_for_an_unknown_stock()
    {
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => UploadAsync("9999999999", "upload-x", "X1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
    }

    [Fact]
    public async Task Treats_another_merchants_stock_as_unknown()
    {
        var stockId = await fixture.CreateStockAsync(fixture.Sm2Client, fixture.ShangMi);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => UploadAsync(stockId, "upload-y", "Y1"));

        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
    }

    [Fact]
    public async Task Refuses_uploads_to_a_stock_not_in_MERCHANT_UPLOAD_mode()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa, codeMode: "WECHATPAY_MODE");

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => UploadAsync(stockId, "upload-w", "W1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_REQUEST", error.Code);
    }

    [Fact]
    public async Task Lists_codes_page_by_page_with_offset_and_limit()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        await UploadAsync(stockId, "upload-p", "P1", "P2", "P3", "P4", "P5");
        var pages = new List<string[]>();

        for (var offset = 0; offset < 5; offset += 2)
        {
            var page = (await Client.Chain(SandboxFixture.CouponCodes).GetAsync(new ChainRequestOptions
            {
                PathValues = { ["stock_id"] = stockId },
                Query = [new("offset", offset.ToString()), new("limit", "2")],
            })).Json!;
            Assert.Equal(5, page["total_count"]!.GetValue<int>());
            Assert.Equal(2, page["limit"]!.GetValue<int>());
            Assert.Equal(offset, page["offset"]!.GetValue<int>());
            pages.Add(page["data"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ToArray());
        }

        Assert.Equal([["P1", "P2"], ["P3", "P4"], ["P5"]], pages);
    }

    [Fact]
    public async Task Filters_the_list_by_status()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);
        await UploadAsync(stockId, "upload-s", "S1", "S2", "S3");
        await Client.Chain("sandbox/v1/marketing/busifavor/stocks/{stock_id}/send").PostAsync(CouponFlowTests.Send(stockId, "openid-s", "send-s"));

        JsonNode List(string status) => Client.Chain(SandboxFixture.CouponCodes).Get(new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Query = [new("status", status), new("appid", "wx1234567890abcdef")],
        }).Json!;
        var available = List("AVAILABLE");
        var dispatched = List("DISPATCHED");

        Assert.Equal(["S2", "S3"], available["data"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()));
        Assert.All(available["data"]!.AsArray(), d => Assert.Null(d!["openid"]));
        var entry = Assert.Single(dispatched["data"]!.AsArray())!;
        Assert.Equal("S1", entry["code"]!.GetValue<string>());
        Assert.Equal("DISPATCHED", entry["code_status"]!.GetValue<string>());
        Assert.Equal("openid-s", entry["openid"]!.GetValue<string>());
        Assert.Equal("S1", entry["coupon_code"]!.GetValue<string>());
        Assert.EndsWith("+08:00", entry["dispatched_time"]!.GetValue<string>());
        Assert.EndsWith("+08:00", entry["upload_time"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("limit", "201")]
    [InlineData("limit", "0")]
    [InlineData("offset", "-1")]
    [InlineData("status", "LOST")]
    public async Task Rejects_out_of_range_list_parameters_with_PARAM_ERROR_in_the_query(string name, string value)
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Client.Chain(SandboxFixture.CouponCodes).GetAsync(new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Query = [new(name, value)],
        }));

        Assert.Equal("PARAM_ERROR", error.Code);
        Assert.Equal(name, error.Detail!.Field);
        Assert.Equal("query", error.Detail.Location);
    }

    [Fact]
    public async Task Accepts_limit_200()
    {
        var stockId = await fixture.CreateStockAsync(Client, fixture.Rsa);

        var page = await Client.Chain(SandboxFixture.CouponCodes).GetAsync(new ChainRequestOptions
        {
            PathValues = { ["stock_id"] = stockId },
            Query = [new("limit", "200")],
        });

        Assert.Equal(200, page.Json!["limit"]!.GetValue<int>());
    }
}
