namespace WeChatPay.Apis.ProfitSharing;

/// <summary>A sub-merchant's sharing limit (查询最大分账比例).</summary>
public sealed class ProfitSharingMerchantConfig
{
    /// <summary>The sub-merchant (<c>sub_mchid</c>).</summary>
    public string SubMchid { get; set; } = "";

    /// <summary>The largest share of an order, in ten-thousandths: 2000 is 20% (<c>max_ratio</c>).</summary>
    public int MaxRatio { get; set; }
}
