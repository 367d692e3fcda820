using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator.Incremental;

/// <summary>The JSON roots of one method (its body and result types), each walked once per compilation.</summary>
internal sealed class TypeRoots
{
    private readonly ConcurrentDictionary<ITypeSymbol, ParseCache.RootWalk> _walks;
    private readonly KnownTypeSymbols _known;
    private readonly bool _reportUnsupported;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly ISymbol _method;

    // A valid method has at most a body and a result: two fields, and a list only for a method with several bodies.
    private PooledWalk? _first;
    private PooledWalk? _second;
    private List<PooledWalk>? _more;

    public TypeRoots(ParseCache cache, bool reportUnsupported, List<DiagnosticInfo> diagnostics, ISymbol method)
    {
        _walks = cache.Walks(reportUnsupported);
        _known = cache.Known;
        _reportUnsupported = reportUnsupported;
        _diagnostics = diagnostics;
        _method = method;
    }

    /// <summary>
    /// Adds the types reachable from <paramref name="type"/>, reached through <paramref name="member"/> of
    /// <paramref name="at"/> (where a diagnostic about it goes); false when the type itself is unsupported.
    /// </summary>
    public bool Visit(ITypeSymbol type, ISymbol at, string member)
    {
        if (_walks.TryGetValue(type, out var cached))
        {
            Add(cached.Walk);
            foreach (var diagnostic in cached.Diagnostics)
                _diagnostics.Add(diagnostic);
            return true;
        }
        var diagnostics = new List<DiagnosticInfo>();
        var walker = new TypeWalker(_known, _reportUnsupported, diagnostics, Parser.FirstLocation(_method));
        var supported = walker.Visit(type, Parser.FirstLocation(at), member);
        var types = walker.Build();
        _diagnostics.AddRange(diagnostics);
        // A root that is itself unsupported is reported against this method's member; it is not shared.
        var walk = supported ? WalkPool.Intern(types) : new PooledWalk(types);
        if (supported)
            _walks.TryAdd(type, new ParseCache.RootWalk(walk, diagnostics.ToImmutableArray()));
        Add(walk);
        return supported;
    }

    private void Add(PooledWalk walk)
    {
        if (walk.Types.IsEmpty || ReferenceEquals(walk, _first) || ReferenceEquals(walk, _second) || _more?.Contains(walk) == true)
            return;
        if (_first is null)
            _first = walk;
        else if (_second is null)
            _second = walk;
        else
            (_more ??= new List<PooledWalk>()).Add(walk);
    }

    /// <summary>The walks found, each once, in the order their roots were visited.</summary>
    public EquatableArray<EquatableArray<TypeSpec>> Build()
    {
        if (_first is null)
            return EquatableArray<EquatableArray<TypeSpec>>.Empty;
        if (_second is null)
            return _first.Alone;
        if (_more is null)
            return new EquatableArray<EquatableArray<TypeSpec>>(ImmutableArray.Create(_first.Types, _second.Types));
        var walks = new List<EquatableArray<TypeSpec>> { _first.Types, _second.Types };
        foreach (var walk in _more)
            walks.Add(walk.Types);
        return new EquatableArray<EquatableArray<TypeSpec>>(walks.Distinct().ToImmutableArray());
    }
}
