using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>Return types, bindings and [Sensitive] fields through generated clients, against the in-memory WeChat Pay.</summary>
public sealed class CallShapesBehaviourTests
{
    private const string ThingJson = """{"id":"t1","name":"Box","kind":"MERCHANT_UPLOAD"}""";

    private static (FakeWeChatPay Server, WeChatPayClient Client, ICallShapesApi Api) Create(Func<FakeWeChatPay.Recorded, (HttpStatusCode, string)> respond)
    {
        var server = new FakeWeChatPay(respond);
        var client = new WeChatPayClient(FakeWeChatPay.Options(), server);
        return (server, client, ICallShapesApi.Create(client));
    }

    [Fact]
    public async Task Every_result_form_reads_the_same_verified_body()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.OK, ThingJson));
        using var _ = client;
        var expected = new Thing("t1", "Box", ThingKind.MerchantUpload);

        Assert.Equal(expected, await api.GetThingAsync("t1", CancellationToken.None));
        Assert.Equal(expected, api.GetThing("t1"));
        Assert.Equal(expected, await api.GetThingValueAsync("t1"));
        var typed = await api.GetThingResponseAsync("t1");
        Assert.Equal(expected, typed.Value);
        Assert.Equal("08F78BB5AF0610D302839A5B0E2C5A5A", typed.RequestId);
        var raw = await api.GetThingRawAsync("t1");
        Assert.Equal(ThingJson, Encoding.UTF8.GetString(raw.Body.Span));
        using var stream = await api.DownloadStreamAsync("tok");
        Assert.Equal(ThingJson, new StreamReader(stream).ReadToEnd());
        Assert.Equal(ThingJson, Encoding.UTF8.GetString(await api.DownloadBytesAsync("tok")));

        Assert.All(server.Requests, r => Assert.True(r.SignatureValid));
        Assert.Equal("/v3/things/t1", server.Requests[1].Target);
        Assert.Equal("/v3/bill/download?token=tok", server.Requests[^1].Target);
    }

    [Fact]
    public async Task Query_models_are_flattened_by_json_name_leaving_out_nulls_in_invariant_culture()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.OK, """{"total_count":0,"data":[]}"""));
        using var _ = client;
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var filter = new ThingFilter { Name = "a b", Kind = ThingKind.Sent, Before = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), NotSent = "x" };
            await api.SearchAsync(filter, null, 50, ThingKind.Plain, new DateTimeOffset(2015, 5, 20, 13, 29, 35, TimeSpan.FromHours(8)), true,
                Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), null);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(
            "/v3/things?name=a%20b&kind=SENDED&created_before=2024-01-02T03%3A04%3A05%2B08%3A00&page_size=50&kind=PLAIN"
            + "&since=2015-05-20T13%3A29%3A35%2B08%3A00&active=true&trace_id=0f8fad5b-d9cb-469f-a165-70867728950e",
            Assert.Single(server.Requests).Target);
    }

    [Fact]
    public async Task Put_patch_and_delete_send_path_body_and_headers()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.NoContent, ""));
        using var _ = client;

        await api.PutThingAsync(42, new Thing("t1", "Box", ThingKind.Plain), "idem-1");
        await api.PatchThingAsync("t1", ThingKind.MerchantUpload, new ThingPatch(null));
        api.DeleteThing("t/1");

        Assert.Equal(("PUT", "/v3/things/42", """{"id":"t1","name":"Box","kind":"PLAIN"}"""), (server.Requests[0].Method, server.Requests[0].Target, server.Requests[0].BodyText));
        Assert.Equal("idem-1", server.Requests[0].Headers["Idempotency-Key"]);
        Assert.Equal(("PATCH", "/v3/things/t1/kinds/MERCHANT_UPLOAD", "{}"), (server.Requests[1].Method, server.Requests[1].Target, server.Requests[1].BodyText));
        Assert.Equal(("DELETE", "/v3/things/t%2F1"), (server.Requests[2].Method, server.Requests[2].Target));
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Sensitive_request_fields_are_encrypted_on_a_copy_with_the_platform_key_serial()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.OK, """{"id":"s1","echo_name":"ok"}"""));
        using var _ = client;
        var request = new SecretRequest("张三", new Contact("13800138000", "home"), new List<Contact> { new("13900139000", "work"), new(null, "none") }, "plain note");

        await api.SendSecretAsync(request, CancellationToken.None);
        api.SendSecret(request);

        Assert.Equal("张三", request.Name);
        Assert.Equal("13800138000", request.Primary.Phone);
        Assert.Equal("13900139000", request.Others![0].Phone);
        foreach (var sent in server.Requests)
        {
            Assert.Equal(FakeWeChatPay.PublicKeyId, sent.WechatpaySerial);
            Assert.True(sent.SignatureValid);
            using var json = JsonDocument.Parse(sent.Body);
            var root = json.RootElement;
            Assert.Equal("张三", FakeWeChatPay.DecryptAsPlatform(root.GetProperty("name").GetString()!));
            Assert.Equal("13800138000", FakeWeChatPay.DecryptAsPlatform(root.GetProperty("primary").GetProperty("phone").GetString()!));
            Assert.Equal("13900139000", FakeWeChatPay.DecryptAsPlatform(root.GetProperty("others")[0].GetProperty("phone").GetString()!));
            Assert.False(root.GetProperty("others")[1].TryGetProperty("phone", out var _), "A null sensitive field stays null and is not written.");
            Assert.Equal("home", root.GetProperty("primary").GetProperty("label").GetString());
            Assert.Equal("plain note", root.GetProperty("note").GetString());
        }
    }

    [Fact]
    public async Task Sensitive_response_fields_are_decrypted_with_the_merchant_key()
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "r1",
            ["id_card"] = FakeWeChatPay.EncryptForMerchant("110101199003070000"),
            ["contacts"] = new object[] { new Dictionary<string, string> { ["phone"] = FakeWeChatPay.EncryptForMerchant("13800138000"), ["label"] = "home" } },
        }, TestJson.Options);
        var (_, client, api) = Create(_ => (HttpStatusCode.OK, body));
        using var __ = client;

        var record = await api.GetSecretAsync("r1");

        Assert.Equal("110101199003070000", record.IdCard);
        Assert.Equal("13800138000", Assert.Single(record.Contacts!).Phone);
        Assert.Equal("home", record.Contacts![0].Label);
    }
}

/// <summary>[Sensitive] fields below dictionaries, nested collections and collection bodies and results.</summary>
public sealed class SensitiveContainerTests
{
    private static (FakeWeChatPay Server, WeChatPayClient Client, ICallShapesApi Api) Create(Func<FakeWeChatPay.Recorded, (HttpStatusCode, string)> respond)
    {
        var server = new FakeWeChatPay(respond);
        var client = new WeChatPayClient(FakeWeChatPay.Options(), server);
        return (server, client, ICallShapesApi.Create(client));
    }

    private static string Decrypted(JsonElement phone) => FakeWeChatPay.DecryptAsPlatform(phone.GetString()!);

    [Fact]
    public async Task Sensitive_fields_in_dictionary_values_and_lists_of_lists_are_encrypted_on_a_copy()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.OK, """{"id":"s1","echo_name":"ok"}"""));
        using var _ = client;
        var book = new SecretBook(
            new Dictionary<string, Contact> { ["boss"] = new("13800000001", "b"), ["nobody"] = null! },
            [[new Contact("13800000002", "g1")], [new Contact(null, "g2"), new Contact("13800000003", "g3")]],
            "plain note");

        await api.SendSecretBookAsync(book);

        Assert.Equal("13800000001", book.ByRole["boss"].Phone);
        Assert.Equal("13800000003", book.Groups![1][1].Phone);
        var sent = Assert.Single(server.Requests);
        Assert.Equal(FakeWeChatPay.PublicKeyId, sent.WechatpaySerial);
        Assert.True(sent.SignatureValid);
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        var boss = root.GetProperty("by_role").GetProperty("boss");
        Assert.NotEqual("13800000001", boss.GetProperty("phone").GetString());
        Assert.Equal("13800000001", Decrypted(boss.GetProperty("phone")));
        Assert.Equal("b", boss.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("by_role").GetProperty("nobody").ValueKind);
        var groups = root.GetProperty("groups");
        Assert.Equal("13800000002", Decrypted(groups[0][0].GetProperty("phone")));
        Assert.False(groups[1][0].TryGetProperty("phone", out var _), "A null sensitive field stays null and is not written.");
        Assert.Equal("13800000003", Decrypted(groups[1][1].GetProperty("phone")));
        Assert.Equal("plain note", root.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Sensitive_fields_in_a_list_body_are_encrypted_on_a_copy()
    {
        var (server, client, api) = Create(_ => (HttpStatusCode.OK, """{"id":"s2","echo_name":"ok"}"""));
        using var _ = client;
        var contacts = new List<Contact> { new("13800000004", "a"), new("13800000005", "b") };

        await api.SendContactsAsync(contacts);

        Assert.Equal("13800000004", contacts[0].Phone);
        var sent = Assert.Single(server.Requests);
        Assert.Equal(FakeWeChatPay.PublicKeyId, sent.WechatpaySerial);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal(["13800000004", "13800000005"], json.RootElement.EnumerateArray().Select(c => Decrypted(c.GetProperty("phone"))));
    }

    [Fact]
    public async Task Sensitive_fields_in_dictionary_and_nested_collection_results_are_decrypted()
    {
        static Dictionary<string, object?> Record(string id, string idCard, string phone) => new()
        {
            ["id"] = id,
            ["id_card"] = FakeWeChatPay.EncryptForMerchant(idCard),
            ["contacts"] = new object[] { new Dictionary<string, string> { ["phone"] = FakeWeChatPay.EncryptForMerchant(phone), ["label"] = "home" } },
        };
        var (_, client, api) = Create(request => (HttpStatusCode.OK, request.Target.EndsWith("/by-id", StringComparison.Ordinal)
            ? JsonSerializer.Serialize(new Dictionary<string, object?> { ["r1"] = Record("r1", "110101199003070001", "13800000006"), ["r2"] = null }, TestJson.Options)
            : JsonSerializer.Serialize(new object[] { new object[] { Record("r3", "110101199003070003", "13800000007") }, Array.Empty<object>() }, TestJson.Options)));
        using var _ = client;

        var byId = await api.GetSecretsByIdAsync();
        var pages = await api.GetSecretPagesAsync();

        Assert.Equal("110101199003070001", byId["r1"].IdCard);
        Assert.Equal("13800000006", byId["r1"].Contacts![0].Phone);
        Assert.Null(byId["r2"]);
        var record = Assert.Single(pages.Value[0]);
        Assert.Equal("110101199003070003", record.IdCard);
        Assert.Equal("13800000007", record.Contacts![0].Phone);
        Assert.Empty(pages.Value[1]);
    }
}

/// <summary>Reflection-based JSON for building test inputs only (never used by the code under test).</summary>
internal static class TestJson
{
    public static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
}
