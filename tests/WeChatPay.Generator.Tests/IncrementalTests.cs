using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;
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
        Assert.Equal(4, driver.GetRunResult().GeneratedTrees.Length); // two interfaces, each a client and its JSON metadata
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
        var kept = KeptResult(compilation, compilation);
        Assert.NotNull(kept);

        Assert.Same(DeclarationEpoch.Of(compilation), DeclarationEpoch.Of(edited));
        driver = driver.RunGenerators(edited);

        Assert.Same(kept, KeptResult(compilation, edited));
        Assert.Contains(kept, MethodResults(driver));
    }

    [Fact]
    public void A_declaration_edit_in_a_file_no_method_depends_on_hands_each_method_its_last_result()
    {
        var (driver, compilation) = FirstRun(unique: true);
        var edited = Edit(compilation, 3, Unrelated.Replace("Answer()", "Answes()"));
        var kept = KeptResult(compilation, compilation);
        Assert.NotNull(kept);

        Assert.NotSame(DeclarationEpoch.Of(compilation), DeclarationEpoch.Of(edited));
        driver = driver.RunGenerators(edited);

        Assert.Same(kept, KeptResult(compilation, edited));
    }

    [Fact]
    public void A_declaration_edit_that_renames_a_type_has_every_method_read_again()
    {
        var (driver, compilation) = FirstRun(unique: true);
        var edited = Edit(compilation, 3, Unrelated.Replace("class Helper", "class Helpers"));
        var kept = KeptResult(compilation, compilation);

        Assert.Null(KeptResult(compilation, edited));
        driver = driver.RunGenerators(edited);

        var read = KeptResult(compilation, edited);
        Assert.NotNull(read);
        Assert.NotSame(kept, read);
        Assert.Equal(kept, read);
    }

    /// <summary>
    /// One warm driver through a series of edits to the files an interface depends on and to files it does not; after
    /// each, the output is the one a fresh driver writes for the same sources, and so are the diagnostics.
    /// </summary>
    [Fact]
    public void After_every_edit_the_output_is_what_a_fresh_run_writes()
    {
        var files = EditCorpus();
        (int File, string Before, string After, bool ChangesOutput)[] edits =
        [
            (4, "Answer()", "Answers()", false),
            (3, "public int Amount", "public long Amount", true),
            (5, "string? Owner", "string? Holder", true),
            (5, "public class Base { public string? Holder { get; set; } }", "public class Base { public string? Holder { get; set; } public int Rank { get; set; } }", true),
            (3, "\"coupon_code\"", "\"code_of_coupon\"", true),
            (3, "public sealed class NewCoupon {", "public sealed class NewCoupon { public int Count { get; set; }", true),
            (2, "record Receipt(string Id)", "record Receipt(string Id, int Total)", true),
            (3, "JsonEnumValue(\"SENDED\")", "JsonEnumValue(\"SENT\")", true),
            (6, "Task DeleteAsync(string id);", "Task DeleteAsync(string id);\n        [Get(\"v3/lines\")] Task<Models.Line> LineAsync();", true),
            (6, "public interface IPaged { }", "public interface IPaged { int Size => 10; }", false),
            (4, "\"v3/coupons/{id}\"", "\"v3/vouchers/{id}\"", true),
            (3, "public sealed class Line { public long Amount { get; set; } }", "public sealed class Line { public long Amount { get; set; } public object? Note { get; set; } }", true),
            (3, "public object? Note { get; set; } ", "", true),
            (4, "public static class Helper", "public sealed class Coupon { public int Shadow { get; set; } }\n    public static class Helper", true),
            (3, "using System.Text.Json.Serialization;", "#nullable disable\nusing System.Text.Json.Serialization;", false),
        ];
        var compilation = GeneratorHarness.CreateCompilation(files).WithAssemblyName("Edits." + Guid.NewGuid().ToString("N"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var output = Generated(driver);
        foreach (var (file, before, after, changesOutput) in edits)
        {
            files[file] = files[file].Replace(before, after);
            Assert.Contains(after, files[file]);
            compilation = Edit(compilation, file, files[file]);

            driver = driver.RunGenerators(compilation);

            AssertSameAsFreshRun(driver, files, $"after '{before}' → '{after}'");
            Assert.True(changesOutput == (Generated(driver) != output), $"'{before}' → '{after}' was expected to {(changesOutput ? "change" : "keep")} the output");
            output = Generated(driver);
        }
    }

    /// <summary>
    /// The same check over random walks: each step turns one of several edits on or off (a model's property, a base
    /// class, an attribute argument, [Sensitive], a record parameter, an enum value, a const path, a shadowing type, an
    /// added type, a method in the other part of the interface, an unrelated method, a directive), so that edits meet in
    /// combinations no list would hold.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void After_every_step_of_a_random_walk_of_edits_the_output_is_what_a_fresh_run_writes(int seed)
    {
        (int File, string Off, string On)[] toggles =
        [
            (3, "public int Amount", "public long Amount"),
            (5, "string? Owner", "string? Holder"),
            (3, "\"coupon_code\"", "\"code_of_coupon\""),
            (2, "record Receipt(string Id)", "record Receipt(string Id, int Total)"),
            (3, "JsonEnumValue(\"SENDED\")", "JsonEnumValue(\"SENT\")"),
            (4, "\"v3/coupons/{id}\"", "\"v3/vouchers/{id}\""),
            (4, "public static class Helper", "public sealed class Coupon { public int Shadow { get; set; } }\n    public static class Helper"),
            (4, "Answer()", "Answers()"),
            (4, "=> 42;", "=> 43;"),
            (2, "public sealed class Coupon : Base", "public sealed class Coupon"),
            (5, "public class Base {", "public class Base { public int Rank { get; set; }"),
            (3, "public sealed class Line {", "public sealed class Line { [JsonIgnore] public int Hidden { get; set; }"),
            (6, "Task DeleteAsync(string id);", "Task DeleteAsync(string id);\n        [Get(\"v3/lines\")] Task<Models.Line> LineAsync();"),
            (2, "public string? Code { get; set; }", "[Sensitive] public string? Code { get; set; }"),
            (1, "State? state)", "State? state, int limit)"),
            (3, "using System.Text.Json.Serialization;", "#nullable disable\nusing System.Text.Json.Serialization;"),
            (5, "namespace Models {", "namespace Models { public static class Extra { public const int X = 1; }"),
        ];
        var files = EditCorpus();
        var random = new Random(seed);
        var compilation = GeneratorHarness.CreateCompilation(files).WithAssemblyName("Walk." + Guid.NewGuid().ToString("N"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var reusable = 0;
        for (var step = 0; step < 40; step++)
        {
            var (file, off, on) = toggles[random.Next(toggles.Length)];
            var turnOn = files[file].Contains(off, StringComparison.Ordinal);
            files[file] = turnOn ? files[file].Replace(off, on) : files[file].Replace(on, off);
            var previous = compilation;
            compilation = Edit(compilation, file, files[file]);
            if (DeclarationEpoch.ChangedFiles(previous, compilation) is not null)
                reusable++;

            driver = driver.RunGenerators(compilation);

            AssertSameAsFreshRun(driver, files, $"step {step}: {(turnOn ? off + " → " + on : on + " → " + off)}");
        }
        // The walk must exercise the reuse, not only the cases where every method is read again.
        Assert.True(reusable >= 10, $"only {reusable} of 40 steps left results to reuse");
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
    public void An_edit_to_the_json_context_in_another_file_rechecks_a_paged_methods_item()
    {
        const string Api = """
            namespace Demo
            {
                [WeChatPayJsonContext(typeof(Ctx))]
                public partial interface ICodeApi
                {
                    [Get("v3/codes")] IAsyncEnumerable<Code> ListAsync(int offset, int limit);
                }
                public sealed record Code(string Value);
            }
            """;
        const string Context = """
            namespace Demo
            {
                [System.Text.Json.Serialization.JsonSerializable(typeof(Code))]
                public partial class Ctx : System.Text.Json.Serialization.JsonSerializerContext
                {
                    public static Ctx Default { get; } = new();
                    public Ctx() : base(null) { }
                    protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                    public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
                }
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, Api, Context).WithAssemblyName("Paged." + Guid.NewGuid().ToString("N"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        var without = Context.Replace("[System.Text.Json.Serialization.JsonSerializable(typeof(Code))]", "");
        driver = driver.RunGenerators(compilation = Edit(compilation, 2, without));
        Assert.Equal("WCP0019", Assert.Single(driver.GetRunResult().Diagnostics).Id);
        Assert.DoesNotContain("ICodeApi", Generated(driver));

        driver = driver.RunGenerators(Edit(compilation, 2, Context));
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Contains("WeChatPayPage<global::Demo.Code>.Read", Generated(driver));
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

    /// <summary>
    /// An interface split over two files, its models, base class and enum in three more, and a file of paths and an
    /// unrelated helper: the sources the edit tests change.
    /// </summary>
    private static string[] EditCorpus()
    {
        return
        [
            SnapshotTests.GlobalUsings,
            """
            namespace Shop
            {
                using Models;
                public partial interface ICouponApi
                {
                    [Get(Paths.Coupon)] Task<Coupon> GetAsync(string id, State? state);
                    [Post("v3/coupons")] Task<Receipt> CreateAsync(NewCoupon json);
                }
            }
            """,
            """
            namespace Models
            {
                public sealed class Coupon : Base { public string? Code { get; set; } public List<Line>? Lines { get; set; } }
                public sealed record Receipt(string Id);
            }
            """,
            """
            using System.Text.Json.Serialization;
            namespace Models
            {
                public sealed class Line { public int Amount { get; set; } }
                public sealed class NewCoupon { [JsonPropertyName("coupon_code")] public string? Code { get; set; } }
                public enum State { Available, [JsonEnumValue("SENDED")] Sent }
            }
            """,
            """
            namespace Shop
            {
                public static class Paths { public const string Coupon = "v3/coupons/{id}"; }
                public static class Helper { public static int Answer() => 42; }
            }
            """,
            "namespace Models { public class Base { public string? Owner { get; set; } } }",
            """
            namespace Shop
            {
                public partial interface ICouponApi : IPaged
                {
                    [Delete("v3/coupons/{id}")] Task DeleteAsync(string id);
                }
                public interface IPaged { }
            }
            """,
        ];
    }

    /// <summary>The result kept for IFirstApi.GetAsync (declared in <paramref name="declaredIn"/>) that holds under <paramref name="compilation"/>, if any.</summary>
    private static MethodResult? KeptResult(CSharpCompilation declaredIn, CSharpCompilation compilation)
    {
        var method = declaredIn.SyntaxTrees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        return MethodReuse.Find(method.SyntaxTree, method.SpanStart, "GetAttribute", DeclarationEpoch.Of(compilation));
    }

    /// <summary>The parsed methods of the last run, in a stable order.</summary>
    private static List<object> MethodResults(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedSteps
            .Where(s => s.Key.StartsWith(WeChatPayGenerator.MethodsStep + ".", StringComparison.Ordinal))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs.Select(o => o.Value)))
            .ToList();

    /// <summary>The warm driver's output and diagnostics equal those of a fresh driver over the same sources.</summary>
    private static void AssertSameAsFreshRun(GeneratorDriver driver, string[] files, string edit)
    {
        // Fresh trees too: results are kept per syntax tree, so a run over the same trees would replace the warm driver's.
        var fresh = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(files).WithAssemblyName("Fresh." + Guid.NewGuid().ToString("N")));
        Assert.True(Generated(fresh) == Generated(driver), $"{edit}: the output differs from a fresh run's");
        Assert.True(Diagnostics(fresh).SequenceEqual(Diagnostics(driver)), $"{edit}: the diagnostics differ from a fresh run's");
    }

    private static IEnumerable<string> Diagnostics(GeneratorDriver driver) => driver.GetRunResult().Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal);

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
