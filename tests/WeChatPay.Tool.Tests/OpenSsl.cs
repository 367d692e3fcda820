using System.Diagnostics;

namespace WeChatPay.Tool.Tests;

/// <summary>The openssl command line, an implementation independent of the runtime's, for cross-checks.</summary>
internal static class OpenSsl
{
    public static (int ExitCode, string Text) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "openssl did not finish");
        return (process.ExitCode, output.Result + error.Result);
    }
}
