using System.CommandLine;
using WeChatPay.Tool.Commands;

namespace WeChatPay.Tool;

/// <summary>
/// The <c>wechatpay</c> command line: <c>sandbox</c>, <c>call</c>, <c>certificates download</c>,
/// <c>notification verify|decrypt</c> and <c>keys new</c>. Parse errors print a usage message and exit 1.
/// </summary>
internal static class WeChatPayTool
{
    /// <summary>The command tree, writing to <paramref name="console"/>.</summary>
    public static RootCommand CreateRootCommand(ToolConsole console) => new("wechatpay: tools for WeChat Pay API v3 (微信支付 APIv3)")
    {
        SandboxCommand.Create(console),
        CallCommand.Create(console),
        CertificatesCommand.Create(console),
        NotificationCommand.Create(console),
        KeysCommand.Create(console),
    };

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = new ToolConsole(output, error);
        // No response files: "@FILE" is the tool's own syntax for --json.
        var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return CreateRootCommand(console).Parse(args, parsing).InvokeAsync(invocation, cancellationToken);
    }
}
