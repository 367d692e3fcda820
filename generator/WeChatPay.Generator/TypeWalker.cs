using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Walks every type reachable from a method's body and result, and turns each into a <see cref="TypeSpec"/>:
/// its JSON shape (for the generated metadata) and its [Sensitive] walk. Symbols stay inside this class.
/// </summary>
internal sealed class TypeWalker
{
    private const string Jms = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.";
    private readonly KnownTypeSymbols _known;
    private readonly bool _reportUnsupported;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Location? _fallbackLocation;
    private readonly Dictionary<ITypeSymbol, Node> _nodes = new(SymbolEqualityComparer.Default);

    public TypeWalker(KnownTypeSymbols known, bool reportUnsupported, List<DiagnosticInfo> diagnostics, Location? fallbackLocation)
    {
        _known = known;
        _reportUnsupported = reportUnsupported;
        _diagnostics = diagnostics;
        _fallbackLocation = fallbackLocation;
    }

    private sealed class Node
    {
        public Node(ITypeSymbol symbol, JsonKind kind) { Symbol = symbol; Kind = kind; }
        public ITypeSymbol Symbol { get; }
        public JsonKind Kind { get; }
        public string? Converter { get; set; }
        public ITypeSymbol? Element { get; set; }
        public List<PropertyNode> Properties { get; } = new();
        public List<ConstructorParameterSpec> ConstructorParameters { get; } = new();
        public bool UsesParameterizedConstructor { get; set; }
        public bool CanCloneWithInitializer { get; set; }
        public EquatableArray<EnumMemberSpec> EnumMembers { get; set; } = EquatableArray<EnumMemberSpec>.Empty;
        public bool NeedsSensitiveWalk { get; set; }

        /// <summary>Members that only a user's JsonSerializerContext lets through: the [Sensitive] walk cannot follow them.</summary>
        public List<(IPropertySymbol Property, Location? Location)> Unwalked { get; } = new();
    }

    private sealed class PropertyNode
    {
        public PropertyNode(IPropertySymbol symbol) => Symbol = symbol;
        public IPropertySymbol Symbol { get; }
        public string JsonName { get; set; } = "";
        public SetterKind Setter { get; set; }
        public bool IsRequired { get; set; }
        public string? IgnoreCondition { get; set; }
        public bool IsSensitiveField { get; set; }
    }

    /// <summary>Visits <paramref name="type"/> and everything it reaches. Returns false (after a diagnostic) when unsupported.</summary>
    public bool Visit(ITypeSymbol type, Location? location, string member)
    {
        if (_nodes.ContainsKey(type))
            return true;
        var reason = Classify(type, out var node);
        if (reason is not null)
        {
            if (_reportUnsupported)
            {
                _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.UnsupportedMember, location ?? _fallbackLocation,
                    member, type.ToDisplayString(), reason));
            }
            return false;
        }
        _nodes.Add(type, node!);
        switch (node!.Kind)
        {
            case JsonKind.Nullable:
            case JsonKind.Array:
            case JsonKind.List:
            case JsonKind.ReadOnlyList:
            case JsonKind.Dictionary:
                return Visit(node.Element!, location, member);
            case JsonKind.Object:
                VisitObject(node, (INamedTypeSymbol)type, location);
                return true;
            default:
                return true;
        }
    }

    private string? Classify(ITypeSymbol type, out Node? node)
    {
        node = null;
        var converter = BuiltinConverter(type, _known);
        if (converter is not null)
        {
            node = new Node(type, converter.StartsWith("new ", StringComparison.Ordinal) ? JsonKind.RuntimeConverter : JsonKind.Builtin) { Converter = converter };
            return null;
        }
        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
                return "multi-dimensional arrays are not JSON";
            node = new Node(type, JsonKind.Array) { Element = array.ElementType };
            return null;
        }
        if (type is not INamedTypeSymbol named)
            return "it is not a class, struct, enum or collection";
        if (named.TypeKind == TypeKind.Enum)
        {
            node = new Node(type, JsonKind.Enum) { EnumMembers = ReadEnumMembers(named, _known) };
            return null;
        }
        if (named.IsGenericType)
        {
            var definition = named.OriginalDefinition;
            if (definition.SpecialType == SpecialType.System_Nullable_T)
            {
                node = new Node(type, JsonKind.Nullable) { Element = named.TypeArguments[0] };
                return null;
            }
            if (definition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T)
            {
                node = new Node(type, JsonKind.ReadOnlyList) { Element = named.TypeArguments[0] };
                return null;
            }
            if (KnownTypeSymbols.Is(definition, _known.ListOfT))
            {
                node = new Node(type, JsonKind.List) { Element = named.TypeArguments[0] };
                return null;
            }
            if (KnownTypeSymbols.Is(definition, _known.DictionaryOfTKeyTValue))
            {
                if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    return "only Dictionary<string, T> is supported";
                node = new Node(type, JsonKind.Dictionary) { Element = named.TypeArguments[1] };
                return null;
            }
        }
        if (named.SpecialType == SpecialType.System_Object)
            return "object has no JSON shape to generate; use JsonElement or JsonNode";
        if (named.TypeKind == TypeKind.Interface)
            return "interfaces other than IReadOnlyList<T> are not supported; use List<T>, T[] or IReadOnlyList<T>";
        if (named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.IsAbstract || named.IsStatic)
            return "only concrete classes, records and structs are supported";
        if (IsCollectionLike(named))
            return "only T[], List<T>, IReadOnlyList<T> and Dictionary<string, T> collections are supported";
        if (named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
            return "a private or protected nested type cannot be reached by generated code";
        node = new Node(type, JsonKind.Object);
        return null;
    }

    internal static bool IsCollectionLike(INamedTypeSymbol type)
        => type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) && type.SpecialType != SpecialType.System_String;

    internal static bool IsSupportedInterface(ITypeSymbol type)
        => type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T;

    private static string? BuiltinConverter(ITypeSymbol type, KnownTypeSymbols known)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return Jms + "StringConverter";
            case SpecialType.System_Boolean: return Jms + "BooleanConverter";
            case SpecialType.System_Char: return Jms + "CharConverter";
            case SpecialType.System_Byte: return Jms + "ByteConverter";
            case SpecialType.System_SByte: return Jms + "SByteConverter";
            case SpecialType.System_Int16: return Jms + "Int16Converter";
            case SpecialType.System_UInt16: return Jms + "UInt16Converter";
            case SpecialType.System_Int32: return Jms + "Int32Converter";
            case SpecialType.System_UInt32: return Jms + "UInt32Converter";
            case SpecialType.System_Int64: return Jms + "Int64Converter";
            case SpecialType.System_UInt64: return Jms + "UInt64Converter";
            case SpecialType.System_Single: return Jms + "SingleConverter";
            case SpecialType.System_Double: return Jms + "DoubleConverter";
            case SpecialType.System_Decimal: return Jms + "DecimalConverter";
            case SpecialType.System_DateTime: return "new global::WeChatPay.Json.Rfc3339DateTimeConverter()";
        }
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            return Jms + "ByteArrayConverter";
        if (type is not INamedTypeSymbol { IsGenericType: false } named)
            return null;
        if (KnownTypeSymbols.Is(named, known.Guid))
            return Jms + "GuidConverter";
        if (KnownTypeSymbols.Is(named, known.DateTimeOffset))
            return "new global::WeChatPay.Json.Rfc3339DateTimeOffsetConverter()";
        if (KnownTypeSymbols.Is(named, known.TimeSpan))
            return Jms + "TimeSpanConverter";
        if (KnownTypeSymbols.Is(named, known.Uri))
            return Jms + "UriConverter";
        if (KnownTypeSymbols.Is(named, known.JsonElement))
            return Jms + "JsonElementConverter";
        if (KnownTypeSymbols.Is(named, known.JsonNode))
            return Jms + "JsonNodeConverter";
        if (KnownTypeSymbols.Is(named, known.JsonObject))
            return Jms + "JsonObjectConverter";
        if (KnownTypeSymbols.Is(named, known.JsonArray))
            return Jms + "JsonArrayConverter";
        if (KnownTypeSymbols.Is(named, known.JsonValue))
            return Jms + "JsonValueConverter";
        return null;
    }

    private void VisitObject(Node node, INamedTypeSymbol type, Location? location)
    {
        foreach (var property in GetSerializableProperties(type))
        {
            var ignore = ReadIgnoreCondition(property, _known);
            if (ignore == "Always")
                continue;
            var propertyLocation = property.Locations.FirstOrDefault(l => l.IsInSource) ?? location;
            var entry = new PropertyNode(property)
            {
                JsonName = ReadJsonName(property, _known),
                Setter = property.SetMethod is null || property.SetMethod.DeclaredAccessibility != Accessibility.Public
                    ? SetterKind.None
                    : property.SetMethod.IsInitOnly ? SetterKind.Init : SetterKind.Set,
                IsRequired = property.IsRequired || KnownTypeSymbols.HasAttribute(property, _known.JsonRequiredAttribute),
                IgnoreCondition = ignore,
            };
            if (IsSensitive(property, _known))
            {
                if (property.Type.SpecialType != SpecialType.System_String)
                {
                    _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.SensitiveOnNonString, propertyLocation,
                        type.Name + "." + property.Name, property.Type.ToDisplayString()));
                }
                else
                {
                    entry.IsSensitiveField = true;
                }
            }
            if (!Visit(property.Type, propertyLocation, type.Name + "." + property.Name))
            {
                if (!_reportUnsupported)
                    node.Unwalked.Add((property, propertyLocation));
                continue;
            }
            node.Properties.Add(entry);
        }

        var constructors = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .ToList();
        var parameterless = constructors.FirstOrDefault(c => c.Parameters.Length == 0);
        var chosen = constructors.FirstOrDefault(c => KnownTypeSymbols.HasAttribute(c, _known.JsonConstructorAttribute))
            ?? parameterless
            ?? (constructors.Count == 1 ? constructors[0] : null);
        node.CanCloneWithInitializer = parameterless is not null;
        if (chosen is null)
        {
            if (_reportUnsupported)
            {
                _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.UnsupportedMember, type.Locations.FirstOrDefault(l => l.IsInSource) ?? location ?? _fallbackLocation,
                    type.Name, type.ToDisplayString(), "it has no public constructor that JSON can call; add a parameterless one or mark one [JsonConstructor]"));
            }
            return;
        }

        var memberInitializers = node.Properties.Where(p => p.Setter == SetterKind.Init || p.Symbol.IsRequired).ToList();
        if (chosen.Parameters.Length == 0 && memberInitializers.Count == 0)
            return;
        node.UsesParameterizedConstructor = true;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in chosen.Parameters)
        {
            var match = node.Properties.FirstOrDefault(p => string.Equals(p.Symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                if (_reportUnsupported)
                {
                    _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.UnsupportedMember, parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? location ?? _fallbackLocation,
                        type.Name + "(" + parameter.Name + ")", parameter.Type.ToDisplayString(), "this constructor parameter matches no public property; JSON could not fill it"));
                }
                continue;
            }
            covered.Add(match.Symbol.Name);
            node.ConstructorParameters.Add(new ConstructorParameterSpec(
                parameter.Name,
                Ref(parameter.Type),
                IsMemberInitializer: false,
                PropertyName: null,
                DefaultValueLiteral: parameter.HasExplicitDefaultValue ? Literal(parameter.ExplicitDefaultValue, parameter.Type) : null));
        }
        foreach (var property in memberInitializers)
        {
            if (covered.Contains(property.Symbol.Name))
                continue;
            node.ConstructorParameters.Add(new ConstructorParameterSpec(
                property.Symbol.Name,
                Ref(property.Symbol.Type),
                IsMemberInitializer: true,
                PropertyName: property.Symbol.Name,
                DefaultValueLiteral: null));
        }
    }

    private static string Literal(object? value, ITypeSymbol type)
    {
        if (value is null)
            return "null";
        var text = value is string s ? SymbolDisplay.FormatLiteral(s, quote: true) : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        if (value is bool)
            return text;
        return "(" + type.ToDisplayString(Parser.TypeFormat) + ")(" + text + ")";
    }

    /// <summary>Public instance properties with a public getter, base types first, as System.Text.Json orders them.</summary>
    internal static List<IPropertySymbol> GetSerializableProperties(INamedTypeSymbol type)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && seen.Add(property.Name))
                {
                    level.Add(property);
                }
            }
            levels.Add(level);
        }
        levels.Reverse();
        return levels.SelectMany(l => l).ToList();
    }

    /// <summary>[JsonPropertyName] when present, else the name in snake_case_lower.</summary>
    internal static string ReadJsonName(IPropertySymbol property, KnownTypeSymbols known)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonPropertyNameAttribute)
                && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
            {
                return name;
            }
        }
        return Parser.ToSnakeCase(property.Name);
    }

    /// <summary>The JsonIgnoreCondition member name of [JsonIgnore] ("Always" when it has no Condition), or null.</summary>
    internal static string? ReadIgnoreCondition(IPropertySymbol property, KnownTypeSymbols known)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (!KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonIgnoreAttribute))
                continue;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is int condition)
                {
                    return condition switch
                    {
                        0 => "Never",
                        2 => "WhenWritingDefault",
                        3 => "WhenWritingNull",
                        _ => "Always",
                    };
                }
            }
            return "Always";
        }
        return null;
    }

    /// <summary>Enum members with their wire spelling: [JsonStringEnumMemberName], [JsonEnumValue], else UPPER_SNAKE_CASE.</summary>
    internal static EquatableArray<EnumMemberSpec> ReadEnumMembers(INamedTypeSymbol type, KnownTypeSymbols known)
    {
        var members = new List<EnumMemberSpec>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { HasConstantValue: true } field)
                continue;
            string? wire = null;
            foreach (var attribute in field.GetAttributes())
            {
                if ((KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonStringEnumMemberNameAttribute)
                        || KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonEnumValueAttribute))
                    && attribute.ConstructorArguments.FirstOrDefault().Value is string value)
                {
                    wire = value;
                }
            }
            members.Add(new EnumMemberSpec(field.Name, wire ?? Parser.ToSnakeCase(field.Name, upper: true)));
        }
        return members.ToEquatableArray();
    }

    /// <summary>
    /// Whether <paramref name="type"/>, its type arguments or element type, or the models they reach through their
    /// properties, declare a [Sensitive] property; the framework's own types are not searched.
    /// </summary>
    private bool HoldsSensitive(ITypeSymbol type, HashSet<ITypeSymbol> seen)
    {
        if (!seen.Add(type))
            return false;
        switch (type)
        {
            case IArrayTypeSymbol array:
                return HoldsSensitive(array.ElementType, seen);
            case INamedTypeSymbol named:
                if (named.TypeArguments.Any(argument => HoldsSensitive(argument, seen)))
                    return true;
                var ns = named.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
                if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
                    return false;
                return named.GetMembers().OfType<IPropertySymbol>().Any(p => IsSensitive(p, _known) || HoldsSensitive(p.Type, seen));
            default:
                return false;
        }
    }

    /// <summary>Whether the property is marked [Sensitive].</summary>
    internal static bool IsSensitive(IPropertySymbol property, KnownTypeSymbols known) => KnownTypeSymbols.HasAttribute(property, known.SensitiveAttribute);

    /// <summary>Finishes the walk: decides which types need a [Sensitive] walk and returns the specs, ordinal-sorted.</summary>
    public EquatableArray<TypeSpec> Build()
    {
        // Fixpoint: a type needs a walk when it holds a [Sensitive] field or reaches a type that does.
        bool changed;
        do
        {
            changed = false;
            foreach (var node in _nodes.Values)
            {
                if (node.Kind != JsonKind.Object || node.NeedsSensitiveWalk)
                    continue;
                if (node.Properties.Any(p => p.IsSensitiveField || LeadsToSensitive(p.Symbol.Type)))
                {
                    node.NeedsSensitiveWalk = true;
                    changed = true;
                }
            }
        }
        while (changed);

        // A user's JsonSerializerContext can serialize members this walk cannot follow. Where [Sensitive] fields are
        // involved that would lose data or leak it, so it is an error: the encrypted copy of a type with [Sensitive]
        // fields would leave such a member out, and [Sensitive] fields inside one would go out unencrypted.
        foreach (var node in _nodes.Values)
        {
            foreach (var (property, location) in node.Unwalked)
            {
                var consequence = node.NeedsSensitiveWalk
                    ? "'" + node.Symbol.Name + "' holds [Sensitive] fields, so its encrypted copy would leave this member out"
                    : HoldsSensitive(property.Type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default))
                        ? "it holds [Sensitive] fields, which would be sent and read unencrypted"
                        : null;
                if (consequence is not null)
                {
                    _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.SensitiveBehindUnwalkedMember, location ?? _fallbackLocation,
                        node.Symbol.Name + "." + property.Name, property.Type.ToDisplayString(), consequence));
                }
            }
        }

        var specs = new List<TypeSpec>(_nodes.Count);
        foreach (var node in _nodes.Values)
        {
            var name = node.Symbol.ToDisplayString(Parser.TypeFormat);
            ObjectSpec? objectSpec = null;
            if (node.Kind == JsonKind.Object)
            {
                var named = (INamedTypeSymbol)node.Symbol;
                if (node.NeedsSensitiveWalk && !(named.IsRecord || named.IsValueType || node.CanCloneWithInitializer))
                {
                    _diagnostics.Add(Parser.Diagnostic(DiagnosticDescriptors.SensitiveModelNotCopyable,
                        named.Locations.FirstOrDefault(l => l.IsInSource) ?? _fallbackLocation, named.ToDisplayString()));
                }
                objectSpec = new ObjectSpec(
                    node.Properties.Select(p => BuildProperty(p, name)).ToEquatableArray(),
                    node.ConstructorParameters.ToEquatableArray(),
                    node.UsesParameterizedConstructor,
                    named.IsRecord,
                    node.CanCloneWithInitializer);
            }
            specs.Add(new TypeSpec(
                name,
                FriendlyName(node.Symbol),
                node.Kind,
                node.Converter,
                node.Element is null ? null : Ref(node.Element),
                objectSpec,
                node.EnumMembers,
                node.Symbol.IsValueType,
                LeadsToSensitive(node.Symbol)));
        }
        specs.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        return specs.ToEquatableArray();
    }

    private PropertySpec BuildProperty(PropertyNode property, string declaringType)
    {
        var type = property.Symbol.Type;
        var sensitive = property.IsSensitiveField ? SensitiveKind.Field
            : LeadsToSensitive(type) ? SensitiveKind.Walk
            : SensitiveKind.None;
        return new PropertySpec(
            property.Symbol.Name,
            property.JsonName,
            Ref(type),
            declaringType,
            property.Setter,
            property.IsRequired,
            property.IgnoreCondition is "Always" ? null : property.IgnoreCondition,
            sensitive);
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> holds [Sensitive] fields: an object that needs a walk, or a Nullable,
    /// array, list or dictionary whose elements (or values), at any depth, do.
    /// </summary>
    private bool LeadsToSensitive(ITypeSymbol type)
        => _nodes.TryGetValue(type, out var node) && node.Kind switch
        {
            JsonKind.Object => node.NeedsSensitiveWalk,
            JsonKind.Nullable or JsonKind.Array or JsonKind.List or JsonKind.ReadOnlyList or JsonKind.Dictionary => LeadsToSensitive(node.Element!),
            _ => false,
        };

    private static TypeRef Ref(ITypeSymbol type)
        => new(type.ToDisplayString(Parser.TypeFormat), type.ToDisplayString(Parser.AnnotatedTypeFormat));

    internal static string FriendlyName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => FriendlyName(array.ElementType) + "Array",
        INamedTypeSymbol { IsGenericType: true } named => named.Name + string.Concat(named.TypeArguments.Select(FriendlyName)),
        _ => type.Name,
    };
}
