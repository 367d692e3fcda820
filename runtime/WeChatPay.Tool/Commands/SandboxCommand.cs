using System.CommandLine;
using System.Globalization;
using WeChatPay.Testing;

namespace WeChatPay.Tool.Commands;

/// <summary>
/// <c>wechatpay sandbox</c>: the WeChat Pay API v3 sandbox on loopback (Kestrel) for a credentials directory, until
/// Ctrl+C. An empty directory gets a new sandbox identity; one made earlier is reused.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(ToolConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "The one address to listen on; port 0 picks a free port.",
            DefaultValueFactory = _ => "http://127.0.0.1:0",
            HelpName = "URL",
        };
        urls.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value.Contains(';', StringComparison.Ordinal))
                result.AddError("The sandbox listens on one URL; --urls takes a single address.");
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                result.AddError($"--urls '{value}' is not an http:// or https:// address.");
        });
        var credentials = ToolOptions.Credentials("The credentials directory: an empty or missing one gets a new sandbox identity; base_url is set to the address served.");
        var sm2 = new Option<bool>("--sm2") { Description = "When creating the identity, make it a ShangMi (SM2) merchant." };
        var certificateMode = new Option<bool>("--certificate-mode") { Description = "Sign answers with the platform certificate instead of the WeChat Pay public key." };
        var noCertificates = new Option<bool>("--no-certificates") { Description = "Answer GET /v3/certificates with 404, as for a merchant created after the public-key rollout." };
        var fault = new Option<string?>("--fault")
        {
            Description = "Put a fault in every answer, to test that a client refuses it.",
            HelpName = "FAULT",
        };
        fault.AcceptOnlyFromAmong("tampered-body", "wrong-signature", "stale-timestamp", "unknown-serial", "signature-probe", "unsigned");
        var retryFactor = new Option<double>("--notify-retry-factor")
        {
            Description = "Divide WeChat Pay's notification retry schedule (15 s, 15 s, 30 s, 3 m, ...) by N; 1 is the real pace.",
            DefaultValueFactory = _ => new SandboxOptions().NotificationRetryFactor,
            HelpName = "N",
        };
        retryFactor.Validators.Add(result =>
        {
            if (!(result.GetValueOrDefault<double>() >= 1))
                result.AddError("--notify-retry-factor takes a number of at least 1.");
        });
        var settlementDelay = new Option<double>("--refund-settlement-delay")
        {
            Description = "Seconds before a PROCESSING refund becomes SUCCESS.",
            DefaultValueFactory = _ => new SandboxOptions().RefundSettlementDelay.TotalSeconds,
            HelpName = "SECONDS",
        };
        settlementDelay.Validators.Add(result =>
        {
            if (!(result.GetValueOrDefault<double>() >= 0))
                result.AddError("--refund-settlement-delay takes seconds, 0 or more.");
        });

        var transient = new Option<string?>("--transient-fault")
        {
            Description = "Answer every other request with a transient error (500 SYSTEM_ERROR or 429 FREQUENCY_LIMITED), to test retries.",
            HelpName = "FAULT",
        };
        transient.AcceptOnlyFromAmong("system-error", "frequency-limited");
        var delay = new Option<int>("--delay") { Description = "Wait this many milliseconds before answering each request.", HelpName = "MS" };

        var command = new Command("sandbox", "Serves the WeChat Pay sandbox on loopback for a credentials directory, until Ctrl+C.")
        {
            urls, credentials, sm2, certificateMode, noCertificates, fault, retryFactor, settlementDelay, transient, delay,
        };
        command.SetAction((result, cancellationToken) => RunAsync(console,
            result.GetValue(urls)!, result.GetValue(credentials)!, result.GetValue(sm2), result.GetValue(certificateMode),
            result.GetValue(noCertificates), result.GetValue(fault), result.GetValue(retryFactor),
            TimeSpan.FromSeconds(result.GetValue(settlementDelay)), result.GetValue(transient), result.GetValue(delay), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string urls, string directory, bool sm2, bool certificateMode,
        bool noCertificates, string? fault, double retryFactor, TimeSpan settlementDelay, string? transient, int delay,
        CancellationToken cancellationToken)
    {
        var options = new SandboxOptions
        {
            SigningMode = certificateMode ? SandboxSigningMode.Certificate : SandboxSigningMode.PublicKey,
            ServeCertificates = !noCertificates,
            ResponseFault = fault is null ? SandboxResponseFault.None : Enum.Parse<SandboxResponseFault>(fault.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            NotificationRetryFactor = retryFactor,
            RefundSettlementDelay = settlementDelay,
            TransientFault = transient is null ? SandboxTransientFault.None : Enum.Parse<SandboxTransientFault>(transient.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay)),
        };

        SandboxCredentials identity;
        try
        {
            identity = SandboxCredentials.LoadOrCreate(directory, scheme: sm2 ? SignatureScheme.ShangMi : SignatureScheme.Rsa);
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            return Failures.Report(ex, console.Error);
        }

        await using var sandbox = WeChatPaySandbox.FromCredentials(identity, options);
        await using var server = await SandboxServer.StartAsync(sandbox, urls, cancellationToken);
        identity.SetBaseUrl(server.BaseAddress.ToString());

        console.Out.Write(identity.Describe());
        console.Out.WriteLine($"  signing            {(options.SigningMode == SandboxSigningMode.PublicKey ? "WeChat Pay public key" : "platform certificate")} ({identity.Scheme})");
        if (options.ResponseFault != SandboxResponseFault.None)
            console.Out.WriteLine($"  fault              every answer: {options.ResponseFault} (clients must refuse them)");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  notifications      retried on WeChat Pay's schedule / {retryFactor} (first retry after {15 / retryFactor:0.###} s); refunds settle after {settlementDelay.TotalSeconds} s"));
        console.Out.WriteLine($"WeChat Pay sandbox listening on {server.BaseAddress} (Ctrl+C to stop)");
        console.Out.Flush();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }
}
