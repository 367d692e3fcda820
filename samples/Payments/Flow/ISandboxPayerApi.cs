using WeChatPay;

namespace Payments.Flow;

/// <summary>
/// The sandbox's payer (not part of WeChat Pay, hence <c>sandbox/v1</c>): a signed request that pays an order as a
/// user would. WeChat Pay itself answers 404, and the sample then waits for a real payment.
/// </summary>
public partial interface ISandboxPayerApi
{
    /// <summary>Pays the order (or fails it, with another <c>trade_state</c>).</summary>
    [Post("sandbox/v1/pay/transactions/out-trade-no/{out_trade_no}/pay")]
    Task PayAsync(string outTradeNo, SandboxPayment json, CancellationToken cancellationToken = default);
}

/// <summary>The payer's outcome: <c>SUCCESS</c>, or a failure state such as <c>PAYERROR</c>.</summary>
public sealed record SandboxPayment(string TradeState);
