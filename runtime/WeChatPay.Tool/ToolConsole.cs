namespace WeChatPay.Tool;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
internal sealed record ToolConsole(TextWriter Out, TextWriter Error);
