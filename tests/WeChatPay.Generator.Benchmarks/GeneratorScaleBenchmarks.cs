using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The generator over <see cref="ScaleCorpus"/>: a full run (a fresh driver over a compilation the generator has never
/// seen, as on the first build or a restart of the IDE) and two incremental runs (the warm driver after a one-character
/// edit in an unrelated file, in a new compilation, as on each keystroke in the IDE): one inside a method body, which
/// changes no declaration, and one to a method's name, which does. Beside them, the floor for the body edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private Edits _bodyEdits = null!;
    private Edits _declarationEdits = null!;
    private Edits _floor = null!;
    private int _fullRuns;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(ScaleCorpus.All(42));
        var unrelated = _compilation.SyntaxTrees[^1];
        var bodyEdit = CSharpSyntaxTree.ParseText(ScaleCorpus.Unrelated(43), ParseOptions, unrelated.FilePath);
        var declarationEdit = CSharpSyntaxTree.ParseText(ScaleCorpus.Unrelated(42, "Answes"), ParseOptions, unrelated.FilePath);
        _bodyEdits = new Edits(CreateDriver(), _compilation, unrelated, bodyEdit);
        _declarationEdits = new Edits(CreateDriver(), _compilation, unrelated, declarationEdit);
        _floor = new Edits(CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions), _compilation, unrelated, bodyEdit);
    }

    /// <summary>
    /// A fresh driver over the parsed corpus as a compilation never seen before (a new assembly name: new symbols, and
    /// no earlier compilation of that project to carry results from), so that all binding is paid as on a first build.
    /// </summary>
    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation.WithAssemblyName("Scale.Full" + (++_fullRuns)));

    /// <summary>One character inside a method body of the unrelated file: no declaration changes.</summary>
    [Benchmark(Description = "incremental run, body edit")]
    public GeneratorDriver BodyEditRun() => _bodyEdits.Next();

    /// <summary>One character of a method's name in the unrelated file: a declaration changes, so every method is read again.</summary>
    [Benchmark(Description = "incremental run, declaration edit")]
    public GeneratorDriver DeclarationEditRun() => _declarationEdits.Next();

    /// <summary>The body edit through <see cref="FloorGenerator"/>: what the compiler's attribute lookup costs by itself.</summary>
    [Benchmark(Description = "floor incremental run")]
    public GeneratorDriver FloorIncrementalRun() => _floor.Next();

    /// <summary>
    /// <paramref name="runs"/> more runs of <paramref name="run"/>, each timed alone inside a region where the garbage
    /// collector may not run (<see cref="GC.TryStartNoGCRegion(long)"/>): set beside the benchmark's mean, they split an
    /// edit's cost into the work itself (the compiler's binding and the generator) and the collection of what that work
    /// allocated.
    /// </summary>
    /// <returns>The median run, in milliseconds.</returns>
    public static double MedianWithoutCollection(Func<GeneratorDriver> run, int runs)
    {
        const long Budget = 256L * 1024 * 1024;
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            if (!GC.TryStartNoGCRegion(Budget))
                throw new InvalidOperationException("The runtime refused a no-GC region.");
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            run();
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
    /// keystroke in the IDE: its symbols are new, so nothing a generator keeps per compilation carries over, and
    /// whatever the generator binds again is paid in the run.
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
