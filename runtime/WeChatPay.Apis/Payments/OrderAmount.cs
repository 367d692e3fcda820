namespace WeChatPay.Apis.Payments;

/// <summary>An order's amount (<c>amount</c>), in fen (分).</summary>
public sealed class OrderAmount
{
    /// <summary>The total, in fen (<c>total</c>).</summary>
    public required long Total { get; set; }

    /// <summary>The currency, <c>CNY</c> when left out (<c>currency</c>).</summary>
    public string? Currency { get; set; }
}
