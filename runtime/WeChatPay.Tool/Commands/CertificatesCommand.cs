using System.CommandLine;
using System.Globalization;

namespace WeChatPay.Tool.Commands;

/// <summary>
/// <c>wechatpay certificates download</c>: downloads the platform certificates through the runtime's downloader,
/// which decrypts them with the APIv3 key and verifies the download with the certificates it contains, then writes
/// each as <c>wechatpay_SERIAL.pem</c>, as the official certificate downloaders name them.
/// </summary>
internal static class CertificatesCommand
{
    public static Command Create(ToolConsole console)
    {
        var credentials = ToolOptions.Credentials("The credentials directory (apiclient_key.pem, wechatpay.json with the APIv3 key and base_url).");
        var output = new Option<string>("--output") { Description = "The directory to write wechatpay_SERIAL.pem files to (created if missing).", Required = true, HelpName = "DIR" };
        var download = new Command("download", "Downloads, decrypts and self-verifies the platform certificates, and writes them as PEM files named by serial.")
        {
            credentials, output,
        };
        download.SetAction((result, cancellationToken) => DownloadAsync(console, result.GetValue(credentials)!, result.GetValue(output)!, cancellationToken));
        return new Command("certificates", "WeChat Pay platform certificates.") { download };
    }

    private static async Task<int> DownloadAsync(ToolConsole console, string directory, string outputDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var options = ToolOptions.LoadClientOptions(directory);
            // Trust only what the download proves: no configured public key, so the download must verify with a
            // certificate it contains.
            options.PublicKeyId = null;
            options.PlatformPublicKey = null;
            options.PlatformPublicKeyPath = null;
            options.DownloadPlatformCertificates = true;
            using var client = new WeChatPayClient(options);
            await client.GetEncryptionKeyAsync(cancellationToken);

            Directory.CreateDirectory(outputDirectory);
            foreach (var key in client.PlatformKeys.Where(k => k.Kind == PlatformKeyKind.Certificate).OrderBy(k => k.Id, StringComparer.Ordinal))
            {
                var file = Path.Combine(outputDirectory, $"wechatpay_{key.Id}.pem");
                await File.WriteAllTextAsync(file, key.CertificatePem, cancellationToken);
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{key.Id}  {key.Scheme}  valid {key.NotBefore:yyyy-MM-dd} to {key.NotAfter:yyyy-MM-dd}  {file}"));
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            return Failures.Report(ex, console.Error);
        }
    }
}
