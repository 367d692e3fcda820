using System.Globalization;
using System.Text;

namespace WeChatPay;

/// <summary>
/// Escaping for request targets. Generated code and the untyped chain build paths and queries only through it,
/// so that a value can never change the route it is placed in.
/// </summary>
public static class UrlEncoding
{
    /// <summary>
    /// Escapes <paramref name="value"/> as one path segment: every character outside RFC 3986's unreserved set is
    /// percent-encoded, so <c>/</c>, <c>?</c> and <c>#</c> stay inside the segment.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The value is empty, <c>.</c> or <c>..</c>: each would change the route (URI resolution removes dot segments
    /// even when they are percent-encoded), so none is ever sent. Or it holds NUL, which servers refuse in a path
    /// even as <c>%00</c>.
    /// </exception>
    public static string EscapePathSegment(string value)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException("A path value must not be null or empty: an empty segment would change the route.", nameof(value));
        if (value is "." or "..")
            throw new ArgumentException($"The path value '{value}' is a dot segment and would change the route.", nameof(value));
        if (value.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException("A path value must not contain NUL (U+0000): servers refuse it in a path, even percent-encoded.", nameof(value));
        return Uri.EscapeDataString(value);
    }

    /// <summary>Escapes a query-string key or value (RFC 3986, spaces as <c>%20</c>).</summary>
    public static string EscapeQueryComponent(string value) => Uri.EscapeDataString(value);
}

/// <summary>
/// Builds a query string in the invariant culture. Names and values are escaped; <see langword="null"/> values
/// are left out.
/// </summary>
public struct QueryStringBuilder
{
    private StringBuilder? _builder;

    /// <summary>Adds <c>name=value</c>, unless <paramref name="value"/> is <see langword="null"/>.</summary>
    public void Add(string name, string? value)
    {
        if (value is null)
            return;
        var builder = _builder ??= new StringBuilder();
        builder.Append(builder.Length == 0 ? '?' : '&')
            .Append(UrlEncoding.EscapeQueryComponent(name))
            .Append('=')
            .Append(UrlEncoding.EscapeQueryComponent(value));
    }

    /// <summary>Adds a boolean as <c>true</c> or <c>false</c>.</summary>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a formattable value (numbers, <see cref="Guid"/>, …) in the invariant culture.</summary>
    public void Add<T>(string name, T? value) where T : struct, IFormattable
        => Add(name, value?.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Adds a <see cref="DateTimeOffset"/> in RFC 3339 form, for example <c>2015-05-20T13:29:35+08:00</c>.</summary>
    public void Add(string name, DateTimeOffset? value)
        => Add(name, value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    /// <summary>The query string, starting with <c>?</c>, or empty when nothing was added.</summary>
    public override readonly string ToString() => _builder?.ToString() ?? "";
}
