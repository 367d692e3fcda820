namespace WeChatPay.Testing.ProfitSharing;

/// <summary>A receiver added with 添加分账接收方.</summary>
internal sealed record SharingReceiver(string Type, string Account, string? Name, string RelationType, string? CustomRelation);
