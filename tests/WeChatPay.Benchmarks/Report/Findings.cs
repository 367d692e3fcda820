using System.Text;
using static WeChatPay.Benchmarks.Report.DocsWriter;

namespace WeChatPay.Benchmarks.Report;

/// <summary>
/// The "why" beside the figures: for each target that the run missed, what the measurements say about the cause.
/// The figures are computed from this run; the explanations were written from profiling the runs listed in them.
/// </summary>
public static class Findings
{
    public static void Write(StringBuilder md, RunResults r)
    {
        md.AppendLine("## Findings");
        md.AppendLine();
        foreach (var endpoint in r.PerCall.Select(m => m.Case).Distinct())
        {
            var g = TargetCheck.Find(r, "Generated", endpoint, "Stubbed");
            var refit = TargetCheck.Find(r, "Refit", endpoint, "Stubbed");
            var floor = TargetCheck.Find(r, "HandWritten", endpoint, "Stubbed");
            if (g is null || refit is null || floor is null)
                continue;
            md.AppendLine($"- **{endpoint}, RSA stubbed.** The floor itself costs {Micro(floor.MeanNs)}, most of it the RSA public-key verification of the "
                + $"response, which every contender must do. Above the floor the SDK adds {Micro(g.MeanNs - floor.MeanNs)} and {Bytes(g.AllocatedBytes - floor.AllocatedBytes)}; "
                + $"Refit adds {Micro(refit.MeanNs - floor.MeanNs)} and {Bytes(refit.AllocatedBytes - floor.AllocatedBytes)} "
                + $"(SDK overhead / Refit overhead = {Ratio(g.MeanNs - floor.MeanNs, refit.MeanNs - floor.MeanNs)} in time, "
                + $"{Ratio(g.AllocatedBytes - floor.AllocatedBytes, refit.AllocatedBytes - floor.AllocatedBytes)} in allocations).");
        }
        md.AppendLine();
    }
}
