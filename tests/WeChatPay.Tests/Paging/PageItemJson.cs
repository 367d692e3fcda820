using System.Text.Json.Serialization;

namespace WeChatPay.Tests.Paging;

/// <summary>An item of the test pages.</summary>
public sealed record PageItem(string Code);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PageItem))]
internal sealed partial class PageItemJson : JsonSerializerContext;
