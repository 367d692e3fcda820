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
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private CSharpCompilation _current = null!;
    private CSharpCompilation _floorCurrent = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _floor = null!;
    private bool _toggle;
    private bool _floorToggle;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(ScaleCorpus.All(42));
        _unrelated = _compilation.SyntaxTrees[^1];
        _unrelatedEdited = CSharpSyntaxTree.ParseText(ScaleCorpus.Unrelated(43), ParseOptions, _unrelated.FilePath);
        _current = _floorCurrent = _compilation;
        _warm = CreateDriver().RunGenerators(_compilation);
        _floor = CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions).RunGenerators(_compilation);
    }

    /// <summary>A fresh driver over the parsed corpus with new symbols (<see cref="Compilation.Clone"/>), so that binding is paid as on a first build.</summary>
    [Benchmark(Description = "full run")]
    public GeneratorDriver FullRun() => CreateDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "incremental run")]
    public GeneratorDriver IncrementalRun()
    {
        // Every run sees a one-character edit of the unrelated file in a new Compilation object, as on each keystroke
        // in the IDE: its symbols are new, so nothing the generator keeps per compilation carries over, and the binding
        // of the types the generator reads is paid here.
        _toggle = !_toggle;
        _current = Edit(_current, _toggle);
        _warm = _warm.RunGenerators(_current);
        return _warm;
    }

    /// <summary>The same edit through <see cref="FloorGenerator"/>: what the compiler's attribute lookup costs by itself.</summary>
    [Benchmark(Description = "floor incremental run")]
    public GeneratorDriver FloorIncrementalRun()
    {
        _floorToggle = !_floorToggle;
        _floorCurrent = Edit(_floorCurrent, _floorToggle);
        _floor = _floor.RunGenerators(_floorCurrent);
        return _floor;
    }

    /// <summary>A new compilation with the unrelated file in its edited (or original) form.</summary>
    private CSharpCompilation Edit(CSharpCompilation compilation, bool edited)
        => compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[^1], edited ? _unrelatedEdited : _unrelated);

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
