namespace WeChatPay.Apis;

/// <summary>
/// Marks a hand-written method (one the generator cannot write, such as a multipart upload) as the catalog's form
/// of a WeChat Pay endpoint, so that the README's catalog table counts it like a declared one.
/// </summary>
/// <param name="method">The HTTP method, upper case.</param>
/// <param name="path">The path, relative to the base address.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CatalogEndpointAttribute(string method, string path) : Attribute
{
    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; } = method;

    /// <summary>The path, relative to the base address.</summary>
    public string Path { get; } = path;
}
