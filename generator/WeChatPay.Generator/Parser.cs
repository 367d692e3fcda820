using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Symbols → specs. Runs inside the per-method transform of the pipeline and returns only values: no symbol,
/// syntax node, location or compilation leaves this class.
/// </summary>
internal static partial class Parser
{
    internal static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    internal static readonly SymbolDisplayFormat AnnotatedTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private const string JsonContextAttributeName = "WeChatPay.WeChatPayJsonContextAttribute";

    /// <summary>Parses one method carrying an HTTP attribute (the transform of ForAttributeWithMetadataName).</summary>
    public static MethodResult? ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || method.ContainingType is not { TypeKind: TypeKind.Interface } iface)
            return null;
        var diagnostics = new List<DiagnosticInfo>();
        var cache = ParseCache.For(context.SemanticModel.Compilation);
        var key = cache.GetInterface(iface, diagnostics, (symbol, found) => ParseInterface(symbol, found, cancellationToken));
        if (!key.IsValid)
            return new MethodResult(key, null, EquatableArray<TypeSpec>.Empty, diagnostics.ToEquatableArray());

        var attribute = context.Attributes[0];
        var httpMethod = ToHttpMethod(attribute.AttributeClass?.Name);
        var methodLocation = (context.TargetNode as MethodDeclarationSyntax)?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault();
        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? methodLocation;
        var methodName = iface.Name + "." + method.Name;

        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GenericMethod, methodLocation, methodName));
            return new MethodResult(key, null, EquatableArray<TypeSpec>.Empty, diagnostics.ToEquatableArray());
        }

        var template = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var pathError = TryParsePath(template, out var pathParts);
        if (pathError is not null)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidPath, attributeLocation, template ?? "", methodName, pathError));
            return new MethodResult(key, null, EquatableArray<TypeSpec>.Empty, diagnostics.ToEquatableArray());
        }

        var walker = new TypeRoots(cache, reportUnsupported: key.UserJsonContext is null, diagnostics, methodLocation);
        var placeholders = pathParts.Where(p => p.IsPlaceholder).Select(p => p.Text).ToList();
        var valid = true;
        foreach (var duplicate in placeholders.GroupBy(p => p, System.StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.DuplicatePlaceholder, attributeLocation, duplicate.Key, methodName));
            valid = false;
        }

        var parameters = ParseParameters(method, methodName, httpMethod, placeholders, attributeLocation, walker, diagnostics, ref valid);
        var returnSpec = ParseReturn(method, methodName, methodLocation, walker, diagnostics, ref valid);
        cancellationToken.ThrowIfCancellationRequested();

        var types = walker.Build();
        if (!valid || diagnostics.Count > 0)
            return new MethodResult(key, null, types, diagnostics.ToEquatableArray());

        var sortKey = method.Name + "(" + string.Join(",", parameters.Select(p => p.TypeDisplay)) + ")";
        var spec = new MethodSpec(method.Name, httpMethod, pathParts.ToEquatableArray(), parameters.ToEquatableArray(), returnSpec!, sortKey);
        return new MethodResult(key, spec, types, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static InterfaceKey ParseInterface(INamedTypeSymbol iface, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var ns = iface.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        var fullName = iface.ToDisplayString(TypeFormat);
        var isPartial = false;
        Location? location = null;
        foreach (var reference in iface.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is InterfaceDeclarationSyntax declaration)
            {
                location ??= declaration.Identifier.GetLocation();
                if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    isPartial = true;
            }
        }
        if (!isPartial || iface.ContainingType is not null || iface.IsGenericType)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.InterfaceNotPartial, location, iface.Name));
            return new InterfaceKey(ns, iface.Name, fullName, null, IsValid: false);
        }

        var valid = true;
        foreach (var member in iface.GetMembers())
        {
            if (!member.IsAbstract || member.IsStatic || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary })
                continue;
            if (member is IMethodSymbol && member.GetAttributes().Any(a => a.AttributeClass?.BaseType is { Name: "WeChatPayMethodAttribute" }))
                continue;
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MemberWithoutEndpoint, member.Locations.FirstOrDefault(l => l.IsInSource), member.Name, iface.Name));
            valid = false;
        }
        if (!valid)
            return new InterfaceKey(ns, iface.Name, fullName, null, IsValid: false);

        string? userContext = null;
        foreach (var attribute in iface.GetAttributes())
        {
            if (!HasFullName(attribute.AttributeClass, JsonContextAttributeName))
                continue;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol contextType)
            {
                if (!DerivesFrom(contextType, "System.Text.Json.Serialization.JsonSerializerContext"))
                {
                    var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidJsonContext, attributeLocation, contextType.ToDisplayString(), iface.Name));
                    return new InterfaceKey(ns, iface.Name, fullName, null, IsValid: false);
                }
                userContext = contextType.ToDisplayString(TypeFormat);
            }
        }
        return new InterfaceKey(ns, iface.Name, fullName, userContext, IsValid: true);
    }

    private static string ToHttpMethod(string? attributeName) => attributeName switch
    {
        "GetAttribute" => "GET",
        "PostAttribute" => "POST",
        "PutAttribute" => "PUT",
        "PatchAttribute" => "PATCH",
        _ => "DELETE",
    };

    internal static bool DerivesFrom(ITypeSymbol type, string baseTypeName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (HasFullName(current, baseTypeName))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="symbol"/> is named <paramref name="fullName"/> (as ToDisplayString writes it). The simple
    /// name is compared first: most checks fail there, without building a display string (this runs on every edit).
    /// </summary>
    internal static bool HasFullName(ISymbol? symbol, string fullName)
    {
        if (symbol is null)
            return false;
        var end = fullName.IndexOf('<');
        if (end < 0)
            end = fullName.Length;
        var start = fullName.LastIndexOf('.', end - 1) + 1;
        var name = symbol.Name;
        if (name.Length != end - start || string.CompareOrdinal(name, 0, fullName, start, name.Length) != 0)
            return false;
        return symbol.ToDisplayString() == fullName;
    }

    internal static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, Location? location, params string[] args)
    {
        if (location is null || location.SourceTree is null)
            return new DiagnosticInfo(descriptor.Id, "", 0, 0, 0, 0, 0, 0, args.ToEquatableArray());
        var span = location.SourceSpan;
        var lines = location.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            location.SourceTree.FilePath,
            span.Start,
            span.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character,
            args.ToEquatableArray());
    }
}
