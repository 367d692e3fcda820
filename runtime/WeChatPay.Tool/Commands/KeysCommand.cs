using System.CommandLine;
using WeChatPay.Testing;

namespace WeChatPay.Tool.Commands;

/// <summary><c>wechatpay keys new</c>: makes a sandbox identity in an empty directory; never overwrites one.</summary>
internal static class KeysCommand
{
    public static Command Create(ToolConsole console)
    {
        var credentials = ToolOptions.Credentials("The directory to create the identity in; it must be empty or missing.");
        var sm2 = new Option<bool>("--sm2") { Description = "Make a ShangMi (SM2) merchant instead of an RSA one." };
        var create = new Command("new", "Makes a sandbox identity: merchant key, serial, mchid, APIv3 key, and the sandbox's platform keys.")
        {
            credentials, sm2,
        };
        create.SetAction(result => New(console, result.GetValue(credentials)!, result.GetValue(sm2)));
        return new Command("keys", "Sandbox identities.") { create };
    }

    private static int New(ToolConsole console, string directory, bool sm2)
    {
        try
        {
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
                throw new InvalidOperationException($"'{Path.GetFullPath(directory)}' is not empty; keys new never overwrites an identity. Choose an empty or new directory.");
            var identity = SandboxCredentials.LoadOrCreate(directory, scheme: sm2 ? SignatureScheme.ShangMi : SignatureScheme.Rsa);
            console.Out.Write(identity.Describe());
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            return Failures.Report(ex, console.Error);
        }
    }
}
