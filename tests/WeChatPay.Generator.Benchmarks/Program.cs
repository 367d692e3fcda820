using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Benchmarks;

// Usage: dotnet run -c Release --project tests/WeChatPay.Generator.Benchmarks [-- --short] [--catalog]
//   --short: 1 launch, 2 warm-ups, 8 iterations (of one operation each, four edits for the cheap incremental cases);
//   otherwise BDN's default job. The side-by-side floor measurement runs first and edits until tiered compilation has
//   settled (Edits.WarmedUp): with a few warm-ups alone the incremental cases' measured runs were still tiering up
//   (call counting, rejit with PGO), and by how much depended on the case that ran before.
// The last lines are the summary that issue #5's harness parses: "full run: N ms", "incremental run, body edit ...: N ms",
// "incremental run, declaration edit ...: N ms", "incremental run, type edit ...: N ms", "floor ...: N ms",
// "body edit side by side with the floor: N ms" and the no-collection line.
var isShort = args.Contains("--short");

// --catalog: the generator over the real catalog (runtime/WeChatPay.Apis) beside its floor, and nothing else.
if (args.Contains("--catalog"))
    return CatalogReport.Run(isShort);

// --loop N: N incremental runs (type edits: the ones that read every method again) and nothing else, for a profiler
// (dotnet-trace collect -- dotnet <this dll> --loop 200).
if (Array.IndexOf(args, "--loop") is var loopAt and >= 0 && loopAt + 1 < args.Length)
{
    var loop = GeneratorScaleBenchmarks.Edits.Of(GeneratorScaleBenchmarks.CreateDriver(), GeneratorScaleBenchmarks.TypeEdit);
    for (var i = 0; i < int.Parse(args[loopAt + 1], CultureInfo.InvariantCulture); i++)
        loop.Next();
    return 0;
}

// Sanity first: the corpus generates two files per interface (the client and its JSON metadata), with no diagnostic,
// and the output compiles. The full job compiles every generated file; the short job compiles the declarations of all
// of them and the bodies of one interface's two (13 s less here): the 100 interfaces are one template with other
// numbers, so their files differ only in names.
var compilation = GeneratorScaleBenchmarks.CreateCompilation(ScaleCorpus.All(42));
GeneratorScaleBenchmarks.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
var compiled = isShort
    ? output.GetDeclarationDiagnostics().Concat(output.SyntaxTrees.TakeLast(2).SelectMany(tree => output.GetSemanticModel(tree).GetDiagnostics()))
    : output.GetDiagnostics();
var errors = compiled.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
var files = output.SyntaxTrees.Count() - compilation.SyntaxTrees.Length;
if (!diagnostics.IsEmpty || errors.Count > 0 || files != 2 * ScaleCorpus.Interfaces)
{
    foreach (var d in diagnostics.Concat(errors).Take(10))
        Console.Error.WriteLine(d);
    Console.Error.WriteLine($"The scale corpus did not generate cleanly: {files} files, {diagnostics.Length + errors.Count} diagnostics.");
    return 1;
}

// Before the benchmark, in the same process: the body edit beside the floor, alternately (see BodyEditBesideFloor). Its
// warm-up also brings the compiler's incremental paths to their steady state for the benchmark's incremental cases.
var pairs = isShort ? 30 : 200;
var (beside, floor) = GeneratorScaleBenchmarks.BodyEditBesideFloor(pairs);

// Short: every operation takes tens to hundreds of milliseconds, so each iteration is one operation (no pilot stage),
// with no overhead stage (a few µs against milliseconds) and no forced collection between iterations (a full collection
// of the compilations' heap took longer than the operations): the generator's own garbage is collected where it falls,
// as in an IDE.
var job = (isShort
        ? Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1)
            .WithEvaluateOverhead(false).WithGcForce(false)
        : Job.Default)
    .WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<GeneratorScaleBenchmarks>(config);

var endpoints = ScaleCorpus.Interfaces * ScaleCorpus.EndpointsPerInterface;
Console.WriteLine();
Console.WriteLine($"GENERATOR SCALE: {endpoints} endpoints in {ScaleCorpus.Interfaces} interfaces, {ScaleCorpus.Interfaces * ScaleCorpus.ModelTypesPerInterface + 1} model types, {Environment.ProcessorCount} cores, {(isShort ? "short" : "default")} job");
var failed = false;
string[] order =
[
    nameof(GeneratorScaleBenchmarks.FullRun), nameof(GeneratorScaleBenchmarks.BodyEditRun), nameof(GeneratorScaleBenchmarks.DeclarationEditRun),
    nameof(GeneratorScaleBenchmarks.TypeEditRun),
];
foreach (var report in summary.Reports.OrderBy(r => Array.IndexOf(order, r.BenchmarkCase.Descriptor.WorkloadMethod.Name)))
{
    var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
    if (report.ResultStatistics is not { } stats)
    {
        Console.WriteLine($"  {name}: no result");
        failed = true;
        continue;
    }
    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    var label = method switch
    {
        nameof(GeneratorScaleBenchmarks.FullRun) => "full run",
        nameof(GeneratorScaleBenchmarks.BodyEditRun) => "incremental run, body edit (one character inside a method body of an unrelated file)",
        nameof(GeneratorScaleBenchmarks.DeclarationEditRun) => "incremental run, declaration edit (one character of a method name in an unrelated file)",
        _ => "incremental run, type edit (one character of a type name in an unrelated file)",
    };
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {label}: {stats.Mean / 1e6:F2} ms (median {stats.Median / 1e6:F2} ms, ±{stats.StandardDeviation / 1e6:F2} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  floor (compiler's attribute lookup alone, body edit, side by side with the generator's): {floor:F2} ms (median of {pairs})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  body edit side by side with the floor: {beside:F2} ms (median of {pairs})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  body edit / floor ratio, side by side: {beside / floor:F2}x"));

// Then type edits (every method read again) with no garbage collection inside
// them, so that the docs can say how much of such an edit's cost is the work and how much is collecting its garbage.
var split = GeneratorScaleBenchmarks.Edits.Of(GeneratorScaleBenchmarks.CreateDriver(), GeneratorScaleBenchmarks.TypeEdit);
split.Next(1);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  type edit with no garbage collection inside the run (GC.TryStartNoGCRegion): {GeneratorScaleBenchmarks.MedianWithoutCollection(split.Next, 5):F2} ms (median of 5)"));
return failed ? 1 : 0;
