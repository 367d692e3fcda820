using System.Net;
using System.Text;
using System.Text.Json;
using WeChatPay;
using WeChatPay.Generator.Tests.Behaviour;
using WeChatPay.Generator.Tests.Json;
using WeChatPay.Generator.Tests.TestSupport;
using WeChatPay.Samples;

// Runs every supported shape of generated client under native AOT against an in-memory WeChat Pay (FakeWeChatPay):
// it checks each request's Authorization over the bytes on the wire and signs each response with its own key.
// Prints one line per check and exits non-zero on any mismatch.
var failures = 0;
void Check(string name, bool ok, string detail = "")
{
    Console.WriteLine((ok ? "ok   " : "FAIL ") + name + (ok || detail.Length == 0 ? "" : ": " + detail));
    if (!ok)
        failures++;
}

async Task Run(string name, Func<Task> body)
{
    try
    {
        await body();
    }
    catch (Exception ex)
    {
        Check(name, false, ex.GetType().Name + ": " + ex.Message);
    }
}

const string ThingJson = """{"id":"t1","name":"Box","kind":"MERCHANT_UPLOAD"}""";
const string UploadJson = """{"stock_id":"1212","total_count":2,"success_count":1,"success_codes":["ABC1"],"success_time":"2019-12-16T17:40:34+08:00","fail_count":1,"fail_codes":[{"coupon_code":"A B","code":"INVALID","message":"无效"}],"exist_codes":[],"duplicate_codes":[]}""";
const string ListJson = """{"data":[{"code":"ABC1","code_status":"AVAILABLE","upload_time":"2019-12-16T17:40:34+08:00"}],"total_count":1,"limit":20,"offset":0,"stock_id":"1212"}""";

(HttpStatusCode, string) Respond(FakeWeChatPay.Recorded r)
{
    if (r.Target.StartsWith("/v3/marketing/busifavor", StringComparison.Ordinal))
        return (HttpStatusCode.OK, r.Method == "POST" ? UploadJson : ListJson);
    if (r.Target.StartsWith("/v3/shapes", StringComparison.Ordinal) || r.Target.StartsWith("/v3/user", StringComparison.Ordinal))
        return (HttpStatusCode.OK, r.BodyText);
    if (r.Target.StartsWith("/v3/secrets/", StringComparison.Ordinal))
        return (HttpStatusCode.OK, $$"""{"id":"r1","id_card":"{{FakeWeChatPay.EncryptForMerchant("110101199003070000")}}","contacts":[{"phone":"{{FakeWeChatPay.EncryptForMerchant("13800138000")}}","label":"home"}]}""");
    if (r.Target == "/v3/secrets")
        return (HttpStatusCode.OK, """{"id":"s1","echo_name":"ok"}""");
    if (r.Method is "PUT" or "PATCH" or "DELETE")
        return (HttpStatusCode.NoContent, "");
    if (r.Target.StartsWith("/v3/things?", StringComparison.Ordinal))
        return (HttpStatusCode.OK, """{"total_count":1,"data":[{"id":"t1","name":"Box","kind":"SENDED"}]}""");
    return (HttpStatusCode.OK, ThingJson);
}

var server = new FakeWeChatPay(Respond);
using var client = new WeChatPayClient(FakeWeChatPay.Options(), server);
FakeWeChatPay.Recorded Last() => server.Requests[^1];

var busifavor = IBusifavorApi.Create(client);
await Run("upload codes", async () =>
{
    var result = await busifavor.UploadCouponCodesAsync("1212", new UploadCouponCodesRequest(new[] { "ABC1", "A B" }, "no-1"));
    Check("upload codes: POST target", Last().Method == "POST" && Last().Target == "/v3/marketing/busifavor/stocks/1212/couponcodes", Last().Target);
    Check("upload codes: body bytes", Last().BodyText == """{"coupon_code_list":["ABC1","A B"],"upload_request_no":"no-1"}""", Last().BodyText);
    Check("upload codes: signature", Last().SignatureValid);
    Check("upload codes: result", result.SuccessCount == 1 && result.FailCodes![0].Message == "无效" && result.SuccessTime.Offset == TimeSpan.FromHours(8));
    var sync = busifavor.UploadCouponCodes("1212", new UploadCouponCodesRequest(new[] { "ABC1" }, "no-2"));
    Check("upload codes (sync)", sync.StockId == "1212" && Last().SignatureValid);
});
await Run("list codes", async () =>
{
    var page = await busifavor.ListCouponCodesAsync("1212", CouponCodeStatus.Available, "wx1", 0, 20);
    Check("list codes: query", Last().Target == "/v3/marketing/busifavor/stocks/1212/couponcodes?status=AVAILABLE&appid=wx1&offset=0&limit=20", Last().Target);
    Check("list codes: result", page.Data![0].CodeStatus == CouponCodeStatus.Available && Last().SignatureValid);
    var response = busifavor.ListCouponCodes("1212", null, "wx1", 20, 10);
    Check("list codes (sync, response)", response.RequestId is not null && response.Value.TotalCount == 1);
});

var calls = ICallShapesApi.Create(client);
var thing = new Thing("t1", "Box", ThingKind.MerchantUpload);
await Run("call shapes", async () =>
{
    Check("Task<T>", await calls.GetThingAsync("t1", CancellationToken.None) == thing);
    Check("T (sync)", calls.GetThing("t1") == thing && Last().Target == "/v3/things/t1");
    Check("ValueTask<T>", await calls.GetThingValueAsync("t1") == thing);
    Check("Task<WeChatPayResponse<T>>", (await calls.GetThingResponseAsync("t1")).Value == thing);
    Check("Task<WeChatPayResponse>", Encoding.UTF8.GetString((await calls.GetThingRawAsync("t1")).Body.Span) == ThingJson);
    using (var stream = await calls.DownloadStreamAsync("tok"))
        Check("Task<Stream>", new StreamReader(stream).ReadToEnd() == ThingJson);
    Check("Task<byte[]>", Encoding.UTF8.GetString(await calls.DownloadBytesAsync("tok")) == ThingJson);
    var page = await calls.SearchAsync(new ThingFilter { Name = "a b", Kind = ThingKind.Sent }, 5, 50, ThingKind.Plain,
        new DateTimeOffset(2015, 5, 20, 13, 29, 35, TimeSpan.FromHours(8)), null, Guid.Empty, null);
    Check("query model", Last().Target == "/v3/things?name=a%20b&kind=SENDED&offset=5&page_size=50&kind=PLAIN&since=2015-05-20T13%3A29%3A35%2B08%3A00&trace_id=00000000-0000-0000-0000-000000000000", Last().Target);
    Check("query result enum", page.Data[0].Kind == ThingKind.Sent);
    await calls.PutThingAsync(42, thing, "idem");
    Check("PUT with header", Last().Method == "PUT" && Last().Target == "/v3/things/42" && Last().Headers["Idempotency-Key"] == "idem");
    await calls.PatchThingAsync("t1", ThingKind.Plain, new ThingPatch("n"));
    Check("PATCH (ValueTask)", Last().Method == "PATCH" && Last().BodyText == """{"name":"n"}""");
    calls.DeleteThing("a/b");
    Check("DELETE (void) escapes the path", Last().Method == "DELETE" && Last().Target == "/v3/things/a%2Fb", Last().Target);
    Check("every request signed", server.Requests.All(r => r.SignatureValid));
});
await Run("sensitive fields", async () =>
{
    var request = new SecretRequest("张三", new Contact("13800138000", "home"), new List<Contact> { new("13900139000", "work") }, "note");
    await calls.SendSecretAsync(request, CancellationToken.None);
    using var sent = JsonDocument.Parse(Last().Body);
    Check("sensitive request: encrypted with the platform key", FakeWeChatPay.DecryptAsPlatform(sent.RootElement.GetProperty("name").GetString()!) == "张三"
        && FakeWeChatPay.DecryptAsPlatform(sent.RootElement.GetProperty("others")[0].GetProperty("phone").GetString()!) == "13900139000");
    Check("sensitive request: Wechatpay-Serial", Last().WechatpaySerial == FakeWeChatPay.PublicKeyId);
    Check("sensitive request: caller's object unchanged", request.Name == "张三" && request.Primary.Phone == "13800138000");
    var record = await calls.GetSecretAsync("r1");
    Check("sensitive response: decrypted", record.IdCard == "110101199003070000" && record.Contacts![0].Phone == "13800138000");
});

var shapes = IJsonShapesApi.Create(client);
await Run("json shapes", async () =>
{
    var every = new EveryShape
    {
        Text = "文本", Flag = true, Long = -9000000000, Decimal = 10.01m, When = new DateTimeOffset(2015, 5, 20, 13, 29, 35, TimeSpan.FromHours(8)),
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Kind = ShapeKind.Sent, MaybeInt = 7, Numbers = new[] { 1, 2 },
        Names = new List<string> { "a" }, Items = new List<ConstructorShape> { new("c", 5) }, Counts = new Dictionary<string, int> { ["x"] = 1 },
        Raw = JsonDocument.Parse("""{"any":[1]}""").RootElement, Node = System.Text.Json.Nodes.JsonNode.Parse("""{"n":true}"""), Renamed = "r", MaybePoint = new PointStruct(1, 2),
    };
    var echoed = await shapes.EchoAsync(every);
    Check("every shape", echoed.Text == "文本" && echoed.Long == every.Long && echoed.When == every.When && echoed.Kind == ShapeKind.Sent
        && echoed.Items![0].Count == 5 && echoed.Counts!["x"] == 1 && echoed.Raw.GetProperty("any")[0].GetInt32() == 1
        && echoed.Node!["n"]!.GetValue<bool>() && echoed.Renamed == "r" && echoed.MaybePoint == new PointStruct(1, 2), Last().BodyText);
    Check("constructor parameters", (await shapes.EchoConstructorAsync(new ConstructorShape("n", 4))).Count == 4);
    Check("init and required members", (await shapes.EchoInitAsync(new InitShape { Name = "n", Level = 2 })).Level == 2);
    Check("recursive models", (await shapes.EchoTreeAsync(new TreeNode("root", new List<TreeNode> { new("leaf", null) }))).Children![0].Name == "leaf");
    Check("structs", await shapes.EchoStructAsync(new PointStruct(3, 4)) == new PointStruct(3, 4));
    Check("inherited members", (await shapes.EchoDerivedAsync(new DerivedShape { BaseName = "b", OwnName = "o" })).BaseName == "b");
    var user = await IUserContextApi.Create(client).EchoAsync("u1", new UserModel { DisplayName = "d" });
    Check("escape hatch (user's JsonSerializerContext)", user.DisplayName == "d" && Last().BodyText.Contains("\"displayName\"", StringComparison.Ordinal), Last().BodyText);
});

// The app is RSA-only and sets nothing, as an RSA merchant's app would: ShangMi is opt-in, so the publish carries no
// BouncyCastle, and the SM primitives refuse with the switch's name.
try
{
    Sm3.Hash("abc"u8);
    Check("ShangMi switch off: SM3 refused", false, "SM3 ran");
}
catch (NotSupportedException ex)
{
    Check("ShangMi switch off: SM3 refused", ex.Message.Contains("WeChatPay.ShangMi.IsSupported", StringComparison.Ordinal), ex.Message);
}

Console.WriteLine(failures == 0 ? $"generator AOT checks passed ({server.Requests.Count} signed requests)" : $"{failures} generator AOT check(s) failed");
return failures == 0 ? 0 : 1;
