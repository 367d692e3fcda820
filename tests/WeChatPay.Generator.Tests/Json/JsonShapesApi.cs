using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WeChatPay.Generator.Tests.Json;

/// <summary>Every supported JSON shape, round-tripped through the generated metadata.</summary>
public partial interface IJsonShapesApi
{
    [Post("v3/shapes")]
    Task<EveryShape> EchoAsync(EveryShape json);

    [Post("v3/shapes/constructor")]
    Task<ConstructorShape> EchoConstructorAsync(ConstructorShape json);

    [Post("v3/shapes/init")]
    Task<InitShape> EchoInitAsync(InitShape json);

    [Post("v3/shapes/tree")]
    Task<TreeNode> EchoTreeAsync(TreeNode json);

    [Post("v3/shapes/struct")]
    Task<PointStruct> EchoStructAsync(PointStruct json);

    [Post("v3/shapes/derived")]
    Task<DerivedShape> EchoDerivedAsync(DerivedShape json);
}

public sealed class EveryShape
{
    public string Text { get; set; } = "";
    public bool Flag { get; set; }
    public byte Byte { get; set; }
    public sbyte SByte { get; set; }
    public short Short { get; set; }
    public ushort UShort { get; set; }
    public int Int { get; set; }
    public uint UInt { get; set; }
    public long Long { get; set; }
    public ulong ULong { get; set; }
    public float Float { get; set; }
    public double Double { get; set; }
    public decimal Decimal { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime LocalTime { get; set; }
    public Guid Id { get; set; }
    public ShapeKind Kind { get; set; }
    public ShapeKind? MaybeKind { get; set; }
    public int? MaybeInt { get; set; }
    public int[]? Numbers { get; set; }
    public List<string>? Names { get; set; }
    public IReadOnlyList<ConstructorShape>? Items { get; set; }
    public Dictionary<string, int>? Counts { get; set; }
    public JsonElement Raw { get; set; }
    public JsonNode? Node { get; set; }
    [JsonPropertyName("custom-name")]
    public string? Renamed { get; set; }
    [JsonIgnore]
    public string? Ignored { get; set; }
    public string? NullText { get; set; }
    public PointStruct? MaybePoint { get; set; }
}

public enum ShapeKind
{
    Plain,
    MerchantUpload,
    [JsonEnumValue("SENDED")]
    Sent,
}

public sealed class ConstructorShape
{
    public ConstructorShape(string name, int count = 3)
    {
        Name = name;
        Count = count;
    }

    public string Name { get; }
    public int Count { get; }
}

public sealed class InitShape
{
    public required string Name { get; init; }
    public int Level { get; init; }
    public string? Optional { get; set; }
}

public sealed record TreeNode(string Name, List<TreeNode>? Children);

public record struct PointStruct(int X, int Y);

public class BaseShape
{
    public string? BaseName { get; set; }
}

public sealed class DerivedShape : BaseShape
{
    public string? OwnName { get; set; }
}
