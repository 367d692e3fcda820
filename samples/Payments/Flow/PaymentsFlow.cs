using System.Globalization;
using System.Net;
using Payments.Merchant;
using WeChatPay;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Refunds;

namespace Payments.Flow;

/// <summary>
/// The payment, step by step: order, front-end parameters, payment, notification, query, refund and its
/// notification, the day's bill. Each step prints what WeChat Pay answered, after it was verified.
/// </summary>
public sealed class PaymentsFlow(
    WeChatPayClient client,
    IPaymentsApi payments,
    IRefundsApi refunds,
    IBillsApi bills,
    ISandboxPayerApi payer,
    OrderBook book,
    FlowSettings settings,
    TextWriter output)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(ChinaOffset);
        var outTradeNo = "PAY" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];
        const long total = 100;

        Step("1. JSAPI order (POST /v3/pay/transactions/jsapi)");
        var prepay = await payments.PrepayJsapiAsync(new PrepayRequest
        {
            Appid = settings.AppId,
            Mchid = client.MerchantId,
            Description = "WeChatPay.SourceGen 示例商品",
            OutTradeNo = outTradeNo,
            TimeExpire = now.AddMinutes(30),
            NotifyUrl = settings.NotifyBase + NotificationEndpoints.TransactionPath.TrimStart('/'),
            Amount = new OrderAmount { Total = total, Currency = "CNY" },
            Payer = new Payer { Openid = settings.OpenId },
        }, cancellationToken);
        Verified(prepay);
        output.WriteLine($"    out_trade_no {outTradeNo}, ¥{Yuan(total)}, prepay_id {prepay.Value.PrepayId}");
        var parameters = PaymentParameters.ForJsapi(client, settings.AppId, prepay.Value.PrepayId);
        output.WriteLine("    front-end parameters (wx.requestPayment), signed with the merchant key:");
        output.WriteLine($"      appId {parameters.AppId}, timeStamp {parameters.TimeStamp}, nonceStr {parameters.NonceStr}");
        output.WriteLine($"      package {parameters.Package}, signType {parameters.SignType}, paySign {parameters.PaySign[..24]}…");

        Step("2. The payer pays");
        var pending = book.PaymentAsync(outTradeNo);
        try
        {
            await payer.PayAsync(outTradeNo, new SandboxPayment("SUCCESS"), cancellationToken);
            output.WriteLine("    the sandbox's payer paid it (POST /sandbox/v1/pay/transactions/out-trade-no/{out_trade_no}/pay)");
        }
        catch (WeChatPayApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            output.WriteLine($"    this gateway has no sandbox payer: pay the order from the front end within {settings.NotificationWait.TotalSeconds:0} s");
        }

        Step($"3. TRANSACTION.SUCCESS notification at {NotificationEndpoints.TransactionPath}");
        var paid = await Await(pending, "the payment notification", cancellationToken);
        output.WriteLine($"    ✔ verified and decrypted: transaction_id {paid.TransactionId}, {paid.TradeState}, payer paid ¥{Yuan(paid.Amount?.PayerTotal ?? 0)}, processed once");

        Step("4. Query the order (GET /v3/pay/transactions/out-trade-no/{out_trade_no})");
        var queried = await payments.GetTransactionByOutTradeNoAsync(outTradeNo, client.MerchantId, cancellationToken);
        Verified(queried);
        output.WriteLine($"    trade_state {queried.Value.TradeState} ({queried.Value.TradeStateDesc}), paid at {queried.Value.SuccessTime:yyyy-MM-dd HH:mm:sszzz}");

        Step("5. Refund part of it (POST /v3/refund/domestic/refunds)");
        const long refundAmount = 30;
        var outRefundNo = "RF" + outTradeNo[3..];
        var refundDone = book.RefundAsync(outRefundNo);
        var refund = await refunds.CreateAsync(new RefundRequest
        {
            OutTradeNo = outTradeNo,
            OutRefundNo = outRefundNo,
            Reason = "示例退款",
            NotifyUrl = settings.NotifyBase + NotificationEndpoints.RefundPath.TrimStart('/'),
            Amount = new RefundRequestAmount { Refund = refundAmount, Total = total, Currency = "CNY" },
        }, cancellationToken);
        Verified(refund);
        output.WriteLine($"    out_refund_no {outRefundNo}, ¥{Yuan(refundAmount)} of ¥{Yuan(total)}: {refund.Value.Status}");
        var notice = await Await(refundDone, "the refund notification", cancellationToken);
        output.WriteLine($"    ✔ REFUND notification verified and decrypted: {notice.RefundStatus}, ¥{Yuan(notice.Amount?.PayerRefund ?? 0)} back to {notice.UserReceivedAccount ?? "the payer"}");

        Step("6. The day's trade bill, gzipped (GET /v3/bill/tradebill, then its download_url)");
        await DownloadBillAsync(now, outTradeNo, cancellationToken);
    }

    private async Task DownloadBillAsync(DateTimeOffset day, string outTradeNo, CancellationToken cancellationToken)
    {
        WeChatPayResponse<Bill> bill;
        try
        {
            bill = await bills.GetTradeBillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BillType.All, BillCompression.Gzip, cancellationToken: cancellationToken);
        }
        catch (WeChatPayApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            // WeChat Pay makes a day's bill the next morning; until then it answers with an error.
            output.WriteLine($"    no bill for {day:yyyy-MM-dd} yet: {ex.Code} {ex.ErrorMessage}");
            return;
        }
        Verified(bill);
        var rows = 0;
        string? ours = null;
        await using (var file = await client.DownloadBillAsync(bill.Value, cancellationToken))
        using (var reader = new StreamReader(file))
        {
            // The stream's end is where the SHA-1 is checked: a mismatch throws here, before the loop ends cleanly.
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                rows++;
                if (line.Contains(outTradeNo, StringComparison.Ordinal))
                    ours = line;
            }
        }
        output.WriteLine($"    ✔ {rows} lines, SHA-1 {bill.Value.HashValue} checked while reading");
        if (ours is not null)
            output.WriteLine("    this order: " + ours);
    }

    private async Task<T> Await<T>(Task<T> pending, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.WaitAsync(settings.NotificationWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new WeChatPayException($"No {what} arrived within {settings.NotificationWait.TotalSeconds:0} s; check that the notify URL {settings.NotifyBase} reaches this app.");
        }
    }

    private void Step(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    private void Verified(WeChatPayResponse response)
        => output.WriteLine($"    ✔ verified response, Request-ID {response.RequestId ?? "(none)"}");

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>What the flow needs besides the clients: the app and payer to order for, and where notifications go.</summary>
public sealed record FlowSettings(string AppId, string OpenId, string NotifyBase, TimeSpan NotificationWait);
