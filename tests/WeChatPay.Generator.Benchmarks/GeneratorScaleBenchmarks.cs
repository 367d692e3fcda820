using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The generator over <see cref="ScaleCorpus"/>: a full run (a fresh driver, as on the first build or a restart of
/// the IDE) and an incremental run (the warm driver after a one-character edit in an unrelated file, as on each
/// keystroke in the IDE).
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _floor = null!;
    private bool _toggle;
    private bool _floorToggle;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(ScaleCorpus.All(42));
        var unrelated = _compilation.SyntaxTrees[^1];
        _edited = _compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(ScaleCorpus.Unrelated(43), ParseOptions, unrelated.FilePath));
        _warm = CreateDriver().RunGenerators(_compilation);
        _floor = CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions).RunGenerators(_compilation);
    }

    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark(Description = "incremental run")]
    public GeneratorDriver IncrementalRun()
    {
        // Alternate between the two versions of the unrelated file so that every run sees a one-character edit.
        _toggle = !_toggle;
        _warm = _warm.RunGenerators(_toggle ? _edited : _compilation);
        return _warm;
    }

    /// <summary>The same edit through <see cref="FloorGenerator"/>: what the compiler's attribute lookup costs by itself.</summary>
    [Benchmark(Description = "floor incremental run")]
    public GeneratorDriver FloorIncrementalRun()
    {
        _floorToggle = !_floorToggle;
        _floor = _floor.RunGenerators(_floorToggle ? _edited : _compilation);
        return _floor;
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
