namespace WeChatPay.Generator.Model;

/// <summary>The JSON shape of a type.</summary>
internal enum JsonKind
{
    /// <summary>A type with a built-in System.Text.Json converter (string, numbers, Guid, JsonElement, …).</summary>
    Builtin,

    /// <summary>A type with a WeChatPay.Json converter (DateTimeOffset, DateTime in RFC 3339).</summary>
    RuntimeConverter,

    Enum,
    Object,
    Array,
    List,
    ReadOnlyList,
    Dictionary,
    Nullable,
}

/// <summary>One type's JSON metadata and its sensitive-field walk.</summary>
/// <param name="Name">The global::-qualified name, without nullable annotations (usable in typeof).</param>
/// <param name="FriendlyName">A readable identifier for generated member names, for example <c>ListOfCouponCode</c>.</param>
/// <param name="Kind">The JSON shape.</param>
/// <param name="Converter">For Builtin/RuntimeConverter: the converter expression.</param>
/// <param name="Element">The element (collections), value (dictionaries) or underlying (Nullable) type.</param>
/// <param name="Object">For objects: members and construction.</param>
/// <param name="EnumMembers">For enums: members and their wire spellings.</param>
/// <param name="IsValueType">Whether the type is a struct.</param>
/// <param name="NeedsSensitiveWalk">
/// Whether a value of the type holds [Sensitive] fields: an object with such fields, directly or through members, or a
/// Nullable, array, list or dictionary of such values at any depth.
/// </param>
internal sealed record TypeSpec(
    string Name,
    string FriendlyName,
    JsonKind Kind,
    string? Converter,
    TypeRef? Element,
    ObjectSpec? Object,
    EquatableArray<EnumMemberSpec> EnumMembers,
    bool IsValueType,
    bool NeedsSensitiveWalk);

/// <summary>How an object is built and which members it has.</summary>
/// <param name="Properties">Serialized properties, in declaration order (base types first).</param>
/// <param name="ConstructorParameters">Arguments of the parameterized creator: constructor parameters, then member initializers.</param>
/// <param name="UsesParameterizedConstructor">Whether deserialization goes through the parameterized creator.</param>
/// <param name="IsRecord">Whether the type is a record (sensitive fields are then copied with <c>with</c>).</param>
/// <param name="CanCloneWithInitializer">Whether a shallow copy can be made with <c>new T { … }</c>.</param>
internal sealed record ObjectSpec(
    EquatableArray<PropertySpec> Properties,
    EquatableArray<ConstructorParameterSpec> ConstructorParameters,
    bool UsesParameterizedConstructor,
    bool IsRecord,
    bool CanCloneWithInitializer);

/// <summary>How a property is written.</summary>
internal enum SetterKind
{
    None,
    Set,
    Init,
}

/// <summary>How a [Sensitive] walk treats a property.</summary>
internal enum SensitiveKind
{
    None,

    /// <summary>A [Sensitive] string: transformed.</summary>
    Field,

    /// <summary>
    /// A value that holds sensitive fields: an object, a Nullable&lt;struct&gt;, or an array, list, read-only list or
    /// dictionary of them at any depth. It is walked (the emitter follows the type's shape).
    /// </summary>
    Walk,
}

/// <summary>A serialized property.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="JsonName">The wire name (snake_case_lower unless [JsonPropertyName]).</param>
/// <param name="Type">The property's type.</param>
/// <param name="DeclaringType">The declaring type, global::-qualified.</param>
/// <param name="Setter">Whether and how it can be set.</param>
/// <param name="IsRequired">C# required or [JsonRequired].</param>
/// <param name="IgnoreCondition">A JsonIgnoreCondition member name for [JsonIgnore(Condition = …)], or null.</param>
/// <param name="Sensitive">How a sensitive walk treats it.</param>
internal sealed record PropertySpec(
    string Name,
    string JsonName,
    TypeRef Type,
    string DeclaringType,
    SetterKind Setter,
    bool IsRequired,
    string? IgnoreCondition,
    SensitiveKind Sensitive);

/// <summary>An argument of the parameterized creator.</summary>
/// <param name="Name">The constructor parameter's name, or the property's name for a member initializer.</param>
/// <param name="Type">The parameter's (or the property's) type.</param>
/// <param name="IsMemberInitializer">Whether it sets an init/required property rather than a constructor parameter.</param>
/// <param name="PropertyName">For a member initializer: the property it sets.</param>
/// <param name="DefaultValueLiteral">The C# literal of the parameter's default value, or null when it has none.</param>
internal sealed record ConstructorParameterSpec(
    string Name,
    TypeRef Type,
    bool IsMemberInitializer,
    string? PropertyName,
    string? DefaultValueLiteral);

/// <summary>An enum member and its spelling on the wire.</summary>
internal sealed record EnumMemberSpec(string Name, string WireName);
