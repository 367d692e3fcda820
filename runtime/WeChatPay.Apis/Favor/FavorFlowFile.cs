using WeChatPay.Apis.Bills;

namespace WeChatPay.Apis.Favor;

/// <summary>
/// The answer of 下载批次核销明细 and 下载批次退款明细: where to download the CSV file (the link works for a short
/// while) and its SHA-1. Download it with <c>client.DownloadBillAsync(flow.ToBill())</c>, which checks the digest.
/// </summary>
public sealed class FavorFlowFile
{
    /// <summary>The download URL (<c>url</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>The file's digest, in hex (<c>hash_value</c>).</summary>
    public string HashValue { get; set; } = "";

    /// <summary>The digest algorithm, <c>SHA1</c> (<c>hash_type</c>).</summary>
    public string HashType { get; set; } = "";

    /// <summary>The same file as a <see cref="Bill"/>, for <see cref="BillDownloads"/>.</summary>
    public Bill ToBill() => new() { DownloadUrl = Url, HashValue = HashValue, HashType = HashType };
}
