using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

/// <summary>
/// 商家券 (busifavor) with state in memory and WeChat Pay's rules: stocks (create, query, update, budget), pre-stored
/// codes (预存code), consumption cards (发放消费卡, from a registry of cards), the coupon's life (use, return, deactivate,
/// associate), the user's coupons, event callbacks and subsidy pay receipts. One lock guards all state: the sandbox
/// favours being obviously right. Features live in partial files (<c>BusifavorApi.Stocks.cs</c>, …).
/// </summary>
internal sealed partial class BusifavorApi(TimeProvider time, Func<string, bool> merchantExists)
{
    public const int MaxCodesPerUpload = 200;
    public const int MaxCodeLength = 32;
    public const int MaxListLimit = 200;
    public const int DefaultListLimit = 20;

    private readonly object _gate = new();
    private readonly Dictionary<string, Stock> _stocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stockByOutRequestNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _sendResults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _useResults = new(StringComparer.Ordinal);
    private long _nextStockId = 1_265_000_000 + Random.Shared.Next(0, 1_000_000);

    public void MapRoutes(Router router)
    {
        router.Map("POST", "v3/marketing/busifavor/stocks", CreateStock);
        router.Map("GET", "v3/marketing/busifavor/stocks/{stock_id}", QueryStock);
        router.Map("POST", "v3/marketing/busifavor/stocks/{stock_id}/couponcodes", UploadCodes);
        router.Map("GET", "v3/marketing/busifavor/stocks/{stock_id}/couponcodes", ListCodes);
        router.Map("POST", "v3/marketing/busifavor/coupons/{card_id}/send", SendCard);
        router.Map("POST", "v3/marketing/busifavor/coupons/use", UseCoupon);
        router.Map("GET", "v3/marketing/busifavor/users/{openid}/coupons/{coupon_code}/appids/{appid}", QueryUserCoupon);
        router.Map("PATCH", "v3/marketing/busifavor/stocks/{stock_id}", UpdateStock);
        router.Map("PATCH", "v3/marketing/busifavor/stocks/{stock_id}/budget", UpdateBudget);
        router.Map("GET", "v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", QueryCode);
        router.Map("DELETE", "v3/marketing/busifavor/stocks/{stock_id}/couponcodes/{coupon_code}", DeleteCode);
        router.Map("GET", "v3/marketing/busifavor/users/{openid}/coupons", ListUserCoupons);
        router.Map("POST", "v3/marketing/busifavor/coupons/return", ReturnCoupon);
        router.Map("POST", "v3/marketing/busifavor/coupons/deactivate", DeactivateCoupon);
        router.Map("POST", "v3/marketing/busifavor/coupons/associate", AssociateTrade);
        router.Map("POST", "v3/marketing/busifavor/coupons/disassociate", DisassociateTrade);
        router.Map("POST", "v3/marketing/busifavor/callbacks", SetCallback);
        router.Map("GET", "v3/marketing/busifavor/callbacks", GetCallback);
        router.Map("POST", "v3/marketing/busifavor/subsidy/pay-receipts", CreateSubsidyReceipt);
        router.Map("GET", "v3/marketing/busifavor/subsidy/pay-receipts/{subsidy_receipt_id}", QuerySubsidyReceipt);
        router.Map("GET", "v3/marketing/busifavor/subsidy/pay-receipts", ListSubsidyReceipts);
        router.Map("POST", "v3/marketing/busifavor/subsidy/return-receipts", CreateSubsidyReturn);
        router.Map("GET", "v3/marketing/busifavor/subsidy/return-receipts/{subsidy_return_receipt_id}", QuerySubsidyReturn);
        // Sandbox control routes: what the merchant platform and the user's WeChat do.
        router.Map("POST", "sandbox/v1/marketing/busifavor/cards", CreateCardRoute);
        router.Map("GET", "sandbox/v1/marketing/busifavor/cards/{card_id}", QueryCardRoute);
        router.Map("POST", "sandbox/v1/marketing/busifavor/stocks/{stock_id}/send", SendCoupon);
    }

    private DateTimeOffset Now => time.GetUtcNow();

    // ---- 上传预存code POST /v3/marketing/busifavor/stocks/{stock_id}/couponcodes ----------------------------------

    private ApiResult UploadCodes(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var list = JsonBody.RequiredArray(body, "coupon_code_list");
        var uploadRequestNo = JsonBody.RequiredString(body, "upload_request_no");
        if (uploadRequestNo.Length > 128)
            throw SandboxError.ParamError("upload_request_no长度不能超过128 (upload_request_no is longer than 128 characters)", "/upload_request_no", "must be at most 128 characters");
        var count = list.GetArrayLength();
        if (count is < 1 or > MaxCodesPerUpload)
            throw SandboxError.ParamError(
                $"券code列表条目个数限制为【1, {MaxCodesPerUpload}】，本次为{count}个 (coupon_code_list must hold 1 to {MaxCodesPerUpload} codes)",
                "/coupon_code_list", $"must hold 1 to {MaxCodesPerUpload} codes, found {count}", value: count.ToString(CultureInfo.InvariantCulture));
        var codes = new List<string>(count);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw SandboxError.ParamError($"输入源“/body/coupon_code_list/{index}”类型错误，应为字符串 (expected a string)",
                    $"/coupon_code_list/{index}", $"expected a string, found {JsonBody.Describe(item.ValueKind)}");
            codes.Add(item.GetString()!);
            index++;
        }

        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            // upload_request_no makes the upload idempotent: the same number returns the first result, unchanged.
            if (stock.Uploads.TryGetValue(uploadRequestNo, out var first))
                return ApiResult.Ok(first);
            if (stock.CodeMode != "MERCHANT_UPLOAD")
                throw SandboxError.InvalidRequest($"批次{stock.StockId}的券code模式为{stock.CodeMode}，仅MERCHANT_UPLOAD模式可上传预存code (the stock's coupon_code_mode is not MERCHANT_UPLOAD)");

            var now = Now;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            var success = new List<string>();
            var exist = new List<string>();
            var fail = new List<(string Code, string Error, string Message)>();
            foreach (var code in codes)
            {
                if (!seen.Add(code))
                {
                    // Each code repeated within the request is listed once; its first occurrence is judged normally.
                    if (!duplicates.Contains(code))
                        duplicates.Add(code);
                    continue;
                }
                if (ValidateCode(code) is { } problem)
                    fail.Add((code, code.Length > MaxCodeLength ? "LENGTH_LIMIT" : "PARAM_ERROR", problem));
                else if (stock.CodeIndex.ContainsKey(code))
                    exist.Add(code);
                else
                {
                    var entry = new CodeEntry(code, now);
                    stock.Codes.Add(entry);
                    stock.CodeIndex[code] = entry;
                    success.Add(code);
                }
            }

            var result = SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteNumber("total_count", seen.Count); // distinct codes: success + fail + exist
                w.WriteNumber("success_count", success.Count);
                WriteStrings(w, "success_codes", success);
                w.WriteString("success_time", SandboxJson.Time(now));
                w.WriteNumber("fail_count", fail.Count);
                w.WriteStartArray("fail_codes");
                foreach (var (code, error, message) in fail)
                {
                    w.WriteStartObject();
                    w.WriteString("coupon_code", code);
                    w.WriteString("code", error);
                    w.WriteString("message", message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WriteStrings(w, "exist_codes", exist);
                WriteStrings(w, "duplicate_codes", duplicates);
                w.WriteEndObject();
            });
            stock.Uploads[uploadRequestNo] = result;
            return ApiResult.Ok(result);
        }
    }

    /// <summary>A code is 1–32 characters of <c>0-9 a-z A-Z</c>, space, <c>- _ \ / = |</c>; null when valid.</summary>
    internal static string? ValidateCode(string code)
    {
        if (code.Length is < 1 or > MaxCodeLength)
            return $"code长度应为【1, {MaxCodeLength}】，当前为{code.Length} (a code must be 1 to {MaxCodeLength} characters)";
        foreach (var c in code)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '\\' or '/' or '=' or '|'))
                return $"code含有不允许的字符，仅允许0-9、a-z、A-Z、空格、-、_、\\、/、=、| (character U+{(int)c:X4} is not allowed)";
        }
        return null;
    }

    // ---- 查询预存code GET /v3/marketing/busifavor/stocks/{stock_id}/couponcodes --------------------------------------

    private static readonly string[] CodeStatuses = ["AVAILABLE", "DISPATCHED"];

    private ApiResult ListCodes(RouteContext context)
    {
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        var limit = QueryInteger(context, "limit", DefaultListLimit, 1, MaxListLimit);
        context.Query.TryGetValue("status", out var status);
        if (status is not null && Array.IndexOf(CodeStatuses, status) < 0)
            throw SandboxError.ParamError($"status取值无效，应为{string.Join("、", CodeStatuses)} (unknown status)", "status",
                $"must be one of {string.Join(", ", CodeStatuses)}", "query", status);

        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            var matching = status is null ? stock.Codes : stock.Codes.FindAll(c => c.Status == status);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                // total_count is every code uploaded to the stock, whatever the status filter (查询预存code列表).
                w.WriteNumber("total_count", stock.Codes.Count);
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                w.WriteStartArray("data");
                for (var i = offset; i < matching.Count && i < (long)offset + limit; i++)
                {
                    var entry = matching[i];
                    w.WriteStartObject();
                    w.WriteString("code", entry.Code);
                    w.WriteString("code_status", entry.Status);
                    w.WriteString("upload_time", entry.UploadTimeText);
                    if (entry.DispatchedTime is { } dispatched)
                    {
                        w.WriteString("dispatched_time", SandboxJson.Time(dispatched));
                        w.WriteString("openid", entry.OpenId);
                        w.WriteString("coupon_code", entry.Code);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
    }

    private static int QueryInteger(RouteContext context, string name, int fallback, int min, int max)
    {
        if (!context.Query.TryGetValue(name, out var text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw SandboxError.ParamError($"{name}取值无效，应为【{min}, {max}】的整数 ({name} must be an integer from {min} to {max})",
                name, $"must be an integer from {min} to {max}", "query", text);
        return value;
    }

    // ---- the user receives a coupon: POST /sandbox/v1/marketing/busifavor/stocks/{stock_id}/send -----------------------
    // Not a WeChat Pay API: users receive 商家券 in the merchant's mini program or H5 page (发券插件), which the
    // sandbox plays here. A send is unique per stock and user on out_request_no, as the plugin's is.

    private ApiResult SendCoupon(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var appid = PaymentRulesAppId(body);
        var openid = PaymentRules.Text(body, "openid", 128);
        var outRequestNo = PaymentRules.Text(body, "out_request_no", 128);
        var requestedCode = JsonBody.OptionalString(body, "coupon_code");

        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            var key = stock.StockId + "\n" + openid + "\n" + outRequestNo;
            if (_sendResults.TryGetValue(key, out var first))
                return ApiResult.Ok(first);
            if (stock.State != "RUNNING")
                throw SandboxError.InvalidRequest($"批次{stock.StockId}状态为{stock.State}，不可发放 (the stock is not RUNNING)");
            if (stock.SentCount >= stock.MaxCoupons)
                throw SandboxError.InvalidRequest($"批次{stock.StockId}已达到发放总上限{stock.MaxCoupons} (the stock has reached max_coupons)");
            if (stock.Coupons.Values.Count(c => c.OpenId == openid) >= stock.MaxCouponsPerUser)
                throw SandboxError.InvalidRequest($"用户已达到本批次领取上限{stock.MaxCouponsPerUser} (the user has reached max_coupons_per_user)");
            if ((stock.CodeMode == "MERCHANT_API") != (requestedCode is not null))
                throw SandboxError.ParamError("coupon_code仅在MERCHANT_API模式的批次必填，其他模式不可填写 (coupon_code is required for MERCHANT_API stocks and not allowed otherwise)",
                    "/coupon_code", "required for MERCHANT_API stocks, not allowed otherwise", value: requestedCode);
            // Whole seconds, as WeChat Pay records times: a use_time in the same second as the receipt is within the window.
            var now = Now;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            string code;
            if (requestedCode is not null)
            {
                if (ValidateCode(requestedCode) is { } problem)
                    throw SandboxError.ParamError(problem, "/coupon_code", problem, value: requestedCode);
                if (stock.Coupons.ContainsKey(requestedCode))
                    throw new SandboxError(400, "RESOURCE_ALREADY_EXISTS", $"券code {requestedCode}已发放 (the coupon_code was already sent in this stock)");
                code = requestedCode;
            }
            else if (stock.CodeMode == "MERCHANT_UPLOAD")
            {
                // WeChat Pay picks one of the uploaded codes; the sandbox takes the oldest, to stay deterministic.
                var entry = stock.Codes.Find(c => c.Status == "AVAILABLE")
                    ?? throw SandboxError.InvalidRequest($"批次{stock.StockId}的预存code已全部发放，请先上传预存code (no AVAILABLE pre-stored code left)");
                entry.Status = "DISPATCHED";
                entry.DispatchedTime = now;
                entry.OpenId = openid;
                code = entry.Code;
            }
            else
            {
                do code = SandboxRandom.Digits(12);
                while (stock.Coupons.ContainsKey(code));
            }
            stock.SentCount++;
            stock.SendTimes.Add(now);
            stock.Coupons[code] = new Coupon(code, stock, openid, appid, outRequestNo, now);
            var result = SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteString("out_request_no", outRequestNo);
                w.WriteString("coupon_code", code);
                w.WriteEndObject();
            });
            _sendResults[key] = result;
            return ApiResult.Ok(result);
        }
    }

    // ---- 核销用户券 POST /v3/marketing/busifavor/coupons/use ----------------------------------------------------------

    private ApiResult UseCoupon(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var stockId = JsonBody.OptionalString(body, "stock_id");
        PaymentRulesAppId(body);
        var useTime = JsonBody.RequiredTime(body, "use_time");
        var useRequestNo = JsonBody.RequiredString(body, "use_request_no");
        var openid = JsonBody.OptionalString(body, "openid");

        lock (_gate)
        {
            var key = context.Merchant.MerchantId + "\n" + useRequestNo;
            if (_useResults.TryGetValue(key, out var first))
                return ApiResult.Ok(first);
            var coupon = FindCoupon(context.Merchant.MerchantId, stockId, couponCode)
                ?? throw SandboxError.NotExists($"券{couponCode}不存在 (no such coupon)");
            if (stockId is null && coupon.Stock.CodeMode != "WECHATPAY_MODE")
                throw SandboxError.ParamError("MERCHANT_API和MERCHANT_UPLOAD模式的批次，核销时stock_id必填 (stock_id is required for MERCHANT_API and MERCHANT_UPLOAD stocks)",
                    "/stock_id", "required for MERCHANT_API and MERCHANT_UPLOAD stocks");
            if (openid is not null && openid != coupon.OpenId)
                throw SandboxError.NotExists($"用户{openid}名下不存在券{couponCode} (the coupon does not belong to this openid)");
            switch (StateOf(coupon))
            {
                case "USED":
                    throw SandboxError.InvalidRequest($"券{couponCode}已核销，不可重复核销 (the coupon has been used)");
                case "EXPIRED":
                    throw SandboxError.InvalidRequest($"券{couponCode}已过期 (the coupon has expired)");
                case "DEACTIVATED":
                    throw SandboxError.InvalidRequest($"券{couponCode}已失效 (the coupon was deactivated)");
            }
            if (useTime < coupon.AvailableStart || useTime > coupon.ExpireTime)
                throw SandboxError.InvalidRequest($"核销时间不在券的可用时间内 (use_time is outside the coupon's validity window {SandboxJson.Time(coupon.AvailableStart)} to {SandboxJson.Time(coupon.ExpireTime)})");
            coupon.State = "USED";
            coupon.UseRequestNo = useRequestNo;
            coupon.UseTime = useTime;
            coupon.WechatpayUseTime = Now;
            var result = SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", coupon.Stock.StockId);
                w.WriteString("openid", coupon.OpenId);
                w.WriteString("wechatpay_use_time", SandboxJson.Time(coupon.WechatpayUseTime.Value));
                w.WriteEndObject();
            });
            _useResults[key] = result;
            return ApiResult.Ok(result);
        }
    }

    internal byte[]? DescribeUsedCoupon(string merchantId, string stockId, string couponCode)
    {
        lock (_gate)
        {
            var coupon = FindCoupon(merchantId, stockId, couponCode);
            if (coupon is not { State: "USED" })
                return null;
            return SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("event_type", "COUPON.USE");
                w.WriteString("coupon_code", coupon.Code);
                w.WriteString("stock_id", coupon.Stock.StockId);
                w.WriteString("openid", coupon.OpenId);
                w.WriteString("appid", coupon.AppId);
                w.WriteString("belong_merchant", coupon.Stock.BelongMerchant);
                w.WriteString("use_request_no", coupon.UseRequestNo);
                w.WriteString("use_time", SandboxJson.Time(coupon.UseTime!.Value));
                w.WriteString("wechatpay_use_time", SandboxJson.Time(coupon.WechatpayUseTime!.Value));
                w.WriteEndObject();
            });
        }
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    private Stock FindStock(RouteContext context, string stockId)
    {
        // Another merchant's stock is as absent as a stock that never existed.
        if (_stocks.TryGetValue(stockId, out var stock) && stock.Owner == context.Merchant.MerchantId)
            return stock;
        throw SandboxError.NotExists($"批次{stockId}不存在 (no such stock_id)");
    }

    private Coupon? FindCoupon(string merchantId, string? stockId, string code)
    {
        foreach (var stock in _stocks.Values)
        {
            if (stock.Owner == merchantId && (stockId is null || stock.StockId == stockId) && stock.Coupons.TryGetValue(code, out var coupon))
                return coupon;
        }
        return null;
    }

    private static string RequiredEnum(JsonElement body, string name, string[] allowed, string pointer = "")
    {
        var value = JsonBody.RequiredString(body, name, pointer);
        if (Array.IndexOf(allowed, value) < 0)
            throw SandboxError.ParamError($"{name}取值无效，应为{string.Join("、", allowed)} ({name} has an unknown value)", pointer + "/" + name,
                $"must be one of {string.Join(", ", allowed)}", value: value);
        return value;
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private sealed class Stock
    {
        public required string StockId { get; init; }
        public required string Owner { get; init; }
        public required JsonElement Definition { get; set; }
        public required string StockName { get; set; }
        public required string BelongMerchant { get; init; }
        public required string GoodsName { get; set; }
        public string? Comment { get; set; }
        public required string StockType { get; init; }
        public required string CodeMode { get; init; }
        public long? MaxCoupons { get; set; }
        public long? MaxCouponsByDay { get; set; }
        public required int MaxCouponsPerUser { get; init; }
        public string State { get; set; } = "RUNNING";
        public int? AvailableDayAfterReceive { get; init; }
        public int WaitDaysAfterReceive { get; init; }
        public string? StockNameOverride { get; set; }
        public List<DateTimeOffset> SendTimes { get; } = [];
        public HashSet<string> BudgetRequests { get; } = new(StringComparer.Ordinal);
        public required DateTimeOffset CreateTime { get; init; }
        public required DateTimeOffset AvailableBegin { get; init; }
        public required DateTimeOffset AvailableEnd { get; init; }
        public long SentCount { get; set; }
        public List<CodeEntry> Codes { get; } = [];
        public Dictionary<string, CodeEntry> CodeIndex { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Coupon> Coupons { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, DateTimeOffset> Deletions { get; } = new(StringComparer.Ordinal);
    }

    private sealed class CodeEntry(string code, DateTimeOffset uploadTime)
    {
        public string Code { get; } = code;
        public DateTimeOffset UploadTime { get; } = uploadTime;
        // Formatted once: every page that lists the code writes it.
        public string UploadTimeText { get; } = SandboxJson.Time(uploadTime);
        public string Status { get; set; } = "AVAILABLE";
        public DateTimeOffset? DispatchedTime { get; set; }
        public string? OpenId { get; set; }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string PaymentRulesAppId(JsonElement body) => WeChatPay.Testing.Payments.PaymentRules.AppId(body, "appid");

    private sealed class Coupon(string code, Stock stock, string openId, string appId, string sendRequestNo, DateTimeOffset receiveTime)
    {
        public string Code { get; } = code;
        public Stock Stock { get; } = stock;
        public string OpenId { get; } = openId;
        public string AppId { get; } = appId;
        public string SendRequestNo { get; } = sendRequestNo;
        public DateTimeOffset ReceiveTime { get; } = receiveTime;
        public string State { get; set; } = "SENDED";
        public DateTimeOffset AvailableStart { get; } = Later(stock.AvailableBegin, receiveTime.AddDays(stock.WaitDaysAfterReceive));
        public DateTimeOffset ExpireTime { get; } = stock.AvailableDayAfterReceive is { } days
            ? Earlier(stock.AvailableEnd, Later(stock.AvailableBegin, receiveTime.AddDays(stock.WaitDaysAfterReceive)).AddDays(days))
            : stock.AvailableEnd;
        public string? AssociatedOutTradeNo { get; set; }
        public string? ReturnRequestNo { get; set; }
        public DateTimeOffset? ReturnTime { get; set; }
        public string? DeactivateRequestNo { get; set; }
        public DateTimeOffset? DeactivateTime { get; set; }
        public string? DeactivateReason { get; set; }
        public string? UseRequestNo { get; set; }
        public DateTimeOffset? UseTime { get; set; }
        public DateTimeOffset? WechatpayUseTime { get; set; }
    }
}
