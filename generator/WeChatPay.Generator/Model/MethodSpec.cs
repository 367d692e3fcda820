namespace WeChatPay.Generator.Model;

/// <summary>One endpoint: a method of the interface with its HTTP method, path and bound parameters.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="HttpMethod">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Path">The path template split into literal text and placeholders.</param>
/// <param name="Parameters">All parameters, in declaration order, each with what it binds to.</param>
/// <param name="Return">What the method returns and how.</param>
/// <param name="Paging">For a method that walks WeChat Pay's pages: its mode and where offset and limit come from; else null.</param>
internal sealed record MethodSpec(
    string Name,
    string HttpMethod,
    EquatableArray<PathPartSpec> Path,
    EquatableArray<ParameterSpec> Parameters,
    ReturnSpec Return,
    PagingSpec? Paging = null);

/// <summary>How a paged method walks the pages: what its offset counts, and where offset and limit come from.</summary>
/// <param name="Mode">Whether <c>offset</c> is an item position or a page index ([Paged]).</param>
/// <param name="Offset">Where the first page's offset comes from.</param>
/// <param name="Limit">Where the page size comes from; unset (null or 0) leaves it to the endpoint.</param>
internal sealed record PagingSpec(PagingMode Mode, PageFieldSpec Offset, PageFieldSpec Limit);

/// <summary>What a paged endpoint's <c>offset</c> counts; the runtime's <c>PageMode</c>, by the same names and values.</summary>
internal enum PagingMode
{
    Offset = 0,
    PageNumber = 1,
}

/// <summary>A paging value: a query parameter, or a property of a [Query] model parameter.</summary>
/// <param name="Parameter">The C# parameter's name.</param>
/// <param name="Property">The query model's property, or null for a plain parameter.</param>
/// <param name="WireName">The query key (<c>offset</c> or <c>limit</c>).</param>
internal sealed record PageFieldSpec(string Parameter, string? Property, string WireName);

/// <summary>A piece of the path template: literal text (already valid URL text) or a placeholder's parameter.</summary>
internal sealed record PathPartSpec(bool IsPlaceholder, string Text);

/// <summary>What a parameter binds to.</summary>
internal enum ParameterRole
{
    Path,
    Query,
    QueryModel,
    Body,
    Header,
    CancellationToken,
}

/// <summary>A method parameter.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The parameter's type.</param>
/// <param name="Role">What it binds to.</param>
/// <param name="WireName">The query key, header name or placeholder name.</param>
/// <param name="Scalar">How to format a scalar (path, query, header), or null.</param>
/// <param name="QueryFields">For a query model: its properties, flattened by JSON name.</param>
/// <param name="IsNullable">Whether the value may be null (nullable reference or Nullable&lt;T&gt;).</param>
internal sealed record ParameterSpec(
    string Name,
    TypeRef Type,
    ParameterRole Role,
    string WireName,
    ScalarSpec? Scalar,
    EquatableArray<QueryFieldSpec> QueryFields,
    bool IsNullable);

/// <summary>How a scalar value is written into a path, query or header.</summary>
internal enum ScalarKind
{
    String,
    Boolean,
    Formattable,
    DateTimeOffset,
    DateTime,
    Enum,
}

/// <summary>A scalar's type and formatting.</summary>
/// <param name="Kind">The formatting rule.</param>
/// <param name="TypeName">The underlying type (no Nullable&lt;T&gt;), global::-qualified.</param>
/// <param name="IsNullableValueType">Whether the value is a Nullable&lt;T&gt;.</param>
/// <param name="EnumMembers">For an enum: its members and their wire spellings.</param>
internal sealed record ScalarSpec(
    ScalarKind Kind,
    string TypeName,
    bool IsNullableValueType,
    EquatableArray<EnumMemberSpec> EnumMembers);

/// <summary>One property of a query model, flattened into the query by its JSON name.</summary>
internal sealed record QueryFieldSpec(string PropertyName, string WireName, ScalarSpec Scalar, bool IsNullable);

/// <summary>How the method is awaited.</summary>
internal enum ReturnFlavor
{
    Sync,
    Task,
    ValueTask,

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c>: a lazy walk of the pages.</summary>
    AsyncEnumerable,
}

/// <summary>What the method hands back.</summary>
internal enum ResultShape
{
    /// <summary>Nothing: the call only has to succeed (2xx).</summary>
    None,

    /// <summary>The deserialized body.</summary>
    Value,

    /// <summary><c>WeChatPayResponse&lt;T&gt;</c>: status, headers, Request-ID and the body.</summary>
    TypedResponse,

    /// <summary><c>WeChatPayResponse</c> itself.</summary>
    RawResponse,

    /// <summary>A download as a <c>Stream</c>.</summary>
    Stream,

    /// <summary>A download as a <c>byte[]</c>.</summary>
    Bytes,

    /// <summary>The items of every page, one by one (<see cref="MethodSpec.Paging"/> says how).</summary>
    Items,
}

/// <summary>The return type.</summary>
/// <param name="Flavor">Sync, Task or ValueTask.</param>
/// <param name="Shape">What is returned.</param>
/// <param name="Type">The full return type, as written in the signature.</param>
/// <param name="Value">For Value/TypedResponse: T, the deserialized body's type; for Items, the item's type; else null.</param>
internal sealed record ReturnSpec(
    ReturnFlavor Flavor,
    ResultShape Shape,
    TypeRef Type,
    TypeRef? Value);
