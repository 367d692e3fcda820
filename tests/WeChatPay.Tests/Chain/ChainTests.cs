using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WeChatPay.Tests.Interop;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Chain;

/// <summary>The untyped chain: path placeholders, query, JSON body and headers, signed and verified like any call.</summary>
public class ChainTests
{
    private const string Listing = "{\"data\":[{\"coupon_code\":\"ABC\",\"code_status\":\"AVAILABLE\"}],\"total_count\":1,\"limit\":10,\"offset\":0}";

    [Fact]
    public async Task Get_fills_placeholders_escapes_values_adds_the_query_and_returns_verified_json()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, Listing, requestId: "R-7"));
        using var client = Gateway.Client(wire, id, time);

        var response = await client.Chain("v3/marketing/busifavor/stocks/{stock_id}/couponcodes").GetAsync(new()
        {
            PathValues = { ["stock_id"] = "98/06 ?" },
            Query = [new("limit", "10"), new("offset", "0"), new("status", null)],
        });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/v3/marketing/busifavor/stocks/98%2F06%20%3F/couponcodes?limit=10&offset=0", sent.PathAndQuery);
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, sent));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("R-7", response.RequestId);
        Assert.Equal("ABC", response.Json!["data"]![0]!["coupon_code"]!.GetValue<string>());
        Assert.Equal(1, response.Json["total_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_sends_the_json_node_once_and_signs_those_bytes()
    {
        var id = TestIdentities.ShangMi;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"stock_id\":\"1212\",\"success_count\":2}"));
        using var client = Gateway.Client(wire, id, time);

        var response = await client["/v3/marketing/busifavor/stocks/<stock_id>/couponcodes"].PostAsync(new()
        {
            PathValues = { ["stock_id"] = "1212" },
            Json = new JsonObject { ["coupon_code_list"] = new JsonArray("A1", "库存"), ["upload_request_no"] = "100002322019090134234sfdf" },
            Headers = [new("X-Trace", "t-1")],
        });

        var sent = Assert.Single(wire.Requests);
        Assert.Equal("/v3/marketing/busifavor/stocks/1212/couponcodes", sent.PathAndQuery);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("t-1", sent.Header("X-Trace"));
        var sentJson = JsonNode.Parse(sent.Body)!;
        Assert.Equal("库存", sentJson["coupon_code_list"]![1]!.GetValue<string>());
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, sent));
        Assert.Equal(2, response.Json!["success_count"]!.GetValue<int>());
    }

    [Fact]
    public void Sync_methods_cover_every_verb()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);
        var chain = client["v3/things"];

        chain.Get();
        chain.Post(new() { Json = new JsonObject() });
        chain.Put(new() { Json = new JsonObject() });
        chain.Patch(new() { Json = new JsonObject() });
        chain.Delete();

        Assert.Equal(["GET", "POST", "PUT", "PATCH", "DELETE"], wire.Requests.Select(r => r.Method));
        Assert.Equal(5, wire.SyncSends);
    }

    [Fact]
    public async Task Async_methods_cover_every_verb()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);
        var chain = client["v3/things"];

        await chain.GetAsync();
        await chain.PostAsync(new() { Json = new JsonObject() });
        await chain.PutAsync(new() { Json = new JsonObject() });
        await chain.PatchAsync(new() { Json = new JsonObject() });
        await chain.DeleteAsync();

        Assert.Equal(["GET", "POST", "PUT", "PATCH", "DELETE"], wire.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Empty_204_gives_null_json()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "", HttpStatusCode.NoContent));
        using var client = Gateway.Client(wire, id, time);

        var response = await client["v3/things/{id}"].DeleteAsync(new() { PathValues = { ["id"] = "1" } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(response.Json);
    }

    [Fact]
    public void Missing_path_value_names_the_placeholder()
    {
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException()), TestIdentities.Rsa, new ManualTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => client["v3/marketing/busifavor/stocks/{stock_id}/couponcodes"].Get());

        Assert.Contains("stock_id", error.Message);
    }

    [Fact]
    public void Path_value_for_no_placeholder_is_refused()
    {
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException()), TestIdentities.Rsa, new ManualTimeProvider());

        var error = Assert.Throws<ArgumentException>(() => client["v3/things/{id}"].Get(new() { PathValues = { ["id"] = "1", ["idd"] = "2" } }));

        Assert.Contains("idd", error.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void Path_values_that_would_change_the_route_are_refused(string value)
    {
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException()), TestIdentities.Rsa, new ManualTimeProvider());

        Assert.Throws<ArgumentException>(() => client["v3/things/{id}/x"].Get(new() { PathValues = { ["id"] = value } }));
    }

    [Theory]
    [InlineData("v3/things/{id")]
    [InlineData("v3/things/{}")]
    [InlineData("v3/things?x=1")]
    [InlineData("")]
    public void Malformed_templates_are_refused(string template)
    {
        using var client = Gateway.Client(new FakeWire(_ => throw new InvalidOperationException()), TestIdentities.Rsa, new ManualTimeProvider());

        Assert.ThrowsAny<ArgumentException>(() => client.Chain(template));
    }

    [Fact]
    public async Task Api_errors_surface_as_exceptions()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"批次不存在\"}", HttpStatusCode.NotFound));
        using var client = Gateway.Client(wire, id, time);

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => client["v3/marketing/busifavor/stocks/{stock_id}"].GetAsync(new() { PathValues = { ["stock_id"] = "404" } }));

        Assert.Equal("RESOURCE_NOT_EXISTS", error.Code);
        Assert.True(error.IsVerified);
    }
}
