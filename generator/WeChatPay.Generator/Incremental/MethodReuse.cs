// Incremental/: what makes an edit cheap, and the rules that keep it correct.
//
// Kept across compilations (all weakly, all values, never a symbol or a syntax node):
//   MethodReuse        a method's MethodResult, keyed by (its SyntaxTree object, its position, its HTTP attribute),
//                      tagged with the DeclarationEpoch it was read under and the files it depends on (Dependencies).
//   DeclarationEpoch   one per compilation, linked to the previous compilation of the same project.
//   WalkPool           equal TypeSpec walks interned to one array, so equality checks meet the same instance.
// Kept for one compilation only (keyed weakly by the Compilation): ParseCache and the walks TypeRoots reuses.
//
// Why a stale result cannot leak: a result is handed back only (1) for the very same SyntaxTree object, so the
// method's own text is unchanged; (2) when it had no diagnostic, since a location elsewhere could have moved; and
// (3) when its epoch is the current one, or the one just before it and no file it depends on changed a
// declaration (DeclarationSyntax). Any other change (a reference, an added or renamed file, an option, a const)
// starts an epoch that follows nothing, and every method is read again. The pool holds values: a hit is equal.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator.Incremental;

/// <summary>
/// Method results carried from one compilation to the next when the edit between them cannot have changed them.
/// <para>
/// The transform re-runs for every attributed method on every edit, and in a new compilation reading a method binds
/// its signature and every model it reaches again: that binding, not the generator's own logic, was most of an
/// edit's cost. Most keystrokes cannot change what a method reads: an edit inside a member body, a comment, or a
/// declaration in a file that declares none of the types the method reaches. So a result is kept per method with the
/// files it depends on (<see cref="Dependencies"/>), and handed back while the compilation's declarations are those
/// it was read from, or differ only inside files it does not depend on (<see cref="DeclarationEpoch"/>).
/// </para>
/// <para>
/// A result is reused only when the method's own syntax tree is the same object (its position is then unchanged), and
/// only when it has no diagnostic: a diagnostic's location in another file could have moved. Results hold values only.
/// </para>
/// </summary>
internal static class MethodReuse
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Position, string? Attribute), Entry>> s_results = new();

    private sealed record Entry(DeclarationEpoch Epoch, MethodResult Result, ImmutableArray<string> Dependencies);

    /// <summary>
    /// The result read for the method at <paramref name="position"/> of <paramref name="tree"/>, if it still holds under
    /// <paramref name="epoch"/>: read under it, or under the epoch before it when none of the files the method depends
    /// on changed a declaration since (it is then kept under <paramref name="epoch"/>).
    /// </summary>
    public static MethodResult? Find(SyntaxTree tree, int position, string? attribute, DeclarationEpoch epoch)
    {
        if (!s_results.TryGetValue(tree, out var results) || !results.TryGetValue((position, attribute), out var entry))
            return null;
        if (ReferenceEquals(entry.Epoch, epoch))
            return entry.Result;
        if (!epoch.Follows(entry.Epoch, entry.Dependencies))
            return null;
        results[(position, attribute)] = entry with { Epoch = epoch };
        return entry.Result;
    }

    /// <summary>Keeps a result without diagnostics, with the files it depends on, for the compilations that follow.</summary>
    public static void Keep(SyntaxTree tree, int position, string? attribute, DeclarationEpoch epoch, MethodResult result, ImmutableArray<string> dependencies)
        => s_results.GetValue(tree, static _ => new())[(position, attribute)] = new Entry(epoch, result, dependencies);
}
