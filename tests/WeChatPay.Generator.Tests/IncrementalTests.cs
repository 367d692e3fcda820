using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests;

/// <summary>
/// The pipeline caches per interface: unrelated edits re-emit nothing; a signature edit re-emits one file. Methods are
/// read again after any edit that changes a declaration, and only then: whatever an edit elsewhere changes in what the
/// methods bind to (a type that now shadows a model, a const path, a referenced assembly, a nullable context, a moved
/// diagnostic) reaches the output.
/// </summary>
public sealed class IncrementalTests
{
    private const string First = """
        namespace Demo
        {
            public partial interface IFirstApi
            {
                [Get("v3/first/{id}")] Task<FirstResult> GetAsync(string id, int limit);
                [Post("v3/first")] Task<FirstResult> CreateAsync(FirstResult json);
            }
            public sealed record FirstResult(string Id, List<string>? Tags);
        }
        """;

    private const string Second = """
        namespace Demo
        {
            public partial interface ISecondApi
            {
                [Get("v3/second/{id}")] Task<SecondResult> GetAsync(string id);
                [Delete("v3/second/{id}")] Task DeleteAsync(string id);
            }
            public sealed record SecondResult(string Id, DateTimeOffset When);
        }
        """;

    private const string Unrelated = """
        namespace Demo
        {
            public static class Helper
            {
                public static int Answer() => 42;
            }
        }
        """;

    private static readonly IncrementalStepRunReason[] s_unchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <param name="unique">
    /// A project name of its own, for a test about reuse between its compilations: the other tests' compilations,
    /// run beside it, share the default name, and each new compilation of a name is compared with the latest one.
    /// </param>
    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(bool unique = false)
    {
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, First, Second, Unrelated);
        if (unique)
            compilation = compilation.WithAssemblyName("Reuse." + Guid.NewGuid().ToString("N"));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        return (driver, compilation);
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, int index, string newText)
    {
        var old = compilation.SyntaxTrees[index];
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath));
    }

    [Fact]
    public void An_edit_outside_every_attributed_interface_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();

        driver = driver.RunGenerators(Edit(compilation, 3, Unrelated.Replace("42", "43")));

        var result = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(result.TrackedSteps);
        var ours = new[] { WeChatPayGenerator.MethodsStep, WeChatPayGenerator.AllMethodsStep, WeChatPayGenerator.InterfacesStep, WeChatPayGenerator.InterfaceSpecsStep, WeChatPayGenerator.DiagnosticsStep };
        var named = result.TrackedSteps.Where(s => ours.Any(o => s.Key.StartsWith(o, StringComparison.Ordinal))).ToList();
        Assert.Contains(named, s => s.Key == WeChatPayGenerator.InterfaceSpecsStep);
        foreach (var (name, steps) in named)
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                    Assert.True(s_unchanged.Contains(reason), $"Step {name} was {reason}");
            }
        }
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                    Assert.True(s_unchanged.Contains(reason), $"Output {name} was {reason}");
            }
        }
    }

    [Fact]
    public void An_edit_to_one_method_signature_re_emits_only_that_interfaces_file()
    {
        var (driver, compilation) = FirstRun();
        var before = driver.GetRunResult().GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());

        driver = driver.RunGenerators(Edit(compilation, 1, First.Replace("int limit", "long limit")));

        var run = driver.GetRunResult();
        var result = run.Results.Single();
        var specs = result.TrackedSteps[WeChatPayGenerator.InterfaceSpecsStep].SelectMany(s => s.Outputs).ToList();
        Assert.Single(specs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(specs, o => s_unchanged.Contains(o.Reason));
        var sourceOutputs = result.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).ToList();
        Assert.Single(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);

        var after = run.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString());
        Assert.NotEqual(before["Demo.IFirstApi.g.cs"], after["Demo.IFirstApi.g.cs"]);
        Assert.Contains("query.Add<long>(\"limit\", limit);", after["Demo.IFirstApi.g.cs"]);
        Assert.Equal(before["Demo.ISecondApi.g.cs"], after["Demo.ISecondApi.g.cs"]);
    }

    [Fact]
    public void A_body_edit_elsewhere_hands_each_method_its_last_result_instead_of_reading_it_again()
    {
        var (driver, compilation) = FirstRun(unique: true);
        var edited = Edit(compilation, 3, Unrelated.Replace("42", "43"));
        var method = compilation.SyntaxTrees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        var kept = MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(compilation));
        Assert.NotNull(kept);

        Assert.Same(DeclarationEpoch.Of(compilation), DeclarationEpoch.Of(edited));
        driver = driver.RunGenerators(edited);

        Assert.Same(kept, MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(edited)));
        Assert.Contains(kept, MethodResults(driver));
    }

    [Fact]
    public void A_declaration_edit_elsewhere_has_every_method_read_again()
    {
        var (driver, compilation) = FirstRun(unique: true);
        var edited = Edit(compilation, 3, Unrelated.Replace("Answer()", "Answes()"));
        var method = compilation.SyntaxTrees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        var kept = MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(compilation));

        Assert.NotSame(DeclarationEpoch.Of(compilation), DeclarationEpoch.Of(edited));
        Assert.Null(MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(edited)));
        driver = driver.RunGenerators(edited);

        var read = MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(edited));
        Assert.NotNull(read);
        Assert.NotSame(kept, read);
        Assert.Equal(kept, read);
    }

    [Fact]
    public void A_type_added_elsewhere_that_a_model_name_now_binds_to_reaches_the_output()
    {
        const string Api = """
            namespace Demo
            {
                using Models;
                public partial interface ICouponApi
                {
                    [Get("v3/coupons/{id}")] Task<Coupon> GetAsync(string id);
                }
            }
            """;
        const string Model = "namespace Models { public sealed record Coupon(string Code); }";
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, Api, Model, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("global::Models.Coupon", Generated(driver));

        // A type of the interface's own namespace wins over the using directive: the same text now means Demo.Coupon.
        driver = driver.RunGenerators(Edit(compilation, 3, Unrelated.Replace("public static class Helper", "public sealed record Coupon(string Code, int Amount);\n    public static class Helper")));

        var output = Generated(driver);
        Assert.Contains("global::Demo.Coupon", output);
        Assert.Contains("\"amount\"", output);
        Assert.DoesNotContain("global::Models.Coupon", output);
    }

    [Fact]
    public void A_const_path_edited_elsewhere_reaches_the_output()
    {
        const string Api = """
            namespace Demo
            {
                public partial interface ICouponApi
                {
                    [Get(Paths.Coupon)] Task<Coupon> GetAsync(string id);
                }
                public sealed record Coupon(string Code);
            }
            """;
        const string Paths = "namespace Demo { public static class Paths { public const string Coupon = \"v3/coupons/{id}\"; } }";
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, Api, Paths);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("v3/coupons/", Generated(driver));

        driver = driver.RunGenerators(Edit(compilation, 2, Paths.Replace("v3/coupons/", "v3/vouchers/")));

        var output = Generated(driver);
        Assert.Contains("v3/vouchers/", output);
        Assert.DoesNotContain("v3/coupons/", output);
    }

    [Fact]
    public void A_referenced_assembly_swapped_under_unchanged_sources_reaches_the_output()
    {
        const string Api = """
            namespace Demo
            {
                public partial interface ICouponApi
                {
                    [Get("v3/coupons/{id}")] Task<Lib.Coupon> GetAsync(string id);
                }
            }
            """;
        var v1 = Library("namespace Lib { public sealed class Coupon { public string? Code { get; set; } } }");
        var v2 = Library("namespace Lib { public sealed class Coupon { public string? Code { get; set; } public int Amount { get; set; } } }");
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, Api).AddReferences(v1);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.DoesNotContain("\"amount\"", Generated(driver));

        driver = driver.RunGenerators(compilation.ReplaceReference(v1, v2));

        Assert.Contains("\"amount\"", Generated(driver));
    }

    [Fact]
    public void A_diagnostic_follows_its_member_when_a_body_edit_above_it_moves_it()
    {
        const string Api = """
            namespace Demo
            {
                public partial interface IBagApi
                {
                    [Get("v3/bags")] Task<Bag> GetAsync();
                }
            }
            """;
        const string Model = """
            namespace Demo
            {
                public static class Helper
                {
                    public static int Answer() => 42;
                }
                public sealed class Bag
                {
                    public object? Extra { get; set; }
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, Api, Model);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(Model.IndexOf("Extra", StringComparison.Ordinal), Wcp0010(driver).Location.SourceSpan.Start);

        var moved = Model.Replace("=> 42;", "=> 42 + 1000;");
        driver = driver.RunGenerators(Edit(compilation, 2, moved));

        Assert.Equal(moved.IndexOf("Extra", StringComparison.Ordinal), Wcp0010(driver).Location.SourceSpan.Start);

        static Diagnostic Wcp0010(GeneratorDriver driver) => Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "WCP0010");
    }

    /// <summary>The parsed methods of the last run, in a stable order.</summary>
    private static List<object> MethodResults(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedSteps
            .Where(s => s.Key.StartsWith(WeChatPayGenerator.MethodsStep + ".", StringComparison.Ordinal))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs.Select(o => o.Value)))
            .ToList();

    private static string Generated(GeneratorDriver driver)
        => string.Concat(driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));

    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create(
            "Lib", new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions) },
            GeneratorHarness.CreateCompilation().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
