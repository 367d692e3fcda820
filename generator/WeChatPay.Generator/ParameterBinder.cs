using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Binds one method's parameters to the path, the query, the body, headers and the cancellation token, in this order:
/// an explicit attribute wins; else a parameter named like a placeholder fills it; else on POST/PUT/PATCH the complex
/// parameter is the body; else a scalar goes to the query. The parameter's name never makes it the body.
/// <see cref="Valid"/> turns false on the first diagnostic; binding goes on, so that one build reports them all.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly IMethodSymbol _method;
    private readonly Parser.MethodName _methodName;
    private readonly string _httpMethod;
    private readonly bool _allowsBody;
    private readonly ImmutableArray<string> _placeholders;
    private readonly bool[] _bound;
    private readonly AttributeData _attribute;
    private readonly ParseCache _cache;
    private readonly KnownTypeSymbols _known;
    private readonly TypeRoots _walker;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<ParameterSpec>.Builder _result;
    private IParameterSymbol? _firstBody, _secondBody;

    public ParameterBinder(IMethodSymbol method, Parser.MethodName methodName, string httpMethod, ImmutableArray<string> placeholders,
        AttributeData attribute, ParseCache cache, TypeRoots walker, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _method = method;
        _methodName = methodName;
        _httpMethod = httpMethod;
        _allowsBody = httpMethod is "POST" or "PUT" or "PATCH";
        _placeholders = placeholders;
        _bound = placeholders.IsEmpty ? System.Array.Empty<bool>() : new bool[placeholders.Length];
        _attribute = attribute;
        _cache = cache;
        _known = cache.Known;
        _walker = walker;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _result = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
    }

    /// <summary>False once a parameter could not be bound.</summary>
    public bool Valid { get; private set; } = true;

    /// <summary>Binds every parameter, in declaration order, then checks that one body at most was found and every placeholder was filled.</summary>
    public EquatableArray<ParameterSpec> Bind()
    {
        foreach (var parameter in _method.Parameters)
            BindParameter(parameter);
        CheckOneBody();
        CheckEveryPlaceholderBound();
        return new(_result.Count == _result.Capacity ? _result.MoveToImmutable() : _result.ToImmutable());
    }

    /// <summary>What a parameter's own attributes ask for.</summary>
    private readonly struct Binding
    {
        public string? PathName { get; init; }
        public bool HasQuery { get; init; }
        public string? QueryName { get; init; }
        public bool HasBody { get; init; }
        public string? HeaderName { get; init; }

        public bool IsExplicit => PathName is not null || HasQuery || HasBody || HeaderName is not null;
    }

    private void BindParameter(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (KnownTypeSymbols.Is(type, _known.CancellationToken))
        {
            Add(parameter, ParameterRole.CancellationToken, "", null);
            return;
        }
        var binding = ReadAttributes(parameter);
        var scalar = _cache.Scalar(type);

        var pathName = binding.PathName ?? (binding.IsExplicit ? null : PlaceholderNamed(parameter.Name));
        if (pathName is not null)
            BindPath(parameter, pathName, scalar);
        else if (binding.HeaderName is not null)
            BindHeader(parameter, binding.HeaderName, scalar);
        else if (binding.HasBody || (!binding.HasQuery && _allowsBody && scalar is null))
            BindBody(parameter);
        else if (binding.HasQuery || !_allowsBody)
            BindQuery(parameter, binding, scalar);
        else
            Report(DiagnosticDescriptors.ParameterBoundToNothing, parameter, parameter.Name, _methodName.Text,
                $"a {_httpMethod} request sends scalars only in its path, query or headers; mark it [Query], [Header(\"name\")] or [Path(\"name\")], or move it into the body model");
    }

    private Binding ReadAttributes(IParameterSymbol parameter)
    {
        var binding = new Binding();
        foreach (var attribute in parameter.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            var argument = attribute.ConstructorArguments.FirstOrDefault().Value as string;
            if (KnownTypeSymbols.Is(attributeClass, _known.PathAttribute))
                binding = binding with { PathName = argument ?? parameter.Name };
            else if (KnownTypeSymbols.Is(attributeClass, _known.QueryAttribute))
                binding = binding with { HasQuery = true, QueryName = argument };
            else if (KnownTypeSymbols.Is(attributeClass, _known.BodyAttribute))
                binding = binding with { HasBody = true };
            else if (KnownTypeSymbols.Is(attributeClass, _known.HeaderAttribute))
                binding = binding with { HeaderName = argument };
        }
        return binding;
    }

    /// <summary>The placeholder a parameter fills by its name (<c>stockId</c> or <c>stock_id</c> for <c>{stock_id}</c>), or null.</summary>
    private string? PlaceholderNamed(string name)
    {
        if (_placeholders.IsEmpty)
            return null;
        var snake = _cache.SnakeCase(name);
        foreach (var placeholder in _placeholders)
        {
            if (placeholder == name || placeholder == snake)
                return placeholder;
        }
        return null;
    }

    private void BindPath(IParameterSymbol parameter, string pathName, ScalarSpec? scalar)
    {
        var index = _placeholders.IndexOf(pathName);
        if (index < 0)
        {
            Report(DiagnosticDescriptors.ParameterBoundToNothing, parameter, parameter.Name, _methodName.Text,
                $"the path has no placeholder '{{{pathName}}}'; fix the name in [Path] or add the placeholder to the path");
            return;
        }
        if (scalar is null)
        {
            Report(DiagnosticDescriptors.UnsupportedParameterType, parameter, parameter.Name, _methodName.Text, _cache.AnnotatedName(parameter.Type), "path");
            return;
        }
        _bound[index] = true;
        Add(parameter, ParameterRole.Path, pathName, scalar);
    }

    private void BindHeader(IParameterSymbol parameter, string headerName, ScalarSpec? scalar)
    {
        if (scalar is null)
        {
            Report(DiagnosticDescriptors.UnsupportedParameterType, parameter, parameter.Name, _methodName.Text, _cache.AnnotatedName(parameter.Type), "header");
            return;
        }
        Add(parameter, ParameterRole.Header, headerName, scalar);
    }

    private void BindBody(IParameterSymbol parameter)
    {
        if (!_allowsBody)
        {
            Report(DiagnosticDescriptors.BodyOnGetOrDelete, parameter, _httpMethod, _methodName.Text, parameter.Name);
            return;
        }
        if (_firstBody is null)
            _firstBody = parameter;
        else
            _secondBody ??= parameter;
        _walker.Visit(parameter.Type, parameter, parameter.Name);
        Add(parameter, ParameterRole.Body, "", null);
    }

    private void BindQuery(IParameterSymbol parameter, Binding binding, ScalarSpec? scalar)
    {
        var wireName = binding.QueryName ?? _cache.SnakeCase(parameter.Name);
        if (scalar is not null)
        {
            Add(parameter, ParameterRole.Query, wireName, scalar);
            return;
        }
        // A model is flattened into the query only when asked: a GET or DELETE has no body to put it in.
        if (!binding.HasQuery && IsQueryModel(parameter.Type))
        {
            Report(DiagnosticDescriptors.ComplexParameterWithoutQuery, parameter, parameter.Name, _httpMethod, _methodName.Text, parameter.Type.ToDisplayString());
            return;
        }
        if (ReadQueryModel(parameter) is { } fields)
            Add(parameter, ParameterRole.QueryModel, wireName, null, fields);
    }

    /// <summary>A [Query] model's properties, by JSON name; null (after diagnostics) when one cannot go in a query.</summary>
    private EquatableArray<QueryFieldSpec>? ReadQueryModel(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (_cache.TryGetQueryModel(type, out var cached))
            return cached;
        if (!IsQueryModel(type))
        {
            Report(DiagnosticDescriptors.UnsupportedParameterType, parameter, parameter.Name, _methodName.Text, type.ToDisplayString(), "query");
            return null;
        }
        var fields = new List<QueryFieldSpec>();
        var clean = true;
        var named = (INamedTypeSymbol)type;
        foreach (var property in TypeWalker.GetSerializableProperties(named))
        {
            if (TypeWalker.ReadIgnoreCondition(property, _known) == "Always")
                continue;
            var location = property.Locations.FirstOrDefault() ?? parameter.Locations.FirstOrDefault();
            if (TypeWalker.IsSensitive(property, _known))
            {
                clean = false;
                Report(DiagnosticDescriptors.SensitiveInQuery, location, named.Name + "." + property.Name, _methodName.Text);
                continue;
            }
            var scalar = _cache.Scalar(property.Type);
            if (scalar is null)
            {
                clean = false;
                Report(DiagnosticDescriptors.UnsupportedParameterType, location, named.Name + "." + property.Name, _methodName.Text, property.Type.ToDisplayString(), "query");
                continue;
            }
            var nullable = property.Type.NullableAnnotation == NullableAnnotation.Annotated || Parser.IsNullableValueType(property.Type) || !property.Type.IsValueType;
            fields.Add(new QueryFieldSpec(property.Name, TypeWalker.ReadJsonName(property, _known), scalar, nullable));
        }
        var result = fields.ToEquatableArray();
        if (clean)
            _cache.AddQueryModel(type, result);
        return result;
    }

    /// <summary>Whether a type can be flattened into the query: a class that is not a string or a collection.</summary>
    private static bool IsQueryModel(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named && !TypeWalker.IsCollectionLike(named);

    private void CheckOneBody()
    {
        if (_secondBody is not null)
            Report(DiagnosticDescriptors.TwoBodies, _secondBody, _methodName.Text, _firstBody!.Name, _secondBody.Name);
    }

    private void CheckEveryPlaceholderBound()
    {
        for (var i = 0; i < _placeholders.Length; i++)
        {
            // A repeated name counts as bound when any of its occurrences is (binding uses the first).
            var placeholder = _placeholders[i];
            var first = _placeholders.IndexOf(placeholder);
            if (first == i && !_bound[first])
            {
                Report(DiagnosticDescriptors.PlaceholderWithoutParameter, Parser.AttributeLocation(_attribute, _method, _cancellationToken), placeholder, _methodName.Text);
            }
        }
    }

    private void Add(IParameterSymbol parameter, ParameterRole role, string wireName, ScalarSpec? scalar, EquatableArray<QueryFieldSpec> queryFields = default)
    {
        var type = parameter.Type;
        var isNullable = role != ParameterRole.CancellationToken
            && (type.NullableAnnotation == NullableAnnotation.Annotated || Parser.IsNullableValueType(type));
        _result.Add(new ParameterSpec(parameter.Name, _cache.Ref(type), role, wireName, scalar,
            queryFields.IsEmpty ? EquatableArray<QueryFieldSpec>.Empty : queryFields, isNullable));
    }

    private void Report(DiagnosticDescriptor descriptor, IParameterSymbol parameter, params string[] args)
        => Report(descriptor, Parser.FirstLocation(parameter), args);

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] args)
    {
        _diagnostics.Add(Parser.Diagnostic(descriptor, location, args));
        Valid = false;
    }
}
