using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
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
/// artifacts folder): short mode is <see cref="Job.ShortRun"/> with 125 ms iterations, six of them measured unless
/// the caller asks for more, full mode is <see cref="Job.Default"/>. MemoryDiagnoser is on for both.
/// Short iterations, more of them: the pilot and warm-up stages, which run iterations of the same length, cost half as
/// much, and the time measured per case stays what ShortRun's three 250 ms iterations measured.
/// </summary>
public static class BdnRunner
{
    /// <summary>The length of one short-mode iteration.</summary>
    public const int ShortIterationMs = 125;

    /// <summary>Measured iterations of the per-call benchmark with RSA stubbed in short mode: its findings compare a few microseconds above the floor.</summary>
    public const int PerCallShortIterations = 18;

    /// <summary>
    /// Measured iterations of the per-call benchmark with real RSA in short mode: a call then costs about a millisecond,
    /// and its mean moves with the signature's cost on a shared machine far more than with the number of iterations.
    /// </summary>
    public const int PerCallRealRsaShortIterations = 9;

    /// <param name="shortIterations">Measured iterations in short mode (6 unless given): more where the docs compare small differences.</param>
    /// <param name="cases">The cases to run, all unless given.</param>
    public static Summary Run<T>(CliOptions options, int? shortIterations = null, Func<BenchmarkCase, bool>? cases = null)
    {
        var job = options.Full
            ? Job.Default
            : Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(ShortIterationMs)).WithIterationCount(shortIterations ?? 6);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(options.ArtifactsPath, "BenchmarkDotNet.Artifacts"));
        if (cases is not null)
            config = config.AddFilter(new SimpleFilter(cases));
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
