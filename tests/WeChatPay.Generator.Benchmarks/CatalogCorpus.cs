using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The real catalog, <c>runtime/WeChatPay.Apis/**/*.cs</c>, read when the harness runs (so families added later count),
/// with the project's implicit usings and the references it builds with, and a one-method edit of its payments
/// interface: a method's name changed by one character, as a keystroke in the IDE would.
/// </summary>
public sealed partial class CatalogCorpus
{
    /// <summary>The file whose first endpoint the edit renames.</summary>
    public const string EditedFile = "Payments/IPaymentsApi.cs";

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private readonly SyntaxTree[] _trees;

    private CatalogCorpus(string directory, SyntaxTree[] trees, SyntaxTree original, SyntaxTree edited, string editedMethod, int endpoints)
    {
        Directory = directory;
        _trees = trees;
        Original = original;
        Edited = edited;
        EditedMethod = editedMethod;
        Endpoints = endpoints;
    }

    /// <summary>Where the catalog's sources were read from.</summary>
    public string Directory { get; }

    /// <summary>How many source files (the implicit usings not counted).</summary>
    public int Files => _trees.Length - 1;

    /// <summary>How many endpoint methods the sources declare (each <c>[Get]</c>, <c>[Post]</c>, … attribute).</summary>
    public int Endpoints { get; }

    /// <summary>The edited file as it is, and with one endpoint renamed.</summary>
    public SyntaxTree Original { get; }

    public SyntaxTree Edited { get; }

    /// <summary>The endpoint the edit renames.</summary>
    public string EditedMethod { get; }

    public static CatalogCorpus Load()
    {
        var directory = typeof(CatalogCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "CatalogSourceDirectory").Value!;
        var paths = System.IO.Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(directory, p)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var trees = paths.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), GeneratorScaleBenchmarks.ParseOptions, p))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorScaleBenchmarks.ParseOptions, Path.Combine(directory, "obj/GlobalUsings.g.cs")))
            .ToArray();
        var endpoints = paths.Sum(p => HttpAttribute().Count(File.ReadAllText(p)));

        var original = trees.Single(t => Path.GetRelativePath(directory, t.FilePath).Replace('\\', '/') == EditedFile);
        var text = original.ToString();
        var method = FirstEndpointName().Match(text);
        if (!method.Success)
            throw new InvalidOperationException($"{EditedFile} declares no endpoint to edit.");
        var name = method.Groups["name"];
        var edited = CSharpSyntaxTree.ParseText(text.Remove(name.Index, name.Length).Insert(name.Index, name.Value + "X"), GeneratorScaleBenchmarks.ParseOptions, original.FilePath);
        return new CatalogCorpus(directory, trees, original, edited, name.Value, endpoints);
    }

    /// <summary>The catalog as a compilation named <paramref name="assemblyName"/> (a new name: new symbols, nothing carried over).</summary>
    public CSharpCompilation CreateCompilation(string assemblyName) => CSharpCompilation.Create(
        assemblyName, _trees, GeneratorScaleBenchmarks.References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static bool IsBuildOutput(string relative)
        => relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"\[(Get|Post|Put|Patch|Delete)\(")]
    private static partial Regex HttpAttribute();

    /// <summary>The first HTTP attribute, and the name of the method it marks.</summary>
    [GeneratedRegex(@"\[(Get|Post|Put|Patch|Delete)\(""[^""]*""\)\]\s*(\[[^\]]*\]\s*)*[\w<>?,\s\.]+?\s(?<name>\w+)\(")]
    private static partial Regex FirstEndpointName();
}
