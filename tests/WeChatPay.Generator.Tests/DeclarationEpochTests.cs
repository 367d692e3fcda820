using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests;

/// <summary>
/// When the generator may hand back what it read from an earlier compilation: after an edit that changes no
/// declaration, every result; after one that changes only the inside of types in some files, the results that depend on
/// none of those files; after anything else, none.
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
            public enum State { Available = 1, [Display("u")] Used = 2 }
            public sealed record Receipt(string Id);
            public sealed class DisplayAttribute(string text) : Attribute { public string Text { get; } = text; }
        }
        """;

    public enum Change { None, InsideTypes, Other }

    public static TheoryData<string, string, string, Change> Edits() => new()
    {
        { "a comment", "public sealed class Coupon", "// the coupon\n    public sealed class Coupon", Change.None },
        { "a method body", "return Amount * 2;", "return Amount * 3;", Change.None },
        { "an expression body", "Amount / 2;", "Amount / 4;", Change.None },
        { "a field's initializer", "_cache = \"a\"", "_cache = \"b\"", Change.None },
        { "a property's initializer", "= \"x\";", "= \"y\";", Change.None },
        { "an accessor's body", "return Amount; }", "return Amount + 1; }", Change.None },
        { "a method's name", "Twice()", "Twices()", Change.InsideTypes },
        { "a property's type", "public int Amount", "public long Amount", Change.InsideTypes },
        { "an attribute's argument", "Obsolete(\"old\")", "Obsolete(\"older\")", Change.InsideTypes },
        { "a default parameter value", "factor = 3", "factor = 4", Change.InsideTypes },
        { "a block body turned into an expression body", "public int Twice() { return Amount * 2; }", "public int Twice() => Amount * 2;", Change.InsideTypes },
        { "a record's parameters", "record Receipt(string Id)", "record Receipt(string Id, int Total)", Change.InsideTypes },
        { "a const's value", "\"v3/coupons\"", "\"v3/vouchers\"", Change.Other },
        { "a const's value after a field with an initializer", "\"coupon\"", "\"voucher\"", Change.Other },
        { "an enum value", "Used = 2", "Used = 3", Change.Other },
        { "an enum member's attribute", "[Display(\"u\")] Used", "[Display(\"v\")] Used", Change.Other },
        { "the nullable context", "#nullable enable", "#nullable disable", Change.Other },
        { "a using directive", "using System;", "using System;\nusing System.Text;", Change.Other },
        { "a new type", "public static class Paths", "public sealed class Voucher { }\n    public static class Paths", Change.Other },
        { "a nested type", "private string _cache", "public sealed class Line { }\n        private string _cache", Change.Other },
        { "a type's name", "public sealed class Coupon", "public sealed class Coupons", Change.Other },
        { "a type's modifiers", "public sealed class Coupon", "internal sealed class Coupon", Change.Other },
        { "a type's base list", "public sealed class Coupon", "public sealed class Coupon : System.IComparable", Change.Other },
        { "an assembly attribute", "using System;", "using System;\n[assembly: System.CLSCompliant(false)]", Change.Other },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_changes_nothing_only_the_inside_of_types_or_more(string edit, string before, string after, Change change)
    {
        Assert.Contains(before, Source);
        var compilation = Compile(Source);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], Parse(Source.Replace(before, after)));

        var changed = DeclarationEpoch.ChangedFiles(compilation, edited);

        var found = changed is null ? Change.Other : changed.IsEmpty ? Change.None : Change.InsideTypes;
        Assert.True(change == found, $"{edit}: expected {change}, found {found}");
        if (found == Change.InsideTypes)
            Assert.Equal(new[] { "Source0.cs" }, changed!);
    }

    [Fact]
    public void Another_file_option_or_reference_changes_more_than_the_inside_of_types()
    {
        var compilation = Compile(Source);
        var tree = compilation.SyntaxTrees[0];

        Assert.Empty(DeclarationEpoch.ChangedFiles(compilation, compilation.Clone())!);
        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, compilation.AddSyntaxTrees(Parse("namespace Other { }", "Other.cs"))));
        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable))));
        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, compilation.AddReferences(MetadataReference.CreateFromFile(typeof(Xunit.Assert).Assembly.Location))));
        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(), GeneratorHarness.ParseOptions.WithPreprocessorSymbols("WECHAT")))));
        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, compilation.ReplaceSyntaxTree(tree, tree.WithFilePath("Moved.cs"))));
    }

    [Fact]
    public void A_change_inside_types_is_not_told_apart_when_two_files_share_a_path()
    {
        var compilation = Compile(Source).AddSyntaxTrees(Parse("namespace Other { }"));
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], Parse(Source.Replace("Twice()", "Twices()")));

        Assert.Null(DeclarationEpoch.ChangedFiles(compilation, edited));
    }

    [Fact]
    public void A_result_holds_in_the_next_epoch_when_it_depends_on_no_file_changed_inside_its_types()
    {
        var first = Compile(Source).AddSyntaxTrees(Parse("namespace Other { public sealed class Bag { public int Size { get; set; } } }", "Other.cs"));
        var body = first.ReplaceSyntaxTree(first.SyntaxTrees[0], Parse(Source.Replace("Amount * 2", "Amount * 3")));
        var inside = body.ReplaceSyntaxTree(body.SyntaxTrees[0], Parse(Source.Replace("Twice()", "Twices()")));
        var insideAgain = inside.ReplaceSyntaxTree(inside.SyntaxTrees[1], Parse("namespace Other { public sealed class Bag { public long Size { get; set; } } }", "Other.cs"));
        var renamed = insideAgain.ReplaceSyntaxTree(insideAgain.SyntaxTrees[1], Parse("namespace Other { public sealed class Sack { public long Size { get; set; } } }", "Other.cs"));

        var epoch = DeclarationEpoch.Of(first);
        Assert.Same(epoch, DeclarationEpoch.Of(body));
        var next = DeclarationEpoch.Of(inside);
        Assert.NotSame(epoch, next);
        Assert.True(next.Follows(epoch, ImmutableArray.Create("Other.cs")));
        Assert.False(next.Follows(epoch, ImmutableArray.Create("Other.cs", "Source0.cs")));
        var third = DeclarationEpoch.Of(insideAgain);
        Assert.True(third.Follows(next, ImmutableArray.Create("Source0.cs")));
        Assert.False(third.Follows(epoch, ImmutableArray.Create("Source0.cs")));
        var fourth = DeclarationEpoch.Of(renamed);
        Assert.False(fourth.Follows(third, ImmutableArray<string>.Empty));
    }

    [Fact]
    public void Each_target_framework_of_a_project_follows_its_own_previous_compilation()
    {
        var name = "Targets." + Guid.NewGuid().ToString("N");
        CSharpCompilation Target(string symbol, string source)
            => GeneratorHarness.CreateCompilation().WithAssemblyName(name)
                .AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions.WithPreprocessorSymbols(symbol), "Source0.cs"));
        var net8 = Target("NET8_0", Source);
        var net10 = Target("NET10_0", Source);
        var net8Edited = net8.ReplaceSyntaxTree(net8.SyntaxTrees[0], CSharpSyntaxTree.ParseText(Source.Replace("Amount * 2", "Amount * 3"), (CSharpParseOptions)net8.SyntaxTrees[0].Options, "Source0.cs"));

        var epoch = DeclarationEpoch.Of(net8);
        Assert.NotSame(epoch, DeclarationEpoch.Of(net10));

        Assert.Same(epoch, DeclarationEpoch.Of(net8Edited));
    }

    /// <summary>A project name of its own: each new compilation of a name is compared with the latest one, and tests run side by side.</summary>
    private static CSharpCompilation Compile(string source)
        => GeneratorHarness.CreateCompilation(source).WithAssemblyName("Epoch." + Guid.NewGuid().ToString("N"));

    private static SyntaxTree Parse(string source, string path = "Source0.cs") => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);
}
