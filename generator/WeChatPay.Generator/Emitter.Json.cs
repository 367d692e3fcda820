using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// The JSON metadata: a JsonSerializerContext per interface built through JsonMetadataServices, because the
/// System.Text.Json generator cannot see generated code. Covers every type the interface reaches; property names
/// are fixed at generation time (snake_case_lower unless [JsonPropertyName]); nulls are not written; unknown
/// properties are skipped (WeChat Pay adds fields over time).
/// </summary>
internal sealed partial class Emitter
{
    private void EmitJsonContext()
    {
        // UnsafeRelaxedJsonEscaping: UTF-8 as WeChat Pay's own SDKs send it, Chinese text and '+' in offsets stay
        // readable, not \uXXXX.
        _w.Lines($$"""
            /// <summary>JSON metadata for every type that <see cref="{{_spec.FullyQualifiedName}}"/> sends or receives; reflection-free and trim-safe.</summary>
            {{s_generatedCode}}
            """);
        _w.Open("internal sealed class " + ContextName + " : " + JsonSerializerContext + ", " + IJsonTypeInfoResolver);
        _w.Lines($$"""
            private static readonly {{JsonSerializerOptions}} s_defaultOptions = new {{JsonSerializerOptions}}
            {
                DefaultIgnoreCondition = {{JsonIgnoreCondition}}.WhenWritingNull,
                Encoder = {{JavaScriptEncoder}}.UnsafeRelaxedJsonEscaping,
            };

            /// <summary>The context over its default options.</summary>
            public static {{ContextName}} Default { get; } = new {{ContextName}}(new {{JsonSerializerOptions}}(s_defaultOptions));

            /// <summary>Creates the context over <paramref name="options"/>, which it makes its resolver.</summary>
            public {{ContextName}}({{JsonSerializerOptions}} options) : base(options)
            {
            }

            /// <inheritdoc/>
            protected override {{JsonSerializerOptions}}? GeneratedSerializerOptions => s_defaultOptions;

            /// <inheritdoc/>
            public override {{JsonTypeInfo}}? GetTypeInfo(global::System.Type type)
            {
                Options.TryGetTypeInfo(type, out var typeInfo);
                return typeInfo;
            }

            """);
        _w.Open(JsonTypeInfo + "? " + IJsonTypeInfoResolver + ".GetTypeInfo(global::System.Type type, " + JsonSerializerOptions + " options)");
        foreach (var type in _spec.Types)
        {
            _w.Line("if (type == typeof(" + type.Name + "))");
            _w.Indent().Line("return Create_" + Id(type.Name) + "(options);").Outdent();
        }
        _w.Line("return null;");
        _w.Close();

        foreach (var type in _spec.Types)
        {
            _w.Line();
            EmitTypeInfo(type);
        }
        _w.Close();
    }

    private void EmitTypeInfo(TypeSpec type)
    {
        var id = Id(type.Name);
        var t = type.Name;
        var e = type.Element?.Name;
        var collectionValues = JsonMetadata + "JsonCollectionInfoValues<" + t + ">";
        _w.Open($"private {JsonTypeInfo}<{t}> Create_{id}({JsonSerializerOptions} options)");
        switch (type.Kind)
        {
            case JsonKind.Builtin:
            case JsonKind.RuntimeConverter:
                _w.Line($"var typeInfo = {JsonMetadataServices}.CreateValueInfo<{t}>(options, {type.Converter});");
                break;
            case JsonKind.Enum:
                _w.Line($"var typeInfo = {JsonMetadataServices}.CreateValueInfo<{t}>(options, new global::WeChatPay.Json.JsonEnumStringConverter<{t}>(new[]");
                _w.Line("{").Indent();
                foreach (var member in DistinctMembers(type.EnumMembers))
                    _w.Line($"new global::System.Collections.Generic.KeyValuePair<{t}, string>({t}.{Escape(member.Name)}, {Quote(member.WireName)}),");
                _w.Outdent().Line("}));");
                break;
            case JsonKind.Nullable:
                _w.Line($"var typeInfo = {JsonMetadataServices}.CreateValueInfo<{t}>(options, {JsonMetadataServices}.GetNullableConverter<{e}>(options));");
                break;
            case JsonKind.Array:
                _w.Line($"var typeInfo = {JsonMetadataServices}.CreateArrayInfo<{e}>(options, new {collectionValues}());");
                break;
            case JsonKind.List:
                _w.Lines($$"""
                    var typeInfo = {{JsonMetadataServices}}.CreateListInfo<{{t}}, {{e}}>(options, new {{collectionValues}}
                    {
                        ObjectCreator = static () => new {{t}}(),
                    });
                    """);
                break;
            case JsonKind.ReadOnlyList:
                // Read as List<T>, which implements IReadOnlyList<T>.
                _w.Line($"var typeInfo = {JsonMetadataServices}.CreateIEnumerableInfo<{t}, {e}>(options, new {collectionValues}());");
                break;
            case JsonKind.Dictionary:
                _w.Lines($$"""
                    var typeInfo = {{JsonMetadataServices}}.CreateDictionaryInfo<{{t}}, string, {{e}}>(options, new {{collectionValues}}
                    {
                        ObjectCreator = static () => new {{t}}(),
                    });
                    """);
                break;
            case JsonKind.Object:
                EmitObjectInfo(type, type.Object!);
                break;
        }
        _w.Line("typeInfo.OriginatingResolver = this;");
        _w.Line("return typeInfo;");
        _w.Close();
        if (type.Kind == JsonKind.Object)
        {
            _w.Line();
            EmitProperties(type, type.Object!);
            if (type.Object!.UsesParameterizedConstructor)
            {
                _w.Line();
                EmitConstructorParameters(type, type.Object!);
            }
        }
    }

    private void EmitObjectInfo(TypeSpec type, ObjectSpec o)
    {
        var id = Id(type.Name);
        _w.Line("var typeInfo = " + JsonMetadataServices + ".CreateObjectInfo<" + type.Name + ">(options, new " + JsonMetadata + "JsonObjectInfoValues<" + type.Name + ">");
        _w.Line("{").Indent();
        if (o.UsesParameterizedConstructor)
        {
            var arguments = o.ConstructorParameters
                .Select((p, i) => (p, i))
                .Where(x => !x.p.IsMemberInitializer)
                .Select(x => "(" + x.p.Type.AnnotatedName + ")args[" + x.i + "]!");
            var initializers = o.ConstructorParameters
                .Select((p, i) => (p, i))
                .Where(x => x.p.IsMemberInitializer)
                .Select(x => Escape(x.p.PropertyName!) + " = (" + x.p.Type.AnnotatedName + ")args[" + x.i + "]!")
                .ToList();
            var creator = "new " + type.Name + "(" + string.Join(", ", arguments) + ")" + (initializers.Count > 0 ? " { " + string.Join(", ", initializers) + " }" : "");
            _w.Line("ObjectWithParameterizedConstructorCreator = static args => " + creator + ",");
            _w.Line("ConstructorParameterMetadataInitializer = " + id + "_Parameters,");
        }
        else
        {
            _w.Line("ObjectCreator = static () => new " + type.Name + "(),");
        }
        _w.Line("PropertyMetadataInitializer = _ => " + id + "_Properties(options),");
        _w.Outdent().Line("});");
    }

    private void EmitProperties(TypeSpec type, ObjectSpec o)
    {
        var id = Id(type.Name);
        _w.Open("private static " + JsonPropertyInfo + "[] " + id + "_Properties(" + JsonSerializerOptions + " options)");
        _w.Line("var properties = new " + JsonPropertyInfo + "[" + o.Properties.Count + "];");
        for (var i = 0; i < o.Properties.Count; i++)
        {
            var p = o.Properties[i];
            var name = Escape(p.Name);
            var instance = type.IsValueType
                ? "global::System.Runtime.CompilerServices.Unsafe.Unbox<" + type.Name + ">(obj)"
                : "((" + type.Name + ")obj)";
            // Init-only members are filled through the parameterized creator; System.Text.Json still needs a
            // setter to treat them as deserializable, so theirs only explains itself if ever called.
            var setter = p.Setter switch
            {
                SetterKind.Set => "static (obj, value) => " + instance + "." + name + " = value!",
                SetterKind.Init => "static (obj, value) => throw new " + InvalidOperationException + "(" + Quote("The init-only property " + p.Name + " is set through the constructor.") + ")",
                _ => "null",
            };
            var ignoreCondition = p.IgnoreCondition is null ? "null" : JsonIgnoreCondition + "." + p.IgnoreCondition;
            _w.Lines($$"""
                properties[{{i}}] = {{JsonMetadataServices}}.CreatePropertyInfo<{{p.Type.AnnotatedName}}>(options, new {{JsonMetadata}}JsonPropertyInfoValues<{{p.Type.AnnotatedName}}>
                {
                    IsProperty = true,
                    IsPublic = true,
                    IsVirtual = false,
                    DeclaringType = typeof({{p.DeclaringType}}),
                    Converter = null,
                    Getter = static obj => (({{type.Name}})obj).{{name}},
                    Setter = {{setter}},
                    IgnoreCondition = {{ignoreCondition}},
                    HasJsonInclude = false,
                    IsExtensionData = false,
                    NumberHandling = null,
                    PropertyName = {{Quote(p.Name)}},
                    JsonPropertyName = {{Quote(p.JsonName)}},
                });
                """);
            if (p.IsRequired)
                _w.Line("properties[" + i + "].IsRequired = true;");
        }
        _w.Line("return properties;");
        _w.Close();
    }

    private void EmitConstructorParameters(TypeSpec type, ObjectSpec o)
    {
        _w.Line("private static " + JsonParameterInfoValues + "[] " + Id(type.Name) + "_Parameters() => new " + JsonParameterInfoValues + "[]");
        _w.Line("{").Indent();
        for (var i = 0; i < o.ConstructorParameters.Count; i++)
        {
            var p = o.ConstructorParameters[i];
            _w.Lines($$"""
                new {{JsonParameterInfoValues}}
                {
                    Name = {{Quote(p.Name)}},
                    ParameterType = typeof({{p.Type.Name}}),
                    Position = {{i}},
                    HasDefaultValue = {{(p.DefaultValueLiteral is null ? "false" : "true")}},
                    DefaultValue = {{p.DefaultValueLiteral ?? "null"}},
                },
                """);
        }
        _w.Outdent().Line("};");
    }
}
