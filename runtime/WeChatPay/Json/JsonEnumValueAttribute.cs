namespace WeChatPay;

/// <summary>
/// Spells an enum member on the wire, for example <c>[JsonEnumValue("SENDED")] Sent</c>. The generator reads it at
/// compile time; it works on every target framework (on .NET 9+ <c>[JsonStringEnumMemberName]</c> is honoured too).
/// Without either, a member is spelled in UPPER_SNAKE_CASE (<c>MerchantUpload</c> → <c>MERCHANT_UPLOAD</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class JsonEnumValueAttribute(string value) : Attribute
{
    /// <summary>The spelling on the wire.</summary>
    public string Value { get; } = value;
}
