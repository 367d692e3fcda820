using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Tests.TestSupport;

namespace WeChatPay.Apis.Tests.Bills;

/// <summary>
/// The bill file is read through a stream that checks its SHA-1 at the end; the download is signed, the answer is
/// not, and a file that does not match is an error before the stream can end cleanly.
/// </summary>
public class BillDownloadTests
{
    // The official trade bill's layout: a header row, back-quoted fields, then the summary rows.
    private static readonly byte[] TradeBill = Encoding.UTF8.GetBytes(
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
        + "`2026-12-06 10:34:56,`wxd678efh567hg6787,`1900000001,`0,`,`4200001234202612061234567890,`ORDER-0001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`CMC,`CNY,`1.00,`0.00,`0,`0,`0.00,`0.00,`,`,`QQ公仔,`,`0.01000,`0.60%,`1.00,`0.00,`\r\n"
        + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
        + "`1,`1.00,`0.00,`0.00,`0.01000,`1.00,`0.00\r\n");

    private static Bill BillFor(byte[] original, string host = "https://api.mch.weixin.qq.com")
        => new() { HashType = "SHA1", HashValue = Convert.ToHexStringLower(SHA1.HashData(original)), DownloadUrl = host + "/v3/billdownload/file?token=6XIv5TUP%2Bto7" };

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
            gzip.Write(data);
        return buffer.ToArray();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Plain_file_with_matching_hash_reads_to_the_end_and_is_verified()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(TradeBill));
        using var client = gateway.CreateClient();

        await using var stream = await client.DownloadBillAsync(BillFor(TradeBill));
        Assert.False(stream.IsVerified);
        var read = ReadAll(stream);

        Assert.Equal(TradeBill, read);
        Assert.True(stream.IsVerified);
        var sent = Assert.Single(gateway.Requests);
        Assert.Equal(("GET", "/v3/billdownload/file?token=6XIv5TUP%2Bto7"), (sent.Method, sent.Target));
    }

    [Fact]
    public async Task Gzipped_file_is_inflated_and_its_hash_checked_over_the_original()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(Gzip(TradeBill)));
        using var client = gateway.CreateClient();

        await using var stream = await client.DownloadBillAsync(BillFor(TradeBill));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(TradeBill, copy.ToArray());
        Assert.True(stream.IsVerified);
    }

    [Fact]
    public void Mismatching_hash_throws_at_the_end_instead_of_ending_the_stream()
    {
        var tampered = (byte[])TradeBill.Clone();
        tampered[^10] ^= 1;
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(tampered));
        using var client = gateway.CreateClient();

        using var stream = client.DownloadBill(BillFor(TradeBill));
        var ex = Assert.Throws<WeChatPayBillIntegrityException>(() => ReadAll(stream));

        Assert.False(stream.IsVerified);
        Assert.Contains("not the hash_value", ex.Message);
        Assert.Equal("08F78BB5AF0610D4A9E2C9ED011800", ex.RequestId);
        // Reading on after the failure fails again: the stream never ends cleanly.
        Assert.Throws<WeChatPayBillIntegrityException>(() => stream.Read(new byte[16]));
    }

    [Fact]
    public async Task Truncated_plain_body_fails_the_hash()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(TradeBill[..(TradeBill.Length / 2)]));
        using var client = gateway.CreateClient();

        await using var stream = await client.DownloadBillAsync(BillFor(TradeBill));

        await Assert.ThrowsAsync<WeChatPayBillIntegrityException>(() => stream.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task Truncated_gzip_body_is_an_integrity_error_not_a_short_file()
    {
        var gzipped = Gzip(TradeBill);
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(gzipped[..(gzipped.Length - 12)]));
        using var client = gateway.CreateClient();

        await using var stream = await client.DownloadBillAsync(BillFor(TradeBill));

        await Assert.ThrowsAsync<WeChatPayBillIntegrityException>(() => stream.CopyToAsync(Stream.Null));
        Assert.False(stream.IsVerified);
    }

    [Fact]
    public async Task Download_to_file_keeps_nothing_and_leaves_the_old_file_when_the_hash_fails()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(Encoding.UTF8.GetBytes("not the bill")));
        using var client = gateway.CreateClient();
        var directory = Directory.CreateTempSubdirectory("wcp-bill-");
        try
        {
            var path = Path.Combine(directory.FullName, "2026-12-06.csv");
            await File.WriteAllTextAsync(path, "yesterday's good copy");

            await Assert.ThrowsAsync<WeChatPayBillIntegrityException>(() => client.DownloadBillToFileAsync(BillFor(TradeBill), path));

            Assert.Equal("yesterday's good copy", await File.ReadAllTextAsync(path));
            Assert.False(File.Exists(path + ".partial"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Download_to_file_writes_the_checked_file()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(Gzip(TradeBill)));
        using var client = gateway.CreateClient();
        var directory = Directory.CreateTempSubdirectory("wcp-bill-");
        try
        {
            var path = Path.Combine(directory.FullName, "bill.csv");

            await client.DownloadBillToFileAsync(BillFor(TradeBill), path);

            Assert.Equal(TradeBill, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://api.mch.weixin.qq.com")]
    [InlineData("https://api.mch.weixin.qq.com:8443")]
    public async Task Download_url_outside_the_gateway_is_refused_before_anything_is_sent(string host)
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(TradeBill));
        using var client = gateway.CreateClient();

        var ex = await Assert.ThrowsAsync<WeChatPayException>(() => client.DownloadBillAsync(BillFor(TradeBill, host)));

        Assert.Contains("outside the client's gateway", ex.Message);
        Assert.DoesNotContain("token", ex.Message);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task Download_under_a_base_path_sends_the_path_below_it()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(TradeBill));
        using var client = gateway.CreateClient("http://127.0.0.1:5087/gateway/");

        await using var stream = await client.DownloadBillAsync(BillFor(TradeBill, "http://127.0.0.1:5087/gateway"));
        await stream.CopyToAsync(Stream.Null);

        Assert.Equal("/gateway/v3/billdownload/file?token=6XIv5TUP%2Bto7", Assert.Single(gateway.Requests).Target);
    }

    [Theory]
    [InlineData("MD5", "79bb0f45fc4c42234a918000b2668d689e2bde04")]
    [InlineData("SHA1", "79bb0f45")]
    [InlineData("SHA1", "zzbb0f45fc4c42234a918000b2668d689e2bde04")]
    public async Task Digest_that_is_not_a_sha1_is_refused(string type, string value)
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Unsigned(TradeBill));
        using var client = gateway.CreateClient();
        var bill = new Bill { HashType = type, HashValue = value, DownloadUrl = "https://api.mch.weixin.qq.com/v3/billdownload/file?token=x" };

        await Assert.ThrowsAsync<WeChatPayException>(() => client.DownloadBillAsync(bill));
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task Error_answer_to_the_download_is_an_api_exception()
    {
        var gateway = new PaymentGateway(_ => PaymentGateway.Answer.Json("{\"code\":\"NO_STATEMENT_EXIST\",\"message\":\"账单文件不存在\"}", HttpStatusCode.BadRequest));
        using var client = gateway.CreateClient();

        var ex = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.DownloadBillAsync(BillFor(TradeBill)));

        Assert.Equal("NO_STATEMENT_EXIST", ex.Code);
    }
}
