using System.Text.Json;

namespace WeChatPay.Tool.Tests;

/// <summary>
/// <c>wechatpay sandbox</c> running in process on a free loopback port (port 0) until disposed, for a fresh
/// credentials directory made by <c>wechatpay keys new</c>.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;

    private SandboxProcess(string directory, WatchingWriter output, StringWriter error, CancellationTokenSource stop, Task<int> run)
    {
        Directory = directory;
        Output = output;
        Error = error;
        _stop = stop;
        _run = run;
    }

    public string Directory { get; }

    public WatchingWriter Output { get; }

    public StringWriter Error { get; }

    public Uri BaseAddress => new(ReadSettings().GetProperty("base_url").GetString()!);

    public string ApiV3Key => ReadSettings().GetProperty("apiv3_key").GetString()!;

    public static async Task<SandboxProcess> StartAsync(TempDirectory temp, params string[] extra)
    {
        var directory = temp.Path("credentials");
        var created = await ToolRun.RunAsync(["keys", "new", "--credentials", directory, .. extra.Where(a => a == "--sm2")]);
        Assert.True(created.ExitCode == 0, created.ToString());

        var output = new WatchingWriter("listening on");
        var error = new StringWriter();
        var stop = new CancellationTokenSource();
        var run = WeChatPayTool.InvokeAsync(["sandbox", "--urls", "http://127.0.0.1:0", "--credentials", directory, .. extra.Where(a => a != "--sm2")],
            output, error, stop.Token);
        var process = new SandboxProcess(directory, output, error, stop, run);
        await Task.WhenAny(output.Seen, run).WaitAsync(StartTimeout);
        Assert.True(output.Seen.IsCompleted, $"the sandbox did not start: {output}{error}");
        return process;
    }

    private JsonElement ReadSettings()
    {
        using var settings = JsonDocument.Parse(File.ReadAllBytes(System.IO.Path.Combine(Directory, "wechatpay.json")));
        return settings.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Assert.Equal(0, await _run.WaitAsync(TimeSpan.FromSeconds(60)));
        _stop.Dispose();
    }
}
