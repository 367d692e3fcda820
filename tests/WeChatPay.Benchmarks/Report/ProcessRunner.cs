using System.Diagnostics;
using System.Text;

namespace WeChatPay.Benchmarks.Report;

/// <summary>Runs a child process with a time limit and collects its output lines (stdout and stderr, in arrival order).</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, IReadOnlyList<string> Output, bool TimedOut);

    public static Result Run(string fileName, string arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, bool echo = false)
    {
        var start = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                start.Environment[key] = value;
        }
        return Run(start, timeout, echo ? line => Console.WriteLine("    | " + line) : null);
    }

    /// <summary>
    /// Runs <paramref name="start"/> (its output is redirected here) and calls <paramref name="onLine"/> for every
    /// line as it arrives, on the reader's thread, so that a caller can time when a line appears.
    /// </summary>
    public static Result Run(ProcessStartInfo start, TimeSpan timeout, Action<string>? onLine = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;

        var lines = new List<string>();
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Collect(e.Data);
            process.ErrorDataReceived += (_, e) => Collect(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(-1, Snapshot(), TimedOut: true);
            }
            process.WaitForExit();
            return new Result(process.ExitCode, Snapshot(), TimedOut: false);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            lines.Add($"could not start {start.FileName}: {ex.Message}");
            return new Result(-1, Snapshot(), TimedOut: false);
        }

        void Collect(string? line)
        {
            if (line is null)
                return;
            lock (lines)
                lines.Add(line);
            onLine?.Invoke(line);
        }

        List<string> Snapshot()
        {
            lock (lines)
                return [.. lines];
        }
    }
}
