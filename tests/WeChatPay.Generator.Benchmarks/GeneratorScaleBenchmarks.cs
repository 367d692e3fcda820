using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The generator over <see cref="ScaleCorpus"/>: a full run (a fresh driver over a compilation the generator has never
/// seen, as on the first build or a restart of the IDE) and three incremental runs (the warm driver after a
/// one-character edit in an unrelated file, in a new compilation, as on each keystroke in the IDE): inside a method
/// body (no declaration changes), in a method's name (the inside of a type that no endpoint reaches), and in a type's
/// name (which could change what any name binds to). The floor for the body edit is measured beside it, outside
/// BenchmarkDotNet (<see cref="BodyEditBesideFloor"/>).
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// Edits per invocation of the cheap incremental cases (tens of milliseconds each): an edit now and then pays for a
    /// collection of the compilations' heap, and four per iteration average that out where one would make the mean
    /// hinge on which iterations a collection fell into. The type edit allocates four times as much and runs one.
    /// </summary>
    public const int EditsPerInvoke = 4;

    private CSharpCompilation _compilation = null!;
    private Edits _edits = null!;
    private int _fullRuns;

    /// <summary>The edited file: one character changed inside a method body.</summary>
    public static string BodyEdit => ScaleCorpus.Unrelated(43);

    /// <summary>The edited file: one character of a method's name changed.</summary>
    public static string DeclarationEdit => ScaleCorpus.Unrelated(42, method: "Answes");

    /// <summary>The edited file: one character of a type's name changed.</summary>
    public static string TypeEdit => ScaleCorpus.Unrelated(42, type: "Helpes");

    [GlobalSetup(Target = nameof(FullRun))]
    public void SetupFullRun() => _compilation = CreateCompilation(ScaleCorpus.All(42));

    [GlobalSetup(Target = nameof(BodyEditRun))]
    public void SetupBodyEdits() => _edits = Edits.Of(CreateDriver(), BodyEdit);

    [GlobalSetup(Target = nameof(DeclarationEditRun))]
    public void SetupDeclarationEdits() => _edits = Edits.Of(CreateDriver(), DeclarationEdit);

    [GlobalSetup(Target = nameof(TypeEditRun))]
    public void SetupTypeEdits() => _edits = Edits.Of(CreateDriver(), TypeEdit);


    /// <summary>
    /// A fresh driver over the parsed corpus as a compilation never seen before (a new assembly name: new symbols, and
    /// no earlier compilation of that project to carry results from), so that all binding is paid as on a first build.
    /// </summary>
    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation.WithAssemblyName("Scale.Full" + (++_fullRuns)));

    [Benchmark(Description = "incremental run, body edit", OperationsPerInvoke = EditsPerInvoke)]
    public GeneratorDriver BodyEditRun() => _edits.Next(EditsPerInvoke);

    [Benchmark(Description = "incremental run, declaration edit", OperationsPerInvoke = EditsPerInvoke)]
    public GeneratorDriver DeclarationEditRun() => _edits.Next(EditsPerInvoke);

    [Benchmark(Description = "incremental run, type edit")]
    public GeneratorDriver TypeEditRun() => _edits.Next();

    /// <summary>
    /// The body edit through this generator and through <see cref="FloorGenerator"/> (what the compiler's attribute
    /// lookup costs by itself), alternately, each on its own chain of compilations so that neither finds symbols the
    /// other bound, after both have warmed up: the medians of <paramref name="pairs"/> edits each. Side by side, the
    /// machine's drift and the state of the heap weigh on both alike, which they do not on two benchmark cases run one
    /// after the other (in trials the floor, run last, measured above the generator's body edit, run second).
    /// </summary>
    public static (double GeneratorMs, double FloorMs) BodyEditBesideFloor(int pairs)
    {
        var generator = Edits.Of(CreateDriver(), BodyEdit).WarmedUp();
        var floor = Edits.Of(CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions), BodyEdit).WarmedUp();
        var generatorMs = new double[pairs];
        var floorMs = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            // Each goes first in every other pair.
            if (i % 2 == 0)
            {
                generatorMs[i] = TimeOne(generator);
                floorMs[i] = TimeOne(floor);
            }
            else
            {
                floorMs[i] = TimeOne(floor);
                generatorMs[i] = TimeOne(generator);
            }
        }
        Array.Sort(generatorMs);
        Array.Sort(floorMs);
        return (generatorMs[pairs / 2], floorMs[pairs / 2]);

        static double TimeOne(Edits edits)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            edits.Next();
            return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

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
    public sealed class Edits
    {
        private readonly SyntaxTree _original;
        private readonly SyntaxTree _edited;
        private GeneratorDriver _driver;
        private Compilation _compilation;
        private bool _isEdited;

        private Edits(GeneratorDriver driver, Compilation compilation, SyntaxTree original, SyntaxTree edited)
        {
            _driver = driver.RunGenerators(compilation);
            _compilation = compilation;
            _original = original;
            _edited = edited;
        }

        /// <summary>A driver warmed on the corpus, whose runs alternate the unrelated file between its text and <paramref name="editedText"/>.</summary>
        public static Edits Of(GeneratorDriver driver, string editedText)
        {
            var compilation = CreateCompilation(ScaleCorpus.All(42));
            var unrelated = compilation.SyntaxTrees[^1];
            return new Edits(driver, compilation, unrelated, CSharpSyntaxTree.ParseText(editedText, ParseOptions, unrelated.FilePath));
        }

        /// <summary>
        /// Edits until tiered compilation has settled (at most 2 s): an IDE's compiler process has run the generator
        /// on many edits before this one, and a handful of BenchmarkDotNet warm-ups leaves the compiler's incremental
        /// paths half promoted, by how much depending on which case ran before.
        /// </summary>
        public Edits WarmedUp()
        {
            WeChatPay.Benchmarks.Harness.JitWarmUp.Until(() => Next(EditsPerInvoke), TimeSpan.FromSeconds(2));
            return this;
        }

        /// <summary><paramref name="count"/> edits; the driver after the last.</summary>
        public GeneratorDriver Next(int count)
        {
            for (var i = 1; i < count; i++)
                Next();
            return Next();
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

    /// <summary>What the corpora compile against: the framework's System assemblies, netstandard and the runtime.</summary>
    public static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
        .Append(typeof(WeChatPayClient).Assembly.Location)
        .Distinct()
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources) => CSharpCompilation.Create(
        "Scale",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i:D3}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
