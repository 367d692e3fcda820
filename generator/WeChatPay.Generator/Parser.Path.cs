using System.Collections.Generic;
using System.Collections.Immutable;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Path templates: <c>v3/…/stocks/{stock_id}/couponcodes</c> or <c>…/&lt;stock_id&gt;/…</c>.</summary>
internal static partial class Parser
{
    private static readonly char[] s_delimiters = { '{', '<', '}', '>' };

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
        var literalStart = start;
        for (var i = start; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '<')
            {
                var close = c == '{' ? '}' : '>';
                var end = template.IndexOf(close, i + 1);
                var nextOpen = template.IndexOfAny(s_delimiters, i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end))
                    return $"the '{c}' at position {i} is not closed by '{close}'";
                var name = template.Substring(i + 1, end - i - 1);
                if (!IsPlaceholderName(name))
                    return $"the placeholder '{c}{name}{close}' is not a valid name; use letters, digits and '_'";
                if (i > literalStart)
                    parts.Add(new PathPartSpec(false, template.Substring(literalStart, i - literalStart)));
                parts.Add(new PathPartSpec(true, name));
                i = end;
                literalStart = end + 1;
            }
            else if (c is '}' or '>')
            {
                return $"the '{c}' at position {i} closes nothing";
            }
        }
        if (template.Length > literalStart)
            parts.Add(new PathPartSpec(false, template.Substring(literalStart)));
        return null;
    }

    /// <summary>A parsed path template: its parts and placeholder names, or the reason it is invalid.</summary>
    internal sealed class ParsedPath
    {
        public ParsedPath(string? error, EquatableArray<PathPartSpec> parts, ImmutableArray<string> placeholders)
        {
            Error = error;
            Parts = parts;
            Placeholders = placeholders;
        }

        public string? Error { get; }

        public EquatableArray<PathPartSpec> Parts { get; }

        /// <summary>The placeholder names in order (repeats kept, for WCP0010).</summary>
        public ImmutableArray<string> Placeholders { get; }
    }

    /// <summary>Parses <paramref name="template"/> (see <see cref="TryParsePath"/>); shared per compilation by <see cref="ParseCache.Path"/>.</summary>
    internal static ParsedPath ParsePath(string? template)
    {
        var error = TryParsePath(template, out var parts);
        var placeholders = ImmutableArray.CreateBuilder<string>();
        foreach (var part in parts)
        {
            if (part.IsPlaceholder)
                placeholders.Add(part.Text);
        }
        return new ParsedPath(error, error is null ? parts.ToEquatableArray() : EquatableArray<PathPartSpec>.Empty, placeholders.ToImmutable());
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
