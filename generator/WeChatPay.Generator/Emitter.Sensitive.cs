using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// [Sensitive] fields, per type and without reflection. One helper per model type returns a shallow copy whose
/// sensitive strings went through a transform: <c>PlatformKey.Encrypt</c> on requests (so the caller's object is
/// never changed) and <c>WeChatPayClient.DecryptSensitive</c> on responses. Records and structs are copied with
/// <c>with</c>; other classes with an object initializer over their settable and init properties. Nested models,
/// Nullable&lt;struct&gt;, arrays, List&lt;T&gt; and IReadOnlyList&lt;T&gt; of models are walked; dictionaries are not.
/// </summary>
internal sealed partial class Emitter
{
    private void EmitSensitiveHelpers()
    {
        foreach (var type in _spec.Types)
        {
            if (!type.NeedsSensitiveWalk || type.Object is null)
                continue;
            var o = type.Object;
            _w.Line();
            _w.Line("private static " + type.Name + " Sensitive_" + Id(type.Name) + "(" + type.Name + " value, global::System.Func<string, string> transform)");
            var useWith = o.IsRecord || type.IsValueType;
            _w.Indent().Line(useWith ? "=> value with" : "=> new " + type.Name);
            _w.Line("{").Indent();
            foreach (var property in o.Properties)
            {
                if (property.Setter == SetterKind.None)
                    continue;
                var source = "value." + Escape(property.Name);
                var expression = SensitiveExpression(property, source);
                if (expression is null && useWith)
                    continue;
                _w.Line(Escape(property.Name) + " = " + (expression ?? source) + ",");
            }
            _w.Outdent().Line("};").Outdent();
        }
    }

    private string? SensitiveExpression(PropertySpec property, string source)
    {
        switch (property.Sensitive)
        {
            case SensitiveKind.Field:
                return "global::WeChatPay.Json.SensitiveFields.Transform(" + source + ", transform)";
            case SensitiveKind.Object:
                var helper = "Sensitive_" + Id(property.Type);
                return property.IsValueType
                    ? helper + "(" + source + ", transform)"
                    : source + " is null ? null! : " + helper + "(" + source + ", transform)";
            case SensitiveKind.NullableStruct:
                return source + ".HasValue ? Sensitive_" + Id(property.SensitiveElementType!) + "(" + source + ".Value, transform) : " + source;
            case SensitiveKind.Collection:
                var element = property.SensitiveElementType!;
                var elementName = StripAnnotation(element);
                return "global::WeChatPay.Json.SensitiveFields.Map<" + element + ">(" + source + ", item => Sensitive_" + Id(elementName) + "(item!, transform))";
            default:
                return null;
        }
    }

    /// <summary>The type name without a top-level nullable annotation (<c>global::A.Item?</c> → <c>global::A.Item</c>).</summary>
    private string StripAnnotation(string display)
    {
        if (_types.ContainsKey(display))
            return display;
        return display.EndsWith("?", System.StringComparison.Ordinal) ? display.Substring(0, display.Length - 1) : display;
    }
}
