namespace WeChatPay.Testing.Complaints;

/// <summary>One step of a complaint's negotiation history.</summary>
internal sealed record ComplaintLogEntry(string LogId, string Operator, DateTimeOffset OperateTime, string OperateType, string OperateDetails, IReadOnlyList<string> ImageList);
