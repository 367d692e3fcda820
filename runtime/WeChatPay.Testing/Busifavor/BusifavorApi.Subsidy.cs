using System.Globalization;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// 营销补差付款 and 营销补差回退 with their queries: a used coupon is paid for once per out_subsidy_no, and a paid
// receipt is returned, once per out_subsidy_return_no, in parts that add up to at most what was paid.
internal sealed partial class BusifavorApi
{
    private readonly Dictionary<string, SubsidyReceipt> _receipts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubsidyReceipt> _receiptByOutNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubsidyReturn> _returns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubsidyReturn> _returnByOutNo = new(StringComparer.Ordinal);

    public const int MaxSubsidyDescriptionLength = 1024;

    /// <summary>The most one pay receipt subsidises: 5000 yuan, in fen.</summary>
    public const long MaxSubsidyAmount = 500_000;

    private ApiResult CreateSubsidyReceipt(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockId = JsonBody.RequiredString(body, "stock_id");
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var transactionId = JsonBody.RequiredString(body, "transaction_id");
        var payer = JsonBody.RequiredString(body, "payer_merchant");
        var payee = JsonBody.RequiredString(body, "payee_merchant");
        var amount = JsonBody.RequiredInteger(body, "amount");
        var description = PaymentRules.Text(body, "description", MaxSubsidyDescriptionLength);
        var outSubsidyNo = PaymentRules.OrderNumber(body, "out_subsidy_no", min: 1, max: 128);
        if (amount is < 1 or > MaxSubsidyAmount)
            throw SandboxError.ParamError("amount应为【1, 500000】，单位分，最高补差5000元 (amount must be 1 to 500000 fen)", "/amount", "must be 1 to 500000 fen",
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
            if (coupon.Stock.StockType == "EXCHANGE")
                throw SandboxError.InvalidRequest($"批次{stockId}为换购券，不支持补差 (an EXCHANGE stock is not subsidised)");
            // A 满减券's subsidy is at most its discount; a 折扣券's depends on the order, which the sandbox does not see.
            if (coupon.Stock.StockType == "NORMAL" && DiscountAmount(coupon.Stock) is { } discount && amount > discount)
                throw SandboxError.InvalidRequest($"补差金额不能超过券的优惠金额{discount}分 (amount exceeds the coupon's discount_amount, {discount} fen)");
            var now = Now;
            var receipt = new SubsidyReceipt(NewReceiptId("11", now), stockId, couponCode, transactionId, payer, payee, amount, description, outSubsidyNo, now);
            _receipts[receipt.Id] = receipt;
            _receiptByOutNo[key] = receipt;
            return ApiResult.Ok(SandboxJson.Write(w => WriteReceipt(w, receipt)));
        }
    }

    private static long? DiscountAmount(Stock stock) =>
        stock.Definition.TryGetProperty("coupon_use_rule", out var rule) && rule.TryGetProperty("fixed_normal_coupon", out var fixedRule)
            && fixedRule.TryGetProperty("discount_amount", out var value) && value.TryGetInt64(out var discount)
            ? discount : null;

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
        w.WriteString("status", receipt.Returned == 0 ? "PAY_RECEIPT_SUCCESS"
            : receipt.Returned < receipt.Amount ? "PAY_RECEIPT_PARTIAL_RETURN" : "PAY_RECEIPT_FULL_RETURN");
        w.WriteString("success_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteString("out_subsidy_no", receipt.OutSubsidyNo);
        w.WriteString("create_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteEndObject();
    }

    private sealed record SubsidyReceipt(string Id, string StockId, string CouponCode, string TransactionId, string Payer, string Payee,
        long Amount, string Description, string OutSubsidyNo, DateTimeOffset CreateTime)
    {
        /// <summary>What the return receipts against this one add up to, in fen.</summary>
        public long Returned { get; set; }
    }

    // ---- 营销补差回退 POST /v3/marketing/busifavor/subsidy/return-receipts -------------------------------------------

    private ApiResult CreateSubsidyReturn(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockId = PaymentRules.Text(body, "stock_id", 20);
        var couponCode = PaymentRules.Text(body, "coupon_code", 128);
        var transactionId = PaymentRules.Text(body, "transaction_id", 32);
        var refundId = PaymentRules.Text(body, "refund_id", 32);
        var payer = PaymentRules.Text(body, "payer_merchant", 32);
        var payee = PaymentRules.Text(body, "payee_merchant", 32);
        var amount = JsonBody.RequiredInteger(body, "amount");
        var description = PaymentRules.Text(body, "description", MaxSubsidyDescriptionLength);
        var outReturnNo = PaymentRules.OrderNumber(body, "out_subsidy_return_no", min: 1, max: 128);
        if (amount < 1)
            throw SandboxError.ParamError("amount应为正整数，单位分 (amount must be at least 1 fen)", "/amount", "must be at least 1",
                value: amount.ToString(CultureInfo.InvariantCulture));
        // The return goes back to the merchant that paid the subsidy, and only that merchant asks for it.
        if (payer != context.Merchant.MerchantId)
            throw SandboxError.ParamError("payer_merchant须为原补差扣款商户，即调用商户 (payer_merchant must be the calling merchant, which paid the subsidy)",
                "/payer_merchant", "must be the calling merchant", value: payer);
        lock (_gate)
        {
            // out_subsidy_return_no makes the call idempotent: the same number answers the first receipt.
            var key = context.Merchant.MerchantId + "\n" + outReturnNo;
            if (_returnByOutNo.TryGetValue(key, out var existing))
                return ApiResult.Ok(SandboxJson.Write(w => WriteReturn(w, existing)));
            RequireCoupon(context, stockId, couponCode);
            var paid = _receipts.Values
                .Where(r => r.Payer == payer && r.StockId == stockId && r.CouponCode == couponCode && r.TransactionId == transactionId)
                .OrderBy(r => r.CreateTime)
                .FirstOrDefault()
                ?? throw SandboxError.NotExists($"券{couponCode}在订单{transactionId}下没有补差付款单 (no subsidy pay receipt for this coupon and transaction_id)");
            if (payee != paid.Payee)
                throw SandboxError.ParamError("payee_merchant须为原补差入账商户 (payee_merchant must be the pay receipt's payee_merchant)",
                    "/payee_merchant", "must be the pay receipt's payee_merchant", value: payee);
            if (paid.Returned + amount > paid.Amount)
                throw SandboxError.InvalidRequest($"回退总金额不能超过补差金额{paid.Amount}分，已回退{paid.Returned}分 (the returns would exceed the subsidy: {paid.Returned} of {paid.Amount} fen already returned)");
            paid.Returned += amount;
            var now = Now;
            var receipt = new SubsidyReturn(NewReceiptId("21", now), paid, refundId, amount, description, outReturnNo, now);
            _returns[receipt.Id] = receipt;
            _returnByOutNo[key] = receipt;
            return ApiResult.Ok(SandboxJson.Write(w => WriteReturn(w, receipt)));
        }
    }

    // ---- 查询营销补差回退单详情 GET /v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id} ----------

    private ApiResult QuerySubsidyReturn(RouteContext context)
    {
        var id = context.Path("subsidy_return_receipt_id");
        lock (_gate)
        {
            if (!_returns.TryGetValue(id, out var receipt) || receipt.PayReceipt.Payer != context.Merchant.MerchantId)
                throw SandboxError.NotExists($"补差回退单{id}不存在 (no such subsidy return receipt)");
            return ApiResult.Ok(SandboxJson.Write(w => WriteReturn(w, receipt)));
        }
    }

    // 28 digits, like 1120200119165100000000000001 (pay) and 2120200119165100000000000001 (return): a prefix, the
    // date and time in China, and a serial.
    private string NewReceiptId(string prefix, DateTimeOffset now)
    {
        string id;
        do id = prefix + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + SandboxRandom.Digits(12);
        while (_receipts.ContainsKey(id) || _returns.ContainsKey(id));
        return id;
    }

    // The sandbox returns at once: the receipt is RETURN_RECEIPT_SUCCESS from its creation.
    private static void WriteReturn(System.Text.Json.Utf8JsonWriter w, SubsidyReturn receipt)
    {
        var paid = receipt.PayReceipt;
        w.WriteStartObject();
        w.WriteString("subsidy_return_receipt_id", receipt.Id);
        w.WriteString("stock_id", paid.StockId);
        w.WriteString("coupon_code", paid.CouponCode);
        w.WriteString("transaction_id", paid.TransactionId);
        w.WriteString("refund_id", receipt.RefundId);
        w.WriteString("payer_merchant", paid.Payer);
        w.WriteString("payee_merchant", paid.Payee);
        w.WriteNumber("amount", receipt.Amount);
        w.WriteString("description", receipt.Description);
        w.WriteString("status", "RETURN_RECEIPT_SUCCESS");
        w.WriteString("return_done_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteString("subsidy_receipt_id", paid.Id);
        w.WriteString("out_subsidy_return_no", receipt.OutSubsidyReturnNo);
        w.WriteString("return_create_time", SandboxJson.Time(receipt.CreateTime));
        w.WriteEndObject();
    }

    private sealed record SubsidyReturn(string Id, SubsidyReceipt PayReceipt, string RefundId, long Amount, string Description,
        string OutSubsidyReturnNo, DateTimeOffset CreateTime);
}
