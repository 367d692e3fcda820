using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests;

/// <summary>
/// When two compilations count as declaring the same things, so that the generator hands back what it read from the
/// first: only for edits that cannot change what a declaration binds to.
/// </summary>
public sealed class DeclarationEpochTests
{
    private const string Source = """
        #nullable enable
        using System;
        namespace Demo
        {
            public static class Paths { public const string Coupon = "v3/coupons"; }
            public sealed class Coupon
            {
                private string _cache = "a";
                public string Code { get; set; } = "x";
                [Obsolete("old")] public int Amount { get; set; }
                public int Twice() { return Amount * 2; }
                public int Half() => Amount / 2;
                public int Total { get { return Amount; } }
                public int Times(int factor = 3) => Amount * factor;
                public const string Kind = "coupon";
            }
            public enum State { Available = 1, Used = 2 }
        }
        """;

    public static TheoryData<string, string, string, bool> Edits() => new()
    {
        { "a comment", "public sealed class Coupon", "// the coupon\n    public sealed class Coupon", true },
        { "a method body", "return Amount * 2;", "return Amount * 3;", true },
        { "an expression body", "Amount / 2;", "Amount / 4;", true },
        { "a field's initializer", "_cache = \"a\"", "_cache = \"b\"", true },
        { "a method's name", "Twice()", "Twices()", false },
        { "a const's value", "\"v3/coupons\"", "\"v3/vouchers\"", false },
        { "a property's initializer", "= \"x\";", "= \"y\";", true },
        { "an accessor's body", "return Amount; }", "return Amount + 1; }", true },
        { "a const's value after a field with an initializer", "\"coupon\"", "\"voucher\"", false },
        { "a default parameter value", "factor = 3", "factor = 4", false },
        { "an enum value", "Used = 2", "Used = 3", false },
        { "a block body turned into an expression body", "public int Twice() { return Amount * 2; }", "public int Twice() => Amount * 2;", false },
        { "an attribute's argument", "Obsolete(\"old\")", "Obsolete(\"older\")", false },
        { "the nullable context", "#nullable enable", "#nullable disable", false },
        { "a using directive", "using System;", "using System;\nusing System.Text;", false },
        { "a new type", "public static class Paths", "public sealed class Voucher { }\n    public static class Paths", false },
        { "a property's type", "public int Amount", "public long Amount", false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Only_edits_that_change_no_declaration_keep_the_epoch(string edit, string before, string after, bool same)
    {
        Assert.Contains(before, Source);
        var compilation = Compile(Source);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], Parse(Source.Replace(before, after)));

        Assert.True(same == DeclarationEpoch.SameDeclarations(compilation, edited), $"{edit}: expected {(same ? "the same" : "other")} declarations");
    }

    [Fact]
    public void A_new_epoch_starts_for_another_file_option_or_reference()
    {
        var compilation = Compile(Source);

        Assert.True(DeclarationEpoch.SameDeclarations(compilation, compilation.Clone()));
        Assert.False(DeclarationEpoch.SameDeclarations(compilation, compilation.AddSyntaxTrees(Parse("namespace Other { }"))));
        Assert.False(DeclarationEpoch.SameDeclarations(compilation, compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable))));
        Assert.False(DeclarationEpoch.SameDeclarations(compilation, compilation.AddReferences(MetadataReference.CreateFromFile(typeof(Xunit.Assert).Assembly.Location))));
        var tree = compilation.SyntaxTrees[0];
        Assert.False(DeclarationEpoch.SameDeclarations(compilation, compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(), GeneratorHarness.ParseOptions.WithPreprocessorSymbols("WECHAT")))));
        Assert.False(DeclarationEpoch.SameDeclarations(compilation, compilation.ReplaceSyntaxTree(tree, tree.WithFilePath("Moved.cs"))));
    }

    [Fact]
    public void A_compilation_shares_the_epoch_of_the_latest_compilation_of_its_project_only_while_declarations_stay_the_same()
    {
        var first = Compile(Source);
        var body = first.ReplaceSyntaxTree(first.SyntaxTrees[0], Parse(Source.Replace("Amount * 2", "Amount * 3")));
        var declaration = body.ReplaceSyntaxTree(body.SyntaxTrees[0], Parse(Source.Replace("Twice()", "Twices()")));
        var bodyAgain = declaration.ReplaceSyntaxTree(declaration.SyntaxTrees[0], Parse(Source.Replace("Twice()", "Twices()").Replace("Amount * 2", "Amount * 5")));

        Assert.Same(DeclarationEpoch.Of(first), DeclarationEpoch.Of(body));
        Assert.NotSame(DeclarationEpoch.Of(body), DeclarationEpoch.Of(declaration));
        Assert.Same(DeclarationEpoch.Of(declaration), DeclarationEpoch.Of(bodyAgain));
        Assert.NotSame(DeclarationEpoch.Of(first), DeclarationEpoch.Of(bodyAgain));
        Assert.NotSame(DeclarationEpoch.Of(first), DeclarationEpoch.Of(first.WithAssemblyName("Another." + Guid.NewGuid().ToString("N"))));
    }

    /// <summary>A project name of its own: each new compilation of a name is compared with the latest one, and tests run side by side.</summary>
    private static CSharpCompilation Compile(string source)
        => GeneratorHarness.CreateCompilation(source).WithAssemblyName("Epoch." + Guid.NewGuid().ToString("N"));

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, "Source0.cs");
}
