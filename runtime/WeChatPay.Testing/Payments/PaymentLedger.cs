using System.Globalization;
using WeChatPay.Testing.Crypto;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Every order, combined order and refund, with the IDs WeChat Pay would issue. One lock (<see cref="Gate"/>) guards
/// all of it: the endpoints, the payer and the settlement timers take it for each whole step.
/// </summary>
internal sealed class PaymentLedger(TimeProvider time)
{
    public object Gate { get; } = new();

    private readonly Dictionary<string, PaymentOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentOrder> _byTransactionId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CombineOrder> _combines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentRefund> _refunds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentRefund> _byRefundId = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public IEnumerable<PaymentOrder> Orders => _orders.Values;

    private static string Key(string owner, string? sub, string number) => owner + "\n" + (sub ?? "") + "\n" + number;

    public PaymentOrder? FindOrder(string owner, string? sub, string outTradeNo) =>
        _orders.GetValueOrDefault(Key(owner, sub, outTradeNo));

    public PaymentOrder? FindByTransactionId(string owner, string? sub, string transactionId) =>
        _byTransactionId.TryGetValue(transactionId, out var order) && order.Owner.MerchantId == owner && order.SubMchId == sub ? order : null;

    public void AddOrder(PaymentOrder order) => _orders.Add(Key(order.Owner.MerchantId, order.SubMchId, order.OutTradeNo), order);

    public void Paid(PaymentOrder order) => _byTransactionId[order.TransactionId!] = order;

    public CombineOrder? FindCombine(string owner, string combineOutTradeNo) => _combines.GetValueOrDefault(Key(owner, null, combineOutTradeNo));

    public void AddCombine(CombineOrder combine) => _combines.Add(Key(combine.Owner.MerchantId, null, combine.CombineOutTradeNo), combine);

    public PaymentRefund? FindRefund(string owner, string? sub, string outRefundNo) => _refunds.GetValueOrDefault(Key(owner, sub, outRefundNo));

    public PaymentRefund? FindRefundById(string refundId) => _byRefundId.GetValueOrDefault(refundId);

    public void AddRefund(PaymentRefund refund)
    {
        _refunds.Add(Key(refund.Order.Owner.MerchantId, refund.Order.SubMchId, refund.OutRefundNo), refund);
        _byRefundId.Add(refund.RefundId, refund);
        refund.Order.Refunds.Add(refund);
    }

    // ---- IDs in WeChat Pay's shapes ------------------------------------------------------------------------------

    private string ChinaDate(string format) => Now.ToOffset(TimeSpan.FromHours(8)).ToString(format, CultureInfo.InvariantCulture);

    /// <summary><c>wx</c>, the time to the second and 20 hex digits: 36 characters.</summary>
    public string NewPrepayId() => "wx" + ChinaDate("yyyyMMddHHmmss") + SandboxRandom.Hex(10).ToLowerInvariant();

    /// <summary>28 digits, as 微信支付订单号: <c>4200</c>, a channel, the date and a serial.</summary>
    public string NewTransactionId()
    {
        string id;
        do
            id = "42000" + SandboxRandom.Digits(5) + ChinaDate("yyyyMMdd") + SandboxRandom.Digits(10);
        while (_byTransactionId.ContainsKey(id));
        return id;
    }

    /// <summary>29 digits, as 微信支付退款单号.</summary>
    public string NewRefundId()
    {
        string id;
        do
            id = "503" + ChinaDate("yyyyMMdd") + SandboxRandom.Digits(18);
        while (_byRefundId.ContainsKey(id));
        return id;
    }

    /// <summary>An openid in the shape of a real one: 28 characters.</summary>
    public static string NewOpenId() => "o" + SandboxRandom.Alphanumeric(27);
}
