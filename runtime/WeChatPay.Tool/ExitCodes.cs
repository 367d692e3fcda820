namespace WeChatPay.Tool;

/// <summary>The tool's exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for <c>call</c>, WeChat Pay answered 2xx.</summary>
    public const int Success = 0;

    /// <summary>Bad arguments or an unusable credentials directory or file; a usage message or the reason is printed.</summary>
    public const int Usage = 1;

    /// <summary>WeChat Pay answered with an error (non-2xx); its code, message and Request-ID are printed.</summary>
    public const int ApiError = 2;

    /// <summary>An answer, a download or a notification failed verification; nothing from it is printed.</summary>
    public const int VerificationFailed = 3;

    /// <summary>No connection: the request could not be sent or timed out.</summary>
    public const int NoConnection = 4;
}
