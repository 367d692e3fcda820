namespace WeChatPay.Testing.Payments;

/// <summary>How an order was placed: by a direct merchant, by a service provider for a sub-merchant, or inside a combined order.</summary>
internal enum OrderForm
{
    Direct,
    Partner,
    Combine,
}
