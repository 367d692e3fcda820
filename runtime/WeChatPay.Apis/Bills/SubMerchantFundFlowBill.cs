namespace WeChatPay.Apis.Bills;

/// <summary>
/// The answer to 申请单个子商户资金账单: the file, split into parts above about 16 GB, each encrypted with its own key.
/// </summary>
public sealed class SubMerchantFundFlowBill
{
    /// <summary>How many parts (<c>download_bill_count</c>).</summary>
    public int DownloadBillCount { get; set; }

    /// <summary>The parts, to be joined in <see cref="SubMerchantBillPart.BillSequence"/> order (<c>download_bill_list</c>).</summary>
    public List<SubMerchantBillPart> DownloadBillList { get; set; } = [];
}

/// <summary>One encrypted part of a sub-merchant's fund-flow bill (<c>download_bill_list[]</c>).</summary>
public sealed class SubMerchantBillPart
{
    /// <summary>The part's position, from 1 (<c>bill_sequence</c>).</summary>
    public int BillSequence { get; set; }

    /// <summary>The absolute download URL (<c>download_url</c>).</summary>
    public string DownloadUrl { get; set; } = "";

    /// <summary>The part's AES key, encrypted with the merchant's public key (<c>encrypt_key</c>).</summary>
    public string EncryptKey { get; set; } = "";

    /// <summary>The digest algorithm, <c>SHA1</c> (<c>hash_type</c>).</summary>
    public string HashType { get; set; } = "";

    /// <summary>The digest of the decrypted part (<c>hash_value</c>).</summary>
    public string HashValue { get; set; } = "";

    /// <summary>The AEAD nonce of the part (<c>nonce</c>).</summary>
    public string Nonce { get; set; } = "";
}
