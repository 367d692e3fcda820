// The WeChat Pay API v3 sandbox on loopback:
//   dotnet run --project samples/Sandbox -- --urls http://127.0.0.1:PORT --credentials DIR [--sm2] [--certificate-mode]
//   [--fault tampered-body|wrong-signature|stale-timestamp|unknown-serial|signature-probe|unsigned]
// An empty DIR gets a new merchant identity and platform identity; a DIR made earlier is reused. Serves until Ctrl+C.
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
        case "-h" or "--help":
            Console.WriteLine("usage: Sandbox [--urls http://127.0.0.1:PORT] [--credentials DIR] [--sm2] [--certificate-mode] [--no-certificates] [--fault tampered-body|wrong-signature|stale-timestamp|unknown-serial|signature-probe|unsigned]");
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

var sandbox = WeChatPaySandbox.FromCredentials(credentials, options);
await using var server = await SandboxServer.StartAsync(sandbox, urls);
credentials.SetBaseUrl(server.BaseAddress.ToString());

Console.Write(credentials.Describe());
Console.WriteLine($"  signing            {(options.SigningMode == SandboxSigningMode.PublicKey ? "WeChat Pay public key" : "platform certificate")} ({credentials.Scheme})");
if (options.ResponseFault != SandboxResponseFault.None)
    Console.WriteLine($"  fault              every answer: {options.ResponseFault} (clients must refuse them)");
Console.WriteLine($"WeChat Pay sandbox listening on {server.BaseAddress} (Ctrl+C to stop)");
await server.WaitForShutdownAsync();
return 0;
