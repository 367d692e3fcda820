using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WeChatPay;

/// <summary>
/// One of WeChat Pay's pages (<c>data</c>, <c>total_count</c>, <c>offset</c>, <c>limit</c>), read from a verified
/// body with only the item's JSON metadata, so no page type has to be declared or registered anywhere.
/// </summary>
/// <typeparam name="T">The item type of <c>data</c>.</typeparam>
public sealed class WeChatPayPage<T>
{
    private WeChatPayPage(IReadOnlyList<T> items, long? totalCount, long? offset, long? limit)
    {
        Items = items;
        TotalCount = totalCount;
        Offset = offset;
        Limit = limit;
    }

    /// <summary>The page's items (<c>data</c>); empty when the page has none or no <c>data</c>.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Every item that matches (<c>total_count</c>), when the page says.</summary>
    public long? TotalCount { get; }

    /// <summary>The page's <c>offset</c> as answered: an item position or a page index, by the endpoint.</summary>
    public long? Offset { get; }

    /// <summary>The page size as answered (<c>limit</c>).</summary>
    public long? Limit { get; }

    /// <summary>Reads a page from <paramref name="response"/>'s verified body; other members of the page are skipped.</summary>
    /// <exception cref="WeChatPayException">The body is not a JSON object of that shape, or an item is not a <typeparamref name="T"/>.</exception>
    public static WeChatPayPage<T> Read(WeChatPayResponse response, JsonTypeInfo<T> itemTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(itemTypeInfo);
        try
        {
            return Read(response.Body.Span, itemTypeInfo);
        }
        catch (Exception ex) when (WeChatPayResponse.IsReadFailure(ex))
        {
            throw new WeChatPayException(
                $"The verified response body could not be read as a page of {typeof(T).Name}: {ex.Message}",
                response.StatusCode, response.RequestId, ex);
        }
    }

    private static WeChatPayPage<T> Read(ReadOnlySpan<byte> body, JsonTypeInfo<T> itemTypeInfo)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("The page is not a JSON object.");
        var items = new List<T>();
        long? totalCount = null, offset = null, limit = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                    continue;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new JsonException("The page's data is not an array.");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(JsonSerializer.Deserialize(ref reader, itemTypeInfo)!);
            }
            else if (reader.ValueTextEquals("total_count"u8))
            {
                totalCount = Counter(ref reader, "total_count");
            }
            else if (reader.ValueTextEquals("offset"u8))
            {
                offset = Counter(ref reader, "offset");
            }
            else if (reader.ValueTextEquals("limit"u8))
            {
                limit = Counter(ref reader, "limit");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new JsonException("The page is not a complete JSON object.");
        return new WeChatPayPage<T>(items, totalCount, offset, limit);
    }

    private static long? Counter(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
            throw new JsonException($"The page's {name} is not an integer.");
        return value;
    }
}
