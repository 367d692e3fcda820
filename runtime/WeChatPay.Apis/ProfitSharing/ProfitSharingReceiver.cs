namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A receiver as WeChat Pay answers it (添加/删除分账接收方); the name is decrypted with the merchant key.</summary>
public sealed class ProfitSharingReceiver
{
    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string? SubMchid { get; set; }

    /// <summary>The receiver's type (<c>type</c>).</summary>
    public ReceiverType Type { get; set; }

    /// <summary>The mchid or the openid (<c>account</c>).</summary>
    public string Account { get; set; } = "";

    /// <summary>The receiver's name, when the answer carries it (<c>name</c>).</summary>
    [Sensitive]
    public string? Name { get; set; }

    /// <summary>The relation (<c>relation_type</c>).</summary>
    public string? RelationType { get; set; }

    /// <summary>The custom relation's name (<c>custom_relation</c>).</summary>
    public string? CustomRelation { get; set; }
}
