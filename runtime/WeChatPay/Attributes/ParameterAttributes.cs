namespace WeChatPay;

/// <summary>Binds a parameter to the path placeholder <paramref name="name"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PathAttribute(string name) : Attribute
{
    /// <summary>The placeholder's name, as written in the path template.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Sends a parameter in the query string. A scalar becomes <c>name=value</c>; a model is flattened by its JSON
/// property names, leaving out nulls. Without a name, the parameter's name in snake_case is used.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Uses the parameter's name in snake_case.</summary>
    public QueryAttribute() { }

    /// <summary>Uses <paramref name="name"/> as the query key.</summary>
    public QueryAttribute(string name) => Name = name;

    /// <summary>The query key, or <see langword="null"/> for the parameter's name in snake_case.</summary>
    public string? Name { get; }
}

/// <summary>Sends a parameter as the JSON request body.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BodyAttribute : Attribute;

/// <summary>Sends a parameter as the request header <paramref name="name"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HeaderAttribute(string name) : Attribute
{
    /// <summary>The header's name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Marks a string property as a WeChat Pay sensitive field (敏感信息). In a request it is encrypted with the
/// platform key before serialization; in a response it is decrypted with the merchant private key.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>
/// The escape hatch for JSON: names a user-written <c>JsonSerializerContext</c> that the generated client then uses
/// for every type, instead of the JSON metadata the generator would emit.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class WeChatPayJsonContextAttribute(Type contextType) : Attribute
{
    /// <summary>A type deriving from <c>System.Text.Json.Serialization.JsonSerializerContext</c>.</summary>
    public Type ContextType { get; } = contextType;
}
