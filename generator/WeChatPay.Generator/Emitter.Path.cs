using System.Linq;
using System.Text;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>The request target: escaped path values (UrlEncoding.EscapePathSegment) followed by the query string.</summary>
internal sealed partial class Emitter
{
    /// <summary>Writes the query (when there is one) and returns the expression of the request target.</summary>
    private string EmitTarget(MethodSpec method)
    {
        var hasQuery = EmitQuery(method);
        var parts = new StringBuilder();
        foreach (var part in method.Path)
        {
            if (parts.Length > 0)
                parts.Append(" + ");
            if (!part.IsPlaceholder)
            {
                parts.Append(Quote(part.Text));
                continue;
            }
            var parameter = method.Parameters.First(p => p.Role == ParameterRole.Path && p.WireName == part.Text);
            parts.Append("global::WeChatPay.UrlEncoding.EscapePathSegment(").Append(FormatRequired(parameter)).Append(')');
        }
        if (hasQuery)
            parts.Append(parts.Length > 0 ? " + __query.ToString()" : "__query.ToString()");
        _w.Line("var __target = " + (parts.Length == 0 ? "\"\"" : parts.ToString()) + ";");
        return "__target";
    }

    /// <summary>A scalar formatted as text in the invariant culture; a null value throws, since a path needs every value.</summary>
    private string FormatRequired(ParameterSpec parameter)
    {
        var name = Escape(parameter.Name);
        var scalar = parameter.Scalar!;
        if (scalar.Kind == ScalarKind.String)
            return parameter.IsNullable ? "(" + name + " ?? throw new global::System.ArgumentNullException(nameof(" + name + ")))" : name;
        var value = scalar.IsNullableValueType
            ? "(" + name + " ?? throw new global::System.ArgumentNullException(nameof(" + name + ")))"
            : name;
        return FormatScalar(scalar, value);
    }

    /// <summary>Formats a non-null scalar value expression as a string.</summary>
    private string FormatScalar(ScalarSpec scalar, string value) => scalar.Kind switch
    {
        ScalarKind.String => value,
        ScalarKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        ScalarKind.Formattable => value + ".ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)",
        ScalarKind.DateTimeOffset or ScalarKind.DateTime => "global::WeChatPay.Json.Rfc3339.Format(" + value + ")",
        _ => "Spell_" + Id(scalar.TypeName) + "(" + value + ")",
    };
}
