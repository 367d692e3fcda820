using System.CommandLine;

namespace WeChatPay.Tool;

/// <summary>The options several commands share.</summary>
internal static class ToolOptions
{
    /// <summary><c>--credentials DIR</c>: a credentials directory (see <see cref="Testing.SandboxCredentials"/>).</summary>
    public static Option<string> Credentials(string description) => new("--credentials")
    {
        Description = description,
        Required = true,
        HelpName = "DIR",
    };

    /// <summary>The client options for a credentials directory, sandbox or live.</summary>
    /// <exception cref="InvalidOperationException">The directory is missing a file or a field.</exception>
    public static WeChatPayOptions LoadClientOptions(string directory) => Testing.SandboxCredentials.Load(directory).ToOptions();
}
