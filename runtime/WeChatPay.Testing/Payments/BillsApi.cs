using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Bills (申请交易账单, 申请资金账单, 下载账单): the application answers <c>{hash_type, hash_value, download_url}</c>,
/// where the SHA-1 covers the bill itself (before GZIP); the download, a signed GET like every call, answers the
/// file unsigned, as WeChat Pay does. A bill holds that China-time day's sandbox payments and refunds.
/// </summary>
internal sealed class BillsApi(PaymentLedger ledger, TimeProvider time)
{
    /// <summary>How long a download URL works; WeChat Pay's documentation says 5 minutes.</summary>
    public static readonly TimeSpan DownloadLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How far back bills go; WeChat Pay serves three months.</summary>
    public const int MaxAgeMonths = 3;

    private static readonly string[] BillTypes = ["ALL", "SUCCESS", "REFUND"];
    private static readonly string[] AccountTypes = ["BASIC", "OPERATION", "FEES"];

    private readonly ConcurrentDictionary<string, (string Owner, byte[] File, bool Gzip, DateTimeOffset Expires)> _downloads = new(StringComparer.Ordinal);

    public void MapRoutes(Router router)
    {
        router.Map("GET", "v3/bill/tradebill", TradeBill);
        router.Map("GET", "v3/bill/fundflowbill", FundFlowBill);
        router.Map("GET", "v3/billdownload/file", Download);
    }

    private ApiResult TradeBill(RouteContext context)
    {
        var date = BillDate(context);
        var billType = QueryEnum(context, "bill_type", BillTypes) ?? "ALL";
        var gzip = TarType(context);
        context.Query.TryGetValue("sub_mchid", out var subMchId);
        byte[] file;
        lock (ledger.Gate)
        {
            var (payments, refunds) = Entries(context.Merchant, string.IsNullOrEmpty(subMchId) ? null : subMchId, date);
            if (billType == "SUCCESS")
                refunds = [];
            else if (billType == "REFUND")
                payments = [];
            if (payments.Count == 0 && refunds.Count == 0)
                throw NoStatement();
            file = BillWriter.TradeBill(payments, refunds);
        }
        return Offer(context, file, gzip);
    }

    private ApiResult FundFlowBill(RouteContext context)
    {
        var date = BillDate(context);
        var accountType = QueryEnum(context, "account_type", AccountTypes) ?? "BASIC";
        var gzip = TarType(context);
        byte[] file;
        lock (ledger.Gate)
        {
            var (payments, refunds) = Entries(context.Merchant, null, date);
            // Only the basic account moves in the sandbox; the operation and fee accounts have no flow.
            if (accountType != "BASIC" || (payments.Count == 0 && refunds.Count == 0))
                throw NoStatement();
            file = BillWriter.FundFlowBill(payments, refunds);
        }
        return Offer(context, file, gzip);
    }

    private static SandboxError NoStatement() => new(400, "NO_STATEMENT_EXIST", "账单文件不存在，当日没有交易 (no bill: nothing happened that day)");

    /// <summary>The day's payments (by success time) and refunds (by creation time) of the merchant, in China time.</summary>
    private (List<PaymentOrder> Payments, List<PaymentRefund> Refunds) Entries(SandboxMerchant merchant, string? subMchId, DateOnly date)
    {
        static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var payments = new List<PaymentOrder>();
        var refunds = new List<PaymentRefund>();
        foreach (var order in ledger.Orders)
        {
            if (order.Owner.MerchantId != merchant.MerchantId || (subMchId is not null && order.SubMchId != subMchId))
                continue;
            if (order.SuccessTime is { } paid && Day(paid) == date)
                payments.Add(order);
            refunds.AddRange(order.Refunds.Where(r => Day(r.CreateTime) == date));
        }
        return (payments, refunds);
    }

    internal DateOnly BillDate(RouteContext context)
    {
        if (!context.Query.TryGetValue("bill_date", out var text) || text.Length == 0)
            throw SandboxError.ParamError("缺少参数bill_date (bill_date is required)", "bill_date", "required", "query");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw SandboxError.ParamError("bill_date格式错误，应为yyyy-MM-dd (bill_date must be yyyy-MM-dd)", "bill_date", "must be yyyy-MM-dd", "query", text);
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        // WeChat Pay makes a day's bill the next morning; the sandbox serves today's too, for tests.
        if (date > today || date < today.AddMonths(-MaxAgeMonths))
            throw SandboxError.ParamError($"bill_date应为三个月内且不晚于今天的日期 (bill_date must be within the last {MaxAgeMonths} months and not in the future)",
                "bill_date", $"must be within the last {MaxAgeMonths} months and not in the future", "query", text);
        return date;
    }

    private static string? QueryEnum(RouteContext context, string name, string[] allowed)
    {
        if (!context.Query.TryGetValue(name, out var value))
            return null;
        if (Array.IndexOf(allowed, value) < 0)
            throw SandboxError.ParamError($"{name}取值无效，应为{string.Join("、", allowed)} (unknown {name})", name, $"must be one of {string.Join(", ", allowed)}", "query", value);
        return value;
    }

    internal static bool TarType(RouteContext context) => QueryEnum(context, "tar_type", ["GZIP"]) == "GZIP";

    /// <summary>Keeps the file for download and answers its hash (over the plain file, also when GZIP is asked for) and URL.</summary>
    internal ApiResult Offer(RouteContext context, byte[] file, bool gzip)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)).Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _downloads)
        {
            if (entry.Expires < now)
                _downloads.TryRemove(key, out _);
        }
        _downloads[token] = (context.Merchant.MerchantId, file, gzip, now + DownloadLifetime);
        var host = context.Request.GetHeader("Host");
        // Over Kestrel the URL names the sandbox itself; in process, the official host (the handler answers every host).
        var baseUrl = host is null ? "https://api.mch.weixin.qq.com/" : "http://" + host + "/";
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("hash_type", "SHA1");
            w.WriteString("hash_value", Convert.ToHexStringLower(SHA1.HashData(file)));
            w.WriteString("download_url", baseUrl + "v3/billdownload/file?token=" + token);
            w.WriteEndObject();
        }));
    }

    private ApiResult Download(RouteContext context)
    {
        if (!context.Query.TryGetValue("token", out var token) || !_downloads.TryGetValue(token, out var entry)
            || entry.Owner != context.Merchant.MerchantId || entry.Expires < time.GetUtcNow())
            throw SandboxError.InvalidRequest("下载链接无效或已过期，请重新申请账单 (the download URL is unknown, another merchant's, or expired)");
        var body = entry.File;
        if (entry.Gzip)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(entry.File);
            body = buffer.ToArray();
        }
        return new ApiResult(200, body, Unsigned: true, ContentType: entry.Gzip ? "application/x-gzip" : "text/plain; charset=utf-8");
    }
}
