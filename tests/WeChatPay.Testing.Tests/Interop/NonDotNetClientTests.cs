using System.Diagnostics;
using System.Text;

namespace WeChatPay.Testing.Tests.Interop;

/// <summary>
/// The control API and the notifications as documented are enough for a client that is not .NET: a bash script
/// with curl, the openssl CLI and python3's standard library runs the payment lifecycle against the standalone sandbox
/// (<c>wechatpay sandbox</c>),
/// started here as its own process on a free loopback port.
/// </summary>
public sealed class NonDotNetClientTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task A_bash_curl_openssl_client_runs_the_payment_lifecycle_against_the_standalone_sandbox()
    {
        foreach (var tool in new[] { "bash", "curl", "openssl", "python3", "dotnet" })
            Assert.True(OnPath(tool), $"The lifecycle script needs '{tool}' on PATH; install it to run this test.");
        var root = RepositoryRoot();
        var credentials = Directory.CreateTempSubdirectory("wcp-lifecycle-");
        using var sandbox = Start("dotnet", ["run", "--project", Path.Combine(root, "runtime", "WeChatPay.Tool"), "-c", Configuration, "--no-build", "--",
            "sandbox", "--urls", "http://127.0.0.1:0", "--credentials", Path.Combine(credentials.FullName, "merchant")]);
        try
        {
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sandboxOutput = new StringBuilder();
            sandbox.OutputDataReceived += (_, e) =>
            {
                lock (sandboxOutput)
                    sandboxOutput.AppendLine(e.Data);
                if (e.Data?.Contains("WeChat Pay sandbox listening on", StringComparison.Ordinal) == true)
                    listening.TrySetResult();
            };
            sandbox.ErrorDataReceived += (_, e) => { lock (sandboxOutput) sandboxOutput.AppendLine(e.Data); };
            sandbox.BeginOutputReadLine();
            sandbox.BeginErrorReadLine();
            var exited = sandbox.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
            Assert.True(first == listening.Task, "wechatpay sandbox did not start listening:\n" + sandboxOutput);

            using var script = Start("bash", [Path.Combine(root, "tests", "WeChatPay.Testing.Tests", "Interop", "payment-lifecycle.sh"), Path.Combine(credentials.FullName, "merchant")]);
            var stdout = script.StandardOutput.ReadToEndAsync();
            var stderr = script.StandardError.ReadToEndAsync();
            try
            {
                await script.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
                // The output ends when every process holding it has; a stray child must not hang the test.
                var output = await stdout.WaitAsync(TimeSpan.FromMinutes(1));
                var report = $"stdout:\n{output}\nstderr:\n{await stderr.WaitAsync(TimeSpan.FromMinutes(1))}";
                Assert.True(script.ExitCode == 0, $"the script exited {script.ExitCode}\n{report}");
                Assert.Contains("lifecycle complete", output);
            }
            finally
            {
                if (!script.HasExited)
                    script.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            if (!sandbox.HasExited)
                sandbox.Kill(entireProcessTree: true);
            await sandbox.WaitForExitAsync();
            credentials.Delete(recursive: true);
        }
    }

    private static Process Start(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SourceGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("SourceGen.sln not found above " + AppContext.BaseDirectory);
    }
}
