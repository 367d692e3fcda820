using static WeChatPay.Benchmarks.Report.DocsWriter;

namespace WeChatPay.Benchmarks.Report;

/// <summary>One target of issues #2, #3 and #5, checked against a run.</summary>
public sealed record Target(string Name, string Measured, bool? Met);

/// <summary>Checks every target the benchmarks can measure; a target whose section did not run is "not measured".</summary>
public static class TargetCheck
{
    public static IEnumerable<Target> All(RunResults r)
    {
        var stubbed = r.Signing.FirstOrDefault(m => m.Contender == "Sign_RsaStubbed");
        yield return new Target("#2 signing work other than the RSA private-key operation ≤ 5 µs",
            Micro(stubbed?.MeanNs), stubbed is null ? null : stubbed.MeanNs <= 5_000);
        yield return new Target("#2 … and ≤ 2 KB allocated per request",
            Bytes(stubbed?.AllocatedBytes), stubbed?.AllocatedBytes is null ? null : stubbed.AllocatedBytes <= 2_048);

        foreach (var endpoint in r.PerCall.Select(m => m.Case).Distinct())
        {
            // Times side by side where measured (SideBySide: the contenders take turns, so the machine's drift falls on
            // all of them alike), else BenchmarkDotNet's means; allocations always BenchmarkDotNet's.
            var generated = Timed(r, "Generated", endpoint, "Stubbed");
            var refit = Timed(r, "Refit", endpoint, "Stubbed");
            var floor = Timed(r, "HandWritten", endpoint, "Stubbed");
            var how = generated?.OverFloorNs is null ? "" : " (side by side, medians)";
            // Read as "each client's own overhead": what it costs above the hand-written floor, which does the same
            // signing, verification and JSON. Read as whole calls (the next two rows), no client can pass, the floor
            // included, because the answer's RSA verification and the JSON are in every call (see the findings).
            // An overhead is only judged when Refit's own stands out from the floor by more than twice the standard
            // error of that difference; otherwise this run cannot tell the overheads apart.
            var measured = generated is not null && refit is not null && floor is not null;
            var noise = measured ? OverheadNoise(refit!, floor!) : null;
            var ours = measured ? OverFloor(generated!, floor!) : 0;
            var theirs = measured ? OverFloor(refit!, floor!) : 0;
            yield return new Target($"#5 {endpoint}: SDK's own overhead (above the floor), RSA stubbed ≤ 0.5× Refit+handler's",
                !measured ? "—"
                    : $"{Micro(ours)} vs {Micro(theirs)}{how}"
                        + (noise is { } n
                            ? $" (within ±{Micro(n)}, twice the standard error of the difference in this run: not judged)"
                            : $" = {Ratio(Math.Max(0, ours), theirs)}"),
                !measured || noise is not null ? null : ours <= 0.5 * theirs);
            var generatedBytes = Find(r, "Generated", endpoint, "Stubbed")?.AllocatedBytes;
            var refitBytes = Find(r, "Refit", endpoint, "Stubbed")?.AllocatedBytes;
            var floorBytes = Find(r, "HandWritten", endpoint, "Stubbed")?.AllocatedBytes;
            yield return new Target($"#5 {endpoint}: SDK's own allocations (above the floor), RSA stubbed ≤ 0.5× Refit+handler's",
                generatedBytes is not { } ga || refitBytes is not { } ra || floorBytes is not { } fa ? "—"
                    : $"{Bytes(ga - fa)} vs {Bytes(ra - fa)} = {Ratio(ga - fa, ra - fa)}",
                generatedBytes is not { } gb || refitBytes is not { } rb || floorBytes is not { } fb ? null : gb - fb <= 0.5 * (rb - fb));
            yield return new Target($"#5 {endpoint}: SDK whole call, RSA stubbed ≤ 0.5× Refit+handler",
                Pair(Micro(generated?.MeanNs), Micro(refit?.MeanNs), Ratio(generated?.MeanNs, refit?.MeanNs)) + (generated is null ? "" : how),
                generated is null || refit is null ? null : generated.MeanNs <= 0.5 * refit.MeanNs);
            yield return new Target($"#5 {endpoint}: SDK whole-call allocations, RSA stubbed ≤ 0.5× Refit+handler",
                Pair(Bytes(generatedBytes), Bytes(refitBytes), Ratio(generatedBytes, refitBytes)),
                generatedBytes is null || refitBytes is null ? null : generatedBytes <= 0.5 * refitBytes);

            var generatedReal = Timed(r, "Generated", endpoint, "Real");
            var floorReal = Timed(r, "HandWritten", endpoint, "Real");
            yield return new Target($"#5 {endpoint}: SDK end to end, real RSA ≤ 1.1× hand-written floor",
                Pair(Micro(generatedReal?.MeanNs), Micro(floorReal?.MeanNs), Ratio(generatedReal?.MeanNs, floorReal?.MeanNs))
                    + (generatedReal?.OverFloorNs is null ? "" : " (side by side, medians)"),
                generatedReal is null || floorReal is null ? null : generatedReal.MeanNs <= 1.1 * floorReal.MeanNs);
        }

        if (r.Throughput is { } t)
        {
            var best = t.Points.Where(p => !p.SandboxSignsEveryAnswer).MaxBy(p => p.RequestsPerSecond);
            yield return new Target("#5 loopback throughput ≥ 85% of the signing limit of the same run",
                best is null ? "—" : $"{best.RequestsPerSecond:0} req/s ({best.Callers} callers) vs {t.SignaturesPerSecondAllCores:0} signatures/s = {Ratio(best.RequestsPerSecond, t.SignaturesPerSecondAllCores)}"
                    + (double.IsNaN(best.CpuMicrosecondsPerRequest) || double.IsNaN(t.CpuMicrosecondsPerSignature) ? ""
                        : $" (in CPU time: {t.CpuMicrosecondsPerSignature:0} µs per signature of {best.CpuMicrosecondsPerRequest:0} µs per request = {Ratio(t.CpuMicrosecondsPerSignature, best.CpuMicrosecondsPerRequest)})"),
                best is null ? null : best.RequestsPerSecond >= 0.85 * t.SignaturesPerSecondAllCores);
        }
        else
        {
            yield return new Target("#5 loopback throughput ≥ 85% of the signing limit of the same run", "—", null);
        }

        var refitAot = r.Aot.FirstOrDefault(a => a.Name == AotNames.Refit)?.SizeBytes;
        foreach (var name in new[] { AotNames.Sample, AotNames.Generated })
        {
            var size = r.Aot.FirstOrDefault(a => a.Name == name)?.SizeBytes;
            yield return new Target($"#5 AOT binary ({name}) smaller than the Refit AOT app",
                Pair(Mib(size), Mib(refitAot), Ratio(size, refitAot)),
                size is null || refitAot is null ? null : size < refitAot);
        }

        if (r.Mode == "short" && r.RanEverySection)
        {
            var benchmarks = $"{r.Duration.TotalMinutes:0.0} min of benchmarks";
            yield return new Target("#5 one command runs everything in short mode in < 5 min",
                r.CommandDuration is { } command
                    ? $"{command.TotalMinutes:0.0} min from the command to these docs: {(command - r.Duration).TotalMinutes:0.0} min of build, then {benchmarks}"
                    : $"{benchmarks}; the build was not timed (started without run.sh)",
                r.CommandDuration is { } total ? total < TimeSpan.FromMinutes(5) : null);
        }

        var g = r.Generator;
        yield return new Target("#3 generator, 1,000 endpoints: full run < 1 s", Ms(g?.FullRunMs), g?.FullRunMs is null ? null : g.FullRunMs < 1000);
        double?[] edits = [g?.BodyEditMs, g?.DeclarationEditMs, g?.TypeEditMs];
        yield return new Target("#3 generator, 1,000 endpoints: incremental run < 20 ms",
            $"body edit {Ms(g?.BodyEditMs)}, declaration edit {Ms(g?.DeclarationEditMs)}, type edit {Ms(g?.TypeEditMs)}"
                + (g?.FloorMs is { } floorMs ? $" (floor for the body edit: {Ms(floorMs)}"
                    + (g.BodyEditBesideFloorMs is { } pair ? $", and the body edit beside it: {Ms(pair)}" : "") + ")" : ""),
            edits.Any(e => e is null) ? null : edits.All(e => e < 20));
    }

    /// <summary>
    /// Twice the standard error of Refit's difference from the floor when that difference does not stand out from it,
    /// so that this run cannot judge the overheads; null when it does stand out. The targets and the findings both use it.
    /// </summary>
    public static double? OverheadNoise(Measurement refit, Measurement floor)
    {
        // Side by side, the differences are paired round by round; otherwise two independent means are compared.
        var noise = refit.OverFloorStdErrNs is { } paired
            ? 2 * paired
            : 2 * Math.Sqrt(refit.StdErrNs * refit.StdErrNs + floor.StdErrNs * floor.StdErrNs);
        return OverFloor(refit, floor) > noise ? null : noise;
    }

    /// <summary>What <paramref name="contender"/> costs above the floor: side by side, the median of its paired differences.</summary>
    public static double OverFloor(Measurement contender, Measurement floor) => contender.OverFloorNs ?? contender.MeanNs - floor.MeanNs;

    /// <summary>BenchmarkDotNet's measurement of one per-call case.</summary>
    public static Measurement? Find(RunResults r, string contender, string endpoint, string rsa)
        => r.PerCall.FirstOrDefault(m => m.Contender == contender && m.Case == endpoint && m.Rsa == rsa);

    /// <summary>One per-call case's time: side by side where measured, else BenchmarkDotNet's.</summary>
    public static Measurement? Timed(RunResults r, string contender, string endpoint, string rsa)
        => r.PerCallSideBySide.FirstOrDefault(m => m.Contender == contender && m.Case == endpoint && m.Rsa == rsa) ?? Find(r, contender, endpoint, rsa);

    private static string Pair(string ours, string theirs, string ratio) => ours == "—" || theirs == "—" ? "—" : $"{ours} vs {theirs} = {ratio}";

    private static string Mib(double? bytes) => bytes is { } b ? (b / 1024 / 1024).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " MiB" : "—";
}

/// <summary>The names of the native-AOT apps in the tables.</summary>
public static class AotNames
{
    public const string Sample = "sample (samples/Busifavor)";
    public const string Generated = "generated twin";
    public const string Refit = "Refit AOT app";
}
