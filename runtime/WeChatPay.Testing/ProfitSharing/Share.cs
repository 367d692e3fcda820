namespace WeChatPay.Testing.ProfitSharing;

/// <summary>One receiver's share of a <see cref="SharingOrder"/>.</summary>
internal sealed class Share
{
    public required string Type { get; init; }
    public required string Account { get; init; }
    public required long Amount { get; init; }
    public required string Description { get; init; }
    public required string DetailId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string Result { get; set; } = "PENDING";
    public DateTimeOffset? FinishTime { get; set; }
    public long Returned { get; set; }
}
