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
/// the Refit AOT app (tests/WeChatPay.Benchmarks.RefitAot) and its generated twin (the same app built with
/// <c>-p:AotContender=Generated</c>), both on an in-process handler with answers pre-signed here.
/// Publishes are incremental in the artifacts folder, so a second run skips the native compilation.
/// </summary>
public static partial class AotComparison
{
    public static IEnumerable<AotApp> Run(CliOptions options)
    {
        var work = Path.Combine(options.ArtifactsPath, "aot");
        Directory.CreateDirectory(work);
        var answers = Path.Combine(work, "answers");
        var runs = options.Full ? 21 : 9;
        var project = Path.Combine("tests", "WeChatPay.Benchmarks.RefitAot");

        yield return Measure(options, work, AotNames.Refit,
            "Refit 16.4.0 + signing/verifying DelegatingHandler + user JsonSerializerContext, in-process handler",
            project, "", "WeChatPay.Benchmarks.RefitAot", [answers], "FIRST_VERIFIED", runs);
        yield return Measure(options, work, AotNames.Generated,
            "the same app with this SDK's generated client instead of Refit (the like-for-like comparison)",
            project, "-p:AotContender=Generated", "WeChatPay.Benchmarks.RefitAot", [answers], "FIRST_VERIFIED", runs);
        yield return Measure(options, work, AotNames.Sample,
            "the README's sample: generated clients, DI, and the Kestrel sandbox it starts in process",
            Path.Combine("samples", "Busifavor"), SamplePublishProperties(options), "Busifavor", [], "✔ verified response", runs);
    }

    private static AotApp Measure(CliOptions options, string work, string name, string description, string project, string properties,
        string binaryName, string[] arguments, string marker, int runs)
    {
        var slug = Slug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        var output = Path.Combine(work, slug);
        var log = Path.Combine(work, slug + "-publish.log");
        Console.WriteLine($"  publishing {name} ({project} {properties})");
        var publish = ProcessRunner.Run("dotnet",
            $"publish {project} -c Release -r linux-x64 -o \"{output}\" -p:IlcGenerateMapFile=true {properties}",
            TimeSpan.FromMinutes(10), options.RepositoryRoot,
            new Dictionary<string, string> { ["WCP_ARTIFACTS"] = Path.Combine(work, "obj-" + slug) });
        var map = Directory.Exists(Path.Combine(work, "obj-" + slug))
            ? Directory.EnumerateFiles(Path.Combine(work, "obj-" + slug), binaryName + ".map.xml", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        File.WriteAllLines(log, publish.Output);
        var binary = Path.Combine(output, binaryName);
        if (publish.ExitCode != 0 || !File.Exists(binary))
        {
            var errors = publish.Output.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(3);
            return new AotApp(name, description, null, [], $"publish failed ({log}): {string.Join(" / ", errors)}");
        }
        // Sign the answers only now: a cold publish takes minutes, and they must be inside the 300 s window when used.
        if (arguments.Length > 0)
            PrepareAnswers(arguments[0]);
        var aotWarnings = publish.Output.Where(l => AotWarning().IsMatch(l)).Distinct().Count();
        var size = new FileInfo(binary).Length;

        var times = new List<double>();
        string? problem = aotWarnings > 0 ? $"{aotWarnings} IL2xxx/IL3xxx warnings in the publish" : null;
        for (var i = 0; i < runs; i++)
        {
            var (ms, failure) = TimeToMarker(binary, arguments, marker, TimeSpan.FromSeconds(120));
            if (failure is not null)
            {
                problem = failure;
                break;
            }
            times.Add(ms);
        }
        Console.WriteLine($"  {name}: {size / 1024.0 / 1024.0:0.00} MiB, start → first verified: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture) + " ms"))}");
        return new AotApp(name, description, size, times, problem, map is null ? null : AotSizeMap.ByAssembly(map));
    }

    /// <summary>
    /// The sample turns on native AOT in its project file, or else on the command line. A global -p:PublishAot=true
    /// would also reach the netstandard2.0 generator it references, which cannot be compiled ahead of time (NETSDK1207).
    /// </summary>
    private static string SamplePublishProperties(CliOptions options)
    {
        var project = File.ReadAllText(Path.Combine(options.RepositoryRoot, "samples", "Busifavor", "Busifavor.csproj"));
        return project.Contains("<PublishAot>true</PublishAot>", StringComparison.Ordinal) ? "" : "-p:PublishAot=true";
    }

    /// <summary>Starts the binary and returns the wall time until it prints a line containing <paramref name="marker"/>.</summary>
    private static (double Ms, string? Failure) TimeToMarker(string binary, string[] arguments, string marker, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("WECHATPAY_CREDENTIALS");

        double? seen = null;
        var output = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
            {
                output.Add(e.Data);
                if (seen is null && e.Data.Contains(marker, StringComparison.Ordinal))
                    seen = clock.Elapsed.TotalMilliseconds;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (output)
                    output.Add(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (0, $"{Path.GetFileName(binary)} did not finish within {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        lock (output)
        {
            if (process.ExitCode != 0)
                return (0, $"{Path.GetFileName(binary)} exited with {process.ExitCode}: {string.Join(" / ", output.TakeLast(3))}");
            return seen is { } ms ? (ms, null) : (0, $"{Path.GetFileName(binary)} never printed '{marker}'");
        }
    }

    /// <summary>
    /// A credentials directory (as a merchant downloads it) plus the two answers, signed now by the platform key over
    /// their exact bytes; the apps verify them against the system clock, so they stay good for five minutes.
    /// </summary>
    private static string PrepareAnswers(string directory)
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
        return directory;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();

    [GeneratedRegex(@"warning IL[23]\d{3}")]
    private static partial Regex AotWarning();
}
