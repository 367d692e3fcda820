using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using WeChatPay.Benchmarks.Report;
using Measurement = WeChatPay.Benchmarks.Report.Measurement;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Runs a BenchmarkDotNet class in process (no second build of this project, whose output lives in a per-engineer
/// artifacts folder): short mode is <see cref="Job.ShortRun"/> with 250 ms iterations, full mode is
/// <see cref="Job.Default"/>. MemoryDiagnoser is on for both.
/// </summary>
public static class BdnRunner
{
    /// <param name="shortIterations">Measured iterations in short mode (ShortRun's 3 unless given): more where the docs compare small differences.</param>
    public static Summary Run<T>(CliOptions options, int? shortIterations = null)
    {
        var job = options.Full
            ? Job.Default
            : Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(250));
        if (!options.Full && shortIterations is { } iterations)
            job = job.WithIterationCount(iterations);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(options.ArtifactsPath, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<T>(config);
        if (summary.HasCriticalValidationErrors)
            throw new InvalidOperationException($"BenchmarkDotNet refused {typeof(T).Name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
        return summary;
    }

    /// <summary>Mean, deviation and allocation per benchmark case; <c>Contender_Case</c> method names are split.</summary>
    public static IEnumerable<Measurement> Measurements(Summary summary, bool contenderFromMethod)
    {
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var method = benchmark.Descriptor.WorkloadMethod.Name;
            var rsa = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Rsa")?.Value?.ToString() ?? "";
            var stats = report.ResultStatistics;
            if (stats is null)
                throw new InvalidOperationException($"{method} {rsa} produced no result; see the BenchmarkDotNet log above.");
            string contender, name;
            if (contenderFromMethod)
            {
                var parts = method.Split('_', 2);
                contender = parts[0];
                name = parts.Length > 1 ? parts[1] : method;
            }
            else
            {
                contender = method;
                name = benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            }
            double? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark) is { } bytes ? bytes : null;
            yield return new Measurement(contender, name, rsa, stats.Mean, stats.StandardDeviation, allocated, stats.StandardError);
        }
    }
}
