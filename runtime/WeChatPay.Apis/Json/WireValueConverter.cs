using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.Apis.Json;

/// <summary>Reads and writes an <see cref="IWireValue{TSelf}"/> as its string; any string is accepted. AOT-safe.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class WireValueConverter<T> : JsonConverter<T>
    where T : struct, IWireValue<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? T.FromWire(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value ?? throw new JsonException($"An empty {typeof(T).Name} (default) cannot be written."));
}
