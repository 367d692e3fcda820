using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace WeChatPay.Campaigns;

/// <summary>
/// Runs a property or load campaign in its short form (CI) or, with <c>WECHATPAY_CAMPAIGN=long</c>, its long form,
/// and appends its figures to the file <c>WECHATPAY_CAMPAIGN_REPORT</c> names. Inputs come from CsCheck generators
/// driven by a seed fixed per target, so a run is repeatable; a failure is shrunk by CsCheck from its seed.
/// </summary>
public static class Campaign
{
    public static bool IsLong => string.Equals(Environment.GetEnvironmentVariable("WECHATPAY_CAMPAIGN"), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary>The count for this run: <paramref name="shortForm"/> in CI, <paramref name="longForm"/> in the long form.</summary>
    public static int Count(int shortForm, int longForm) => IsLong ? longForm : shortForm;

    /// <summary>Checks <paramref name="property"/> on <paramref name="shortForm"/> (or <paramref name="longForm"/>) inputs.</summary>
    public static void Check<T>(string target, Gen<T> gen, Action<T> property, int shortForm, int longForm)
        => CheckAsync(target, gen, value => { property(value); return Task.CompletedTask; }, shortForm, longForm).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="Check{T}"/>, for properties that go over sockets.</summary>
    public static async Task CheckAsync<T>(string target, Gen<T> gen, Func<T, Task> property, int shortForm, int longForm)
    {
        var iterations = Count(shortForm, longForm);
        var master = new PCG(StableStream(target), 20261207);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var pcg = new PCG(master.Stream, master.Next64());
            var seed = pcg.ToString();
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                await property(value);
            }
            catch (Exception first)
            {
                Report(target, i + 1, 1, watch.Elapsed, "");
                // Let CsCheck shrink from the failing seed; if it cannot reproduce, report the original failure.
                gen.Sample(v => property(v).GetAwaiter().GetResult(), seed: seed, iter: 200, threads: 1);
                throw new InvalidOperationException($"{target}: input {i + 1} failed (CsCheck seed {seed}): {value}", first);
            }
        }

        Report(target, iterations, 0, watch.Elapsed, "");
    }

    /// <summary>Appends one line of figures for <paramref name="target"/> to the campaign report, when one is asked for.</summary>
    public static void Report(string target, long inputs, long crashes, TimeSpan elapsed, string notes)
    {
        var path = Environment.GetEnvironmentVariable("WECHATPAY_CAMPAIGN_REPORT");
        if (string.IsNullOrEmpty(path))
            return;
        var line = string.Join('\t', target, inputs.ToString(CultureInfo.InvariantCulture), crashes.ToString(CultureInfo.InvariantCulture),
            elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), notes);
        lock (typeof(Campaign))
            File.AppendAllText(path, line + Environment.NewLine);
    }

    /// <summary>The peak resident set of this process (VmHWM), in MiB, or -1 where /proc is not available.</summary>
    public static double PeakRssMiB()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (IOException)
        {
        }

        return -1;
    }

    private static uint StableStream(string target)
    {
        var hash = 2166136261u;
        foreach (var c in target)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
