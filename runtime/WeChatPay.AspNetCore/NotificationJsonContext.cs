using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.AspNetCore;

/// <summary>JSON metadata for the resource of a notification no handler takes.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
