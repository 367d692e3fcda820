using System.Globalization;
using System.Text;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Writes bills in WeChat Pay's file format: a header row, one row per entry with every value preceded by a back
/// quote (so that spreadsheets keep long numbers), then a summary header and a summary row; amounts in yuan.
/// </summary>
internal static class BillWriter
{
    /// <summary>The fee the sandbox charges, 0.6% of each amount, rounded to the fen.</summary>
    private const decimal FeeRate = 0.006m;

    private static readonly string[] TradeHeader =
    [
        "交易时间", "公众账号ID", "商户号", "特约商户号", "设备号", "微信订单号", "商户订单号", "用户标识", "交易类型", "交易状态",
        "付款银行", "货币种类", "应结订单金额", "代金券金额", "微信退款单号", "商户退款单号", "退款金额", "充值券退款金额", "退款类型",
        "退款状态", "商品名称", "商户数据包", "手续费", "费率", "订单金额", "申请退款金额", "费率备注",
    ];

    private static readonly string[] TradeSummaryHeader = ["总交易单数", "应结订单总金额", "退款总金额", "充值券退款总金额", "手续费总金额", "订单总金额", "申请退款总金额"];

    private static readonly string[] FundFlowHeader =
        ["记账时间", "微信支付业务单号", "资金流水单号", "业务名称", "业务类型", "收支类型", "收支金额（元）", "账户结余（元）", "资金变更提交申请人", "备注", "业务凭证号"];

    private static readonly string[] FundFlowSummaryHeader = ["资金流水总笔数", "收入笔数", "收入金额", "支出笔数", "支出金额"];

    public static long Fee(long fen) => (long)Math.Round(fen * FeeRate, MidpointRounding.AwayFromZero);

    /// <summary>The trade bill (交易账单) of <paramref name="payments"/> and <paramref name="refunds"/>, each already filtered to the day.</summary>
    public static byte[] TradeBill(IReadOnlyList<PaymentOrder> payments, IReadOnlyList<PaymentRefund> refunds)
    {
        var rows = new List<(DateTimeOffset Time, string[] Values)>();
        long settled = 0, refunded = 0, fees = 0, ordered = 0, requested = 0;
        foreach (var order in payments)
        {
            var fee = Fee(order.Total);
            settled += order.Total;
            ordered += order.Total;
            fees += fee;
            rows.Add((order.SuccessTime!.Value, Row(order, order.SuccessTime.Value, "SUCCESS", order.Total,
                refundId: "0", outRefundNo: "0", refund: 0, refundType: "", refundStatus: "", fee, order.Total, requestedRefund: 0)));
        }
        foreach (var refund in refunds)
        {
            var order = refund.Order;
            var fee = -Fee(refund.Amount);
            refunded += refund.Amount;
            requested += refund.Amount;
            fees += fee;
            rows.Add((refund.CreateTime, Row(order, refund.CreateTime, "REFUND", order.Total, refund.RefundId, refund.OutRefundNo,
                refund.Amount, "ORIGINAL", refund.Status, fee, order.Total, refund.Amount)));
        }
        var text = new StringBuilder();
        text.Append(string.Join(',', TradeHeader)).Append("\r\n");
        foreach (var (_, values) in rows.OrderBy(r => r.Time))
            AppendQuoted(text, values);
        text.Append(string.Join(',', TradeSummaryHeader)).Append("\r\n");
        AppendQuoted(text, [Count(rows.Count), Yuan(settled), Yuan(refunded), Yuan(0), Fee5(fees), Yuan(ordered), Yuan(requested)]);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string[] Row(PaymentOrder order, DateTimeOffset time, string state, long settled, string refundId, string outRefundNo,
        long refund, string refundType, string refundStatus, long fee, long total, long requestedRefund) =>
    [
        ChinaTime(time), order.AppId, order.Owner.MerchantId, order.SubMchId ?? order.OrderMchId ?? "0", order.DeviceId ?? "",
        order.TransactionId ?? "", order.OutTradeNo, order.OpenId ?? order.SubOpenId ?? "", order.TradeType, state,
        order.BankType ?? "OTHERS", order.Currency, Yuan(state == "SUCCESS" ? settled : 0), Yuan(0), refundId, outRefundNo,
        Yuan(refund), Yuan(0), refundType, refundStatus, order.Description, order.Attach ?? "", Fee5(fee), "0.60%",
        Yuan(state == "SUCCESS" ? total : 0), Yuan(requestedRefund), "",
    ];

    /// <summary>The basic account's fund-flow bill (资金账单): income of each payment, its fee, and each refund.</summary>
    public static byte[] FundFlowBill(IReadOnlyList<PaymentOrder> payments, IReadOnlyList<PaymentRefund> refunds)
    {
        var entries = new List<(DateTimeOffset Time, string BusinessId, string Name, bool Income, long Fen, string Submitter, string Note, string Voucher)>();
        foreach (var order in payments)
        {
            entries.Add((order.SuccessTime!.Value, order.TransactionId!, "交易", true, order.Total, "system", "", order.OutTradeNo));
            if (Fee(order.Total) > 0)
                entries.Add((order.SuccessTime.Value, order.TransactionId!, "扣除交易手续费", false, Fee(order.Total), "system", "", order.OutTradeNo));
        }
        foreach (var refund in refunds)
            entries.Add((refund.CreateTime, refund.RefundId, "退款", false, refund.Amount, refund.Order.Owner.MerchantId, refund.Reason ?? "", refund.OutRefundNo));

        var text = new StringBuilder();
        text.Append(string.Join(',', FundFlowHeader)).Append("\r\n");
        long balance = 0, income = 0, expense = 0;
        int incomeCount = 0, expenseCount = 0, serial = 0;
        foreach (var e in entries.OrderBy(e => e.Time))
        {
            balance += e.Income ? e.Fen : -e.Fen;
            if (e.Income) { income += e.Fen; incomeCount++; } else { expense += e.Fen; expenseCount++; }
            var flowId = e.Time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (++serial).ToString("D12", CultureInfo.InvariantCulture);
            AppendQuoted(text, [ChinaTime(e.Time), e.BusinessId, flowId, e.Name, e.Name, e.Income ? "收入" : "支出", Yuan(e.Fen), Yuan(balance), e.Submitter, e.Note, e.Voucher]);
        }
        text.Append(string.Join(',', FundFlowSummaryHeader)).Append("\r\n");
        AppendQuoted(text, [Count(entries.Count), Count(incomeCount), Yuan(income), Count(expenseCount), Yuan(expense)]);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendQuoted(StringBuilder text, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                text.Append(',');
            // A comma or line break inside a value would break the columns; WeChat Pay's files never carry one.
            text.Append('`').Append(values[i].Replace(',', '，').Replace('\r', ' ').Replace('\n', ' '));
        }
        text.Append("\r\n");
    }

    private static string ChinaTime(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Fee5(long fen) => (fen / 100m).ToString("0.00000", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
