namespace WeChatPay.Apis.Bills;

/// <summary>
/// The answer to 申请交易账单 and 申请资金账单: where to download the file, valid for 5 minutes, and its digest.
/// Download it with <see cref="BillDownloads.DownloadBillAsync"/>, which checks the digest.
/// </summary>
public sealed class Bill
{
    /// <summary>The digest algorithm, <c>SHA1</c> (<c>hash_type</c>).</summary>
    public string HashType { get; set; } = "";

    /// <summary>The digest of the original file (after inflating a gzipped one), in hex (<c>hash_value</c>).</summary>
    public string HashValue { get; set; } = "";

    /// <summary>The absolute download URL on WeChat Pay's host (<c>download_url</c>).</summary>
    public string DownloadUrl { get; set; } = "";
}
