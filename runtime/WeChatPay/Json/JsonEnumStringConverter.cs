using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.Json;

/// <summary>
/// Enums as strings, from a name table the generator writes at compile time (no reflection, AOT-safe). Default
/// spellings are UPPER_SNAKE_CASE (<c>MerchantUpload</c> → <c>MERCHANT_UPLOAD</c>); <see cref="JsonEnumValueAttribute"/>
/// or <c>[JsonStringEnumMemberName]</c> override one. An unknown string is a <see cref="JsonException"/> that names it.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class JsonEnumStringConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _names = new();
    private readonly Dictionary<string, TEnum> _values = new(StringComparer.Ordinal);

    /// <summary>Creates the converter over the members and their wire spellings.</summary>
    public JsonEnumStringConverter(IEnumerable<KeyValuePair<TEnum, string>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var (value, name) in members)
        {
            _names.TryAdd(value, name);
            _values.TryAdd(name, value);
        }
    }

    /// <summary>The wire spelling of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared member.</exception>
    public string GetName(TEnum value)
        => _names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a declared member of {typeof(TEnum).Name}.");

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, found {reader.TokenType}.");
        return Parse(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!_names.TryGetValue(value, out var name))
            throw new JsonException($"The value {value} is not a declared member of {typeof(TEnum).Name}.");
        writer.WriteStringValue(name);
    }

    /// <inheritdoc/>
    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Parse(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WritePropertyName(GetName(value));

    private TEnum Parse(string text)
        => _values.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a known {typeof(TEnum).Name} value; declare it on the enum (with [JsonEnumValue] for an unusual spelling) or bind the property as string.");
}
