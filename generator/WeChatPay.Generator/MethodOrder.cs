using System;
using System.Collections.Generic;
using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Orders endpoints by "Name(ParameterType,…)", ordinally, so that overloads come out in a fixed order. Names are
/// compared first: no identifier character sorts before '(', so this is the order of the full keys, which are
/// built only for overloads.
/// </summary>
internal sealed class MethodOrder : IComparer<MethodSpec>
{
    public static readonly MethodOrder Instance = new();

    public int Compare(MethodSpec? x, MethodSpec? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null || y is null)
            return x is null ? -1 : 1;
        var byName = StringComparer.Ordinal.Compare(x.Name, y.Name);
        return byName != 0 ? byName : StringComparer.Ordinal.Compare(Key(x), Key(y));
    }

    private static string Key(MethodSpec method)
        => method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.AnnotatedName)) + ")";
}
