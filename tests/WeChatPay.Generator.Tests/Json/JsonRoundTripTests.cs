using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeChatPay.Generator.Tests.Json;

/// <summary>Every supported shape through the generated JsonSerializerContext: exact JSON out, equal values back.</summary>
public sealed class JsonRoundTripTests
{
    private static JsonSerializerOptions Options => IJsonShapesApi.GeneratedJsonContext.Default.Options;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)))!;

    [Fact]
    public void Every_supported_member_type_round_trips_with_snake_case_names()
    {
        var value = new EveryShape
        {
            Text = "文本", Flag = true, Byte = 255, SByte = -8, Short = -300, UShort = 65000, Int = -70000, UInt = 4000000000, Long = -9000000000,
            ULong = 18000000000000000000, Float = 1.5f, Double = 2.25, Decimal = 10.01m,
            When = new DateTimeOffset(2015, 5, 20, 13, 29, 35, TimeSpan.FromHours(8)),
            LocalTime = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Kind = ShapeKind.MerchantUpload, MaybeKind = ShapeKind.Sent, MaybeInt = 7,
            Numbers = new[] { 1, 2 }, Names = new List<string> { "a" },
            Items = new List<ConstructorShape> { new("c", 5) },
            Counts = new Dictionary<string, int> { ["x"] = 1 },
            Raw = JsonDocument.Parse("""{"any":[1,"two"]}""").RootElement,
            Node = JsonNode.Parse("""{"n":true}"""),
            Renamed = "r", Ignored = "never written", NullText = null, MaybePoint = new PointStruct(1, 2),
        };

        var json = Write(value);

        Assert.Equal(
            """{"text":"文本","flag":true,"byte":255,"s_byte":-8,"short":-300,"u_short":65000,"int":-70000,"u_int":4000000000,"long":-9000000000,"u_long":18000000000000000000,"float":1.5,"double":2.25,"decimal":10.01,"when":"2015-05-20T13:29:35+08:00","local_time":"2020-01-02T03:04:05+00:00","id":"0f8fad5b-d9cb-469f-a165-70867728950e","kind":"MERCHANT_UPLOAD","maybe_kind":"SENDED","maybe_int":7,"numbers":[1,2],"names":["a"],"items":[{"name":"c","count":5}],"counts":{"x":1},"raw":{"any":[1,"two"]},"node":{"n":true},"custom-name":"r","maybe_point":{"x":1,"y":2}}""",
            json);
        var back = Read<EveryShape>(json);
        Assert.Equal(Write(back), json);
        Assert.Equal(value.When, back.When);
        Assert.Equal(value.When.Offset, back.When.Offset);
        Assert.Equal(value.LocalTime, back.LocalTime.ToUniversalTime());
        Assert.Equal(ShapeKind.Sent, back.MaybeKind);
        Assert.Null(back.Ignored);
    }

    [Fact]
    public void Unknown_properties_are_ignored_and_missing_ones_stay_default()
    {
        var back = Read<EveryShape>("""{"text":"t","added_by_wechat_later":{"deep":[1,2,3]},"int":3}""");

        Assert.Equal("t", back.Text);
        Assert.Equal(3, back.Int);
        Assert.Null(back.Names);
        Assert.Null(back.MaybeInt);
    }

    [Fact]
    public void Constructor_parameters_bind_by_name_and_take_their_default_when_missing()
    {
        Assert.Equal("""{"name":"n","count":4}""", Write(new ConstructorShape("n", 4)));
        var back = Read<ConstructorShape>("""{"name":"n"}""");
        Assert.Equal(("n", 3), (back.Name, back.Count));
    }

    [Fact]
    public void Init_and_required_members_are_set_through_the_creator()
    {
        var back = Read<InitShape>("""{"name":"n","level":2,"optional":"o"}""");
        Assert.Equal(("n", 2, "o"), (back.Name, back.Level, back.Optional));
        Assert.Equal("""{"name":"n","level":2,"optional":"o"}""", Write(back));
    }

    [Fact]
    public void A_missing_required_member_is_a_json_error()
        => Assert.Throws<JsonException>(() => Read<InitShape>("""{"level":2}"""));

    [Fact]
    public void Recursive_models_round_trip()
    {
        var tree = new TreeNode("root", new List<TreeNode> { new("leaf", null) });
        var json = Write(tree);
        Assert.Equal("""{"name":"root","children":[{"name":"leaf"}]}""", json);
        var back = Read<TreeNode>(json);
        Assert.Equal("leaf", back.Children![0].Name);
    }

    [Fact]
    public void Structs_and_inherited_members_round_trip()
    {
        Assert.Equal(new PointStruct(3, 4), Read<PointStruct>(Write(new PointStruct(3, 4))));
        var derived = Read<DerivedShape>("""{"base_name":"b","own_name":"o"}""");
        Assert.Equal(("b", "o"), (derived.BaseName, derived.OwnName));
        Assert.Equal("""{"base_name":"b","own_name":"o"}""", Write(derived));
    }

    [Theory]
    [InlineData("\"UNKNOWN_KIND\"")]
    [InlineData("3")]
    public void An_unknown_enum_spelling_is_a_json_error(string kind)
        => Assert.Throws<JsonException>(() => Read<EveryShape>("{\"kind\":" + kind + "}"));

    [Fact]
    public async Task The_escape_hatch_uses_the_users_context_for_every_type()
    {
        var server = new TestSupport.FakeWeChatPay(r => (System.Net.HttpStatusCode.OK, r.BodyText));
        using var client = new WeChatPayClient(TestSupport.FakeWeChatPay.Options(), server);

        var echoed = await IUserContextApi.Create(client).EchoAsync("u1", new UserModel { DisplayName = "d" });

        Assert.Equal("""{"displayName":"d","anything":null}""", Assert.Single(server.Requests).BodyText);
        Assert.Equal("d", echoed.DisplayName);
    }
}
