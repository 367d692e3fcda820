using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeChatPay.Apis.Complaints;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Payments.Partner;
using WeChatPay.Apis.Tests.TestSupport;
using WeChatPay.Testing;

namespace WeChatPay.Apis.Tests.Complaints;

/// <summary>
/// One merchant of the shared <see cref="ComplaintsServer"/>, whose client talks to it over a real socket, and the
/// generated <see cref="IComplaintsApi"/>.
/// </summary>
public sealed class ComplaintsSandbox : IDisposable
{
    public const string AppId = "wxd678efh567hg6787";
    public const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    public const string SubMchId = "1900000109";
    public const string Phone = "13800138000";

    /// <summary>A minimal JPEG: its magic bytes, then anything.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("JFIF sandbox image"), 0xFF, 0xD9];

    public ComplaintsSandbox(ComplaintsServer server, SignatureScheme scheme = SignatureScheme.Rsa)
    {
        Sandbox = server.Sandbox;
        Server = server.Server;
        Endpoint = server.Endpoint;
        Merchant = Sandbox.CreateMerchant(scheme);
        Client = new WeChatPayClient(Sandbox.CreateClientOptions(Merchant, Server.BaseAddress));
        Api = IComplaintsApi.Create(Client);
    }

    public WeChatPaySandbox Sandbox { get; }

    public SandboxServer Server { get; }

    public NotifyEndpoint Endpoint { get; }

    public SandboxMerchant Merchant { get; }

    public WeChatPayClient Client { get; }

    public IComplaintsApi Api { get; }

    public static string NewNo(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];

    /// <summary>Today, China time, as the list query takes it.</summary>
    public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

    /// <summary>A paid order of the merchant (a service provider's, for <paramref name="subMchId"/>): its transaction_id.</summary>
    public async Task<string> PaidOrderAsync(long total = 1000, string? subMchId = null, bool pay = true)
    {
        var outTradeNo = NewNo("P");
        if (subMchId is null)
        {
            await IPaymentsApi.Create(Client).PrepayJsapiAsync(new PrepayRequest
            {
                Appid = AppId,
                Mchid = Merchant.MerchantId,
                Description = "投诉测试商品",
                OutTradeNo = outTradeNo,
                NotifyUrl = "https://merchant.example.com/notify",
                Amount = new OrderAmount { Total = total },
                Payer = new Payer { Openid = OpenId },
            });
        }
        else
        {
            await IPartnerPaymentsApi.Create(Client).PrepayJsapiAsync(new PartnerPrepayRequest
            {
                SpAppid = AppId,
                SpMchid = Merchant.MerchantId,
                SubMchid = subMchId,
                Description = "服务商投诉测试商品",
                OutTradeNo = outTradeNo,
                NotifyUrl = "https://merchant.example.com/notify",
                Amount = new OrderAmount { Total = total },
                Payer = new PartnerPayer { SpOpenid = OpenId },
            });
        }
        if (!pay)
            return outTradeNo;
        return Sandbox.PayOrder(Merchant, outTradeNo, subMchId: subMchId)["transaction_id"]!.GetValue<string>();
    }

    /// <summary>The payer files a complaint through the sandbox's control route; returns its complaint_id.</summary>
    public async Task<string> FileAsync(string transactionId, string problemType = "OTHERS", long? applyRefundAmount = null, string? subMchId = null)
    {
        var complaint = new JsonObject
        {
            ["transaction_id"] = transactionId,
            ["complaint_detail"] = "重复扣费，请尽快处理",
            ["payer_phone"] = Phone,
            ["problem_type"] = problemType,
        };
        if (subMchId is not null)
            complaint["sub_mchid"] = subMchId;
        if (applyRefundAmount is not null)
            complaint["apply_refund_amount"] = applyRefundAmount;
        var response = await FileRawAsync(complaint);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("complaint_id").GetString()!;
    }

    /// <summary>POST /sandbox/v1/complaints with <paramref name="complaint"/>, signed like any call.</summary>
    public Task<WeChatPayResponse> FileRawAsync(JsonObject complaint) =>
        Client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "sandbox/v1/complaints")
        {
            Body = Encoding.UTF8.GetBytes(complaint.ToJsonString()),
            ContentType = "application/json",
        });

    /// <summary>The next notification at the endpoint, verified and decrypted.</summary>
    public async Task<WeChatPayNotification<ComplaintNotice>> NextNotificationAsync()
    {
        var (body, header) = await Endpoint.NextAsync();
        return await Client.ParseNotificationAsync(header, body, WeChatPayApisJsonContext.Default.ComplaintNotice);
    }

    public void Dispose() => Client.Dispose();
}
