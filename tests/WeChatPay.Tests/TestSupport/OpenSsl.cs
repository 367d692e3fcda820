using System.Diagnostics;

namespace WeChatPay.Tests.TestSupport;

/// <summary>Runs the <c>openssl</c> 3 command line, an implementation independent of the runtime's, for interop checks.</summary>
public static class OpenSsl
{
    /// <summary>The result of one run.</summary>
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr)
    {
        /// <summary>Stdout as text.</summary>
        public string Text => System.Text.Encoding.UTF8.GetString(Stdout);
    }

    /// <summary>Runs <c>openssl</c> with <paramref name="arguments"/> and waits for it.</summary>
    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var stderrTask = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.ToArray(), stderrTask.GetAwaiter().GetResult());
    }

    /// <summary>Runs <c>openssl</c> and fails with its stderr when it exits non-zero.</summary>
    public static byte[] RunChecked(params string[] arguments)
    {
        var result = Run(arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }
}

/// <summary>A temporary directory under <see cref="Path.GetTempPath"/>, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wcp-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>Writes a file and returns its full path.</summary>
    public string Write(string name, byte[] content)
    {
        var file = File(name);
        System.IO.File.WriteAllBytes(file, content);
        return file;
    }

    /// <summary>Writes a text file and returns its full path.</summary>
    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>The full path of <paramref name="name"/> in the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
