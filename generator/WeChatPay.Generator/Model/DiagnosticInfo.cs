namespace WeChatPay.Generator.Model;

/// <summary>
/// A diagnostic as a value: the descriptor ID, where it points (file path and spans, not a Roslyn
/// <c>Location</c>, which would pin a syntax tree in the cache) and the message arguments.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int SpanStart,
    int SpanLength,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter,
    EquatableArray<string> MessageArgs);
