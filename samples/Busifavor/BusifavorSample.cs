using WeChatPay.Apis.Busifavor;
using Busifavor.Flow;
using Busifavor.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WeChatPay;
using WeChatPay.Samples;

namespace Busifavor;

/// <summary>
/// The sample's entry point, callable in process (the tests do) as well as from <c>Main</c>.
/// <list type="bullet">
/// <item>no arguments: starts the sandbox on a loopback port with a temporary identity and runs against it;</item>
/// <item><c>--credentials DIR</c> or <c>WECHATPAY_CREDENTIALS=DIR</c>: runs against DIR's <c>base_url</c> and identity;</item>
/// <item><c>--stock-id ID</c>: only the pre-stored code flow (upload, then list) on that existing stock.</item>
/// </list>
/// </summary>
public static class BusifavorSample
{
    public const string Usage = """
        Usage: Busifavor [--credentials DIR] [--stock-id ID]

          (no arguments)     start a local WeChat Pay sandbox on a loopback port and run the whole flow against it
          --credentials DIR  run against DIR's base_url and identity: apiclient_key.pem, pub_key.pem and wechatpay.json
                             {"mchid","merchant_serial_no","public_key_id","apiv3_key","base_url"}; also WECHATPAY_CREDENTIALS=DIR
          --stock-id ID      only upload pre-stored codes to the existing MERCHANT_UPLOAD stock ID, then list them

        Exit codes: 0 done, 1 usage or credentials error, 2 WeChat Pay answered with an error,
                    3 a response failed signature verification, 4 the gateway could not be reached.
        """;

    private static string DescribeScheme(string? scheme) => scheme == nameof(SignatureScheme.ShangMi)
        ? "ShangMi (WECHATPAY2-SM2-WITH-SM3)"
        : "RSA (WECHATPAY2-SHA256-RSA2048)";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => RunAsync(args, Environment.GetEnvironmentVariable, output, error, cancellationToken);

    /// <summary>Runs the sample with <paramref name="environment"/> as the source of <c>WECHATPAY_CREDENTIALS</c> (tests pass their own).</summary>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        string? credentials = environment("WECHATPAY_CREDENTIALS") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        string? stockId = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--credentials" when i + 1 < args.Length:
                    credentials = args[++i];
                    break;
                case "--stock-id" when i + 1 < args.Length:
                    stockId = args[++i];
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return ExitCodes.Success;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return ExitCodes.UsageError;
            }
        }

        output.WriteLine("WeChatPay.SourceGen · 商家券 (busifavor) sample");
        LocalSandbox? sandbox = null;
        try
        {
            ServiceProvider services;
            IReadOnlyDictionary<string, string?> settings;
            try
            {
                if (credentials is null)
                {
                    sandbox = await SampleHost.StartSandboxAsync(cancellationToken);
                    credentials = sandbox.CredentialsDirectory;
                    output.WriteLine($"  gateway    {sandbox.Server.BaseAddress} (local sandbox, Kestrel on loopback, in this process)");
                }
                settings = CredentialsDirectory.Read(credentials);
                if (sandbox is null)
                    output.WriteLine($"  gateway    {settings["WeChatPay:BaseAddress"]} (from {Path.GetFullPath(credentials)})");
                output.WriteLine($"  merchant   {settings["WeChatPay:MerchantId"]}, API certificate {settings["WeChatPay:MerchantSerialNumber"]}, {DescribeScheme(settings["WeChatPay:SignatureScheme"])}");
                output.WriteLine($"  verifying  with the WeChat Pay public key {settings["WeChatPay:PublicKeyId"]}");
                services = SampleHost.BuildServices(settings);
            }
            catch (Exception ex) when (ExitCodes.IsUnusableCredentials(ex))
            {
                return ExitCodes.ReportUnusableCredentials(ex, error);
            }

            await using (services)
            {
                var flow = new BusifavorFlow(services.GetRequiredService<IBusifavorApi>(), output, settings["WeChatPay:MerchantId"]!)
                {
                    ReceiveCoupon = SampleHost.SandboxCouponReceiver(services.GetRequiredService<ISandboxUserApi>()),
                };
                if (stockId is null)
                    await flow.RunAsync(cancellationToken);
                else
                    await flow.RunPreStoredCodesAsync(stockId, cancellationToken);
            }

            output.WriteLine();
            output.WriteLine("Done: every response above was verified with the WeChat Pay public key.");
            return ExitCodes.Success;
        }
        catch (WeChatPayException ex)
        {
            return ExitCodes.Report(ex, error);
        }
        finally
        {
            if (sandbox is not null)
                await sandbox.DisposeAsync();
        }
    }
}
