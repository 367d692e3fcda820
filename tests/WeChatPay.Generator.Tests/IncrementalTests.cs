using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests;

/// <summary>The pipeline caches per interface: unrelated edits re-emit nothing; a signature edit re-emits one file.</summary>
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

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(SnapshotTests.GlobalUsings, First, Second, Unrelated);
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
}
