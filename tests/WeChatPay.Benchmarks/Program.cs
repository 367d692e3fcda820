using System.Diagnostics;
using WeChatPay.Benchmarks;
using WeChatPay.Benchmarks.Benchmarks;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Harness;
using WeChatPay.Benchmarks.Report;

// The benchmark suite of issue #5. One command runs everything and rewrites docs/benchmarks.md and its charts:
//   tests/WeChatPay.Benchmarks/run.sh            short mode, about 5 min with the build on a 2-core machine (docs/benchmarks.md has the figure)
//   tests/WeChatPay.Benchmarks/run.sh --full     BenchmarkDotNet's default job (much longer)
//   … --only signing,percall,throughput,generator,aot   a subset (the docs then hold only that subset)
var options = CliOptions.Parse(args);
if (options is null)
    return 2;
WeChatPay.Benchmarks.Harness.TelemetryListener.AttachIfRequested();

if (options.Check)
{
    // Setup only: each contender makes one checked call per endpoint in both RSA modes; nothing is measured.
    foreach (var mode in Enum.GetValues<WeChatPay.Benchmarks.Contenders.RsaMode>())
        await WeChatPay.Benchmarks.Contenders.ContenderSet.CreateChecked(Shared.Identity, mode);
    new SigningBenchmarks().Setup();
    Console.WriteLine("check passed: every contender signs correctly and returns verified data, in both RSA modes");
    return 0;
}

if (options.ProfileAllocations)
{
    await AllocationProfile.RunAsync();
    return 0;
}

var results = new RunResults
{
    Mode = options.Full ? "full" : "short",
    StartedAt = DateTimeOffset.UtcNow,
    LoadAtStart = MachineInfo.LoadAverage(),
};
var clock = Stopwatch.StartNew();
Console.WriteLine($"WeChatPay benchmarks, {results.Mode} mode, sections: {string.Join(", ", options.Sections)}");

Section("signing", () =>
{
    var summary = BdnRunner.Run<SigningBenchmarks>(options);
    results.Signing.AddRange(BdnRunner.Measurements(summary, contenderFromMethod: false));
    var json = BdnRunner.Run<JsonBenchmarks>(options);
    results.Json.AddRange(BdnRunner.Measurements(json, contenderFromMethod: false));
});
Section("percall", () =>
{
    // More iterations than the other classes where the findings compare each client's few microseconds above the floor.
    var real = BdnRunner.Run<PerCallBenchmarks>(options, BdnRunner.PerCallRealRsaShortIterations, c => PerCallBenchmarks.IsMode(c, RsaMode.Real));
    var stubbed = BdnRunner.Run<PerCallBenchmarks>(options, BdnRunner.PerCallShortIterations, c => PerCallBenchmarks.IsMode(c, RsaMode.Stubbed));
    results.PerCall.AddRange(BdnRunner.Measurements(real, contenderFromMethod: true));
    results.PerCall.AddRange(BdnRunner.Measurements(stubbed, contenderFromMethod: true));
    foreach (var mode in Enum.GetValues<RsaMode>())
        results.PerCallSideBySide.AddRange(SideBySide.PerCall(options, mode, results.PerCall));
});
Section("throughput", () => results.Throughput = LoopbackThroughput.Run(options));
Section("generator", () => results.Generator = GeneratorScale.Run(options));
Section("aot", () => results.Aot.AddRange(AotComparison.Run(options)));

results.Duration = clock.Elapsed;
// run.sh stamps its start, so that the docs can give the whole command's time, its build included.
if (long.TryParse(Environment.GetEnvironmentVariable("WCP_BENCH_STARTED_AT"), out var startedAt))
    results.CommandDuration = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(startedAt);
results.LoadAtEnd = MachineInfo.LoadAverage();
var machine = MachineInfo.Describe(DotnetSdk.Version(options.RepositoryRoot));
var written = DocsWriter.Write(results, machine, options);
Console.WriteLine($"Wrote {written} in {results.Duration.TotalSeconds:0} s.");
foreach (var problem in results.Problems)
    Console.WriteLine("PROBLEM: " + problem);
return 0;

void Section(string name, Action run)
{
    if (!options.Sections.Contains(name))
        return;
    var started = clock.Elapsed;
    Console.WriteLine($"== {name}");
    try
    {
        run();
    }
    catch (Exception ex)
    {
        // A section that cannot run is reported in the docs, not hidden; the other sections still run.
        results.Problems.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
        Console.WriteLine(ex);
    }
    results.SectionTimes.Add((name, clock.Elapsed - started));
    Console.WriteLine($"== {name} took {(clock.Elapsed - started).TotalSeconds:0} s");
}
