using System.Text.Json.Nodes;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing;

// The payment lifecycle's in-process face: the payer, the notification deliveries, and disposal.
public sealed partial class WeChatPaySandbox
{
    /// <summary>
    /// Plays the payer, as <c>POST /sandbox/v1/pay/transactions/out-trade-no/{out_trade_no}/pay</c> does: brings an
    /// unpaid order of <paramref name="merchant"/> to <paramref name="tradeState"/> (SUCCESS, PAYERROR or USERPAYING)
    /// and returns the transaction as the query shows it. SUCCESS sends TRANSACTION.SUCCESS to the order's
    /// <c>notify_url</c> in the background. For a service provider's order, give the <paramref name="subMchId"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The gateway would refuse it (unknown, closed or paid order); the message starts with WeChat Pay's code.</exception>
    public JsonObject PayOrder(SandboxMerchant merchant, string outTradeNo, string tradeState = "SUCCESS", string? openId = null, string? subMchId = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(outTradeNo);
        return Run(() => _payer.Pay(merchant, subMchId, outTradeNo, tradeState, openId, null));
    }

    /// <summary>Pays every sub-order of a combined order, as <c>POST /sandbox/v1/combine-transactions/out-trade-no/{combine_out_trade_no}/pay</c> does.</summary>
    /// <exception cref="InvalidOperationException">The gateway would refuse it; the message starts with WeChat Pay's code.</exception>
    public JsonObject PayCombinedOrder(SandboxMerchant merchant, string combineOutTradeNo, string tradeState = "SUCCESS", string? openId = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(combineOutTradeNo);
        return Run(() => _payer.PayCombine(merchant, combineOutTradeNo, tradeState, openId, null));
    }

    /// <summary>
    /// Settles a PROCESSING refund now, as <c>POST /sandbox/v1/refund/domestic/refunds/{out_refund_no}/settle</c>
    /// does: to SUCCESS, ABNORMAL (which <c>apply-abnormal-refund</c> can then re-route) or CLOSED, with the REFUND.*
    /// notification to the refund's <c>notify_url</c>. Returns the refund as its query shows it.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such refund, or it is not PROCESSING; the message starts with WeChat Pay's code.</exception>
    public JsonObject SettleRefund(SandboxMerchant merchant, string outRefundNo, string status = "SUCCESS", string? subMchId = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(outRefundNo);
        return Run(() => _refunds.SettleNow(merchant, subMchId, outRefundNo, status));
    }

    private static JsonObject Run(Func<byte[]> action)
    {
        try
        {
            return JsonNode.Parse(action())!.AsObject();
        }
        catch (SandboxError error)
        {
            throw new InvalidOperationException(error.Code + ": " + error.Message);
        }
    }

    /// <summary>Every notification delivery attempt so far, in the order they ended.</summary>
    public IReadOnlyList<SandboxDeliveryAttempt> NotificationDeliveries => _notifications.Attempts;

    /// <summary>Raised on a background thread after each delivery attempt.</summary>
    public event Action<SandboxDeliveryAttempt>? NotificationDeliveryAttempted
    {
        add => _notifications.Attempted += value;
        remove => _notifications.Attempted -= value;
    }

    /// <summary>The first delivery attempt, past or to come, that <paramref name="match"/> accepts.</summary>
    public Task<SandboxDeliveryAttempt> WaitForDeliveryAsync(Func<SandboxDeliveryAttempt, bool> match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return _notifications.WaitAsync(match, cancellationToken);
    }

    /// <summary>Encrypts <paramref name="resource"/> into a notification and hands it to the dispatcher.</summary>
    private void Notify(SandboxMerchant merchant, Uri notifyUrl, string eventType, string summary, byte[] resource, string originalType)
    {
        var notification = CreateNotification(merchant, eventType, summary, resource, originalType, associatedData: originalType);
        _notifications.Deliver(merchant, notifyUrl, notification);
    }

    /// <summary>Stops every delivery and settlement in flight and waits for them; nothing the sandbox started outlives it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _background.DisposeAsync().ConfigureAwait(false);
        _notifications.Dispose();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
