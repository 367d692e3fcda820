using System.Globalization;
using System.Text;

namespace Busifavor.Output;

/// <summary>
/// A plain-text table with box-drawing borders. Widths count East Asian wide characters (中文 error messages) as
/// two columns, so the borders line up in a terminal.
/// </summary>
public sealed class Table
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public Table(params string[] headers) => _headers = headers;


    /// <summary>The widest a cell may be, in terminal columns; longer text wraps onto more lines.</summary>
    public int MaxWidth { get; init; } = int.MaxValue;

    public Table Add(params string?[] cells)
    {
        if (cells.Length != _headers.Length)
            throw new ArgumentException($"A row needs {_headers.Length} cells; got {cells.Length}.", nameof(cells));
        var wrapped = Array.ConvertAll(cells, c => Wrap(c ?? ""));
        var height = wrapped.Max(static lines => lines.Count);
        for (var line = 0; line < height; line++)
            _rows.Add(Array.ConvertAll(wrapped, lines => line < lines.Count ? lines[line] : ""));
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        var widths = new int[_headers.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = DisplayWidth(_headers[i]);
            foreach (var row in _rows)
                widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
        }

        writer.WriteLine(indent + Border('┌', '┬', '┐', widths));
        writer.WriteLine(indent + Line(_headers, widths));
        writer.WriteLine(indent + Border('├', '┼', '┤', widths));
        foreach (var row in _rows)
            writer.WriteLine(indent + Line(row, widths));
        writer.WriteLine(indent + Border('└', '┴', '┘', widths));
    }

    private static string Border(char left, char middle, char right, int[] widths)
    {
        var builder = new StringBuilder().Append(left);
        for (var i = 0; i < widths.Length; i++)
            builder.Append('─', widths[i] + 2).Append(i == widths.Length - 1 ? right : middle);
        return builder.ToString();
    }

    private static string Line(string[] cells, int[] widths)
    {
        var builder = new StringBuilder().Append('│');
        for (var i = 0; i < cells.Length; i++)
            builder.Append(' ').Append(cells[i]).Append(' ', widths[i] - DisplayWidth(cells[i]) + 1).Append('│');
        return builder.ToString();
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <see cref="MaxWidth"/> columns, at a space when one is near.</summary>
    private List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var width = 0;
        var lastSpace = -1;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            var elementWidth = DisplayWidth(element);
            if (width + elementWidth > MaxWidth && line.Length > 0)
            {
                var cut = lastSpace > line.Length / 2 ? lastSpace : line.Length;
                lines.Add(line.ToString(0, cut).TrimEnd());
                var rest = line.ToString(cut, line.Length - cut).TrimStart();
                line.Clear().Append(rest);
                width = DisplayWidth(rest);
                lastSpace = -1;
            }
            if (element == " ")
                lastSpace = line.Length;
            line.Append(element);
            width += elementWidth;
        }
        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The number of terminal columns <paramref name="text"/> takes.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var rune = Rune.GetRuneAt((string)enumerator.Current, 0);
            width += IsWide(rune.Value) ? 2 : 1;
        }
        return width;
    }

    // The wide ranges that occur in WeChat Pay messages: CJK ideographs and symbols, Hangul, full-width forms.
    private static bool IsWide(int codePoint) => codePoint is
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or
        (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or
        (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
