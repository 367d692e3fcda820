namespace WeChatPay.Tool.Tests;

/// <summary>One run of the tool through its entry point, with what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    /// <summary>Runs <c>wechatpay ARGS</c> in process.</summary>
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await WeChatPayTool.InvokeAsync(args, output, error);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
