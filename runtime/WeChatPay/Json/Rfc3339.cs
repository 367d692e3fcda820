using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatPay.Json;

/// <summary>
/// RFC 3339 date-times as WeChat Pay writes them, always with an offset: <c>2015-05-20T13:29:35+08:00</c>
/// (fractional seconds only when the value has them). Generated clients format path and query values with it.
/// </summary>
public static class Rfc3339
{
    // 'FFFFFFF' drops trailing zeros and, when the fraction is zero, the decimal point too.
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>Formats <paramref name="value"/> in RFC 3339 form with its own offset.</summary>
    public static string FormatValue(DateTimeOffset value) => value.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats <paramref name="value"/> in RFC 3339 form: a UTC value with <c>+00:00</c>, a local or unspecified value
    /// with the local offset.
    /// </summary>
    public static string FormatValue(DateTime value) => FormatValue(ToDateTimeOffset(value));

    /// <summary>Formats <paramref name="value"/>; the short name generated code uses.</summary>
    public static string Format(DateTimeOffset value) => FormatValue(value);

    /// <summary>Formats <paramref name="value"/>; the short name generated code uses.</summary>
    public static string Format(DateTime value) => FormatValue(value);

    internal static DateTimeOffset ToDateTimeOffset(DateTime value)
        => value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value, TimeSpan.Zero) : new DateTimeOffset(value);

    internal static bool TryFormat(DateTimeOffset value, Span<char> destination, out int written)
        => value.TryFormat(destination, out written, Pattern, CultureInfo.InvariantCulture);
}

/// <summary>Reads and writes <see cref="DateTimeOffset"/> in RFC 3339 form, keeping the offset. AOT-safe.</summary>
public sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            throw new JsonException("Expected an RFC 3339 date-time string such as \"2015-05-20T13:29:35+08:00\".");
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[40];
        if (Rfc3339.TryFormat(value, buffer, out var written))
            writer.WriteStringValue(buffer[..written]);
        else
            writer.WriteStringValue(Rfc3339.FormatValue(value));
    }
}

/// <summary>
/// Reads and writes <see cref="DateTime"/> in RFC 3339 form with an offset. A value read back is local time
/// (<see cref="DateTimeKind.Local"/>) for the same instant. AOT-safe.
/// </summary>
public sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc/>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
            throw new JsonException("Expected an RFC 3339 date-time string such as \"2015-05-20T13:29:35+08:00\".");
        return value.LocalDateTime;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[40];
        if (Rfc3339.TryFormat(Rfc3339.ToDateTimeOffset(value), buffer, out var written))
            writer.WriteStringValue(buffer[..written]);
        else
            writer.WriteStringValue(Rfc3339.FormatValue(value));
    }
}
