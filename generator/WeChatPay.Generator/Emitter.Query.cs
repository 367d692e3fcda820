using System.Collections.Generic;
using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// The query string (QueryStringBuilder: invariant culture, nulls left out, model parameters flattened by their
/// JSON names), request headers, and the enum spellers they share.
/// </summary>
internal sealed partial class Emitter
{
    private bool EmitQuery(MethodSpec method)
    {
        var query = method.Parameters.Where(p => p.Role is ParameterRole.Query or ParameterRole.QueryModel).ToList();
        if (query.Count == 0)
            return false;
        _w.Line("var __query = new global::WeChatPay.QueryStringBuilder();");
        foreach (var parameter in query)
        {
            var name = Escape(parameter.Name);
            if (parameter.Role == ParameterRole.Query)
            {
                _w.Line(PagingQueryLine(method, parameter, null) ?? AddToQuery(parameter.WireName, name, parameter.Scalar!));
                continue;
            }
            // A model: each property by its JSON name; a null model adds nothing (but a paged method's offset and limit).
            var fields = parameter.QueryFields.Where(f => PagingQueryLine(method, parameter, f.PropertyName) is null).ToList();
            if (fields.Count > 0)
            {
                _w.Open("if (" + name + " is not null)");
                foreach (var field in fields)
                    _w.Line(AddToQuery(field.WireName, name + "." + Escape(field.PropertyName), field.Scalar));
                _w.Close();
            }
            foreach (var field in parameter.QueryFields)
            {
                if (PagingQueryLine(method, parameter, field.PropertyName) is { } line)
                    _w.Line(line);
            }
        }
        return true;
    }

    private string AddToQuery(string wireName, string value, ScalarSpec scalar)
    {
        var key = Quote(wireName);
        switch (scalar.Kind)
        {
            case ScalarKind.String:
            case ScalarKind.Boolean:
            case ScalarKind.DateTimeOffset:
                return "__query.Add(" + key + ", " + value + ");";
            case ScalarKind.Formattable:
                return "__query.Add<" + scalar.TypeName + ">(" + key + ", " + value + ");";
            default:
                // DateTime and enums become text first; a null Nullable<T> is left out.
                return scalar.IsNullableValueType
                    ? "__query.Add(" + key + ", " + value + ".HasValue ? " + FormatScalar(scalar, value + ".Value") + " : null);"
                    : "__query.Add(" + key + ", " + FormatScalar(scalar, value) + ");";
        }
    }

    private bool EmitHeaders(MethodSpec method)
    {
        var headers = method.Parameters.Where(p => p.Role == ParameterRole.Header).ToList();
        if (headers.Count == 0)
            return false;
        _w.Line("var __headers = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>(" + headers.Count + ");");
        foreach (var header in headers)
        {
            var name = Escape(header.Name);
            var scalar = header.Scalar!;
            var canBeNull = header.IsNullable || (scalar.Kind == ScalarKind.String);
            var value = scalar.IsNullableValueType ? name + ".Value" : name;
            var add = "__headers.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(" + Quote(header.WireName) + ", " + FormatScalar(scalar, value) + "));";
            if (canBeNull)
            {
                _w.Line("if (" + name + " is not null)");
                _w.Indent().Line(add).Outdent();
            }
            else
            {
                _w.Line(add);
            }
        }
        return true;
    }

    /// <summary>One speller per enum used in a path, query or header: its wire name, never a number.</summary>
    private void EmitEnumSpellers()
    {
        var enums = new SortedDictionary<string, ScalarSpec>(System.StringComparer.Ordinal);
        foreach (var method in _spec.Methods)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Scalar is { Kind: ScalarKind.Enum } scalar)
                    enums[scalar.TypeName] = scalar;
                foreach (var field in parameter.QueryFields)
                {
                    if (field.Scalar.Kind == ScalarKind.Enum)
                        enums[field.Scalar.TypeName] = field.Scalar;
                }
            }
        }
        foreach (var pair in enums)
        {
            _w.Line();
            _w.Line("private static string Spell_" + Id(pair.Key) + "(" + pair.Key + " value) => value switch");
            _w.Line("{").Indent();
            foreach (var member in DistinctMembers(pair.Value.EnumMembers))
                _w.Line(pair.Key + "." + Escape(member.Name) + " => " + Quote(member.WireName) + ",");
            _w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, " + Quote("Not a member of " + pair.Key.Replace("global::", "") + ".") + "),");
            _w.Outdent().Line("};");
        }
    }

    private static IEnumerable<EnumMemberSpec> DistinctMembers(EquatableArray<EnumMemberSpec> members)
        => members.GroupBy(m => m.Name, System.StringComparer.Ordinal).Select(g => g.First());
}
