using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WeChatPay.Tests.Architecture;

/// <summary>
/// The runtime is layered: crypto primitives, credentials, signing and verification sit below the HTTP pipeline and
/// the client, and know nothing of them. Every type lives in the one namespace <c>WeChatPay</c>, so the layers are
/// the source folders: the runtime's sources are bound with Roslyn and each symbol a lower file uses is checked
/// against the types the higher files declare.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] s_lowerFolders = { "Crypto", "Credentials", "Signing", "Verification" };

    [Fact]
    public void Crypto_credentials_signing_and_verification_never_reference_the_client_its_options_or_http()
    {
        Assert.Empty(Violations(s_runtime.Value));
    }

    [Theory]
    [InlineData("Signing", "WeChatPayClient")]
    [InlineData("Crypto", "WeChatPayOptions")]
    [InlineData("Verification", "WeChatPayRequest")]
    [InlineData("Credentials", "System.Net.Http.HttpClient")]
    public void The_layering_check_reports_a_lower_file_that_uses_a_higher_type(string folder, string type)
    {
        var offending = CSharpSyntaxTree.ParseText(
            "namespace WeChatPay; internal static class Leak { public static object Of(" + type + " value) => value; }",
            s_parseOptions, Path.Combine(RuntimeDirectory, folder, "Leak.cs"));
        var compilation = s_runtime.Value.AddSyntaxTrees(offending);

        var violation = Assert.Single(Violations(compilation, only: offending));
        Assert.Equal($"{folder}/Leak.cs(1): {type.Split('.').Last()}", violation);
    }

    private static readonly Lazy<CSharpCompilation> s_runtime = new(CompileRuntime);

    private static readonly CSharpParseOptions s_parseOptions = new(
        LanguageVersion.Latest,
        preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0", "NET10_0_OR_GREATER", "RELEASE" });

    private static string RuntimeDirectory { get; } =
        typeof(LayeringTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RuntimeSourceDirectory").Value!;

    /// <summary>The runtime's sources (as the net10.0 build sees them), bound against the framework, BouncyCastle and the logging abstractions.</summary>
    private static CSharpCompilation CompileRuntime()
    {
        var trees = Directory.EnumerateFiles(RuntimeDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsUnder(path, "obj") && !IsUnder(path, "bin"))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), s_parseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, s_parseOptions, Path.Combine(RuntimeDirectory, "obj", "ImplicitUsings.cs")));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Org.BouncyCastle.Crypto.IDigest).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("WeChatPay.Layering", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        // A reference the compiler cannot bind would go unchecked: the lower layers must bind cleanly.
        var errors = compilation.SyntaxTrees.Where(IsLower)
            .SelectMany(tree => compilation.GetSemanticModel(tree).GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
        Assert.Empty(errors);
        return compilation;
    }

    /// <summary>Each use, in a lower file, of a type declared by the client, its options or Http/, or of System.Net.Http: "file(line): type".</summary>
    private static List<string> Violations(CSharpCompilation compilation, SyntaxTree? only = null)
    {
        var higher = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees.Where(IsHigher))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (model.GetDeclaredSymbol(node) is INamedTypeSymbol declared)
                    higher.Add(declared);
            }
        }
        Assert.Contains(higher, t => t.Name == "WeChatPayClient");
        Assert.Contains(higher, t => t.Name == "WeChatPayOptions");
        Assert.Contains(higher, t => t.Name == "WeChatPayRequest");

        var violations = new List<string>();
        foreach (var tree in only is null ? compilation.SyntaxTrees.Where(IsLower) : new[] { only })
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var symbol = model.GetSymbolInfo(node).Symbol;
                for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
                {
                    if (higher.Contains(type.OriginalDefinition) || type.ContainingNamespace?.ToDisplayString() == "System.Net.Http")
                    {
                        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        violations.Add($"{Relative(tree.FilePath)}({line}): {type.Name}");
                        break;
                    }
                }
            }
        }
        return violations.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsLower(SyntaxTree tree) => s_lowerFolders.Any(folder => IsUnder(tree.FilePath, folder));

    /// <summary>The client's partial files, the options' and everything under Http/.</summary>
    private static bool IsHigher(SyntaxTree tree)
    {
        var relative = Relative(tree.FilePath);
        return relative.StartsWith("Http/", StringComparison.Ordinal)
            || (!relative.Contains('/') && (relative.StartsWith("WeChatPayClient", StringComparison.Ordinal) || relative.StartsWith("WeChatPayOptions", StringComparison.Ordinal)));
    }

    private static bool IsUnder(string path, string folder)
        => Relative(path).StartsWith(folder + "/", StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RuntimeDirectory, path).Replace(Path.DirectorySeparatorChar, '/');

    // The SDK's implicit usings for a library (ImplicitUsings=enable in Directory.Build.props).
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
