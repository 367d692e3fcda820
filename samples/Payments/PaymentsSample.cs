using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Flow;
using Payments.Merchant;
using WeChatPay;
using WeChatPay.Samples;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Refunds;
using WeChatPay.Testing;

namespace Payments;

/// <summary>
/// The sample's entry point, callable in process (the tests do) as well as from <c>Main</c>: starts the merchant app
/// (its notification endpoints on Kestrel) and runs the payment flow against the local sandbox, or against the
/// gateway of a credentials directory.
/// </summary>
public static class PaymentsSample
{
    public const string Usage = """
        Usage: Payments [--credentials DIR] [--listen URL] [--notify-url URL] [--appid ID] [--openid ID] [--wait SECONDS]

          (no arguments)     start a local WeChat Pay sandbox on a loopback port and run the whole flow against it
          --credentials DIR  run against DIR's base_url and identity: apiclient_key.pem, pub_key.pem and wechatpay.json
                             {"mchid","merchant_serial_no","public_key_id","apiv3_key","base_url"}; also WECHATPAY_CREDENTIALS=DIR
          --listen URL       where the merchant app listens (default http://127.0.0.1:0, a free loopback port)
          --notify-url URL   the public base URL WeChat Pay reaches this app at (default: the listening address)
          --appid ID         the app ID to order for (default wxd678efh567hg6787, the documentation's)
          --openid ID        the payer's openid under that app (default oUpF8uMuAJO_M2pxb1Q9zNjWeS6o)
          --wait SECONDS     how long to wait for each notification (default 60)

        Exit codes: 0 done, 1 usage or credentials error, 2 WeChat Pay answered with an error,
                    3 a response or notification failed signature verification, 4 the gateway could not be reached
                    or a notification did not arrive.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => RunAsync(args, Environment.GetEnvironmentVariable, output, error, cancellationToken);

    /// <summary>Runs the sample with <paramref name="environment"/> as the source of <c>WECHATPAY_CREDENTIALS</c>.</summary>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        string? credentials = environment("WECHATPAY_CREDENTIALS") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        string listen = "http://127.0.0.1:0";
        string? notifyUrl = null;
        string appId = "wxd678efh567hg6787";
        string openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
        var wait = TimeSpan.FromSeconds(60);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--credentials" when i + 1 < args.Length: credentials = args[++i]; break;
                case "--listen" when i + 1 < args.Length: listen = args[++i]; break;
                case "--notify-url" when i + 1 < args.Length: notifyUrl = args[++i]; break;
                case "--appid" when i + 1 < args.Length: appId = args[++i]; break;
                case "--openid" when i + 1 < args.Length: openId = args[++i]; break;
                case "--wait" when i + 1 < args.Length && int.TryParse(args[i + 1], out var seconds) && seconds > 0:
                    wait = TimeSpan.FromSeconds(seconds);
                    i++;
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
        if (notifyUrl is not null && !Uri.TryCreate(notifyUrl, UriKind.Absolute, out _))
        {
            error.WriteLine($"--notify-url '{notifyUrl}' is not an absolute URL.");
            return ExitCodes.UsageError;
        }

        output.WriteLine("WeChatPay.SourceGen · payments sample (JSAPI order, notification, refund, bill)");
        LocalSandbox? sandbox = null;
        WebApplication? app = null;
        try
        {
            SandboxCredentials identity;
            try
            {
                if (credentials is null)
                {
                    sandbox = await LocalSandbox.StartAsync(cancellationToken);
                    credentials = sandbox.CredentialsDirectory;
                    output.WriteLine($"  gateway    {sandbox.Server.BaseAddress} (local sandbox, Kestrel on loopback, in this process)");
                }
                identity = SandboxCredentials.Load(credentials);
                if (identity.BaseUrl is null)
                    throw new InvalidOperationException($"wechatpay.json in '{identity.Directory}' has no \"base_url\" string.");
                if (sandbox is null)
                    output.WriteLine($"  gateway    {identity.BaseUrl} (from {identity.Directory})");
                output.WriteLine($"  merchant   {identity.MerchantId}, API certificate {identity.MerchantSerialNumber}, {identity.Scheme}");
                app = BuildApp(identity, listen);
                await app.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ExitCodes.IsUnusableCredentials(ex))
            {
                return ExitCodes.ReportUnusableCredentials(ex, error);
            }

            var notifyBase = (notifyUrl ?? app.Urls.First()).TrimEnd('/') + "/";
            output.WriteLine($"  merchant app listening on {app.Urls.First()}, notifications to {notifyBase}");
            var services = app.Services;
            var flow = new PaymentsFlow(services.GetRequiredService<WeChatPayClient>(), services.GetRequiredService<IPaymentsApi>(),
                services.GetRequiredService<IRefundsApi>(), services.GetRequiredService<IBillsApi>(), services.GetRequiredService<ISandboxPayerApi>(),
                services.GetRequiredService<OrderBook>(), new FlowSettings(appId, openId, notifyBase, wait), output);
            await flow.RunAsync(cancellationToken);

            output.WriteLine();
            output.WriteLine("Done: every response and notification above was verified with the WeChat Pay public key.");
            return ExitCodes.Success;
        }
        catch (WeChatPayException ex)
        {
            return ExitCodes.Report(ex, error);
        }
        finally
        {
            if (app is not null)
                await app.DisposeAsync();
            if (sandbox is not null)
                await sandbox.DisposeAsync();
        }
    }

    /// <summary>
    /// The merchant app: the WeChat Pay client and the generated API clients through dependency injection, and the
    /// notification endpoints. Options are validated at start, naming any unusable field.
    /// </summary>
    internal static WebApplication BuildApp(SandboxCredentials identity, string listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddWeChatPay(options =>
            {
                options.MerchantId = identity.MerchantId;
                options.MerchantSerialNumber = identity.MerchantSerialNumber;
                options.MerchantPrivateKeyPath = identity.MerchantPrivateKeyPath;
                options.PublicKeyId = identity.PublicKeyId;
                options.PlatformPublicKeyPath = identity.PlatformPublicKeyPath;
                options.ApiV3Key = identity.ApiV3Key;
                options.SignatureScheme = identity.Scheme;
                options.BaseAddress = new Uri(identity.BaseUrl!);
            })
            .AddClient<IPaymentsApi>(IPaymentsApi.Create)
            .AddClient<IRefundsApi>(IRefundsApi.Create)
            .AddClient<IBillsApi>(IBillsApi.Create)
            .AddClient<ISandboxPayerApi>(ISandboxPayerApi.Create);
        var app = builder.Build();
        app.MapWeChatPayNotifications();
        return app;
    }
}

/// <summary>A throwaway sandbox identity in a temporary directory, served by Kestrel on a free loopback port.</summary>
public sealed class LocalSandbox : IAsyncDisposable
{
    private LocalSandbox(string directory, WeChatPaySandbox sandbox, SandboxServer server)
    {
        CredentialsDirectory = directory;
        Sandbox = sandbox;
        Server = server;
    }

    public string CredentialsDirectory { get; }

    public WeChatPaySandbox Sandbox { get; }

    public SandboxServer Server { get; }

    /// <summary>Creates the identity, serves it, and records the server as the directory's <c>base_url</c>.</summary>
    public static async Task<LocalSandbox> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "wechatpay-payments-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var credentials = SandboxCredentials.LoadOrCreate(directory);
            var sandbox = WeChatPaySandbox.FromCredentials(credentials);
            var server = await SandboxServer.StartAsync(sandbox, "http://127.0.0.1:0", cancellationToken);
            credentials.SetBaseUrl(server.BaseAddress.ToString());
            return new LocalSandbox(directory, sandbox, server);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
        TryDelete(CredentialsDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
