using Microsoft.CodeAnalysis;

namespace WeChatPay.Generator;

/// <summary>
/// The types the parser recognises, looked up once per compilation (each on first use) and compared as symbols, not
/// by name. A type the compilation cannot see (JsonStringEnumMemberNameAttribute before .NET 9) is null and matches
/// nothing. Held by the compilation's <see cref="Incremental.ParseCache"/>; never flows down the pipeline.
/// </summary>
internal sealed class KnownTypeSymbols
{
    private readonly Compilation _compilation;

    public KnownTypeSymbols(Compilation compilation) => _compilation = compilation;

    // The SDK's attributes and types.
    public INamedTypeSymbol? PathAttribute => Get(ref _pathAttribute, "WeChatPay.PathAttribute");
    public INamedTypeSymbol? QueryAttribute => Get(ref _queryAttribute, "WeChatPay.QueryAttribute");
    public INamedTypeSymbol? BodyAttribute => Get(ref _bodyAttribute, "WeChatPay.BodyAttribute");
    public INamedTypeSymbol? HeaderAttribute => Get(ref _headerAttribute, "WeChatPay.HeaderAttribute");
    public INamedTypeSymbol? MethodAttribute => Get(ref _methodAttribute, "WeChatPay.WeChatPayMethodAttribute");
    public INamedTypeSymbol? JsonContextAttribute => Get(ref _jsonContextAttribute, "WeChatPay.WeChatPayJsonContextAttribute");
    public INamedTypeSymbol? SensitiveAttribute => Get(ref _sensitiveAttribute, "WeChatPay.SensitiveAttribute");
    public INamedTypeSymbol? JsonEnumValueAttribute => Get(ref _jsonEnumValueAttribute, "WeChatPay.JsonEnumValueAttribute");
    public INamedTypeSymbol? WeChatPayResponse => Get(ref _weChatPayResponse, "WeChatPay.WeChatPayResponse");
    public INamedTypeSymbol? WeChatPayResponseOfT => Get(ref _weChatPayResponseOfT, "WeChatPay.WeChatPayResponse`1");
    public INamedTypeSymbol? PagedAttribute => Get(ref _pagedAttribute, "WeChatPay.PagedAttribute");

    // The framework's.
    public INamedTypeSymbol? CancellationToken => Get(ref _cancellationToken, "System.Threading.CancellationToken");
    public INamedTypeSymbol? Task => Get(ref _task, "System.Threading.Tasks.Task");
    public INamedTypeSymbol? TaskOfT => Get(ref _taskOfT, "System.Threading.Tasks.Task`1");
    public INamedTypeSymbol? ValueTask => Get(ref _valueTask, "System.Threading.Tasks.ValueTask");
    public INamedTypeSymbol? ValueTaskOfT => Get(ref _valueTaskOfT, "System.Threading.Tasks.ValueTask`1");
    public INamedTypeSymbol? Stream => Get(ref _stream, "System.IO.Stream");
    public INamedTypeSymbol? Guid => Get(ref _guid, "System.Guid");
    public INamedTypeSymbol? DateTimeOffset => Get(ref _dateTimeOffset, "System.DateTimeOffset");
    public INamedTypeSymbol? TimeSpan => Get(ref _timeSpan, "System.TimeSpan");
    public INamedTypeSymbol? Uri => Get(ref _uri, "System.Uri");
    public INamedTypeSymbol? ListOfT => Get(ref _listOfT, "System.Collections.Generic.List`1");
    public INamedTypeSymbol? DictionaryOfTKeyTValue => Get(ref _dictionary, "System.Collections.Generic.Dictionary`2");
    public INamedTypeSymbol? IAsyncEnumerableOfT => Get(ref _asyncEnumerableOfT, "System.Collections.Generic.IAsyncEnumerable`1");
    public INamedTypeSymbol IEnumerableOfT => _compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);

    // System.Text.Json's.
    public INamedTypeSymbol? JsonElement => Get(ref _jsonElement, "System.Text.Json.JsonElement");
    public INamedTypeSymbol? JsonNode => Get(ref _jsonNode, "System.Text.Json.Nodes.JsonNode");
    public INamedTypeSymbol? JsonObject => Get(ref _jsonObject, "System.Text.Json.Nodes.JsonObject");
    public INamedTypeSymbol? JsonArray => Get(ref _jsonArray, "System.Text.Json.Nodes.JsonArray");
    public INamedTypeSymbol? JsonValue => Get(ref _jsonValue, "System.Text.Json.Nodes.JsonValue");
    public INamedTypeSymbol? JsonSerializerContext => Get(ref _jsonSerializerContext, "System.Text.Json.Serialization.JsonSerializerContext");
    public INamedTypeSymbol? JsonSerializableAttribute => Get(ref _jsonSerializable, "System.Text.Json.Serialization.JsonSerializableAttribute");
    public INamedTypeSymbol? JsonPropertyNameAttribute => Get(ref _jsonPropertyName, "System.Text.Json.Serialization.JsonPropertyNameAttribute");
    public INamedTypeSymbol? JsonIgnoreAttribute => Get(ref _jsonIgnore, "System.Text.Json.Serialization.JsonIgnoreAttribute");
    public INamedTypeSymbol? JsonRequiredAttribute => Get(ref _jsonRequired, "System.Text.Json.Serialization.JsonRequiredAttribute");
    public INamedTypeSymbol? JsonConstructorAttribute => Get(ref _jsonConstructor, "System.Text.Json.Serialization.JsonConstructorAttribute");
    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute => Get(ref _jsonStringEnumMemberName, "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");

    /// <summary>Whether <paramref name="symbol"/> is <paramref name="known"/> (false when the compilation has no such type).</summary>
    public static bool Is(ISymbol? symbol, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

    /// <summary>Whether <paramref name="type"/> is a construction of the generic definition <paramref name="definition"/>.</summary>
    public static bool IsConstructedFrom(ITypeSymbol? type, INamedTypeSymbol? definition)
        => type is INamedTypeSymbol { IsGenericType: true } named && Is(named.OriginalDefinition, definition);

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
                return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> carries the attribute <paramref name="attribute"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
            return false;
        foreach (var data in symbol.GetAttributes())
        {
            if (Is(data.AttributeClass, attribute))
                return true;
        }
        return false;
    }

    // null: not looked up yet; s_absent: looked up, and the compilation has no such type. A reference is written
    // atomically, so a race only repeats a lookup.
    private static readonly object s_absent = new();

    private INamedTypeSymbol? Get(ref object? field, string metadataName)
    {
        field ??= (object?)_compilation.GetTypeByMetadataName(metadataName) ?? s_absent;
        return field as INamedTypeSymbol;
    }

    private object? _pathAttribute, _queryAttribute, _bodyAttribute, _headerAttribute, _methodAttribute,
        _jsonContextAttribute, _sensitiveAttribute, _jsonEnumValueAttribute, _weChatPayResponse, _weChatPayResponseOfT, _pagedAttribute,
        _cancellationToken, _task, _taskOfT, _valueTask, _valueTaskOfT, _stream, _guid, _dateTimeOffset, _timeSpan, _uri,
        _listOfT, _dictionary, _asyncEnumerableOfT, _jsonElement, _jsonNode, _jsonObject, _jsonArray, _jsonValue, _jsonSerializerContext,
        _jsonPropertyName, _jsonIgnore, _jsonRequired, _jsonConstructor, _jsonStringEnumMemberName, _jsonSerializable;
}
