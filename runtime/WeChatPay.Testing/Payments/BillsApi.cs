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

    private static readonly string[] SubMerchantAccountTypes = ["BASIC", "OPERATION", "FEES", "DEPOSIT"];

    private readonly ConcurrentDictionary<string, (string Owner, byte[] Body, string ContentType, DateTimeOffset Expires)> _downloads = new(StringComparer.Ordinal);

    public void MapRoutes(Router router)
    {
        router.Map("GET", "v3/bill/tradebill", TradeBill);
        router.Map("GET", "v3/bill/fundflowbill", FundFlowBill);
        router.Map("GET", "v3/bill/sub-merchant-fundflowbill", SubMerchantFundFlowBill);
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

    /// <summary>
    /// 申请单个子商户资金账单: the sub-merchant's basic-account flow, served encrypted. The answer lists one file
    /// (<c>download_bill_list</c>) with the AES-256-GCM key encrypted to the merchant's key (RSA-OAEP) in
    /// <c>encrypt_key</c>, the GCM <c>nonce</c>, and the SHA-1 of the plain bill.
    /// </summary>
    private ApiResult SubMerchantFundFlowBill(RouteContext context)
    {
        if (!context.Query.TryGetValue("sub_mchid", out var subMchId) || subMchId.Length == 0)
            throw SandboxError.ParamError("缺少参数sub_mchid (sub_mchid is required)", "sub_mchid", "required", "query");
        var date = BillDate(context);
        var accountType = QueryEnum(context, "account_type", SubMerchantAccountTypes)
            ?? throw SandboxError.ParamError("缺少参数account_type (account_type is required)", "account_type", "required", "query");
        var algorithm = QueryEnum(context, "algorithm", ["AEAD_AES_256_GCM", "SM4_GCM"])
            ?? throw SandboxError.ParamError("缺少参数algorithm (algorithm is required)", "algorithm", "required", "query");
        if (algorithm != "AEAD_AES_256_GCM" || context.Merchant.PublicKey is not RsaSandboxKey merchantKey)
            throw SandboxError.InvalidRequest("沙箱仅支持RSA商户的AEAD_AES_256_GCM加密账单 (the sandbox encrypts bills only with AEAD_AES_256_GCM, for RSA merchants)");
        var gzip = TarType(context);
        byte[] file;
        lock (ledger.Gate)
        {
            var (payments, refunds) = Entries(context.Merchant, subMchId, date);
            if (accountType != "BASIC" || (payments.Count == 0 && refunds.Count == 0))
                throw NoStatement();
            file = BillWriter.FundFlowBill(payments, refunds);
        }
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = SandboxRandom.Alphanumeric(12);
        var payload = gzip ? Gzip(file) : file;
        var encrypted = new byte[payload.Length + 16];
        using (var aes = new AesGcm(key, 16))
            aes.Encrypt(System.Text.Encoding.UTF8.GetBytes(nonce), payload, encrypted.AsSpan(0, payload.Length), encrypted.AsSpan(payload.Length));
        var url = Keep(context, encrypted, "application/octet-stream");
        var encryptKey = Convert.ToBase64String(merchantKey.Rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA1));
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("download_bill_count", 1);
            w.WriteStartArray("download_bill_list");
            w.WriteStartObject();
            w.WriteNumber("bill_sequence", 1);
            w.WriteString("download_url", url);
            w.WriteString("encrypt_key", encryptKey);
            w.WriteString("hash_type", "SHA1");
            w.WriteString("hash_value", Convert.ToHexStringLower(SHA1.HashData(file)));
            w.WriteString("nonce", nonce);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }));
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
        var url = Keep(context, gzip ? Gzip(file) : file, gzip ? "application/x-gzip" : "text/plain; charset=utf-8");
        return ApiResult.Ok(SandboxJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("hash_type", "SHA1");
            w.WriteString("hash_value", Convert.ToHexStringLower(SHA1.HashData(file)));
            w.WriteString("download_url", url);
            w.WriteEndObject();
        }));
    }

    /// <summary>Keeps <paramref name="body"/> for the merchant's download for 5 minutes; returns the download URL.</summary>
    internal string Keep(RouteContext context, byte[] body, string contentType)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)).Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _downloads)
        {
            if (entry.Expires < now)
                _downloads.TryRemove(key, out _);
        }
        _downloads[token] = (context.Merchant.MerchantId, body, contentType, now + DownloadLifetime);
        var host = context.Request.GetHeader("Host");
        // Over Kestrel the URL names the sandbox itself; in process, the official host (the handler answers every host).
        var baseUrl = host is null ? "https://api.mch.weixin.qq.com/" : "http://" + host + "/";
        return baseUrl + "v3/billdownload/file?token=" + token;
    }

    private static byte[] Gzip(byte[] file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(file);
        return buffer.ToArray();
    }

    private ApiResult Download(RouteContext context)
    {
        if (!context.Query.TryGetValue("token", out var token) || !_downloads.TryGetValue(token, out var entry)
            || entry.Owner != context.Merchant.MerchantId || entry.Expires < time.GetUtcNow())
            throw SandboxError.InvalidRequest("下载链接无效或已过期，请重新申请账单 (the download URL is unknown, another merchant's, or expired)");
        return new ApiResult(200, entry.Body, Unsigned: true, ContentType: entry.ContentType);
    }
}
