using System.Diagnostics;
using System.Text.Json;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;
using WeChatPay.Benchmarks.RefitAot;

// Usage: WeChatPay.Benchmarks.RefitAot <directory>, or WeChatPay.Benchmarks.GeneratedAot <directory> for the twin
// that tests/WeChatPay.Benchmarks.GeneratedAot compiles from this file with GENERATED_CLIENT defined.
// The directory mirrors a merchant's credentials (apiclient_key.pem, pub_key.pem, wechatpay.json) and holds the
// pre-signed answers, which LoopbackGateway serves on a free loopback port so that the client sends through a real
// SocketsHttpHandler. The app makes one verified upload and one verified list call and prints a line after each;
// the harness times process start → the FIRST_VERIFIED line.
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine($"usage: {Path.GetFileName(Environment.ProcessPath)} <credentials-and-answers-directory>");
    return 2;
}
var directory = args[0];
var clock = Stopwatch.StartNew();
using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "wechatpay.json")));
var merchantId = config.RootElement.GetProperty("mchid").GetString()!;
var merchantSerial = config.RootElement.GetProperty("merchant_serial_no").GetString()!;
var publicKeyId = config.RootElement.GetProperty("public_key_id").GetString()!;
using var gateway = new LoopbackGateway(new CannedGateway(directory));
var baseAddress = gateway.BaseAddress;

#if GENERATED_CLIENT
const string Contender = "generated";
using var client = new WeChatPay.WeChatPayClient(new WeChatPay.WeChatPayOptions
{
    MerchantId = merchantId,
    MerchantSerialNumber = merchantSerial,
    MerchantPrivateKeyPath = Path.Combine(directory, "apiclient_key.pem"),
    PublicKeyId = publicKeyId,
    PlatformPublicKeyPath = Path.Combine(directory, "pub_key.pem"),
    BaseAddress = baseAddress,
}); // the client's own SocketsHttpHandler, as in a deployed app
var api = IBenchBusifavor.Create(client);
#else
const string Contender = "refit";
using var merchantKey = System.Security.Cryptography.RSA.Create();
merchantKey.ImportFromPem(File.ReadAllText(Path.Combine(directory, "apiclient_key.pem")));
using var platformKey = System.Security.Cryptography.RSA.Create();
platformKey.ImportFromPem(File.ReadAllText(Path.Combine(directory, "pub_key.pem")));
var signing = new HandWrittenSigning(merchantKey, merchantId, merchantSerial, platformKey, publicKeyId, TimeProvider.System);
var api = RefitContender.Create(signing, new SocketsHttpHandler(), baseAddress);
#endif

var uploaded = await api.UploadCouponCodesAsync(Workload.StockId, Workload.UploadRequest());
Console.WriteLine($"FIRST_VERIFIED {Contender} upload success_count={uploaded.SuccessCount} in-process={clock.Elapsed.TotalMilliseconds:0.0}ms");
var listed = await api.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit);
Console.WriteLine($"VERIFIED {Contender} list codes={listed.Data?.Count ?? 0} total_count={listed.TotalCount}");
return uploaded.SuccessCount == Workload.UploadBatch - 2 && listed.Data?.Count == Workload.Limit ? 0 : 1;
