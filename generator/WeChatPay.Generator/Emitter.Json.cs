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
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";
    private const string Services = JsonMetadata + "JsonMetadataServices";

    private void EmitJsonContext()
    {
        _w.Line("/// <summary>JSON metadata for every type that <see cref=\"" + _spec.FullyQualifiedName + "\"/> sends or receives; reflection-free and trim-safe.</summary>");
        _w.Line(s_generatedCode);
        _w.Open("internal sealed class " + ContextName + " : global::System.Text.Json.Serialization.JsonSerializerContext, " + JsonMetadata + "IJsonTypeInfoResolver");
        _w.Line("private static readonly " + Options + " s_defaultOptions = new " + Options);
        _w.Line("{").Indent();
        _w.Line("DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,");
        // UTF-8 as WeChat Pay's own SDKs send it: Chinese text and '+' in offsets stay readable, not \uXXXX.
        _w.Line("Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,");
        _w.Outdent().Line("};");
        _w.Line();
        _w.Line("/// <summary>The context over its default options.</summary>");
        _w.Line("public static " + ContextName + " Default { get; } = new " + ContextName + "(new " + Options + "(s_defaultOptions));");
        _w.Line();
        _w.Line("/// <summary>Creates the context over <paramref name=\"options\"/>, which it makes its resolver.</summary>");
        _w.Line("public " + ContextName + "(" + Options + " options) : base(options)");
        _w.Line("{");
        _w.Line("}");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Line("protected override " + Options + "? GeneratedSerializerOptions => s_defaultOptions;");
        _w.Line();
        _w.Line("/// <inheritdoc/>");
        _w.Open("public override " + JsonMetadata + "JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        _w.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        _w.Line("return typeInfo;");
        _w.Close();
        _w.Line();
        _w.Open(JsonMetadata + "JsonTypeInfo? " + JsonMetadata + "IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Options + " options)");
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
        _w.Open("private " + JsonMetadata + "JsonTypeInfo<" + type.Name + "> Create_" + id + "(" + Options + " options)");
        var e = type.Element?.Name;
        switch (type.Kind)
        {
            case JsonKind.Builtin:
            case JsonKind.RuntimeConverter:
                _w.Line("var typeInfo = " + Services + ".CreateValueInfo<" + type.Name + ">(options, " + type.Converter + ");");
                break;
            case JsonKind.Enum:
                _w.Line("var typeInfo = " + Services + ".CreateValueInfo<" + type.Name + ">(options, new global::WeChatPay.Json.JsonEnumStringConverter<" + type.Name + ">(new[]");
                _w.Line("{").Indent();
                foreach (var member in DistinctMembers(type.EnumMembers))
                    _w.Line("new global::System.Collections.Generic.KeyValuePair<" + type.Name + ", string>(" + type.Name + "." + Escape(member.Name) + ", " + Quote(member.WireName) + "),");
                _w.Outdent().Line("}));");
                break;
            case JsonKind.Nullable:
                _w.Line("var typeInfo = " + Services + ".CreateValueInfo<" + type.Name + ">(options, " + Services + ".GetNullableConverter<" + e + ">(options));");
                break;
            case JsonKind.Array:
                _w.Line("var typeInfo = " + Services + ".CreateArrayInfo<" + e + ">(options, new " + JsonMetadata + "JsonCollectionInfoValues<" + type.Name + ">());");
                break;
            case JsonKind.List:
                _w.Line("var typeInfo = " + Services + ".CreateListInfo<" + type.Name + ", " + e + ">(options, new " + JsonMetadata + "JsonCollectionInfoValues<" + type.Name + ">");
                _w.Line("{").Indent().Line("ObjectCreator = static () => new " + type.Name + "(),").Outdent().Line("});");
                break;
            case JsonKind.ReadOnlyList:
                // Read as List<T>, which implements IReadOnlyList<T>.
                _w.Line("var typeInfo = " + Services + ".CreateIEnumerableInfo<" + type.Name + ", " + e + ">(options, new " + JsonMetadata + "JsonCollectionInfoValues<" + type.Name + ">());");
                break;
            case JsonKind.Dictionary:
                _w.Line("var typeInfo = " + Services + ".CreateDictionaryInfo<" + type.Name + ", string, " + e + ">(options, new " + JsonMetadata + "JsonCollectionInfoValues<" + type.Name + ">");
                _w.Line("{").Indent().Line("ObjectCreator = static () => new " + type.Name + "(),").Outdent().Line("});");
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
        _w.Line("var typeInfo = " + Services + ".CreateObjectInfo<" + type.Name + ">(options, new " + JsonMetadata + "JsonObjectInfoValues<" + type.Name + ">");
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
        _w.Open("private static " + JsonMetadata + "JsonPropertyInfo[] " + id + "_Properties(" + Options + " options)");
        _w.Line("var properties = new " + JsonMetadata + "JsonPropertyInfo[" + o.Properties.Count + "];");
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
                SetterKind.Init => "static (obj, value) => throw new global::System.InvalidOperationException(" + Quote("The init-only property " + p.Name + " is set through the constructor.") + ")",
                _ => "null",
            };
            _w.Line("properties[" + i + "] = " + Services + ".CreatePropertyInfo<" + p.Type.AnnotatedName + ">(options, new " + JsonMetadata + "JsonPropertyInfoValues<" + p.Type.AnnotatedName + ">");
            _w.Line("{").Indent();
            _w.Line("IsProperty = true,");
            _w.Line("IsPublic = true,");
            _w.Line("IsVirtual = false,");
            _w.Line("DeclaringType = typeof(" + p.DeclaringType + "),");
            _w.Line("Converter = null,");
            _w.Line("Getter = static obj => ((" + type.Name + ")obj)." + name + ",");
            _w.Line("Setter = " + setter + ",");
            _w.Line("IgnoreCondition = " + (p.IgnoreCondition is null ? "null" : "global::System.Text.Json.Serialization.JsonIgnoreCondition." + p.IgnoreCondition) + ",");
            _w.Line("HasJsonInclude = false,");
            _w.Line("IsExtensionData = false,");
            _w.Line("NumberHandling = null,");
            _w.Line("PropertyName = " + Quote(p.Name) + ",");
            _w.Line("JsonPropertyName = " + Quote(p.JsonName) + ",");
            _w.Outdent().Line("});");
            if (p.IsRequired)
                _w.Line("properties[" + i + "].IsRequired = true;");
        }
        _w.Line("return properties;");
        _w.Close();
    }

    private void EmitConstructorParameters(TypeSpec type, ObjectSpec o)
    {
        _w.Line("private static " + JsonMetadata + "JsonParameterInfoValues[] " + Id(type.Name) + "_Parameters() => new " + JsonMetadata + "JsonParameterInfoValues[]");
        _w.Line("{").Indent();
        for (var i = 0; i < o.ConstructorParameters.Count; i++)
        {
            var p = o.ConstructorParameters[i];
            _w.Line("new " + JsonMetadata + "JsonParameterInfoValues");
            _w.Line("{").Indent();
            _w.Line("Name = " + Quote(p.Name) + ",");
            _w.Line("ParameterType = typeof(" + p.Type.Name + "),");
            _w.Line("Position = " + i + ",");
            _w.Line("HasDefaultValue = " + (p.DefaultValueLiteral is null ? "false" : "true") + ",");
            _w.Line("DefaultValue = " + (p.DefaultValueLiteral ?? "null") + ",");
            _w.Outdent().Line("},");
        }
        _w.Outdent().Line("};");
    }
}
