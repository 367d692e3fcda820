using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeChatPay.Generator.Incremental;

/// <summary>How two versions of one file differ, as far as declarations go (see <see cref="DeclarationEpoch"/>).</summary>
internal static class DeclarationSyntax
{
    /// <summary>
    /// Whether two versions of a file declare the same things: the same tokens and the same directives, leaving out
    /// what no declaration can see (trivia, member bodies, the initializers of fields and properties that are not
    /// const, top-level statements). Const values, enum values, default parameter values, attribute arguments and
    /// <c>#nullable</c> all count. (Roslyn's <see cref="SyntaxTree.IsEquivalentTo"/> with <c>topLevel</c> is not used:
    /// in 4.11, after a field with an initializer it also passes over later const, enum and default values.)
    /// </summary>
    public static bool SameDeclarations(SyntaxTree before, SyntaxTree after)
    {
        if (before.GetRoot() is not CSharpSyntaxNode rootBefore || after.GetRoot() is not CSharpSyntaxNode rootAfter)
            return false;
        if (!DeclarationTokens(rootBefore).SequenceEqual(DeclarationTokens(rootAfter)))
            return false;
        return SameDirectives(rootBefore, rootAfter);
    }

    /// <summary>
    /// Whether two versions of a file have the same outline: the names it declares and imports (using directives,
    /// namespaces, types with their modifiers, type parameters and base lists, nested types, delegates), its assembly
    /// and module attributes, its consts and enum members in full, and its directives. What an outline leaves out
    /// (the other members of its types, and their attributes) is visible only through the types this file declares.
    /// </summary>
    public static bool SameOutline(SyntaxTree before, SyntaxTree after)
    {
        if (before.GetRoot() is not CSharpSyntaxNode rootBefore || after.GetRoot() is not CSharpSyntaxNode rootAfter)
            return false;
        var a = new List<(int Kind, string Text)>();
        var b = new List<(int Kind, string Text)>();
        Outline(rootBefore, a);
        Outline(rootAfter, b);
        return a.SequenceEqual(b) && SameDirectives(rootBefore, rootAfter);
    }

    /// <summary>The kind and text of each token a declaration can see (<see cref="IsDeclarationPart"/>), in order.</summary>
    private static IEnumerable<(int Kind, string Text)> DeclarationTokens(SyntaxNode root)
        => root.DescendantTokens(IsDeclarationPart).Select(static token => (token.RawKind, token.Text));

    private static void Outline(SyntaxNode node, List<(int Kind, string Text)> outline)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax or ExternAliasDirectiveSyntax:
                case AttributeListSyntax when node is CompilationUnitSyntax:
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                case EnumMemberDeclarationSyntax:
                    Tokens(child, outline);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    outline.Add((ns.RawKind, ""));
                    Tokens(ns.Name, outline);
                    Outline(ns, outline);
                    outline.Add((ns.RawKind, "}"));
                    break;
                case BaseTypeDeclarationSyntax type:
                    outline.Add((type.RawKind, type.Identifier.Text));
                    Tokens(type.Modifiers, outline);
                    if (type is TypeDeclarationSyntax { TypeParameterList: { } typeParameters })
                        Tokens(typeParameters, outline);
                    if (type.BaseList is { } baseList)
                        Tokens(baseList, outline);
                    Outline(type, outline);
                    outline.Add((type.RawKind, "}"));
                    break;
                case DelegateDeclarationSyntax @delegate:
                    Tokens(@delegate, outline);
                    break;
            }
        }
    }

    private static void Tokens(SyntaxNode node, List<(int Kind, string Text)> outline)
    {
        foreach (var token in node.DescendantTokens())
            outline.Add((token.RawKind, token.Text));
    }

    private static void Tokens(SyntaxTokenList tokens, List<(int Kind, string Text)> outline)
    {
        foreach (var token in tokens)
            outline.Add((token.RawKind, token.Text));
    }

    private static bool SameDirectives(CSharpSyntaxNode before, CSharpSyntaxNode after)
    {
        if (!before.ContainsDirectives && !after.ContainsDirectives)
            return true;
        var directiveBefore = before.GetFirstDirective();
        var directiveAfter = after.GetFirstDirective();
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
}
