using System.Diagnostics;
using WeChatPay.Benchmarks.Benchmarks;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;
using WeChatPay.Benchmarks.Report;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// The per-call benchmark's calls again, side by side: in each round every contender makes a short slice of calls to
/// each endpoint, in an order that rotates from round to round, so that the machine's drift (this shared machine's
/// speed moves by more than the contenders' own overheads within seconds) weighs on all of them alike. BenchmarkDotNet
/// measures one case after another, which is right for its means and allocations but lets that drift fall between the
/// contenders; the targets' time figures are taken from here. Each contender's time is the median of its slices, and
/// its overhead above the floor the median of its differences from the floor's slice of the same round.
/// </summary>
public static class SideBySide
{
    /// <param name="bdn">The same cases measured by BenchmarkDotNet, whose allocations are carried over.</param>
    public static IEnumerable<Measurement> PerCall(CliOptions options, RsaMode mode, IReadOnlyList<Measurement> bdn)
    {
        var set = ContenderSet.CreateChecked(Shared.Identity, mode).GetAwaiter().GetResult();
        var operations = set.Calls(Workload.UploadRequest());
        // Slices of a few calls (20 of ~70 µs with RSA stubbed, 5 of ~1 ms with real RSA), and as many rounds as take a
        // second or two in short mode; the first fifth of the rounds is a warm-up and is not recorded.
        var (calls, rounds) = mode == RsaMode.Stubbed ? (20, options.Full ? 1000 : 150) : (5, options.Full ? 250 : 40);
        var slices = operations.Select(_ => new double[rounds]).ToArray();
        for (var round = -rounds / 5; round < rounds; round++)
        {
            for (var k = 0; k < operations.Count; k++)
            {
                var i = (k + Math.Max(round, 0)) % operations.Count;
                var clock = Stopwatch.GetTimestamp();
                for (var c = 0; c < calls; c++)
                    operations[i].Run().GetAwaiter().GetResult();
                if (round >= 0)
                    slices[i][round] = Stopwatch.GetElapsedTime(clock).TotalNanoseconds / calls;
            }
        }

        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var floor = Enumerable.Range(0, operations.Count).First(j => operations[j].Endpoint == op.Endpoint && operations[j].Contender == "HandWritten");
            var overFloor = slices[i].Zip(slices[floor], (a, b) => a - b).ToArray();
            var mean = overFloor.Average();
            var stdErr = Math.Sqrt(overFloor.Sum(d => (d - mean) * (d - mean)) / (rounds - 1) / rounds);
            var allocated = bdn.FirstOrDefault(m => m.Contender == op.Contender && m.Case == op.Endpoint && m.Rsa == mode.ToString())?.AllocatedBytes;
            yield return new Measurement(op.Contender, op.Endpoint, mode.ToString(), Median(slices[i]), StdDev(slices[i]), allocated,
                OverFloorNs: i == floor ? 0 : Median(overFloor), OverFloorStdErrNs: i == floor ? 0 : stdErr);
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double StdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
