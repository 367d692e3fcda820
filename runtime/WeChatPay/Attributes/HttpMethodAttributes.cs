namespace WeChatPay;

/// <summary>
/// Base of the attributes that declare a WeChat Pay endpoint on a method of a <c>partial interface</c>.
/// The WeChatPay source generator reads them by metadata name and emits the implementation.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class WeChatPayMethodAttribute : Attribute
{
    /// <summary>Creates the attribute with the HTTP method and the path template.</summary>
    protected WeChatPayMethodAttribute(string method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method, upper case (<c>GET</c>, <c>POST</c>, …).</summary>
    public string Method { get; }

    /// <summary>
    /// The path template, relative to <see cref="WeChatPayOptions.BaseAddress"/>, for example
    /// <c>v3/marketing/busifavor/stocks/{stock_id}/couponcodes</c>. Placeholders are written <c>{name}</c> or
    /// <c>&lt;name&gt;</c>; a leading slash is optional.
    /// </summary>
    public string Path { get; }
}

/// <summary>Declares a <c>GET</c> endpoint.</summary>
public sealed class GetAttribute(string path) : WeChatPayMethodAttribute("GET", path);

/// <summary>Declares a <c>POST</c> endpoint.</summary>
public sealed class PostAttribute(string path) : WeChatPayMethodAttribute("POST", path);

/// <summary>Declares a <c>PUT</c> endpoint.</summary>
public sealed class PutAttribute(string path) : WeChatPayMethodAttribute("PUT", path);

/// <summary>Declares a <c>PATCH</c> endpoint.</summary>
public sealed class PatchAttribute(string path) : WeChatPayMethodAttribute("PATCH", path);

/// <summary>Declares a <c>DELETE</c> endpoint.</summary>
public sealed class DeleteAttribute(string path) : WeChatPayMethodAttribute("DELETE", path);
