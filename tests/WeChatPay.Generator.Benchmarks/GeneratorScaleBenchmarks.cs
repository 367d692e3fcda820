using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The generator over <see cref="ScaleCorpus"/>: a full run (a fresh driver and fresh symbols, as on the first build
/// or a restart of the IDE) and an incremental run (the warm driver after a one-character edit in an unrelated file,
/// in a new compilation, as on each keystroke in the IDE), beside the floor for the same edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private Edits _generator = null!;
    private Edits _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(ScaleCorpus.All(42));
        var unrelated = _compilation.SyntaxTrees[^1];
        var edited = CSharpSyntaxTree.ParseText(ScaleCorpus.Unrelated(43), ParseOptions, unrelated.FilePath);
        _generator = new Edits(CreateDriver(), _compilation, unrelated, edited);
        _floor = new Edits(CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions), _compilation, unrelated, edited);
    }

    /// <summary>A fresh driver over the parsed corpus with new symbols (<see cref="Compilation.Clone"/>), so that binding is paid as on a first build.</summary>
    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "incremental run")]
    public GeneratorDriver IncrementalRun() => _generator.Next();

    /// <summary>The same edit through <see cref="FloorGenerator"/>: what the compiler's attribute lookup costs by itself.</summary>
    [Benchmark(Description = "floor incremental run")]
    public GeneratorDriver FloorIncrementalRun() => _floor.Next();

    /// <summary>
    /// <paramref name="runs"/> more incremental runs, each timed alone inside a region where the garbage collector may
    /// not run (<see cref="GC.TryStartNoGCRegion(long)"/>): set beside the benchmark's mean, they split an edit's cost
    /// into the work itself (the compiler's binding and the generator) and the collection of what that work allocated.
    /// </summary>
    /// <returns>The median run, in milliseconds.</returns>
    public double MedianIncrementalRunWithoutCollection(int runs)
    {
        const long Budget = 256L * 1024 * 1024;
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            if (!GC.TryStartNoGCRegion(Budget))
                throw new InvalidOperationException("The runtime refused a no-GC region.");
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            IncrementalRun();
            times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.NoGCRegion)
                throw new InvalidOperationException($"An incremental run allocated more than {Budget / 1024 / 1024} MB, so the collector ran inside it.");
            GC.EndNoGCRegion();
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    /// <summary>
    /// One warm driver fed one-character edits of the unrelated file, each in a new Compilation object, as on each
    /// keystroke in the IDE: its symbols are new, so nothing a generator keeps per compilation carries over, and the
    /// binding of the types it reads is paid in the run.
    /// </summary>
    private sealed class Edits
    {
        private readonly SyntaxTree _original;
        private readonly SyntaxTree _edited;
        private GeneratorDriver _driver;
        private Compilation _compilation;
        private bool _isEdited;

        public Edits(GeneratorDriver driver, Compilation compilation, SyntaxTree original, SyntaxTree edited)
        {
            _driver = driver.RunGenerators(compilation);
            _compilation = compilation;
            _original = original;
            _edited = edited;
        }

        public GeneratorDriver Next()
        {
            _isEdited = !_isEdited;
            _compilation = _compilation.ReplaceSyntaxTree(_compilation.SyntaxTrees.Last(), _isEdited ? _edited : _original);
            _driver = _driver.RunGenerators(_compilation);
            return _driver;
        }
    }

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(new[] { new WeChatPayGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(WeChatPayClient).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        return CSharpCompilation.Create(
            "Scale",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i:D3}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
