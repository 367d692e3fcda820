using System.Text;

namespace WeChatPay.Generator;

/// <summary>A StringBuilder with indentation: one line at a time, four spaces per level, '\n' line ends.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
            _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes a multi-line template (a raw string literal) line by line at the current indentation. A template's own
    /// line ends do not matter: '\r' is dropped, so a checkout with CRLF files emits the same text.
    /// </summary>
    public SourceWriter Lines(string template)
    {
        // Appends each line in place rather than splitting the template into strings.
        for (var start = 0; start <= template.Length;)
        {
            var end = template.IndexOf('\n', start);
            if (end < 0)
                end = template.Length;
            var length = end - start;
            if (length > 0 && template[end - 1] == '\r')
                length--;
            if (length > 0)
                _builder.Append(' ', _indent * 4).Append(template, start, length);
            _builder.Append('\n');
            start = end + 1;
        }
        return this;
    }

    /// <summary>Writes <paramref name="text"/> and opens a block.</summary>
    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Closes a block, optionally with a suffix such as <c>;</c>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    public override string ToString() => _builder.ToString();
}
