using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// [Sensitive] fields, per type and without reflection. One helper per model type returns a shallow copy whose
/// sensitive strings went through a transform: <c>PlatformKey.Encrypt</c> on requests (so the caller's object is
/// never changed) and <c>WeChatPayClient.DecryptSensitive</c> on responses. Records and structs are copied with
/// <c>with</c>; other classes with an object initializer over their settable and init properties. Nested models,
/// Nullable&lt;struct&gt;, and arrays, List&lt;T&gt;, IReadOnlyList&lt;T&gt; and Dictionary&lt;string, T&gt; values of
/// them, nested to any depth, are walked, in properties and as the body or result itself.
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

    private string? SensitiveExpression(PropertySpec property, string source) => property.Sensitive switch
    {
        SensitiveKind.Field => "global::WeChatPay.Json.SensitiveFields.Transform(" + source + ", transform)",
        SensitiveKind.Walk => Walk(property.Type.Name, source, "transform", sourceIsNotNull: false),
        _ => null,
    };

    /// <summary>
    /// The expression that applies <paramref name="transform"/> to every [Sensitive] field inside <paramref name="source"/>,
    /// a value of type <paramref name="typeName"/> (one whose <see cref="TypeSpec.NeedsSensitiveWalk"/>), and yields the copy:
    /// an object goes through its helper, a Nullable&lt;struct&gt; when it has a value, and an array, list or
    /// dictionary through <c>SensitiveFields.Map</c>, element by element, at any depth.
    /// </summary>
    private string Walk(string typeName, string source, string transform, bool sourceIsNotNull, int depth = 0)
    {
        var type = Find(typeName)!;
        switch (type.Kind)
        {
            case JsonKind.Object:
                var call = "Sensitive_" + Id(type.Name) + "(" + source + ", " + transform + ")";
                return type.IsValueType || sourceIsNotNull ? call : source + " is null ? null! : " + call;
            case JsonKind.Nullable:
                return source + ".HasValue ? Sensitive_" + Id(type.Element!.Name) + "(" + source + ".Value, " + transform + ") : " + source;
            default:
                // Map skips null elements, so each element it maps is not null.
                var item = depth == 0 ? "item" : "item" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return "global::WeChatPay.Json.SensitiveFields.Map<" + type.Element!.AnnotatedName + ">(" + source + ", " + item + " => "
                    + Walk(type.Element.Name, item + "!", transform, sourceIsNotNull: true, depth + 1) + ")";
        }
    }
}
