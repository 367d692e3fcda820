namespace WeChatPay.Apis.Transfers;

/// <summary>An electronic receipt (电子回单) of a transfer bill.</summary>
public sealed class TransferReceipt
{
    /// <summary><c>GENERATING</c>, <c>FINISHED</c> or <c>FAILED</c> (<c>state</c>).</summary>
    public string State { get; set; } = "";

    /// <summary>When it was applied for (<c>create_time</c>).</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>When it last changed (<c>update_time</c>).</summary>
    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>The file's hash method, <c>SHA256</c>, when FINISHED (<c>hash_type</c>).</summary>
    public string? HashType { get; set; }

    /// <summary>The file's hash, to check the download (<c>hash_value</c>).</summary>
    public string? HashValue { get; set; }

    /// <summary>Where to download the file; valid for ten minutes (<c>download_url</c>).</summary>
    public string? DownloadUrl { get; set; }

    /// <summary>Why it failed, when it did (<c>fail_reason</c>).</summary>
    public string? FailReason { get; set; }
}
