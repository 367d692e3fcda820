using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Binding parameters to the path, the query, the body, headers and the cancellation token.</summary>
internal static partial class Parser
{
    // Simple names: the namespace (WeChatPay) is checked before the switch.
    private const string PathAttributeName = "PathAttribute";
    private const string QueryAttributeName = "QueryAttribute";
    private const string BodyAttributeName = "BodyAttribute";
    private const string HeaderAttributeName = "HeaderAttribute";

    private static ImmutableArray<ParameterSpec>.Builder ParseParameters(
        IMethodSymbol method,
        MethodName methodName,
        string httpMethod,
        ImmutableArray<string> placeholders,
        AttributeData attribute,
        ParseCache cache,
        TypeRoots walker,
        List<DiagnosticInfo> diagnostics,
        ref bool valid,
        System.Threading.CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
        var bound = placeholders.IsEmpty ? System.Array.Empty<bool>() : new bool[placeholders.Length];
        IParameterSymbol? firstBody = null, secondBody = null;
        var allowsBody = httpMethod is "POST" or "PUT" or "PATCH";

        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type;
            var display = cache.AnnotatedName(type);
            var isNullable = type.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValueType(type);
            var scalar = cache.Scalar(type);

            if (HasFullName(type, "System.Threading.CancellationToken"))
            {
                result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.CancellationToken, "", null, EquatableArray<QueryFieldSpec>.Empty, false, null));
                continue;
            }

            string? pathName = null, queryName = null, headerName = null;
            bool hasQuery = false, hasBody = false;
            foreach (var parameterAttribute in parameter.GetAttributes())
            {
                var attributeClass = parameterAttribute.AttributeClass;
                if (attributeClass?.ContainingNamespace is not { Name: "WeChatPay", ContainingNamespace.IsGlobalNamespace: true })
                    continue;
                switch (attributeClass.Name)
                {
                    case PathAttributeName:
                        pathName = parameterAttribute.ConstructorArguments.FirstOrDefault().Value as string ?? parameter.Name;
                        break;
                    case QueryAttributeName:
                        hasQuery = true;
                        queryName = parameterAttribute.ConstructorArguments.FirstOrDefault().Value as string;
                        break;
                    case BodyAttributeName:
                        hasBody = true;
                        break;
                    case HeaderAttributeName:
                        headerName = parameterAttribute.ConstructorArguments.FirstOrDefault().Value as string;
                        break;
                }
            }

            // 1. Explicit path binding, or a parameter named like a placeholder (stockId ↔ stock_id).
            if (pathName is null && !hasQuery && !hasBody && headerName is null && !placeholders.IsEmpty)
            {
                var snake = cache.SnakeCase(parameter.Name);
                foreach (var placeholder in placeholders)
                {
                    if (placeholder == parameter.Name || placeholder == snake)
                    {
                        pathName = placeholder;
                        break;
                    }
                }
            }
            if (pathName is not null)
            {
                var placeholderIndex = placeholders.IndexOf(pathName);
                if (placeholderIndex < 0)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.ParameterBoundToNothing, FirstLocation(parameter), parameter.Name, methodName.Text,
                        $"the path has no placeholder '{{{pathName}}}'; fix the name in [Path] or add the placeholder to the path"));
                    valid = false;
                    continue;
                }
                if (scalar is null)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedParameterType, FirstLocation(parameter), parameter.Name, methodName.Text, display, "path"));
                    valid = false;
                    continue;
                }
                bound[placeholderIndex] = true;
                result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.Path, pathName, scalar, EquatableArray<QueryFieldSpec>.Empty, isNullable, null));
                continue;
            }

            // 2. Headers.
            if (headerName is not null)
            {
                if (scalar is null)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedParameterType, FirstLocation(parameter), parameter.Name, methodName.Text, display, "header"));
                    valid = false;
                    continue;
                }
                result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.Header, headerName, scalar, EquatableArray<QueryFieldSpec>.Empty, isNullable, null));
                continue;
            }

            // 3. Bodies: [Body], or on POST/PUT/PATCH the remaining complex parameter.
            if (hasBody || (!hasQuery && allowsBody && scalar is null))
            {
                if (!allowsBody)
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.BodyOnGetOrDelete, FirstLocation(parameter), httpMethod, methodName.Text, parameter.Name));
                    valid = false;
                    continue;
                }
                if (firstBody is null)
                    firstBody = parameter;
                else
                    secondBody ??= parameter;
                walker.Visit(type, parameter, parameter.Name);
                result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.Body, "", null, EquatableArray<QueryFieldSpec>.Empty, isNullable, cache.Name(type)));
                continue;
            }

            // 4. The query: explicit [Query], or any other parameter on GET/DELETE.
            if (hasQuery || !allowsBody)
            {
                var wireName = queryName ?? cache.SnakeCase(parameter.Name);
                if (scalar is not null)
                {
                    result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.Query, wireName, scalar, EquatableArray<QueryFieldSpec>.Empty, isNullable, null));
                    continue;
                }
                if (ParseQueryModel(type, parameter, methodName, cache, diagnostics, ref valid) is { } fields)
                    result.Add(new ParameterSpec(parameter.Name, display, ParameterRole.QueryModel, wireName, null, fields, isNullable, null));
                continue;
            }

            diagnostics.Add(Diagnostic(DiagnosticDescriptors.ParameterBoundToNothing, FirstLocation(parameter), parameter.Name, methodName.Text,
                $"a {httpMethod} request sends scalars only in its path, query or headers; mark it [Query], [Header(\"name\")] or [Path(\"name\")], or move it into the body model"));
            valid = false;
        }

        if (secondBody is not null)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.TwoBodies, secondBody.Locations.FirstOrDefault(), methodName.Text, firstBody!.Name, secondBody.Name));
            valid = false;
        }

        for (var i = 0; i < placeholders.Length; i++)
        {
            // A repeated name counts as bound when any of its occurrences is (binding uses the first).
            var placeholder = placeholders[i];
            var first = placeholders.IndexOf(placeholder);
            if (first == i && !bound[first])
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.PlaceholderWithoutParameter, AttributeLocation(attribute, method, cancellationToken), placeholder, methodName.Text));
                valid = false;
            }
        }
        return result;
    }

    private static EquatableArray<QueryFieldSpec>? ParseQueryModel(ITypeSymbol type, IParameterSymbol parameter, MethodName methodName, ParseCache cache, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        if (cache.TryGetQueryModel(type, out var cached))
            return cached;
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class || named.SpecialType != SpecialType.None)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedParameterType, parameter.Locations.FirstOrDefault(), parameter.Name, methodName.Text, type.ToDisplayString(), "query"));
            valid = false;
            return null;
        }
        var fields = new List<QueryFieldSpec>();
        var clean = true;
        foreach (var property in TypeWalker.GetSerializableProperties(named))
        {
            if (TypeWalker.ReadIgnoreCondition(property) == "Always")
                continue;
            if (TypeWalker.IsSensitive(property))
            {
                clean = false;
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.SensitiveInQuery, property.Locations.FirstOrDefault() ?? parameter.Locations.FirstOrDefault(),
                    named.Name + "." + property.Name, methodName.Text));
                valid = false;
                continue;
            }
            var scalar = cache.Scalar(property.Type);
            if (scalar is null)
            {
                clean = false;
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedParameterType, property.Locations.FirstOrDefault() ?? parameter.Locations.FirstOrDefault(),
                    named.Name + "." + property.Name, methodName.Text, property.Type.ToDisplayString(), "query"));
                valid = false;
                continue;
            }
            var nullable = property.Type.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValueType(property.Type) || !property.Type.IsValueType;
            fields.Add(new QueryFieldSpec(property.Name, TypeWalker.ReadJsonName(property), scalar, nullable));
        }
        var result = fields.ToEquatableArray();
        if (clean)
            cache.AddQueryModel(type, result);
        return result;
    }

    internal static bool IsNullableValueType(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary>Classifies a path, query or header value; null when it is not a scalar.</summary>
    internal static ScalarSpec? ToScalar(ITypeSymbol type)
    {
        var nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }
        ScalarKind kind;
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                kind = ScalarKind.String;
                break;
            case SpecialType.System_Boolean:
                kind = ScalarKind.Boolean;
                break;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                kind = ScalarKind.Formattable;
                break;
            case SpecialType.System_DateTime:
                kind = ScalarKind.DateTime;
                break;
            default:
                if (type.TypeKind == TypeKind.Enum)
                {
                    return new ScalarSpec(ScalarKind.Enum, type.ToDisplayString(TypeFormat), nullableValue, TypeWalker.ReadEnumMembers((INamedTypeSymbol)type));
                }
                switch (type.Name is "Guid" or "DateTimeOffset" ? type.ToDisplayString() : "")
                {
                    case "System.Guid":
                        kind = ScalarKind.Formattable;
                        break;
                    case "System.DateTimeOffset":
                        kind = ScalarKind.DateTimeOffset;
                        break;
                    default:
                        return null;
                }
                break;
        }
        return new ScalarSpec(kind, type.ToDisplayString(TypeFormat), nullableValue, EquatableArray<EnumMemberSpec>.Empty);
    }
}
