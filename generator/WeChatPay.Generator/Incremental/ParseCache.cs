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
    private readonly Func<ITypeSymbol, ScalarSpec?> _scalar;
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRef> _refs = new(SymbolEqualityComparer.IncludeNullability);
    private readonly Func<ITypeSymbol, TypeRef> _ref;

    private ParseCache(Compilation compilation)
    {
        Known = new KnownTypeSymbols(compilation);
        _scalar = type => Parser.ToScalar(type, Known);
        _ref = type => new TypeRef(Name(type), AnnotatedName(type));
    }

    public static ParseCache For(Compilation compilation) => s_caches.GetValue(compilation, static c => new ParseCache(c));

    /// <summary>The compilation's well-known types.</summary>
    public KnownTypeSymbols Known { get; }

    /// <summary>The walk from one root type: every type it reaches (pooled) and the diagnostics found on the way.</summary>
    internal sealed record RootWalk(PooledWalk Walk, ImmutableArray<DiagnosticInfo> Diagnostics);

    public ConcurrentDictionary<ITypeSymbol, RootWalk> Walks(bool reportUnsupported) => reportUnsupported ? _reportingWalks : _quietWalks;

    /// <summary>The global::-qualified name, without nullable annotations (<see cref="Parser.TypeFormat"/>).</summary>
    public string Name(ITypeSymbol type) => _names.GetOrAdd(type, s_name);

    /// <summary>The global::-qualified name with nullable annotations (<see cref="Parser.AnnotatedTypeFormat"/>).</summary>
    public string AnnotatedName(ITypeSymbol type) => _annotatedNames.GetOrAdd(type, s_annotatedName);

    /// <summary>The type as generated code names it, with and without its nullable annotations.</summary>
    public TypeRef Ref(ITypeSymbol type) => _refs.GetOrAdd(type, _ref);

    /// <summary>How a path, query or header value of this type is written, or null when it is not a scalar.</summary>
    public ScalarSpec? Scalar(ITypeSymbol type) => _scalars.GetOrAdd(type, _scalar);

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
            var key = Parser.ParseInterface(iface, Known, found, cancellationToken);
            entry = _interfaces.GetOrAdd(iface, (key, found.ToImmutableArray()));
        }
        foreach (var diagnostic in entry.Diagnostics)
            diagnostics.Add(diagnostic);
        return entry.Key;
    }
}
