using System.Globalization;
using System.Text;
using WeChatPay.Benchmarks.Harness;

namespace WeChatPay.Benchmarks.Report;

/// <summary>Writes docs/benchmarks.md and its SVG charts from one run.</summary>
public static class DocsWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(RunResults results, MachineInfo machine, CliOptions options)
    {
        var docs = Path.GetDirectoryName(options.DocsPath)!;
        Directory.CreateDirectory(docs);
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine($"Written by `tests/WeChatPay.Benchmarks/run.sh{(options.Full ? " --full" : "")}` on {results.StartedAt:yyyy-MM-dd HH:mm} UTC "
            + $"({results.Mode} mode, {results.Duration.TotalMinutes:0.0} min{(results.CommandDuration is { } command ? $"; {command.TotalMinutes:0.0} min with the build" : "")}). Every figure below comes from that one run; rerun the "
            + "command to refresh them, do not edit them by hand.");
        md.AppendLine();
        Machine(md, machine, options, results);
        Targets(md, results);
        Contenders(md);
        Signing(md, results);
        PerCall(md, results, docs);
        Throughput(md, results, docs);
        Generator(md, results);
        Aot(md, results, docs);
        Findings.Write(md, results);
        if (results.Problems.Count > 0)
        {
            md.AppendLine("## Sections that could not run");
            md.AppendLine();
            foreach (var problem in results.Problems)
                md.AppendLine($"- {problem}");
            md.AppendLine();
        }
        md.Append(KeptSection(options.DocsPath));
        File.WriteAllText(options.DocsPath, md.ToString().ReplaceLineEndings("\n"));
        return options.DocsPath;
    }

    /// <summary>
    /// The section another command measures (the generator on the catalog: the generator harness's <c>--catalog</c>),
    /// carried over as it stands between its markers, so that a rerun of this suite does not drop it.
    /// </summary>
    private static string KeptSection(string path)
    {
        const string Begin = "<!-- catalog-generator:begin";
        const string End = "<!-- catalog-generator:end -->";
        if (!File.Exists(path))
            return "";
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return start >= 0 && end > start ? text[start..(end + End.Length)] + "\n" : "";
    }

    private static void Machine(StringBuilder md, MachineInfo machine, CliOptions options, RunResults results)
    {
        md.AppendLine("## The machine");
        md.AppendLine();
        md.AppendLine("| CPU (`lscpu`) | cores | memory | OS | .NET runtime | .NET SDK | BenchmarkDotNet job | load average (start → end) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        var job = options.Full ? "Job.Default (in process)" : $"Job.ShortRun, {BdnRunner.ShortIterationMs} ms iterations (6 measured; for the per-call benchmark {BdnRunner.PerCallShortIterations} with RSA stubbed, {BdnRunner.PerCallRealRsaShortIterations} with real RSA; in process)";
        md.AppendLine($"| {machine.CpuModel} | {machine.Cores} | {machine.Memory} | {machine.Os} | {machine.Runtime} | {machine.Sdk} | {job} | {results.LoadAtStart} → {results.LoadAtEnd} |");
        md.AppendLine();
        md.AppendLine("The machine is shared: other builds may run beside the benchmarks, so absolute figures move between runs. "
            + "The targets are ratios between contenders measured side by side in the same run, which such noise affects far less.");
        md.AppendLine();
    }

    private static void Targets(StringBuilder md, RunResults results)
    {
        md.AppendLine("## Targets (issues #2 and #5)");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        foreach (var target in TargetCheck.All(results))
            md.AppendLine($"| {target.Name} | {target.Measured} | {(target.Met is null ? "not measured" : target.Met.Value ? "yes" : "**no**")} |");
        md.AppendLine();
    }

    private static void Contenders(StringBuilder md)
    {
        md.AppendLine("## What is compared");
        md.AppendLine();
        md.AppendLine("- **WeChatPay generated client**: an attributed `partial interface` (`[Post]`, `[Get]`) turned into code by this SDK's generator, "
            + "running on `WeChatPayClient`; no JSON context, no handler to write.");
        md.AppendLine("- **Refit + DelegatingHandler**: Refit 16.4.0 with a signing and verifying `DelegatingHandler` and a user-written "
            + "`JsonSerializerContext` (System.Text.Json source generator) — what a C# developer picks today.");
        md.AppendLine("- **hand-written HttpClient (floor)**: the two calls written directly on `HttpClient`, the same JSON context, the same signing and "
            + "verification code as the Refit handler (pooled buffers, spans). Nothing sits between the call and the wire.");
        md.AppendLine();
        md.AppendLine("All three sign with the same merchant key, verify with the same platform key (public-key mode, `PUB_KEY_ID_…`) and check the "
            + "±300 s window against the same frozen clock. The per-call benchmark's in-memory gateway returns constant answers that the platform key "
            + "signed once, over their exact bytes, so every call really verifies. Before anything is measured, one call per endpoint through each "
            + "contender is checked end to end: the exact target, the body bytes, the `Authorization` signature verified with the merchant's public key, "
            + "and the deserialized result.");
        md.AppendLine();
        md.AppendLine("**RSA stubbed** replaces only the RSA private-key operation by a constant, for all three alike: every contender signs through an "
            + "`RSA` object whose `SignHash` returns a fixed signature, while `SignData`/`TrySignData` still hash the message with SHA-256 as a real key does. "
            + "All three get the same `RSA` object (the SDK through `WeChatPayOptions.MerchantKey = MerchantPrivateKey.FromRsa(rsa)`, its seam for "
            + "HSM- or KMS-backed keys), in both modes; the setup proves it took effect by checking that the signature on the wire is the constant one. Response verification stays real (an RSA public-key "
            + "operation, ≈ 20 µs) in both modes, for all three.");
        md.AppendLine();
    }

    private static void Signing(StringBuilder md, RunResults results)
    {
        if (results.Signing.Count == 0)
            return;
        md.AppendLine("## 0. Signing and verification (issue #2)");
        md.AppendLine();
        md.AppendLine("The upload request (20 codes, a 600-byte body) signed by `RequestSigner.CreateAuthorization`, and its answer verified by "
            + "`SignatureVerifier.Verify`, beside the raw System.Security.Cryptography operations on the same message.");
        md.AppendLine();
        md.AppendLine("| operation | mean | ± std dev | allocated |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var m in results.Signing)
            md.AppendLine($"| {m.Case} | {Micro(m.MeanNs)} | {Micro(m.StdDevNs)} | {Bytes(m.AllocatedBytes)} |");
        md.AppendLine();
        var real = results.Signing.FirstOrDefault(m => m.Contender == "Sign_RealRsa");
        var raw = results.Signing.FirstOrDefault(m => m.Contender == "Rsa_SignData");
        if (real is not null && raw is not null)
        {
            md.AppendLine($"Real signing minus the raw RSA signature of the same message: {Micro(real.MeanNs - raw.MeanNs)} "
                + "(a difference of two noisy means; the stubbed row measures the same work directly).");
            md.AppendLine();
        }
    }

    private static void PerCall(StringBuilder md, RunResults results, string docs)
    {
        if (results.PerCall.Count == 0)
            return;
        md.AppendLine("## 1. Per-call cost");
        md.AppendLine();
        md.AppendLine("One call of each seed endpoint — upload 20 pre-stored codes (`POST …/couponcodes`) and list 10 codes (`GET …/couponcodes?status=…&appid=…&offset=0&limit=10`) — "
            + "against the in-memory gateway. Ratios are to the floor (time) and to Refit (time and allocations) of the same endpoint and mode.");
        md.AppendLine();
        foreach (var rsa in new[] { "Stubbed", "Real" })
        {
            var rows = results.PerCall.Where(m => m.Rsa == rsa).ToList();
            if (rows.Count == 0)
                continue;
            md.AppendLine(rsa == "Real" ? "### Real RSA-2048 signing" : "### RSA private-key operation stubbed (each client's own overhead)");
            md.AppendLine();
            md.AppendLine("| endpoint | contender | mean | ± std dev | × floor | × Refit | allocated | × Refit alloc |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var endpoint in rows.Select(r => r.Case).Distinct())
            {
                var floor = rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == "HandWritten");
                var refit = rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == "Refit");
                foreach (var contender in Charts.ContenderOrder)
                {
                    var m = rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == contender);
                    if (m is null)
                        continue;
                    md.AppendLine($"| {endpoint} | {Charts.Label(contender)} | {Micro(m.MeanNs)} | {Micro(m.StdDevNs)} | "
                        + $"{Ratio(m.MeanNs, floor?.MeanNs)} | {Ratio(m.MeanNs, refit?.MeanNs)} | {Bytes(m.AllocatedBytes)} | {Ratio(m.AllocatedBytes, refit?.AllocatedBytes)} |");
                }
            }
            md.AppendLine();
            SideBySideTable(md, results, rsa);
            if (rsa == "Stubbed" && results.Json.Count > 0)
            {
                md.AppendLine("The JSON part alone — each answer deserialized into the same models through the generator's JSON metadata and through "
                    + "the user's System.Text.Json source-generated context:");
                md.AppendLine();
                md.AppendLine("| deserialization | mean | ± std dev | allocated |");
                md.AppendLine("|---|---:|---:|---:|");
                foreach (var m in results.Json)
                    md.AppendLine($"| {m.Case} | {Micro(m.MeanNs)} | {Micro(m.StdDevNs)} | {Bytes(m.AllocatedBytes)} |");
                md.AppendLine();
            }
            var name = rsa == "Real" ? "per-call-real" : "per-call-stubbed";
            Chart(md, docs, $"{name}.svg", $"Per call, {rsa} RSA: µs", path => Charts.PerCall(results.PerCall, rsa, allocations: false, path), results);
            if (rsa == "Stubbed")
                Chart(md, docs, "per-call-allocations.svg", "Per call: KB allocated", path => Charts.PerCall(results.PerCall, rsa, allocations: true, path), results);
        }
    }

    /// <summary>The same cases side by side (<see cref="SideBySide"/>): the time figures the targets use.</summary>
    private static void SideBySideTable(StringBuilder md, RunResults results, string rsa)
    {
        var rows = results.PerCallSideBySide.Where(m => m.Rsa == rsa).ToList();
        if (rows.Count == 0)
            return;
        md.AppendLine("Side by side — the targets' time figures: the same calls again after the benchmark, the contenders taking turns in "
            + "short slices of calls (20 calls with RSA stubbed, about 1 ms; 5 with real RSA, about 5 ms; in an order that rotates every round), so that the machine's drift falls on all "
            + "of them alike instead of between them. Each time is the median of the contender's slices; above the floor is the median of its "
            + "differences from the floor's slice of the same round, ± twice their standard error.");
        md.AppendLine();
        md.AppendLine("| endpoint | contender | median | × floor | × Refit | above the floor |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var endpoint in rows.Select(r => r.Case).Distinct())
        {
            var floor = rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == "HandWritten");
            var refit = rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == "Refit");
            foreach (var contender in Charts.ContenderOrder)
            {
                if (rows.FirstOrDefault(r => r.Case == endpoint && r.Contender == contender) is not { } m)
                    continue;
                var above = contender == "HandWritten" ? "—" : $"{Micro(m.OverFloorNs)} ± {Micro(2 * m.OverFloorStdErrNs)}";
                md.AppendLine($"| {endpoint} | {Charts.Label(contender)} | {Micro(m.MeanNs)} | {Ratio(m.MeanNs, floor?.MeanNs)} | {Ratio(m.MeanNs, refit?.MeanNs)} | {above} |");
            }
        }
        md.AppendLine();
    }

    private static void Throughput(StringBuilder md, RunResults results, string docs)
    {
        if (results.Throughput is not { } t)
            return;
        md.AppendLine("## 2. Loopback throughput");
        md.AppendLine();
        md.AppendLine(t.Setup);
        md.AppendLine();
        md.AppendLine("| concurrent callers | sandbox's answer signatures | requests | failures | seconds | requests/s | × signing limit | × half the limit | CPU µs/request |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in t.Points)
        {
            md.AppendLine($"| {p.Callers} | {(p.SandboxSignsEveryAnswer ? "signs every answer" : "reused")} | {p.Requests} | {p.Failures} | {p.Seconds.ToString("0.0", Invariant)} | {p.RequestsPerSecond.ToString("0", Invariant)} | "
                + $"{Ratio(p.RequestsPerSecond, t.SignaturesPerSecondAllCores)} | {Ratio(p.RequestsPerSecond, t.SignaturesPerSecondAllCores / 2)} | {p.CpuMicrosecondsPerRequest.ToString("0", Invariant)} |");
        }
        md.AppendLine();
        md.AppendLine($"Signing limit measured in the same run: **{t.SignaturesPerSecondAllCores.ToString("0", Invariant)} RSA-2048 signatures/s** on "
            + $"{t.Cores} cores ({t.CpuMicrosecondsPerSignature.ToString("0", Invariant)} µs CPU per signature); verifications: {t.VerificationsPerSecondAllCores.ToString("0", Invariant)}/s. "
            + $"The transport alone — an empty Kestrel endpoint answering the same bytes to a bare `HttpClient`, nothing signed or verified — costs "
            + $"{t.TransportFloorCpuMicrosecondsPerRequest.ToString("0", Invariant)} µs CPU per request.");
        if (t.Split is { } s)
        {
            md.AppendLine();
            md.AppendLine($"One thread's CPU per call with client and sandbox in process (no sockets): {s.InProcessCall.ToString("0", Invariant)} µs = "
                + $"the request signature {s.Signature.ToString("0", Invariant)} µs + the sandbox's `Handle` {s.SandboxHandle.ToString("0", Invariant)} µs + "
                + $"the rest of the client {s.ClientWithoutSignature.ToString("0", Invariant)} µs; each side's share includes one RSA-2048 verification "
                + $"({s.Verification.ToString("0", Invariant)} µs).");
        }
        md.AppendLine();
        Chart(md, docs, "throughput.svg", "Loopback throughput", path => Charts.Throughput(t, path), results);
    }

    private static void Generator(StringBuilder md, RunResults results)
    {
        if (results.Generator is not { } g)
            return;
        md.AppendLine("## 3. The generator at scale");
        md.AppendLine();
        md.AppendLine($"The generator's own scale harness (`{g.Command}`): 100 interfaces of 10 endpoints each "
            + "(1,000 endpoints, about 300 model types). The full run is a fresh driver over a compilation the generator has never seen "
            + "(fresh symbols, a new project name), as on a first build. The incremental runs are the warm driver after a one-character edit "
            + "in an unrelated file, in a new `Compilation` each time, as on each keystroke in the IDE: a **body edit** changes a character "
            + "inside a method body, a **declaration edit** a character of a method's name, and a **type edit** a character of a type's name. "
            + "After a body edit nothing was declared differently, and after a declaration edit only the inside of a type that no endpoint "
            + "reaches, so each method gets the result it was read into last time; a type edit could change what any name binds to, so every "
            + "method is read again and the compiler binds every type it reads again. Before anything is measured, the harness edits until "
            + "tiered compilation has settled, as it has in an IDE's long-lived compiler process, and each iteration of the cheap incremental cases averages four edits "
            + "(an edit now and then pays for a collection of the compilations' heap). The floor is the body edit through a generator whose five "
            + "`ForAttributeWithMetadataName` transforms only read the method's name: what the compiler charges any generator on these "
            + "attributes. It is measured before the benchmark, side by side with the body edit through this generator (their edits alternate, "
            + "each on its own chain of compilations; the medians of both are given), because two cases run one after the other differ by "
            + "the state of the heap and the machine as much as by the generator. The last column is the type edit again, each inside a no-GC region (`GC.TryStartNoGCRegion`), after the "
            + "benchmark in the same process: that edit's work without the collection of what it allocated.");
        md.AppendLine();
        md.AppendLine("| endpoints | full run | body edit elsewhere | declaration edit elsewhere | type edit elsewhere | floor, body edit (median, side by side) | body edit beside the floor (median) | type edit, no collection inside it (median) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| {g.Endpoints?.ToString(Invariant) ?? "?"} | {Ms(g.FullRunMs)} | {Ms(g.BodyEditMs)} | {Ms(g.DeclarationEditMs)} | {Ms(g.TypeEditMs)} | {Ms(g.FloorMs)} | {Ms(g.BodyEditBesideFloorMs)} | {Ms(g.TypeEditWithoutCollectionMs)} |");
        md.AppendLine();
        md.AppendLine("<details><summary>The harness's output</summary>");
        md.AppendLine();
        md.AppendLine("```");
        foreach (var line in g.Output.TakeLast(40))
            md.AppendLine(line);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("</details>");
        md.AppendLine();
    }

    private static void Aot(StringBuilder md, RunResults results, string docs)
    {
        if (results.Aot.Count == 0)
            return;
        md.AppendLine("## 4. Native AOT");
        md.AppendLine();
        md.AppendLine("Each app is published with `PublishAot=true` for linux-x64, without native debug symbols (`NativeDebugSymbols=false`: the compiler "
            + "writes none, where a default publish writes them and then strips them into a separate `.dbg` file, which costs time and leaves the "
            + "same executable save a few bytes that name that file); the size is the native executable. "
            + "Start → first verified response is the wall time from starting the process to the line it prints once the first response has "
            + "verified, the median of several runs.");
        md.AppendLine();
        md.AppendLine("| app | what it is | binary size | start → first verified response (median) | runs |");
        md.AppendLine("|---|---|---:|---:|---|");
        foreach (var app in results.Aot)
        {
            var runs = app.Problem ?? string.Join(", ", app.StartToFirstVerifiedMs.Select(v => v.ToString("0", Invariant) + " ms"));
            md.AppendLine($"| {app.Name} | {app.Description} | {(app.SizeBytes is { } s ? (s / 1024.0 / 1024.0).ToString("0.00", Invariant) + " MiB" : "—")} | "
                + $"{Ms(app.MedianMs)} | {runs} |");
        }
        md.AppendLine();
        if (results.Aot.Any(a => a.SizeBytes is not null))
            Chart(md, docs, "aot-size.svg", "Native AOT binary size", path => Charts.AotSize(results.Aot, path), results);

        var mapped = results.Aot.Where(a => a.SizeByAssembly is not null).ToList();
        if (mapped.Count == 0)
            return;
        md.AppendLine("Where the bytes go, from each publish's ILC map file (`-p:IlcGenerateMapFile=true`; native code and data per assembly, "
            + "the 16 largest rows of any app; rows in parentheses are runtime structures that name no assembly):");
        md.AppendLine();
        md.AppendLine("| assembly | " + string.Join(" | ", mapped.Select(a => a.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(mapped.Select(_ => "---:|")));
        var rows = mapped.SelectMany(a => a.SizeByAssembly!).GroupBy(kv => kv.Key)
            .OrderByDescending(g => g.Max(kv => kv.Value)).Take(16).Select(g => g.Key);
        foreach (var row in rows)
            md.AppendLine($"| {row} | " + string.Join(" | ", mapped.Select(a => Kib(a.SizeByAssembly!.GetValueOrDefault(row)))) + " |");
        md.AppendLine("| **total in the map** | " + string.Join(" | ", mapped.Select(a => Kib(a.SizeByAssembly!.Values.Sum()))) + " |");
        md.AppendLine();
    }

    private static string Kib(long bytes) => bytes == 0 ? "—" : (bytes / 1024.0).ToString("0", Invariant) + " KiB";

    private static void Chart(StringBuilder md, string docs, string file, string alt, Action<string> draw, RunResults results)
    {
        try
        {
            draw(Path.Combine(docs, file));
            md.AppendLine($"![{alt}]({file})");
            md.AppendLine();
        }
        catch (Exception ex)
        {
            results.Problems.Add($"chart {file}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    internal static string Micro(double? ns) => ns is { } v
        ? (Math.Abs(v) >= 100_000 ? (v / 1000).ToString("0", Invariant) : Math.Abs(v) >= 10_000 ? (v / 1000).ToString("0.0", Invariant) : (v / 1000).ToString("0.00", Invariant)) + " µs"
        : "—";

    internal static string Ms(double? ms) => ms is { } v ? (v >= 100 ? v.ToString("0", Invariant) : v.ToString("0.0", Invariant)) + " ms" : "—";

    internal static string Bytes(double? bytes) => bytes is { } v
        ? v >= 10_240 ? (v / 1024).ToString("0.0", Invariant) + " KB" : v.ToString("0", Invariant) + " B"
        : "—";

    internal static string Ratio(double? value, double? reference) => value is { } v && reference is { } r && r > 0
        ? (v / r).ToString("0.00", Invariant) + "×"
        : "—";
}
