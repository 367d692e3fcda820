using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.Apis.Json;

/// <summary>
/// Times as WeChat Pay writes them, <c>yyyy-MM-ddTHH:mm:ss+08:00</c>: whole seconds and the offset kept (fractions
/// are dropped on writing, since <c>time_expire</c> and its kind accept none). Reads any RFC 3339 time. AOT-safe.
/// </summary>
public sealed class WireTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new JsonException("Expected an RFC 3339 time such as \"2018-06-08T10:34:56+08:00\".");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        // Written raw: the text is ASCII digits and "-:T+", and the default encoder would turn '+' into \u002B.
        var text = value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);
        writer.WriteRawValue("\"" + text + "\"", skipInputValidation: true);
    }
}
