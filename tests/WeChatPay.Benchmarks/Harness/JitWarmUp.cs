using System.Diagnostics;
using System.Runtime;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Runs rounds of work until tiered compilation has (nearly) stopped compiling, so that what is measured next is the
/// process's steady state and not the JIT's background promotions (with PGO, twice per hot method), which take many
/// more calls than BenchmarkDotNet's short pilot and warm-up stages make.
/// </summary>
public static class JitWarmUp
{
    /// <summary>
    /// Repeats <paramref name="round"/>, pausing after each so that the JIT's background thread can catch up, until a
    /// round compiles at most <paramref name="quietMethods"/> methods or <paramref name="limit"/> has passed.
    /// </summary>
    /// <returns>How long the warm-up took.</returns>
    public static TimeSpan Until(Action round, TimeSpan limit, int quietMethods = 2)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var before = JitInfo.GetCompiledMethodCount();
            round();
            Thread.Sleep(200);
            if (JitInfo.GetCompiledMethodCount() - before <= quietMethods)
                break;
        }
        return clock.Elapsed;
    }
}
