using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WeChatPay.Tool.Commands;

/// <summary>
/// <c>wechatpay notification verify|decrypt</c>: checks a captured notification (回调通知) as the runtime does for
/// a live one: the signature over the exact body, the timestamp window, and the resource's decryption with the APIv3
/// key. <c>verify</c> prints the envelope; <c>decrypt</c> prints the decrypted resource.
/// </summary>
internal static class NotificationCommand
{
    public static Command Create(ToolConsole console) => new("notification", "Verifies and decrypts a captured WeChat Pay notification.")
    {
        Subcommand(console, "verify", "Verifies the notification's signature and decryption, and prints its envelope (id, event_type, create_time, summary).", printResource: false),
        Subcommand(console, "decrypt", "Verifies the notification, decrypts its resource and prints the resource's JSON.", printResource: true),
    };

    private static Command Subcommand(ToolConsole console, string name, string description, bool printResource)
    {
        var credentials = ToolOptions.Credentials("The credentials directory (APIv3 key and WeChat Pay public key).");
        var headers = new Option<string>("--headers")
        {
            Description = "A file with the notification's HTTP headers, one 'Name: value' per line (other lines are ignored).",
            Required = true,
            HelpName = "FILE",
        };
        var body = new Option<string>("--body") { Description = "A file with the notification's body, byte for byte as received.", Required = true, HelpName = "FILE" };
        var certificates = new Option<string[]>("--certificate")
        {
            Description = "A platform certificate PEM file to verify with as well (from 'certificates download'); repeat for more.",
            HelpName = "FILE",
            DefaultValueFactory = _ => [],
        };
        var captured = new Option<bool>("--captured")
        {
            Description = "Check the 5-minute timestamp window against the notification's own Wechatpay-Timestamp, for one captured earlier. The signature is still verified.",
        };
        var command = new Command(name, description + " Exit codes: 0 verified, 1 bad arguments or files, 3 verification or decryption failed.")
        {
            credentials, headers, body, certificates, captured,
        };
        command.SetAction((result, cancellationToken) => RunAsync(console, printResource, result.GetValue(credentials)!, result.GetValue(headers)!,
            result.GetValue(body)!, result.GetValue(certificates)!, result.GetValue(captured), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, bool printResource, string directory, string headersFile, string bodyFile,
        string[] certificateFiles, bool captured, CancellationToken cancellationToken)
    {
        try
        {
            var headers = ReadHeaders(await File.ReadAllLinesAsync(headersFile, cancellationToken));
            var body = await File.ReadAllBytesAsync(bodyFile, cancellationToken);
            var options = ToolOptions.LoadClientOptions(directory);
            foreach (var file in certificateFiles)
                options.PlatformCertificates.Add(await File.ReadAllTextAsync(file, cancellationToken));
            if (captured && headers.TryGetValue("Wechatpay-Timestamp", out var stamp)
                && long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                options.TimeProvider = new CaptureTime(DateTimeOffset.FromUnixTimeSeconds(seconds));

            using var client = new WeChatPayClient(options);
            var notification = await client.ParseNotificationAsync(name => headers.GetValueOrDefault(name), body, ToolJson.Default.JsonElement, cancellationToken);
            if (printResource)
            {
                console.Out.WriteLine(Encoding.UTF8.GetString(notification.Plaintext.Span));
            }
            else
            {
                console.Out.WriteLine("verified: the signature, the timestamp and the resource's decryption");
                console.Out.WriteLine($"  id             {notification.Id}");
                console.Out.WriteLine($"  event_type     {notification.EventType}");
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  create_time    {notification.CreateTime:yyyy-MM-ddTHH:mm:sszzz}"));
                console.Out.WriteLine($"  resource_type  {notification.ResourceType}");
                console.Out.WriteLine($"  original_type  {notification.OriginalType}");
                console.Out.WriteLine($"  summary        {notification.Summary}");
            }

            return ExitCodes.Success;
        }
        catch (WeChatPayException ex) when (ex is not WeChatPayVerificationException)
        {
            // Verified, but the body or the decrypted resource is not the JSON a notification holds.
            console.Error.WriteLine($"Verification failed: {ex.Message}");
            return ExitCodes.VerificationFailed;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            return Failures.Report(ex, console.Error);
        }
    }

    /// <summary>Reads <c>Name: value</c> lines, case-insensitively by name; a request line or a blank line is skipped.</summary>
    internal static Dictionary<string, string> ReadHeaders(IEnumerable<string> lines)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
                continue;
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    /// <summary>A clock stopped at the notification's own timestamp, for <c>--captured</c>.</summary>
    private sealed class CaptureTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
