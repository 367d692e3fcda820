using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The <c>--catalog</c> run: checks that the generator reads the catalog cleanly, runs <see cref="CatalogBenchmarks"/>
/// and the interleaved pairs, and prints the figures as ratios to the floor.
/// </summary>
public static class CatalogReport
{
    public static int Run(bool isShort)
    {
        var (files, diagnostics, corpus) = CatalogBenchmarks.Generate();
        var own = diagnostics.Where(d => d.Id.StartsWith("WCP", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (files == 0 || own.Count > 0)
        {
            foreach (var d in own.Take(10))
                Console.Error.WriteLine(d);
            Console.Error.WriteLine($"The generator did not read the catalog cleanly: {files} files, {own.Count} diagnostics.");
            return 1;
        }

        var job = (isShort
                ? Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithInvocationCount(1).WithUnrollFactor(1)
                    .WithEvaluateOverhead(false).WithGcForce(false)
                : Job.Default)
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<CatalogBenchmarks>(config);

        var pairs = isShort ? 20 : 100;
        var full = CatalogBenchmarks.BesideFloor(fullRun: true, pairs);
        var edit = CatalogBenchmarks.BesideFloor(fullRun: false, pairs * 5);

        Console.WriteLine();
        Console.WriteLine($"GENERATOR ON THE CATALOG: {corpus.Files} files, {corpus.Endpoints} endpoint methods (async and sync forms), {files} generated files, {Environment.ProcessorCount} cores, {(isShort ? "short" : "default")} job");
        Console.WriteLine($"  edit: {CatalogCorpus.EditedFile}, {corpus.EditedMethod} renamed by one character and back");
        var failed = false;
        foreach (var report in summary.Reports)
        {
            var name = $"{report.BenchmarkCase.Descriptor.Categories.FirstOrDefault()}, {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}";
            if (report.ResultStatistics is not { } stats)
            {
                Console.WriteLine($"  {name}: no result");
                failed = true;
                continue;
            }
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name} (BenchmarkDotNet): {stats.Mean / 1e6:F2} ms (median {stats.Median / 1e6:F2} ms, ±{stats.StandardDeviation / 1e6:F2} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated)"));
        }
        Print("full run", full, pairs);
        Print("one-method edit", edit, pairs * 5);
        return failed ? 1 : 0;
    }

    private static void Print(string what, (double Generator, double Floor) pair, int pairs)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}, side by side (median of {pairs} interleaved pairs): generator {pair.Generator:F2} ms, floor {pair.Floor:F2} ms, ratio {pair.Generator / pair.Floor:F2}x"));
}
