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

    // Display strings and scalar shapes of the types in signatures: the same few types (string, int, the models of an
    // interface, Task<T> of them) recur in many methods, and ToDisplayString is the costliest call in the transform.
    private readonly ConcurrentDictionary<ITypeSymbol, string> _names = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, string> _annotatedNames = new(SymbolEqualityComparer.IncludeNullability);
    private readonly ConcurrentDictionary<ITypeSymbol, ScalarSpec?> _scalars = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, EquatableArray<QueryFieldSpec>> _queryModels = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<string, string> _snakeCase = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITypeSymbol, (ReturnSpec? Spec, ITypeSymbol? JsonRoot)> _returns = new(SymbolEqualityComparer.IncludeNullability);

    private readonly ConcurrentDictionary<string, Parser.ParsedPath> _paths = new(StringComparer.Ordinal);

    /// <summary>The files reachable from each root type (<see cref="Dependencies"/>): the methods of an interface share their models.</summary>
    public ConcurrentDictionary<ITypeSymbol, ImmutableArray<string>> DependencyFiles { get; } = new(SymbolEqualityComparer.Default);
    private static readonly Parser.ParsedPath s_noTemplate = Parser.ParsePath(null);

    private static readonly Func<string, Parser.ParsedPath> s_parsePath = static template => Parser.ParsePath(template);
    private static readonly Func<string, string> s_snakeCase = static name => Parser.ToSnakeCase(name);
    private static readonly Func<ITypeSymbol, string> s_name = static type => type.ToDisplayString(Parser.TypeFormat);
    private static readonly Func<ITypeSymbol, string> s_annotatedName = static type => type.ToDisplayString(Parser.AnnotatedTypeFormat);
    private static readonly Func<ITypeSymbol, ScalarSpec?> s_scalar = static type => Parser.ToScalar(type);

    public static ParseCache For(Compilation compilation) => s_caches.GetValue(compilation, static _ => new ParseCache());

    /// <summary>The walk from one root type: every type it reaches (pooled) and the diagnostics found on the way.</summary>
    internal sealed record RootWalk(PooledWalk Walk, ImmutableArray<DiagnosticInfo> Diagnostics);

    public ConcurrentDictionary<ITypeSymbol, RootWalk> Walks(bool reportUnsupported) => reportUnsupported ? _reportingWalks : _quietWalks;

    /// <summary>The global::-qualified name, without nullable annotations (<see cref="Parser.TypeFormat"/>).</summary>
    public string Name(ITypeSymbol type) => _names.GetOrAdd(type, s_name);

    /// <summary>The global::-qualified name with nullable annotations (<see cref="Parser.AnnotatedTypeFormat"/>).</summary>
    public string AnnotatedName(ITypeSymbol type) => _annotatedNames.GetOrAdd(type, s_annotatedName);

    /// <summary>How a path, query or header value of this type is written, or null when it is not a scalar.</summary>
    public ScalarSpec? Scalar(ITypeSymbol type) => _scalars.GetOrAdd(type, s_scalar);

    /// <summary>A path template, parsed (synchronous and asynchronous forms of an endpoint share one).</summary>
    public Parser.ParsedPath Path(string? template) => template is null ? s_noTemplate : _paths.GetOrAdd(template, s_parsePath);

    /// <summary><see cref="Parser.ToSnakeCase"/> of a parameter name (the same few names recur in every interface).</summary>
    public string SnakeCase(string name) => _snakeCase.GetOrAdd(name, s_snakeCase);

    /// <summary>What a return type returns and how, and the type to walk for JSON (see <see cref="Parser.ClassifyReturn"/>).</summary>
    public (ReturnSpec? Spec, ITypeSymbol? JsonRoot) Return(ITypeSymbol returnType)
        => _returns.TryGetValue(returnType, out var found) ? found : _returns.GetOrAdd(returnType, Parser.ClassifyReturn(returnType, this));

    /// <summary>A query model's fields, when an earlier method of this compilation read them without a diagnostic.</summary>
    public bool TryGetQueryModel(ITypeSymbol type, out EquatableArray<QueryFieldSpec> fields) => _queryModels.TryGetValue(type, out fields);

    /// <summary>Remembers a query model read without a diagnostic (diagnostics name the method, so those are not shared).</summary>
    public void AddQueryModel(ITypeSymbol type, EquatableArray<QueryFieldSpec> fields) => _queryModels.TryAdd(type, fields);

    /// <summary>The interface's key, read once per compilation; its diagnostics are added to <paramref name="diagnostics"/>.</summary>
    public InterfaceKey GetInterface(INamedTypeSymbol iface, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (!_interfaces.TryGetValue(iface, out var entry))
        {
            var found = new List<DiagnosticInfo>();
            var key = Parser.ParseInterface(iface, found, cancellationToken);
            entry = _interfaces.GetOrAdd(iface, (key, found.ToImmutableArray()));
        }
        foreach (var diagnostic in entry.Diagnostics)
            diagnostics.Add(diagnostic);
        return entry.Key;
    }
}

/// <summary>The JSON roots of one method (its body and result types), each walked once per compilation.</summary>
internal sealed class TypeRoots
{
    private readonly ConcurrentDictionary<ITypeSymbol, ParseCache.RootWalk> _walks;
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
        var walker = new TypeWalker(_reportUnsupported, diagnostics, Parser.FirstLocation(_method));
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

/// <summary>A walk, and the walk alone as a method's list of walks (the common case, shared rather than rebuilt).</summary>
internal sealed class PooledWalk
{
    public PooledWalk(EquatableArray<TypeSpec> types)
    {
        Types = types;
        Alone = new EquatableArray<EquatableArray<TypeSpec>>(ImmutableArray.Create(types));
    }

    public EquatableArray<TypeSpec> Types { get; }

    public EquatableArray<EquatableArray<TypeSpec>> Alone { get; }
}

/// <summary>
/// Walks equal to one made for an earlier compilation are replaced by that earlier array, so that comparing a method's
/// result with the last run's meets the same instance (a reference check) instead of comparing every property of
/// every type. It holds values only (no symbol), and is emptied when it grows past <see cref="Capacity"/> walks: it
/// only saves work, and an empty pool costs one full comparison per walk.
/// </summary>
internal static class WalkPool
{
    private const int Capacity = 16384;
    private static readonly ConcurrentDictionary<EquatableArray<TypeSpec>, PooledWalk> s_walks = new();

    public static PooledWalk Intern(EquatableArray<TypeSpec> walk)
    {
        if (s_walks.TryGetValue(walk, out var existing))
            return existing;
        if (s_walks.Count >= Capacity)
            s_walks.Clear();
        return s_walks.GetOrAdd(walk, new PooledWalk(walk));
    }
}
