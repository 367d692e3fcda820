using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The generator over the real catalog (<see cref="CatalogCorpus"/>), each case beside its floor, the same work through
/// <see cref="FloorGenerator"/> (what the compiler's attribute lookup costs any generator): a full run (a fresh driver
/// over a compilation never seen, as on a first build) and an incremental run after a one-method edit (the warm driver,
/// the payments interface's first endpoint renamed and back, as on a keystroke). BenchmarkDotNet gives each case its
/// ratio to the floor; <see cref="BesideFloor"/> measures the same pairs interleaved, which a loaded machine needs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CatalogBenchmarks
{
    private static readonly CatalogCorpus Corpus = CatalogCorpus.Load();

    private CSharpCompilation _compilation = null!;
    private Edits _edits = null!;
    private int _fullRuns;

    [GlobalSetup(Targets = [nameof(FullRun), nameof(FloorFullRun)])]
    public void SetupFullRuns() => _compilation = Corpus.CreateCompilation("Catalog");

    [GlobalSetup(Target = nameof(EditRun))]
    public void SetupEdits() => _edits = new Edits(GeneratorScaleBenchmarks.CreateDriver());

    [GlobalSetup(Target = nameof(FloorEditRun))]
    public void SetupFloorEdits() => _edits = new Edits(CreateFloorDriver());

    [BenchmarkCategory("full run"), Benchmark(Description = "generator")]
    public GeneratorDriver FullRun() => GeneratorScaleBenchmarks.CreateDriver().RunGenerators(_compilation.WithAssemblyName("Catalog.Full" + (++_fullRuns)));

    [BenchmarkCategory("full run"), Benchmark(Description = "floor", Baseline = true)]
    public GeneratorDriver FloorFullRun() => CreateFloorDriver().RunGenerators(_compilation.WithAssemblyName("Catalog.Full" + (++_fullRuns)));

    [BenchmarkCategory("one-method edit"), Benchmark(Description = "generator")]
    public GeneratorDriver EditRun() => _edits.Next();

    [BenchmarkCategory("one-method edit"), Benchmark(Description = "floor", Baseline = true)]
    public GeneratorDriver FloorEditRun() => _edits.Next();

    public static GeneratorDriver CreateFloorDriver()
        => CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: GeneratorScaleBenchmarks.ParseOptions);

    /// <summary>
    /// The generator and the floor alternately, <paramref name="pairs"/> times each after warming both up, each going
    /// first in every other pair: the medians, in milliseconds, of full runs and of one-method edits.
    /// </summary>
    public static (double Generator, double Floor) BesideFloor(bool fullRun, int pairs)
    {
        var compilation = Corpus.CreateCompilation("Catalog");
        var runs = 0;
        Func<GeneratorDriver> generator, floor;
        if (fullRun)
        {
            generator = () => GeneratorScaleBenchmarks.CreateDriver().RunGenerators(compilation.WithAssemblyName("Catalog.Beside" + (++runs)));
            floor = () => CreateFloorDriver().RunGenerators(compilation.WithAssemblyName("Catalog.Beside" + (++runs)));
        }
        else
        {
            generator = new Edits(GeneratorScaleBenchmarks.CreateDriver()).Next;
            floor = new Edits(CreateFloorDriver()).Next;
        }

        WeChatPay.Benchmarks.Harness.JitWarmUp.Until(() => { generator(); floor(); }, TimeSpan.FromSeconds(fullRun ? 10 : 3));
        var generatorMs = new double[pairs];
        var floorMs = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            if (i % 2 == 0)
            {
                generatorMs[i] = Time(generator);
                floorMs[i] = Time(floor);
            }
            else
            {
                floorMs[i] = Time(floor);
                generatorMs[i] = Time(generator);
            }
        }
        Array.Sort(generatorMs);
        Array.Sort(floorMs);
        return (generatorMs[pairs / 2], floorMs[pairs / 2]);

        static double Time(Func<GeneratorDriver> run)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

    /// <summary>The generator's output on the catalog: generated files and its own diagnostics (WCP…), for the sanity check.</summary>
    public static (int Files, IReadOnlyList<Diagnostic> Diagnostics, CatalogCorpus Corpus) Generate()
    {
        var compilation = Corpus.CreateCompilation("Catalog");
        var result = GeneratorScaleBenchmarks.CreateDriver().RunGenerators(compilation).GetRunResult();
        return (result.GeneratedTrees.Length, result.Diagnostics, Corpus);
    }

    /// <summary>A warm driver fed the one-method edit and its undoing in turn, each in a new compilation.</summary>
    private sealed class Edits
    {
        private GeneratorDriver _driver;
        private CSharpCompilation _compilation;
        private bool _isEdited;

        public Edits(GeneratorDriver driver)
        {
            _compilation = Corpus.CreateCompilation("Catalog");
            _driver = driver.RunGenerators(_compilation);
        }

        public GeneratorDriver Next()
        {
            _isEdited = !_isEdited;
            _compilation = _compilation.ReplaceSyntaxTree(_isEdited ? Corpus.Original : Corpus.Edited, _isEdited ? Corpus.Edited : Corpus.Original);
            _driver = _driver.RunGenerators(_compilation);
            return _driver;
        }
    }
}
