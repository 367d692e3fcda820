using System.Collections.Generic;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Path templates: <c>v3/…/stocks/{stock_id}/couponcodes</c> or <c>…/&lt;stock_id&gt;/…</c>.</summary>
internal static partial class Parser
{
    /// <summary>
    /// Splits <paramref name="template"/> into literal text and placeholders. Returns an error (for WCP0009) when
    /// the template is empty, absolute, holds whitespace, a query or fragment, or unbalanced braces/angle brackets.
    /// </summary>
    public static string? TryParsePath(string? template, out List<PathPartSpec> parts)
    {
        parts = new List<PathPartSpec>();
        if (template is null || template.Length == 0 || template == "/")
            return "it is empty; write the path relative to the base address, for example 'v3/marketing/busifavor/stocks'";
        if (template.Contains("://") || template.StartsWith("//", System.StringComparison.Ordinal))
            return "it is an absolute URL; write it relative to WeChatPayOptions.BaseAddress, for example 'v3/certificates'";
        foreach (var c in template)
        {
            if (char.IsWhiteSpace(c))
                return "it contains whitespace; remove it";
            if (c is '?' or '#')
                return $"it contains '{c}'; bind query values with parameters instead";
        }

        var start = template[0] == '/' ? 1 : 0;
        var literal = new System.Text.StringBuilder();
        for (var i = start; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '<')
            {
                var close = c == '{' ? '}' : '>';
                var end = template.IndexOf(close, i + 1);
                var nextOpen = template.IndexOfAny(new[] { '{', '<', '}', '>' }, i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end))
                    return $"the '{c}' at position {i} is not closed by '{close}'";
                var name = template.Substring(i + 1, end - i - 1);
                if (!IsPlaceholderName(name))
                    return $"the placeholder '{c}{name}{close}' is not a valid name; use letters, digits and '_'";
                if (literal.Length > 0)
                {
                    parts.Add(new PathPartSpec(false, literal.ToString()));
                    literal.Clear();
                }
                parts.Add(new PathPartSpec(true, name));
                i = end;
            }
            else if (c is '}' or '>')
            {
                return $"the '{c}' at position {i} closes nothing";
            }
            else
            {
                literal.Append(c);
            }
        }
        if (literal.Length > 0)
            parts.Add(new PathPartSpec(false, literal.ToString()));
        return null;
    }

    private static bool IsPlaceholderName(string name)
    {
        if (name.Length == 0)
            return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
                return false;
        }
        return true;
    }
}
