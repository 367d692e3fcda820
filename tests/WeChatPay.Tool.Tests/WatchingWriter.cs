using System.Text;

namespace WeChatPay.Tool.Tests;

/// <summary>A thread-safe text writer that completes <see cref="Seen"/> once its text contains a marker.</summary>
internal sealed class WatchingWriter(string marker) : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_text)
            return _text.ToString();
    }

    private void Append(string value)
    {
        lock (_text)
        {
            _text.Append(value);
            if (_text.ToString().Contains(marker, StringComparison.Ordinal))
                _seen.TrySetResult();
        }
    }
}
