using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WeChatPay.Benchmarks.Benchmarks;
using WeChatPay.Benchmarks.Fixtures;
using WeChatPay.Benchmarks.Report;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Benchmark 4 (issue #5): publishes three native-AOT apps and measures their size and the wall time from process
/// start to the first verified response:
/// the sample (samples/Busifavor, run with no arguments: it starts its in-process Kestrel sandbox and runs the flow),
/// the Refit AOT app (tests/WeChatPay.Benchmarks.RefitAot) and its generated twin
/// (tests/WeChatPay.Benchmarks.GeneratedAot, the same program with this SDK's generated client), both on an
/// real <c>SocketsHttpHandler</c> to answers pre-signed here and served on loopback by the app itself.
/// The three are published into this suite's artifacts folder, where this project's build has already built the
/// libraries they reference (the runtime, the generator, the sandbox and the DI package), so a publish builds only
/// its app and never a shared library (<c>BuildProjectReferences=false</c>); that lets two publishes share the two
/// cores (the Refit app then its twin, beside the sample) without two builds writing one library's files. Only then
/// are the apps timed, one after another. Publishes are incremental, so a second run skips the native compilation.
/// </summary>
public static partial class AotComparison
{
    /// <summary>
    /// One app to publish, and the line that marks its first verified answer. Each project turns native AOT on itself:
    /// a global -p:PublishAot=true would also reach the netstandard2.0 generator, which the SDK refuses (NETSDK1207).
    /// </summary>
    private sealed record App(string Name, string Description, string Project, bool TakesAnswers, string Marker)
    {
        public string BinaryName => Path.GetFileName(Project);
    }

    private sealed record Published(App App, string Binary, string? Problem, int AotWarnings, string? MapPath, double Seconds = 0, double? IlcSeconds = null);

    public static IEnumerable<AotApp> Run(CliOptions options)
    {
        var work = Path.Combine(options.ArtifactsPath, "aot");
        Directory.CreateDirectory(work);
        var answers = Path.Combine(work, "answers");
        var runs = options.Full ? 21 : 5;
        App[] apps =
        [
            new(AotNames.Refit,
                "Refit 16.4.0 + signing/verifying DelegatingHandler + user JsonSerializerContext, over SocketsHttpHandler to a loopback gateway",
                Path.Combine("tests", "WeChatPay.Benchmarks.RefitAot"), true, "FIRST_VERIFIED"),
            new(AotNames.Generated,
                "the same app with this SDK's generated client instead of Refit (the like-for-like comparison)",
                Path.Combine("tests", "WeChatPay.Benchmarks.GeneratedAot"), true, "FIRST_VERIFIED"),
            new(AotNames.Sample,
                "the README's sample: generated clients, DI, and the Kestrel sandbox it starts in process",
                Path.Combine("samples", "Busifavor"), false, "✔ verified response"),
        ];
        // Two lanes, about equally long: the two small apps one after the other, and the sample.
        var smallApps = Task.Run(() => new[] { Publish(options, work, apps[0]), Publish(options, work, apps[1]) });
        var sampleApp = Task.Run(() => Publish(options, work, apps[2]));
        var published = new List<Published>(smallApps.GetAwaiter().GetResult()) { sampleApp.GetAwaiter().GetResult() };

        // Sign the answers only now: a cold publish takes minutes, and they must be inside the 300 s window when used.
        PrepareAnswers(answers);
        foreach (var app in published)
            yield return Measure(app, answers, runs);
    }

    private static Published Publish(CliOptions options, string work, App app)
    {
        var slug = Slug().Replace(app.Name.ToLowerInvariant(), "-").Trim('-');
        var output = Path.Combine(work, slug);
        var log = Path.Combine(work, slug + "-publish.log");
        Console.WriteLine($"  publishing {app.Name} ({app.Project})");
        var clock = Stopwatch.StartNew();
        // Without Roslyn's analyzers (source generators still run): CI's builds run them, and the native compiler reports
        // every IL2xxx/IL3xxx warning of the whole program by itself, which is what this publish counts. Without native
        // debug symbols: a default publish writes them only to strip them from the executable measured here.
        var publish = ProcessRunner.Run("dotnet",
            $"publish {app.Project} -c Release -r linux-x64 -o \"{output}\" -p:BuildProjectReferences=false -p:RunAnalyzers=false -p:NativeDebugSymbols=false -p:IlcGenerateMapFile=true -clp:PerformanceSummary",
            TimeSpan.FromMinutes(10), options.RepositoryRoot,
            new Dictionary<string, string> { ["WCP_ARTIFACTS"] = options.ArtifactsPath });
        File.WriteAllLines(log, publish.Output);
        Console.WriteLine($"  published {app.Name} in {clock.Elapsed.TotalSeconds:0} s");
        var binary = Path.Combine(output, app.BinaryName);
        if (publish.ExitCode != 0 || !File.Exists(binary))
        {
            var errors = publish.Output.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(3);
            return new Published(app, binary, $"publish failed ({log}): {string.Join(" / ", errors)}", 0, null);
        }
        var map = Path.Combine(options.ArtifactsPath, "obj", Path.GetFileName(app.Project), "release_linux-x64", "native", app.BinaryName + ".map.xml");
        var aotWarnings = publish.Output.Where(l => AotWarning().IsMatch(l)).Distinct().Count();
        // MSBuild's performance summary (-clp:PerformanceSummary) times the IlcCompile target: the native compilation.
        var ilc = publish.Output.Select(l => IlcTarget().Match(l)).FirstOrDefault(m => m.Success) is { } found
            ? double.Parse(found.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000 : (double?)null;
        return new Published(app, binary, null, aotWarnings, File.Exists(map) ? map : null, clock.Elapsed.TotalSeconds, ilc);
    }

    private static AotApp Measure(Published published, string answers, int runs)
    {
        var app = published.App;
        if (published.Problem is not null)
            return new AotApp(app.Name, app.Description, null, [], published.Problem);
        var size = new FileInfo(published.Binary).Length;
        var times = new List<double>();
        string? problem = published.AotWarnings > 0 ? $"{published.AotWarnings} IL2xxx/IL3xxx warnings in the publish" : null;
        for (var i = 0; i < runs; i++)
        {
            var (ms, failure) = TimeToMarker(published.Binary, app.TakesAnswers ? [answers] : [], app.Marker, TimeSpan.FromSeconds(120));
            if (failure is not null)
            {
                problem = failure;
                break;
            }
            times.Add(ms);
        }
        Console.WriteLine($"  {app.Name}: {size / 1024.0 / 1024.0:0.00} MiB, start → first verified: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture) + " ms"))}");
        return new AotApp(app.Name, app.Description, size, times, problem, published.MapPath is null ? null : AotSizeMap.ByAssembly(published.MapPath),
            published.Seconds, published.IlcSeconds);
    }

    /// <summary>Starts the binary and returns the wall time until it prints a line containing <paramref name="marker"/>.</summary>
    private static (double Ms, string? Failure) TimeToMarker(string binary, string[] arguments, string marker, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(binary);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("WECHATPAY_CREDENTIALS");

        double? seen = null;
        var clock = Stopwatch.StartNew();
        var result = ProcessRunner.Run(start, timeout, line =>
        {
            if (seen is null && line.Contains(marker, StringComparison.Ordinal))
                seen = clock.Elapsed.TotalMilliseconds;
        });
        var name = Path.GetFileName(binary);
        if (result.TimedOut)
            return (0, $"{name} did not finish within {timeout.TotalSeconds:0} s");
        if (result.ExitCode != 0)
            return (0, $"{name} exited with {result.ExitCode}: {string.Join(" / ", result.Output.TakeLast(3))}");
        return seen is { } ms ? (ms, null) : (0, $"{name} never printed '{marker}'");
    }

    /// <summary>
    /// A credentials directory (as a merchant downloads it) plus the two answers, signed now by the platform key over
    /// their exact bytes; the apps verify them against the system clock, so they stay good for five minutes.
    /// </summary>
    private static void PrepareAnswers(string directory)
    {
        Directory.CreateDirectory(directory);
        var identity = Shared.Identity;
        File.WriteAllText(Path.Combine(directory, "apiclient_key.pem"), identity.MerchantPrivateKeyPem);
        File.WriteAllText(Path.Combine(directory, "pub_key.pem"), identity.PlatformPublicKeyPem);
        File.WriteAllText(Path.Combine(directory, "wechatpay.json"),
            $$"""{"mchid":"{{BenchIdentity.MerchantId}}","merchant_serial_no":"{{BenchIdentity.MerchantSerialNumber}}","public_key_id":"{{BenchIdentity.PublicKeyId}}","base_url":"{{BenchIdentity.BaseAddress}}"}""");
        var now = DateTimeOffset.UtcNow;
        foreach (var (name, body) in new[] { ("upload", Workload.UploadResponseBody()), ("list", Workload.ListResponseBody()) })
        {
            var answer = new PreSignedResponse(identity.PlatformKey, body, now, "aot-" + name);
            File.WriteAllBytes(Path.Combine(directory, name + ".json"), answer.Body);
            File.WriteAllLines(Path.Combine(directory, name + ".headers"),
            [
                "Request-ID: " + answer.RequestId,
                "Wechatpay-Timestamp: " + answer.Timestamp,
                "Wechatpay-Nonce: " + answer.Nonce,
                "Wechatpay-Signature: " + answer.Signature,
                "Wechatpay-Serial: " + BenchIdentity.PublicKeyId,
            ]);
        }
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+IlcCompile\s")]
    private static partial Regex IlcTarget();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex AotWarning();
}
