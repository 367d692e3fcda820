using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WeChatPay.Testing.Gateway;

/// <summary>An error answer in WeChat Pay's shape: <c>{"code","message","detail"?}</c>. Thrown to end a request.</summary>
internal sealed class SandboxError(int status, string code, string message, ErrorDetail? detail = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public ErrorDetail? Detail { get; } = detail;

    public byte[] ToJson() => SandboxJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("code", Code);
        writer.WriteString("message", Message);
        if (Detail is { } detail)
        {
            writer.WriteStartObject("detail");
            writer.WriteString("field", detail.Field);
            if (detail.Value is not null)
                writer.WriteString("value", detail.Value);
            writer.WriteString("issue", detail.Issue);
            writer.WriteString("location", detail.Location);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    });

    public static SandboxError SignError(string message) => new(401, "SIGN_ERROR", message);

    public static SandboxError ParamError(string message, string field, string issue, string location = "body", string? value = null) =>
        new(400, "PARAM_ERROR", message, new ErrorDetail(field, value, issue, location));

    public static SandboxError NotExists(string message) => new(404, "RESOURCE_NOT_EXISTS", message);

    public static SandboxError InvalidRequest(string message) => new(400, "INVALID_REQUEST", message);

    public static SandboxError TooLarge(int cap) => new(413, "INVALID_REQUEST", $"请求体过大 (the body is larger than {cap} bytes)");

    public static SandboxError FrequencyLimited() => new(429, "FREQUENCY_LIMITED", "频率超限 (too many requests; retry later)");

    public static SandboxError SystemError() => new(500, "SYSTEM_ERROR", "系统错误 (the sandbox failed to handle the request)");
}

/// <summary>The <c>detail</c> of an error; <see cref="Field"/> is a JSON pointer for body fields.</summary>
internal sealed record ErrorDetail(string Field, string? Value, string Issue, string Location);

internal static class SandboxJson
{
    // WeChat Pay sends Chinese text as UTF-8, not as \u escapes. Responses are JSON, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread, reused by every answer (a writer taken out is not shared by a nested call).
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_cached;

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var (buffer, writer) = t_cached ?? (new ArrayBufferWriter<byte>(2048), new Utf8JsonWriter(Stream.Null, Options));
        t_cached = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset(Stream.Null);
            // A rare large answer does not pin its buffer to the thread for good.
            if (buffer.Capacity <= 64 * 1024)
                t_cached = (buffer, writer);
        }
    }

    /// <summary>RFC 3339 in China Standard Time, as WeChat Pay writes times: <c>2015-05-20T13:29:35+08:00</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
