using System.Collections.Concurrent;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Refunds;

namespace Payments.Merchant;

/// <summary>
/// The merchant's record of what notifications did: each payment and each refund is processed once, however often
/// WeChat Pay delivers its notification (a lost answer makes it deliver again). Thread-safe.
/// </summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Transaction>> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RefundNotice>> _refunds = new(StringComparer.Ordinal);
    private int _duplicates;

    /// <summary>How many deliveries were recognised as already processed and skipped.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Records a successful payment; returns false (and changes nothing) when it was already processed.</summary>
    public bool RecordPayment(Transaction transaction)
        => Record(_payments, transaction.OutTradeNo, transaction);

    /// <summary>Records a refund's final state; returns false (and changes nothing) when it was already processed.</summary>
    public bool RecordRefund(RefundNotice refund)
        => Record(_refunds, refund.OutRefundNo, refund);

    /// <summary>The payment of <paramref name="outTradeNo"/>, once its notification has been processed.</summary>
    public Task<Transaction> PaymentAsync(string outTradeNo) => Slot(_payments, outTradeNo).Task;

    /// <summary>The refund <paramref name="outRefundNo"/>, once its notification has been processed.</summary>
    public Task<RefundNotice> RefundAsync(string outRefundNo) => Slot(_refunds, outRefundNo).Task;

    private bool Record<T>(ConcurrentDictionary<string, TaskCompletionSource<T>> slots, string key, T value)
    {
        // TrySetResult is the once-only gate: a redelivery finds the slot already set.
        if (Slot(slots, key).TrySetResult(value))
            return true;
        Interlocked.Increment(ref _duplicates);
        return false;
    }

    private static TaskCompletionSource<T> Slot<T>(ConcurrentDictionary<string, TaskCompletionSource<T>> slots, string key)
        => slots.GetOrAdd(key, static _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
}
