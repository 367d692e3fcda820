using System.Net;
using System.Text;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Certificates;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.ProfitSharing;
using WeChatPay.Apis.Tests.TestSupport;
using WeChatPay.Apis.Transfers;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Catalog;

/// <summary>
/// The merchant transfer, profit sharing and certificate families through their generated clients, against the
/// sandbox served by Kestrel on a free loopback port: each endpoint called, its verified answer checked, sensitive
/// fields encrypted to the platform key on the way in and decrypted on the way out.
/// </summary>
public sealed class FamilySandboxTests : IAsyncLifetime
{
    private const string AppId = "wxd678efh567hg6787";
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private readonly WeChatPaySandbox _sandbox = new();
    private SandboxServer _server = null!;
    private NotifyEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(_sandbox);
        _endpoint = await NotifyEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    private (SandboxMerchant Merchant, WeChatPayClient Client) NewClient(SignatureScheme scheme = SignatureScheme.Rsa, bool certificateMode = false)
    {
        var merchant = _sandbox.CreateMerchant(scheme);
        return (merchant, new WeChatPayClient(_sandbox.CreateClientOptions(merchant, _server.BaseAddress, certificateMode)));
    }

    private static string NewNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];

    private static TransferBillRequest Transfer(string outBillNo, string? userName, string? notifyUrl, long amount = 400) => new()
    {
        Appid = AppId,
        OutBillNo = outBillNo,
        TransferSceneId = "1000",
        Openid = OpenId,
        UserName = userName,
        TransferAmount = amount,
        TransferRemark = "新会员开通有礼",
        NotifyUrl = notifyUrl,
        UserRecvPerception = "现金奖励",
        TransferSceneReportInfos = [new() { InfoType = "活动名称", InfoContent = "新会员有礼" }, new() { InfoType = "奖励说明", InfoContent = "注册会员抽奖一等奖" }],
    };

    [Fact]
    public async Task Merchant_transfer_is_created_confirmed_queried_both_ways_notified_and_receipted()
    {
        var (merchant, client) = NewClient();
        using var _ = client;
        var api = IMerchantTransferApi.Create(client);
        var outBillNo = NewNo("T");

        var created = await api.CreateAsync(Transfer(outBillNo, "张三", _endpoint.Url.ToString()));
        Assert.Equal(TransferBillState.WaitUserConfirm, created.Value.State);
        Assert.False(string.IsNullOrEmpty(created.Value.PackageInfo));

        // The user confirms, played by the sandbox's control route.
        var confirm = await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, $"sandbox/v1/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{outBillNo}/confirm")
        {
            Body = "{\"state\":\"SUCCESS\"}"u8.ToArray(),
            ContentType = "application/json",
        });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var (body, header) = await _endpoint.NextAsync();
        var finished = await client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.TransferBill);
        Assert.Equal("MCHTRANSFER.BILL.FINISHED", finished.EventType);
        Assert.Equal((outBillNo, TransferBillState.Success, 400L), (finished.Resource.OutBillNo, finished.Resource.State, finished.Resource.TransferAmount));

        var byOut = await api.GetByOutBillNoAsync(outBillNo);
        var byId = api.GetByTransferBillNo(created.Value.TransferBillNo);
        Assert.Equal(TransferBillState.Success, byOut.Value.State);
        Assert.Equal("张三", byOut.Value.UserName);
        Assert.Equal((merchant.MerchantId, outBillNo, "张三"), (byId.Value.MchId, byId.Value.OutBillNo, byId.Value.UserName));

        var applied = await api.ApplyReceiptAsync(new TransferReceiptRequest { OutBillNo = outBillNo });
        Assert.Equal("GENERATING", applied.Value.State);
        var receipt = api.GetReceipt(outBillNo);
        Assert.Equal(("FINISHED", "SHA256"), (receipt.Value.State, receipt.Value.HashType));
        Assert.StartsWith("https://", receipt.Value.DownloadUrl);
    }

    [Fact]
    public async Task Merchant_transfer_cancelled_before_confirmation_is_cancelled_and_has_no_receipt()
    {
        var (_, client) = NewClient();
        using var _ = client;
        var api = IMerchantTransferApi.Create(client);
        var outBillNo = NewNo("C");
        api.Create(Transfer(outBillNo, null, null));

        var cancelled = await api.CancelAsync(outBillNo);

        Assert.Equal(TransferBillState.Canceling, cancelled.Value.State);
        Assert.Equal(TransferBillState.Cancelled, api.GetByOutBillNo(outBillNo).Value.State);
        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(() => api.ApplyReceiptAsync(new TransferReceiptRequest { OutBillNo = outBillNo }));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (refused.StatusCode, refused.Code));
        var unknown = await Assert.ThrowsAsync<WeChatPayApiException>(() => api.GetByOutBillNoAsync("NOSUCHBILL1"));
        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (unknown.StatusCode, unknown.Code));
    }

    [Fact]
    public async Task Merchant_transfer_from_2000_yuan_requires_the_payee_name()
    {
        var (_, client) = NewClient();
        using var _ = client;

        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(() => IMerchantTransferApi.Create(client).CreateAsync(Transfer(NewNo("N"), null, null, amount: 200_000)));

        Assert.Equal(("PARAM_ERROR", "/user_name"), (refused.Code, refused.Detail?.Field));
    }

    /// <summary>A paid sandbox order of <paramref name="total"/> fen, and its transaction_id.</summary>
    private async Task<string> PaidOrder(WeChatPayClient client, SandboxMerchant merchant, long total)
    {
        var outTradeNo = NewNo("P");
        await IPaymentsApi.Create(client).PrepayJsapiAsync(new PrepayRequest
        {
            Appid = AppId,
            Mchid = merchant.MerchantId,
            Description = "分账测试商品",
            OutTradeNo = outTradeNo,
            NotifyUrl = "https://merchant.example.com/notify",
            Amount = new OrderAmount { Total = total },
            Payer = new Payer { Openid = OpenId },
            SettleInfo = new SettleInfo { ProfitSharing = true },
        });
        return _sandbox.PayOrder(merchant, outTradeNo)["transaction_id"]!.GetValue<string>();
    }

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Profit_sharing_adds_receivers_shares_returns_and_unfreezes_the_rest(SignatureScheme scheme)
    {
        var (merchant, client) = NewClient(scheme);
        using var _ = client;
        var api = IProfitSharingApi.Create(client);
        var transactionId = await PaidOrder(client, merchant, total: 1000);

        var added = await api.AddReceiverAsync(new AddReceiverRequest { Appid = AppId, Type = ReceiverType.MerchantId, Account = "1900000109", Name = "腾讯科技有限公司", RelationType = "STORE" });
        Assert.Equal(("1900000109", "腾讯科技有限公司"), (added.Value.Account, added.Value.Name));
        api.AddReceiver(new AddReceiverRequest { Appid = AppId, Type = ReceiverType.PersonalOpenid, Account = OpenId, RelationType = "USER" });

        var outOrderNo = NewNo("S");
        var order = await api.CreateOrderAsync(new ProfitSharingOrderRequest
        {
            Appid = AppId,
            TransactionId = transactionId,
            OutOrderNo = outOrderNo,
            UnfreezeUnsplit = false,
            Receivers =
            [
                new() { Type = ReceiverType.MerchantId, Account = "1900000109", Name = "腾讯科技有限公司", Amount = 200, Description = "分给商户" },
                new() { Type = ReceiverType.PersonalOpenid, Account = OpenId, Amount = 100, Description = "分给个人" },
            ],
        });
        Assert.Equal(ProfitSharingOrderState.Processing, order.Value.State);
        Assert.Equal(700, api.GetUnsplitAmount(transactionId).Value.UnsplitAmount);

        var queried = await api.GetOrderAsync(outOrderNo, transactionId);
        Assert.Equal(ProfitSharingOrderState.Finished, queried.Value.State);
        Assert.All(queried.Value.Receivers!, r => Assert.Equal("SUCCESS", r.Result));

        var outReturnNo = NewNo("R");
        var returned = await api.CreateReturnAsync(new ProfitSharingReturnRequest { OutOrderNo = outOrderNo, OutReturnNo = outReturnNo, ReturnMchid = "1900000109", Amount = 50, Description = "用户退款" });
        Assert.Equal(("SUCCESS", 50L), (returned.Value.Result, returned.Value.Amount));
        Assert.Equal(order.Value.OrderId, api.GetReturn(outReturnNo, outOrderNo).Value.OrderId);

        var unfrozen = await api.UnfreezeAsync(new UnfreezeRequest { TransactionId = transactionId, OutOrderNo = NewNo("U"), Description = "解冻全部剩余资金" });
        Assert.Equal((ProfitSharingOrderState.Finished, 700L), (unfrozen.Value.State, unfrozen.Value.Receivers!.Single().Amount));
        Assert.Equal(0, (await api.GetUnsplitAmountAsync(transactionId)).Value.UnsplitAmount);

        var deleted = await api.DeleteReceiverAsync(new DeleteReceiverRequest { Appid = AppId, Type = ReceiverType.PersonalOpenid, Account = OpenId });
        Assert.Equal(ReceiverType.PersonalOpenid, deleted.Value.Type);
        Assert.Equal(3000, api.GetMerchantConfig("1900000109").Value.MaxRatio);

        var bill = await api.GetBillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await using var file = await client.DownloadBillAsync(bill.Value);
        Assert.Contains(outOrderNo, await new StreamReader(file).ReadToEndAsync());
    }

    [Fact]
    public async Task Profit_sharing_refuses_more_than_is_left_and_receivers_not_added()
    {
        var (merchant, client) = NewClient();
        using var _ = client;
        var api = IProfitSharingApi.Create(client);
        var transactionId = await PaidOrder(client, merchant, total: 100);
        ProfitSharingOrderRequest Share(string account, long amount) => new()
        {
            Appid = AppId,
            TransactionId = transactionId,
            OutOrderNo = NewNo("S"),
            UnfreezeUnsplit = true,
            Receivers = [new() { Type = ReceiverType.PersonalOpenid, Account = account, Amount = amount, Description = "分给个人" }],
        };

        var unknown = await Assert.ThrowsAsync<WeChatPayApiException>(() => api.CreateOrderAsync(Share(OpenId, 10)));
        api.AddReceiver(new AddReceiverRequest { Appid = AppId, Type = ReceiverType.PersonalOpenid, Account = OpenId, RelationType = "USER" });
        var tooMuch = await Assert.ThrowsAsync<WeChatPayApiException>(() => api.CreateOrderAsync(Share(OpenId, 101)));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (unknown.StatusCode, unknown.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "NOT_ENOUGH"), (tooMuch.StatusCode, tooMuch.Code));
    }

    [Fact]
    public async Task Sensitive_field_under_a_foreign_platform_serial_or_that_does_not_decrypt_is_refused_with_400()
    {
        var (_, client) = NewClient();
        using var _ = client;
        var body = Encoding.UTF8.GetBytes($"{{\"appid\":\"{AppId}\",\"type\":\"MERCHANT_ID\",\"account\":\"1900000109\",\"name\":\"{Convert.ToBase64String(new byte[256])}\",\"relation_type\":\"STORE\"}}");
        WeChatPayRequest Add(string serial) => new(HttpMethod.Post, "v3/profitsharing/receivers/add") { Body = body, ContentType = "application/json", WechatpaySerial = serial };

        // The SM2 public key is the platform's, but not of this RSA merchant's scheme.
        var foreign = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(Add(_sandbox.Platform.Sm2PublicKeyId)));
        var undecryptable = await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(Add(_sandbox.Platform.PublicKeyId)));

        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR", "Wechatpay-Serial"), (foreign.StatusCode, foreign.Code, foreign.Detail?.Field));
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR", "/name"), (undecryptable.StatusCode, undecryptable.Code, undecryptable.Detail?.Field));
    }

    [Fact]
    public async Task Certificates_lists_the_platform_certificate_encrypted_with_the_apiv3_key()
    {
        var (_, client) = NewClient(certificateMode: true);
        using var _ = client;

        var list = await ICertificatesApi.Create(client).ListAsync();

        var certificate = Assert.Single(list.Value.Data);
        Assert.Equal(_sandbox.Platform.RsaCertificateSerialNumber, certificate.SerialNo);
        Assert.Equal("AEAD_AES_256_GCM", certificate.EncryptCertificate.Algorithm);
        Assert.True(certificate.ExpireTime > certificate.EffectiveTime);
    }
}
