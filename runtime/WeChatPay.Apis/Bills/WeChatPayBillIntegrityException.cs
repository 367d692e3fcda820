namespace WeChatPay.Apis.Bills;

/// <summary>
/// A downloaded bill file that does not match the <c>hash_value</c> WeChat Pay gave for it (or whose gzip data is
/// corrupt or cut short). Everything read from it must be discarded; apply for the bill again and download it anew.
/// </summary>
public sealed class WeChatPayBillIntegrityException : WeChatPayException
{
    /// <summary>Creates the exception.</summary>
    public WeChatPayBillIntegrityException(string message, string? requestId = null, Exception? innerException = null)
        : base(message, requestId: requestId, innerException: innerException)
    {
    }
}
