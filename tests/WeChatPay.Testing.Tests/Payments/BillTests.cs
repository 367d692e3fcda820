using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>Trade and fund-flow bills over loopback: the application, the hash, the unsigned download, GZIP and the file format.</summary>
public sealed class BillTests
{
    private static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    /// <summary>A sandbox with one paid order of 123.45 yuan and a refund of 20.00 yuan of it.</summary>
    private static async Task<(OwnSandbox Own, string OutTradeNo, string OutRefundNo)> DayWithAPaymentAndARefundAsync()
    {
        var own = await OwnSandbox.StartAsync(new SandboxOptions { RefundSettlementDelay = TimeSpan.FromHours(1) });
        var outTradeNo = await own.PlaceJsapiAsync(new Uri("https://merchant.example.com/notify"), total: 12345);
        own.Sandbox.PayOrder(own.Merchant, outTradeNo);
        var outRefundNo = "R" + SandboxFixture.NewNonce()[..16];
        await own.PostAsync("v3/refund/domestic/refunds", new JsonObject
        {
            ["out_trade_no"] = outTradeNo,
            ["out_refund_no"] = outRefundNo,
            ["amount"] = new JsonObject { ["refund"] = 2000, ["total"] = 12345, ["currency"] = "CNY" },
        });
        return (own, outTradeNo, outRefundNo);
    }

    /// <summary>Downloads over the socket with a signed GET and the raw HttpClient; returns the status, the headers and the bytes.</summary>
    private static async Task<(HttpStatusCode Status, HttpResponseMessage Response, byte[] Body)> DownloadAsync(OwnSandbox own, SandboxMerchant merchant, string downloadUrl)
    {
        var url = new Uri(downloadUrl);
        using var key = MerchantPrivateKey.FromPem(merchant.PrivateKeyPem!);
        var signer = new RequestSigner(merchant.MerchantId, merchant.MerchantSerialNumber, key, TimeProvider.System);
        var authorization = signer.CreateAuthorization("GET", url.PathAndQuery, [], DateTimeOffset.UtcNow.ToUnixTimeSeconds(), SandboxFixture.NewNonce());
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await http.SendAsync(request);
        return (response.StatusCode, response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_trade_bill_answers_a_SHA1_of_the_file_and_a_URL_that_serves_the_days_transactions_unsigned()
    {
        var (own, outTradeNo, outRefundNo) = await DayWithAPaymentAndARefundAsync();
        await using var _ = own;

        var offer = await own.GetAsync($"v3/bill/tradebill?bill_date={Today}&bill_type=ALL");
        var downloadUrl = offer["download_url"]!.GetValue<string>();
        var (status, response, body) = await DownloadAsync(own, own.Merchant, downloadUrl);

        Assert.Equal("SHA1", offer["hash_type"]!.GetValue<string>());
        Assert.StartsWith(own.Server.BaseAddress + "v3/billdownload/file?token=", downloadUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(response.Headers.Contains("Wechatpay-Signature"));
        Assert.Equal(offer["hash_value"]!.GetValue<string>(), Convert.ToHexStringLower(SHA1.HashData(body)));
        var lines = Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,", lines[0]);
        Assert.Equal(27, lines[0].Split(',').Length);
        var payment = lines[1].Split(',');
        Assert.All(payment, v => Assert.StartsWith("`", v));
        Assert.Equal(27, payment.Length);
        Assert.Equal("`" + outTradeNo, payment[6]);
        Assert.Equal("`SUCCESS", payment[9]);
        Assert.Equal("`123.45", payment[12]);
        var refund = lines[2].Split(',');
        Assert.Equal("`REFUND", refund[9]);
        Assert.Equal("`" + outRefundNo, refund[15]);
        Assert.Equal("`20.00", refund[16]);
        Assert.Equal("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额", lines[3]);
        Assert.Equal("`2,`123.45,`20.00,`0.00,`0.62000,`123.45,`20.00", lines[4]);
    }

    [Fact]
    public async Task With_GZIP_the_download_is_gzipped_and_the_hash_covers_the_bill_before_compression()
    {
        var (own, _, _) = await DayWithAPaymentAndARefundAsync();
        await using var __ = own;

        var offer = await own.GetAsync($"v3/bill/tradebill?bill_date={Today}&tar_type=GZIP");
        var (_, response, body) = await DownloadAsync(own, own.Merchant, offer["download_url"]!.GetValue<string>());
        using var plain = new MemoryStream();
        await new GZipStream(new MemoryStream(body), CompressionMode.Decompress).CopyToAsync(plain);

        Assert.Equal("application/x-gzip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(offer["hash_value"]!.GetValue<string>(), Convert.ToHexStringLower(SHA1.HashData(plain.ToArray())));
        Assert.NotEqual(offer["hash_value"]!.GetValue<string>(), Convert.ToHexStringLower(SHA1.HashData(body)));
        Assert.StartsWith("交易时间,", Encoding.UTF8.GetString(plain.ToArray()));
    }

    [Theory]
    [InlineData("SUCCESS", "`SUCCESS")]
    [InlineData("REFUND", "`REFUND")]
    public async Task Bill_type_keeps_only_payments_or_only_refunds(string billType, string state)
    {
        var (own, _, _) = await DayWithAPaymentAndARefundAsync();
        await using var _ = own;

        var offer = await own.GetAsync($"v3/bill/tradebill?bill_date={Today}&bill_type={billType}");
        var (_, _, body) = await DownloadAsync(own, own.Merchant, offer["download_url"]!.GetValue<string>());
        var lines = Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.Equal(state, lines[1].Split(',')[9]);
    }

    [Fact]
    public async Task The_fund_flow_bill_lists_income_fee_and_refund_with_the_running_balance()
    {
        var (own, outTradeNo, outRefundNo) = await DayWithAPaymentAndARefundAsync();
        await using var _ = own;

        var offer = await own.GetAsync($"v3/bill/fundflowbill?bill_date={Today}&account_type=BASIC");
        var (_, _, body) = await DownloadAsync(own, own.Merchant, offer["download_url"]!.GetValue<string>());
        var lines = Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var operation = await Assert.ThrowsAsync<WeChatPayApiException>(() => own.GetAsync($"v3/bill/fundflowbill?bill_date={Today}&account_type=OPERATION"));

        Assert.Equal(6, lines.Length);
        Assert.StartsWith("记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）", lines[0]);
        Assert.Equal(["`收入", "`123.45", "`123.45"], lines[1].Split(',')[5..8]);
        Assert.Equal(["`支出", "`0.74", "`122.71"], lines[2].Split(',')[5..8]);
        Assert.Equal(["`支出", "`20.00", "`102.71"], lines[3].Split(',')[5..8]);
        Assert.Equal("`" + outTradeNo, lines[1].Split(',')[10]);
        Assert.Equal("`" + outRefundNo, lines[3].Split(',')[10]);
        Assert.Equal("`3,`1,`123.45,`2,`20.74", lines[5]);
        Assert.Equal("NO_STATEMENT_EXIST", operation.Code);
    }

    [Fact]
    public async Task The_sub_merchant_fund_flow_bill_is_served_encrypted_with_a_key_only_the_merchant_can_open()
    {
        await using var own = await OwnSandbox.StartAsync();
        var outTradeNo = PaymentRequests.NewOutTradeNo();
        await own.PostAsync("v3/pay/partner/transactions/jsapi", PaymentRequests.Partner(own.Merchant, "1900000109", outTradeNo, total: 500));
        own.Sandbox.PayOrder(own.Merchant, outTradeNo, subMchId: "1900000109");

        var offer = await own.GetAsync($"v3/bill/sub-merchant-fundflowbill?sub_mchid=1900000109&bill_date={Today}&account_type=BASIC&algorithm=AEAD_AES_256_GCM&tar_type=GZIP");
        var entry = offer["download_bill_list"]![0]!;
        var (_, response, body) = await DownloadAsync(own, own.Merchant, entry["download_url"]!.GetValue<string>());
        using var rsa = RSA.Create();
        rsa.ImportFromPem(own.Merchant.PrivateKeyPem);
        var key = rsa.Decrypt(Convert.FromBase64String(entry["encrypt_key"]!.GetValue<string>()), RSAEncryptionPadding.OaepSHA1);
        var gzipped = new byte[body.Length - 16];
        using (var aes = new AesGcm(key, 16))
            aes.Decrypt(Encoding.UTF8.GetBytes(entry["nonce"]!.GetValue<string>()), body.AsSpan(0, gzipped.Length), body.AsSpan(gzipped.Length), gzipped);
        using var plain = new MemoryStream();
        await new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress).CopyToAsync(plain);
        var otherSub = await Assert.ThrowsAsync<WeChatPayApiException>(() =>
            own.GetAsync($"v3/bill/sub-merchant-fundflowbill?sub_mchid=1900000110&bill_date={Today}&account_type=BASIC&algorithm=AEAD_AES_256_GCM"));

        Assert.Equal(1, offer["download_bill_count"]!.GetValue<int>());
        Assert.False(response.Headers.Contains("Wechatpay-Signature"));
        Assert.Equal(entry["hash_value"]!.GetValue<string>(), Convert.ToHexStringLower(SHA1.HashData(plain.ToArray())));
        var lines = Encoding.UTF8.GetString(plain.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["`收入", "`5.00", "`5.00"], lines[1].Split(',')[5..8]);
        Assert.Equal("NO_STATEMENT_EXIST", otherSub.Code);
    }

    [Theory]
    [InlineData("2026/12/01", "PARAM_ERROR")]
    [InlineData("2999-01-01", "PARAM_ERROR")]
    [InlineData("yesterday", "PARAM_ERROR")]
    public async Task A_bad_or_future_bill_date_is_refused(string date, string code)
    {
        await using var own = await OwnSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => own.GetAsync($"v3/bill/tradebill?bill_date={Uri.EscapeDataString(date)}"));

        Assert.Equal(code, error.Code);
        Assert.Equal("bill_date", error.Detail!.Field);
    }

    [Fact]
    public async Task A_day_without_transactions_has_no_bill()
    {
        await using var own = await OwnSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => own.GetAsync($"v3/bill/tradebill?bill_date={Today}"));

        Assert.Equal("NO_STATEMENT_EXIST", error.Code);
    }

    [Fact]
    public async Task Another_merchant_cannot_use_the_download_URL()
    {
        var (own, _, _) = await DayWithAPaymentAndARefundAsync();
        await using var _ = own;
        var other = own.Sandbox.ImportMerchant(TestKeys.OtherRsaPem);

        var offer = await own.GetAsync($"v3/bill/tradebill?bill_date={Today}");
        var (status, response, body) = await DownloadAsync(own, other, offer["download_url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(response.Headers.Contains("Wechatpay-Signature"));
        Assert.Contains("INVALID_REQUEST", Encoding.UTF8.GetString(body));
    }
}
