// The WeChat Pay API v3 sandbox on loopback:
//   dotnet run --project samples/Sandbox -- --urls http://127.0.0.1:PORT --credentials DIR [--sm2] [--certificate-mode]
//   [--fault tampered-body|wrong-signature|stale-timestamp|unknown-serial|signature-probe|unsigned]
//   [--notify-retry-factor N] [--refund-settlement-delay SECONDS]
// An empty DIR gets a new merchant identity and platform identity; a DIR made earlier is reused. Serves until Ctrl+C.
using System.Globalization;
using WeChatPay;
using WeChatPay.Testing;

string urls = "http://127.0.0.1:0";
string credentialsDirectory = Path.Combine(Environment.CurrentDirectory, ".wechatpay-sandbox");
var scheme = SignatureScheme.Rsa;
var options = new SandboxOptions();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" when i + 1 < args.Length:
            urls = args[++i];
            break;
        case "--credentials" when i + 1 < args.Length:
            credentialsDirectory = args[++i];
            break;
        case "--sm2":
            scheme = SignatureScheme.ShangMi;
            break;
        case "--certificate-mode":
            options.SigningMode = SandboxSigningMode.Certificate;
            break;
        case "--no-certificates":
            options.ServeCertificates = false;
            break;
        case "--fault" when i + 1 < args.Length:
            // For testing a client's verification: every answer carries this fault (see SandboxResponseFault).
            if (!Enum.TryParse<SandboxResponseFault>(args[++i].Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var fault))
            {
                Console.Error.WriteLine($"Unknown fault '{args[i]}'; use one of: {string.Join(", ", Enum.GetNames<SandboxResponseFault>())}.");
                return 2;
            }
            options.ResponseFault = fault;
            break;
        case "--notify-retry-factor" when i + 1 < args.Length:
            // WeChat Pay's notification retry schedule (15 s, 15 s, 30 s, 3 m, …) divided by N; 1 is the real pace.
            if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || !(factor >= 1))
            {
                Console.Error.WriteLine($"--notify-retry-factor takes a number of at least 1, not '{args[i]}'.");
                return 2;
            }
            options.NotificationRetryFactor = factor;
            break;
        case "--refund-settlement-delay" when i + 1 < args.Length:
            if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds >= 0))
            {
                Console.Error.WriteLine($"--refund-settlement-delay takes seconds (0 or more), not '{args[i]}'.");
                return 2;
            }
            options.RefundSettlementDelay = TimeSpan.FromSeconds(seconds);
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: Sandbox [--urls http://127.0.0.1:PORT] [--credentials DIR] [--sm2] [--certificate-mode] [--no-certificates] [--fault tampered-body|wrong-signature|stale-timestamp|unknown-serial|signature-probe|unsigned] [--notify-retry-factor N] [--refund-settlement-delay SECONDS]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
            return 2;
    }
}
if (urls.Contains(';', StringComparison.Ordinal))
{
    Console.Error.WriteLine("The sandbox listens on one URL; --urls takes a single address.");
    return 2;
}

SandboxCredentials credentials;
try
{
    credentials = SandboxCredentials.LoadOrCreate(credentialsDirectory, scheme: scheme);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

await using var sandbox = WeChatPaySandbox.FromCredentials(credentials, options);
await using var server = await SandboxServer.StartAsync(sandbox, urls);
credentials.SetBaseUrl(server.BaseAddress.ToString());

Console.Write(credentials.Describe());
Console.WriteLine($"  signing            {(options.SigningMode == SandboxSigningMode.PublicKey ? "WeChat Pay public key" : "platform certificate")} ({credentials.Scheme})");
if (options.ResponseFault != SandboxResponseFault.None)
    Console.WriteLine($"  fault              every answer: {options.ResponseFault} (clients must refuse them)");
Console.WriteLine($"  notifications      retried on WeChat Pay's schedule / {options.NotificationRetryFactor.ToString(CultureInfo.InvariantCulture)} (first retry after {(15 / Math.Max(1, options.NotificationRetryFactor)).ToString("0.###", CultureInfo.InvariantCulture)} s); refunds settle after {options.RefundSettlementDelay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
Console.WriteLine($"WeChat Pay sandbox listening on {server.BaseAddress} (Ctrl+C to stop)");
await server.WaitForShutdownAsync();
return 0;
