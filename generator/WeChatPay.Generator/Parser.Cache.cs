using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Work shared by the methods of one compilation. The per-method transform re-runs for every attributed method on
/// every edit (the compilation changed), and the ten methods of an interface reach the same models; walking each
/// model and reading each interface once per compilation keeps an edit cheap. The cache is keyed weakly by the
/// compilation, holds only what that compilation's symbols produced, and nothing in it flows down the pipeline
/// except the value specs.
/// </summary>
internal sealed class ParseCache
{
    private static readonly ConditionalWeakTable<Compilation, ParseCache> s_caches = new();

    private readonly ConcurrentDictionary<ITypeSymbol, RootWalk> _reportingWalks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, RootWalk> _quietWalks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, (InterfaceKey Key, ImmutableArray<DiagnosticInfo> Diagnostics)> _interfaces = new(SymbolEqualityComparer.Default);

    public static ParseCache For(Compilation compilation) => s_caches.GetValue(compilation, static _ => new ParseCache());

    /// <summary>The walk from one root type: every type it reaches and the diagnostics found on the way.</summary>
    internal sealed record RootWalk(EquatableArray<TypeSpec> Types, ImmutableArray<DiagnosticInfo> Diagnostics);

    public ConcurrentDictionary<ITypeSymbol, RootWalk> Walks(bool reportUnsupported) => reportUnsupported ? _reportingWalks : _quietWalks;

    public InterfaceKey GetInterface(INamedTypeSymbol iface, List<DiagnosticInfo> diagnostics, Func<INamedTypeSymbol, List<DiagnosticInfo>, InterfaceKey> parse)
    {
        var entry = _interfaces.GetOrAdd(iface, symbol =>
        {
            var found = new List<DiagnosticInfo>();
            var key = parse(symbol, found);
            return (key, found.ToImmutableArray());
        });
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Key;
    }
}

/// <summary>The JSON roots of one method (its body and result types), each walked once per compilation.</summary>
internal sealed class TypeRoots
{
    private readonly ConcurrentDictionary<ITypeSymbol, ParseCache.RootWalk> _walks;
    private readonly bool _reportUnsupported;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Location? _fallbackLocation;
    private readonly List<EquatableArray<TypeSpec>> _found = new();

    public TypeRoots(ParseCache cache, bool reportUnsupported, List<DiagnosticInfo> diagnostics, Location? fallbackLocation)
    {
        _walks = cache.Walks(reportUnsupported);
        _reportUnsupported = reportUnsupported;
        _diagnostics = diagnostics;
        _fallbackLocation = fallbackLocation;
    }

    /// <summary>Adds the types reachable from <paramref name="type"/>; false when the type itself is unsupported.</summary>
    public bool Visit(ITypeSymbol type, Location? location, string member)
    {
        if (_walks.TryGetValue(type, out var cached))
        {
            _found.Add(cached.Types);
            _diagnostics.AddRange(cached.Diagnostics);
            return true;
        }
        var diagnostics = new List<DiagnosticInfo>();
        var walker = new TypeWalker(_reportUnsupported, diagnostics, _fallbackLocation);
        var supported = walker.Visit(type, location, member);
        var types = walker.Build();
        _found.Add(types);
        _diagnostics.AddRange(diagnostics);
        // A root that is itself unsupported is reported against this method's member; it is not shared.
        if (supported)
            _walks.TryAdd(type, new ParseCache.RootWalk(types, diagnostics.ToImmutableArray()));
        return supported;
    }

    /// <summary>Every type found, once each, ordinal-sorted by name.</summary>
    public EquatableArray<TypeSpec> Build()
    {
        if (_found.Count == 1)
            return _found[0];
        var byName = new SortedDictionary<string, TypeSpec>(StringComparer.Ordinal);
        foreach (var walk in _found)
        {
            foreach (var type in walk)
            {
                if (!byName.ContainsKey(type.Name))
                    byName.Add(type.Name, type);
            }
        }
        return byName.Values.ToEquatableArray();
    }
}
