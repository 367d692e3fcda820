using System.Diagnostics;

namespace WeChatPay.Benchmarks.Report;

/// <summary>Runs a child process with a time limit and collects its output lines.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, IReadOnlyList<string> Output, bool TimedOut);

    public static Result Run(string fileName, string arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, bool echo = false)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                start.Environment[key] = value;
        }

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
            lines.Add($"could not start {fileName}: {ex.Message}");
            return new Result(-1, Snapshot(), TimedOut: false);
        }

        void Collect(string? line)
        {
            if (line is null)
                return;
            lock (lines)
                lines.Add(line);
            if (echo)
                Console.WriteLine("    | " + line);
        }

        List<string> Snapshot()
        {
            lock (lines)
                return [.. lines];
        }
    }
}
