using System.Text.Json;

namespace WeChatPay.Testing.Gateway;

/// <summary>
/// Reads request bodies the way the gateway validates them: a body that is not a JSON object, a missing required
/// field or a field of the wrong type is <c>400 PARAM_ERROR</c> whose <c>detail.field</c> is the JSON pointer.
/// </summary>
internal static class JsonBody
{
    public static JsonElement ParseObject(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
            throw SandboxError.ParamError("请求体为空，应为JSON对象 (the body is empty)", "", "the body must be a JSON object");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw SandboxError.ParamError("请求体不是合法的JSON (the body is not valid JSON)", "",
                $"invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw SandboxError.ParamError("请求体应为JSON对象 (the body must be a JSON object)", "", $"expected an object, found {Describe(root.ValueKind)}");
        CheckText(root, "");
        return root;
    }

    /// <summary>
    /// Refuses any name or string that does not unescape to valid UTF-16 (a lone surrogate such as <c>\ud800</c>), here,
    /// once for every endpoint: such text can be neither stored nor echoed in a later answer.
    /// </summary>
    private static void CheckText(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Unescape(() => property.Name, pointer);
                    CheckText(property.Value, Pointer(pointer, name));
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    CheckText(item, pointer + "/" + index++);
                break;
            case JsonValueKind.String:
                Unescape(element.GetString, pointer);
                break;
        }
    }

    private static string Unescape(Func<string?> read, string pointer)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw SandboxError.ParamError($"输入源“/body{pointer}”包含无效的UTF-16转义 (invalid UTF-16 escape)", pointer,
                "the text has an invalid UTF-16 escape, such as a lone surrogate \\ud800");
        }
    }

    public static string Pointer(string parent, string name) => parent + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string RequiredString(JsonElement parent, string name, string parentPointer = "")
    {
        var value = Required(parent, name, parentPointer);
        if (value.ValueKind != JsonValueKind.String)
            throw WrongType(parentPointer, name, "a string", value);
        var text = value.GetString()!;
        if (text.Length == 0)
            throw SandboxError.ParamError($"输入源“/body{Pointer(parentPointer, name)}”映射到值字段“{name}”不能为空 (must not be empty)",
                Pointer(parentPointer, name), "must not be empty");
        return text;
    }

    public static string? OptionalString(JsonElement parent, string name, string parentPointer = "")
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw WrongType(parentPointer, name, "a string", value);
        return value.GetString();
    }

    public static JsonElement RequiredObject(JsonElement parent, string name, string parentPointer = "")
    {
        var value = Required(parent, name, parentPointer);
        if (value.ValueKind != JsonValueKind.Object)
            throw WrongType(parentPointer, name, "an object", value);
        return value;
    }

    public static JsonElement RequiredArray(JsonElement parent, string name, string parentPointer = "")
    {
        var value = Required(parent, name, parentPointer);
        if (value.ValueKind != JsonValueKind.Array)
            throw WrongType(parentPointer, name, "an array", value);
        return value;
    }

    public static long RequiredInteger(JsonElement parent, string name, string parentPointer = "")
    {
        var value = Required(parent, name, parentPointer);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            throw WrongType(parentPointer, name, "an integer", value);
        return number;
    }

    public static DateTimeOffset? OptionalTime(JsonElement parent, string name, string parentPointer = "")
    {
        var text = OptionalString(parent, name, parentPointer);
        if (text is null)
            return null;
        // RFC 3339 allows Z for UTC as well as a numeric offset; WeChat Pay accepts both.
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'"],
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
            throw SandboxError.ParamError($"输入源“/body{Pointer(parentPointer, name)}”映射到值字段“{name}”格式错误，应为RFC 3339时间 (expected an RFC 3339 time)",
                Pointer(parentPointer, name), "expected an RFC 3339 time such as 2015-05-20T13:29:35+08:00", value: text);
        return time;
    }

    public static DateTimeOffset RequiredTime(JsonElement parent, string name, string parentPointer = "")
    {
        Required(parent, name, parentPointer);
        return OptionalTime(parent, name, parentPointer)!.Value;
    }

    private static JsonElement Required(JsonElement parent, string name, string parentPointer)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw SandboxError.ParamError(
                $"输入源“/body{Pointer(parentPointer, name)}”映射到值字段“{name}”必填性规则校验失败，此字段为必填项 (required field is missing)",
                Pointer(parentPointer, name), "required field is missing");
        return value;
    }

    private static SandboxError WrongType(string parentPointer, string name, string expected, JsonElement value) =>
        SandboxError.ParamError(
            $"输入源“/body{Pointer(parentPointer, name)}”映射到值字段“{name}”类型错误 (expected {expected})",
            Pointer(parentPointer, name), $"expected {expected}, found {Describe(value.ValueKind)}");

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
