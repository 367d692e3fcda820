namespace WeChatPay.Apis.Bills;

/// <summary>How the bill file is compressed (<c>tar_type</c>); leave it out for plain text.</summary>
public enum BillCompression
{
    /// <summary><c>GZIP</c>: the file is gzipped; <see cref="BillDownloads"/> inflates it as it is read.</summary>
    Gzip,
}
