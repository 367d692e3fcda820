using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator.Incremental;

/// <summary>
/// What one compilation declares, as far as a kept result can tell. A compilation is compared with the latest one of
/// the same project (an IDE's or a build server's previous compilation of it, see <see cref="Project"/>), held weakly:
/// <list type="bullet">
/// <item>equal options, the same reference objects, and each file the same tree or one that declares the same things
/// (<see cref="DeclarationSyntax.SameDeclarations"/>): the same epoch, and every kept result holds;</item>
/// <item>the same, except that some files changed declarations inside their types while the names every file
/// declares or imports, its consts and enum values, and its directives stayed
/// (<see cref="DeclarationSyntax.SameOutline"/>): a new epoch that follows the last one, under which a result holds
/// when it depends on none of those files (no name anywhere can bind differently, and what changed is only ever read
/// through the types those files declare);</item>
/// <item>anything else (a new reference, an added file, a type renamed, a const edited, a first build): a new epoch
/// that follows nothing, and every method is read again.</item>
/// </list>
/// </summary>
internal sealed class DeclarationEpoch
{
    private const int Projects = 64;

    private static readonly ConditionalWeakTable<Compilation, DeclarationEpoch> s_epochs = new();
    private static readonly Dictionary<string, (WeakReference<Compilation> Compilation, DeclarationEpoch Epoch)> s_latest = new(StringComparer.Ordinal);

    // Weak: results kept under the previous epoch move to this one as they are found, after which nothing needs it.
    private readonly WeakReference<DeclarationEpoch>? _previous;
    private readonly ImmutableHashSet<string> _changedFiles;

    private DeclarationEpoch(DeclarationEpoch? previous, ImmutableHashSet<string> changedFiles)
    {
        _previous = previous is null ? null : new WeakReference<DeclarationEpoch>(previous);
        _changedFiles = changedFiles;
    }

    public static DeclarationEpoch Of(Compilation compilation) => s_epochs.GetValue(compilation, static c => Assign(c));

    /// <summary>Whether a result read under <paramref name="earlier"/> that depends on <paramref name="dependencies"/> holds under this epoch.</summary>
    public bool Follows(DeclarationEpoch earlier, ImmutableArray<string> dependencies)
    {
        if (_previous is null || !_previous.TryGetTarget(out var previous) || !ReferenceEquals(previous, earlier))
            return false;
        foreach (var file in dependencies)
        {
            if (_changedFiles.Contains(file))
                return false;
        }
        return true;
    }

    private static DeclarationEpoch Assign(Compilation compilation)
    {
        var name = Project(compilation);
        lock (s_latest)
        {
            DeclarationEpoch epoch;
            if (s_latest.TryGetValue(name, out var latest) && latest.Compilation.TryGetTarget(out var previous))
            {
                var changed = ChangedFiles(previous, compilation);
                epoch = changed is null ? new DeclarationEpoch(null, ImmutableHashSet<string>.Empty)
                    : changed.IsEmpty ? latest.Epoch
                    : new DeclarationEpoch(latest.Epoch, changed);
            }
            else
            {
                epoch = new DeclarationEpoch(null, ImmutableHashSet<string>.Empty);
            }
            if (s_latest.Count >= Projects && !s_latest.ContainsKey(name))
                s_latest.Clear();
            s_latest[name] = (new WeakReference<Compilation>(compilation), epoch);
            return epoch;
        }
    }

    /// <summary>
    /// Which project a compilation belongs to, for finding its previous compilation: its assembly name and the
    /// preprocessor symbols of its first file, so that the target frameworks of a multi-targeted project (same name,
    /// NET8_0 against NET10_0, say) each follow their own previous compilation instead of replacing each other's.
    /// </summary>
    private static string Project(Compilation compilation)
    {
        var name = compilation.AssemblyName ?? "";
        foreach (var tree in compilation.SyntaxTrees)
            return name + "|" + string.Join(";", tree.Options.PreprocessorSymbolNames);
        return name;
    }

    /// <summary>
    /// The files whose declarations changed only inside their types between two compilations (empty when nothing was
    /// declared differently), or null when anything else differs.
    /// </summary>
    internal static ImmutableHashSet<string>? ChangedFiles(Compilation before, Compilation after)
    {
        if (ReferenceEquals(before, after))
            return ImmutableHashSet<string>.Empty;
        if (before.Language != after.Language || !before.Options.Equals(after.Options) || !SameObjects(before.References, after.References))
            return null;
        var changed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var pathsUnique = true;
        using var treesBefore = before.SyntaxTrees.GetEnumerator();
        using var treesAfter = after.SyntaxTrees.GetEnumerator();
        while (true)
        {
            var moreBefore = treesBefore.MoveNext();
            if (moreBefore != treesAfter.MoveNext())
                return null;
            if (!moreBefore)
                break;
            var a = treesBefore.Current;
            var b = treesAfter.Current;
            pathsUnique &= b.FilePath.Length > 0 && paths.Add(b.FilePath);
            if (ReferenceEquals(a, b))
                continue;
            if (a.FilePath != b.FilePath || !a.Options.Equals(b.Options))
                return null;
            if (DeclarationSyntax.SameDeclarations(a, b))
                continue;
            if (!DeclarationSyntax.SameOutline(a, b))
                return null;
            changed.Add(b.FilePath);
        }
        // Results name the files they depend on by path, so a changed file must be told apart by its path.
        return changed.Count == 0 || pathsUnique ? changed.ToImmutable() : null;
    }

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
