using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.Tool;

/// <summary>JSON metadata for reading a notification's resource as it is, without a model.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ToolJson : JsonSerializerContext;
