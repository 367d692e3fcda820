using System.Globalization;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// 营销补差付款 and its queries: a used coupon of a subsidised stock is paid for once per out_subsidy_no.
internal sealed partial class BusifavorApi
{
    private readonly Dictionary<string, SubsidyReceipt> _receipts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubsidyReceipt> _receiptByOutNo = new(StringComparer.Ordinal);

    private ApiResult CreateSubsidyReceipt(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockId = JsonBody.RequiredString(body, "stock_id");
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var transactionId = JsonBody.RequiredString(body, "transaction_id");
        var payer = JsonBody.RequiredString(body, "payer_merchant");
        var payee = JsonBody.RequiredString(body, "payee_merchant");
        var amount = JsonBody.RequiredInteger(body, "amount");
        var description = PaymentRules.Text(body, "description", 80);
        var outSubsidyNo = JsonBody.RequiredString(body, "out_subsidy_no");
        if (amount < 1)
            throw SandboxError.ParamError("amount应为正整数，单位分 (amount must be at least 1 fen)", "/amount", "must be at least 1",
                value: amount.ToString(CultureInfo.InvariantCulture));
        if (payer != context.Merchant.MerchantId)
            throw SandboxError.ParamError("payer_merchant须为调用商户 (payer_merchant must be the calling merchant)", "/payer_merchant", "must be the calling merchant", value: payer);
        if (!merchantExists(payee))
            throw new SandboxError(400, "MCH_NOT_EXISTS", $"商户号{payee}不存在 (payee_merchant is not a merchant)");
        lock (_gate)
        {
            var key = context.Merchant.MerchantId + "\n" + outSubsidyNo;
            if (_receiptByOutNo.TryGetValue(key, out var existing))
                return ApiResult.Ok(SandboxJson.Write(w => WriteReceipt(w, existing)));
            var coupon = RequireCoupon(context, stockId, couponCode);
            if (coupon.State != "USED")
                throw SandboxError.InvalidRequest($"券{couponCode}未核销，不可补差 (only a used coupon is subsidised)");
            var now = Now;
            var receipt = new SubsidyReceipt(SandboxRandom.Digits(20), stockId, couponCode, transactionId, payer, payee, amount, description, outSubsidyNo, now);
            _receipts[receipt.Id] = receipt;
            _receiptByOutNo[key] = receipt;
            return ApiResult.Ok(SandboxJson.Write(w => WriteReceipt(w, receipt)));
        }
    }

    private ApiResult QuerySubsidyReceipt(RouteContext context)
    {
        lock (_gate)
        {
            if (!_receipts.TryGetValue(context.Path("subsidy_receipt_id"), out var receipt) || receipt.Payer != context.Merchant.MerchantId)
                throw SandboxError.NotExists($"补差付款单{context.Path("subsidy_receipt_id")}不存在 (no such subsidy receipt)");
            return ApiResult.Ok(SandboxJson.Write(w => WriteReceipt(w, receipt)));
        }
    }

    private ApiResult ListSubsidyReceipts(RouteContext context)
    {
        if (!context.Query.TryGetValue("stock_id", out var stockId) || stockId.Length == 0)
            throw SandboxError.ParamError("stock_id必填 (stock_id is required)", "stock_id", "required field is missing", "query");
        if (!context.Query.TryGetValue("coupon_code", out var couponCode) || couponCode.Length == 0)
            throw SandboxError.ParamError("coupon_code必填 (coupon_code is required)", "coupon_code", "required field is missing", "query");
        context.Query.TryGetValue("out_subsidy_no", out var outSubsidyNo);
        lock (_gate)
        {
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("pay_receipt_list");
                foreach (var receipt in _receipts.Values.OrderBy(r => r.CreateTime))
                {
                    if (receipt.Payer == context.Merchant.MerchantId && receipt.StockId == stockId && receipt.CouponCode == couponCode
                        && (outSubsidyNo is null || receipt.OutSubsidyNo == outSubsidyNo))
                        WriteReceipt(w, receipt);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
    }

    // The sandbox pays at once: the receipt is PAY_RECEIPT_SUCCESS from its creation.
    private static void WriteReceipt(System.Text.Json.Utf8JsonWriter w, SubsidyReceipt receipt)
    {
        w.WriteStartObject();
        w.WriteString("subsidy_receipt_id", receipt.Id);
        w.WriteString("stock_id", receipt.StockId);
        w.WriteString("coupon_code", receipt.CouponCode);
        w.WriteString("transaction_id", receipt.TransactionId);
        w.WriteString("payer_merchant", receipt.Payer);
        w.WriteString("payee_merchant", receipt.Payee);
        w.WriteNumber("amount", receipt.Amount);
        w.WriteString("description", receipt.Description);
        w.WriteString("status", "PAY_RECEIPT_SUCCESS");
        w.WriteString("success_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteString("out_subsidy_no", receipt.OutSubsidyNo);
        w.WriteString("create_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteEndObject();
    }

    private sealed record SubsidyReceipt(string Id, string StockId, string CouponCode, string TransactionId, string Payer, string Payee,
        long Amount, string Description, string OutSubsidyNo, DateTimeOffset CreateTime);
}
