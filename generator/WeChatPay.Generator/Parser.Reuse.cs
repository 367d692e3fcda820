using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Method results carried from one compilation to the next when the edit between them changed no declaration.
/// <para>
/// The transform re-runs for every attributed method on every edit, and in a new compilation reading a method binds
/// its signature and every model it reaches again: that binding, not the generator's own logic, was most of an
/// edit's cost. Most keystrokes change no declaration (a method body, a comment, a field's initializer), and then every
/// method reads as it did. So a result is kept per method and handed back while the compilation's declarations stay
/// those it was read from (the same <see cref="DeclarationEpoch"/>).
/// </para>
/// <para>
/// A result is reused only when the method's own syntax tree is the same object (its position is then unchanged), and
/// only when it has no diagnostic: a diagnostic's location in another file could have moved. Results hold values only.
/// </para>
/// </summary>
internal static class MethodReuse
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Position, string? Attribute), Entry>> s_results = new();

    private sealed record Entry(DeclarationEpoch Epoch, MethodResult Result);

    /// <summary>The result read for the method at <paramref name="position"/> of <paramref name="tree"/> under the same declarations, if any.</summary>
    public static MethodResult? Find(SyntaxTree tree, int position, string? attribute, DeclarationEpoch epoch)
        => s_results.TryGetValue(tree, out var results) && results.TryGetValue((position, attribute), out var entry) && ReferenceEquals(entry.Epoch, epoch)
            ? entry.Result
            : null;

    /// <summary>Keeps a result without diagnostics for the next compilation with the same declarations.</summary>
    public static void Keep(SyntaxTree tree, int position, string? attribute, DeclarationEpoch epoch, MethodResult result)
    {
        if (result.Diagnostics.IsEmpty)
            s_results.GetValue(tree, static _ => new())[(position, attribute)] = new Entry(epoch, result);
    }
}

/// <summary>
/// Compilations that declare the same things share one epoch: equal options, the same reference objects, and syntax
/// trees that are each the same tree or one whose declarations read token for token as before
/// (<see cref="SameDeclarations(SyntaxTree, SyntaxTree)"/>). Between two such compilations no name in a declaration
/// can bind differently, so nothing the generator reads from declarations can differ.
/// <para>
/// A compilation is compared with the latest one of the same assembly name (an IDE's or a build server's previous
/// compilation of that project), held weakly. Anything else (a new reference, an added file, an edited signature, a
/// first build) starts a new epoch, and every method is read again.
/// </para>
/// </summary>
internal sealed class DeclarationEpoch
{
    private const int Projects = 64;

    private static readonly ConditionalWeakTable<Compilation, DeclarationEpoch> s_epochs = new();
    private static readonly Dictionary<string, (WeakReference<Compilation> Compilation, DeclarationEpoch Epoch)> s_latest = new(StringComparer.Ordinal);

    private DeclarationEpoch()
    {
    }

    public static DeclarationEpoch Of(Compilation compilation) => s_epochs.GetValue(compilation, static c => Assign(c));

    private static DeclarationEpoch Assign(Compilation compilation)
    {
        var name = compilation.AssemblyName ?? "";
        lock (s_latest)
        {
            var epoch = s_latest.TryGetValue(name, out var latest) && latest.Compilation.TryGetTarget(out var previous) && SameDeclarations(previous, compilation)
                ? latest.Epoch
                : new DeclarationEpoch();
            if (s_latest.Count >= Projects && !s_latest.ContainsKey(name))
                s_latest.Clear();
            s_latest[name] = (new WeakReference<Compilation>(compilation), epoch);
            return epoch;
        }
    }

    internal static bool SameDeclarations(Compilation before, Compilation after)
    {
        if (ReferenceEquals(before, after))
            return true;
        if (before.Language != after.Language || !before.Options.Equals(after.Options) || !SameObjects(before.References, after.References))
            return false;
        using var treesBefore = before.SyntaxTrees.GetEnumerator();
        using var treesAfter = after.SyntaxTrees.GetEnumerator();
        while (true)
        {
            var moreBefore = treesBefore.MoveNext();
            if (moreBefore != treesAfter.MoveNext())
                return false;
            if (!moreBefore)
                return true;
            var a = treesBefore.Current;
            var b = treesAfter.Current;
            if (!ReferenceEquals(a, b) && !(a.FilePath == b.FilePath && a.Options.Equals(b.Options) && SameDeclarations(a, b)))
                return false;
        }
    }

    /// <summary>
    /// Whether two versions of a file declare the same things: the same tokens and the same directives, leaving out
    /// what no declaration can see (trivia, member bodies, the initializers of fields and properties that are not
    /// const, top-level statements). Const values, enum values, default parameter values, attribute arguments and
    /// <c>#nullable</c> all count. (Roslyn's <see cref="SyntaxTree.IsEquivalentTo"/> with <c>topLevel</c> is not used:
    /// in 4.11, after a field with an initializer it also passes over later const, enum and default values.)
    /// </summary>
    internal static bool SameDeclarations(SyntaxTree before, SyntaxTree after)
    {
        if (before.GetRoot() is not CSharpSyntaxNode rootBefore || after.GetRoot() is not CSharpSyntaxNode rootAfter)
            return false;
        using (var a = rootBefore.DescendantTokens(IsDeclarationPart).GetEnumerator())
        using (var b = rootAfter.DescendantTokens(IsDeclarationPart).GetEnumerator())
        {
            while (true)
            {
                var more = a.MoveNext();
                if (more != b.MoveNext())
                    return false;
                if (!more)
                    break;
                if (a.Current.RawKind != b.Current.RawKind || a.Current.Text != b.Current.Text)
                    return false;
            }
        }
        if (!rootBefore.ContainsDirectives && !rootAfter.ContainsDirectives)
            return true;
        var directiveBefore = rootBefore.GetFirstDirective();
        var directiveAfter = rootAfter.GetFirstDirective();
        while (directiveBefore is not null && directiveAfter is not null)
        {
            if (directiveBefore.RawKind != directiveAfter.RawKind || directiveBefore.ToString() != directiveAfter.ToString())
                return false;
            directiveBefore = directiveBefore.GetNextDirective();
            directiveAfter = directiveAfter.GetNextDirective();
        }
        return directiveBefore is null && directiveAfter is null;
    }

    /// <summary>False for a node that no declaration can see into: a member's body, a non-const initializer, a top-level statement.</summary>
    private static bool IsDeclarationPart(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax),
        EqualsValueClauseSyntax => node.Parent switch
        {
            PropertyDeclarationSyntax => false,
            VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            _ => true,
        },
        GlobalStatementSyntax => false,
        _ => true,
    };

    private static bool SameObjects(IEnumerable<MetadataReference> before, IEnumerable<MetadataReference> after)
    {
        using var a = before.GetEnumerator();
        using var b = after.GetEnumerator();
        while (true)
        {
            var more = a.MoveNext();
            if (more != b.MoveNext())
                return false;
            if (!more)
                return true;
            if (!ReferenceEquals(a.Current, b.Current))
                return false;
        }
    }
}
