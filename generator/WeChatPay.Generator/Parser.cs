using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WeChatPay.Generator.Incremental;
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

    /// <summary>Parses one method carrying an HTTP attribute (the transform of ForAttributeWithMetadataName).</summary>
    /// <remarks>
    /// This runs for every attributed method on every edit. After an edit that cannot have changed what the method
    /// reads, its last result is reused (<see cref="MethodReuse"/>). Otherwise it allocates little: locations are made only for a
    /// diagnostic, display strings and scalar shapes come from the compilation's <see cref="ParseCache"/>, and so do
    /// the walks of the body and result types.
    /// </remarks>
    public static MethodResult? ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // An edit that cannot have changed what this method reads hands back its last result unread (MethodReuse).
        var epoch = DeclarationEpoch.Of(context.SemanticModel.Compilation);
        var tree = context.TargetNode.SyntaxTree;
        var position = context.TargetNode.SpanStart;
        var attribute = context.Attributes[0].AttributeClass?.Name;
        if (MethodReuse.Find(tree, position, attribute, epoch) is { } reused)
            return reused;
        var result = Parse(context, cancellationToken);
        if (result is { Diagnostics.IsEmpty: true } && context.TargetSymbol is IMethodSymbol method)
            MethodReuse.Keep(tree, position, attribute, epoch, result, Dependencies.Of(method, ParseCache.For(context.SemanticModel.Compilation)));
        return result;
    }

    private static MethodResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || method.ContainingType is not { TypeKind: TypeKind.Interface } iface)
            return null;
        var diagnostics = new List<DiagnosticInfo>();
        var cache = ParseCache.For(context.SemanticModel.Compilation);
        // An invalid interface is still read method by method, so that one build reports every problem of the file;
        // grouping emits nothing for it.
        var key = cache.GetInterface(iface, diagnostics, cancellationToken);

        var attribute = context.Attributes[0];
        var httpMethod = ToHttpMethod(attribute.AttributeClass?.Name);
        var methodName = new MethodName(iface, method);

        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GenericMethod, FirstLocation(method), methodName.Text));
            return new MethodResult(key, null, EquatableArray<EquatableArray<TypeSpec>>.Empty, diagnostics.ToEquatableArray());
        }

        var template = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var path = cache.Path(template);
        if (path.Error is not null)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidPath, AttributeLocation(attribute, method, cancellationToken), template ?? "", methodName.Text, path.Error));
            return new MethodResult(key, null, EquatableArray<EquatableArray<TypeSpec>>.Empty, diagnostics.ToEquatableArray());
        }

        var walker = new TypeRoots(cache, reportUnsupported: key.UserJsonContext is null, diagnostics, method);
        var placeholders = path.Placeholders;
        var valid = true;
        for (var i = 0; i < placeholders.Length; i++)
        {
            // Reported once per repeated name, in the order of first appearance.
            if (i + 1 < placeholders.Length && placeholders.IndexOf(placeholders[i]) == i && placeholders.IndexOf(placeholders[i], i + 1) > i)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.DuplicatePlaceholder, AttributeLocation(attribute, method, cancellationToken), placeholders[i], methodName.Text));
                valid = false;
            }
        }

        var binder = new ParameterBinder(method, methodName, httpMethod, placeholders, attribute, cache, walker, diagnostics, cancellationToken);
        var parameters = binder.Bind();
        valid &= binder.Valid;
        var returnSpec = ParseReturn(method, methodName, cache, walker, diagnostics, ref valid);
        var paging = returnSpec is { Shape: ResultShape.Items } && binder.Valid
            ? ParsePaging(method, methodName, httpMethod, key, parameters, cache, diagnostics, ref valid)
            : null;
        if (returnSpec is not null && returnSpec.Shape != ResultShape.Items && HasPagedAttribute(method, cache.Known))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.WrongPagedShape, FirstLocation(method), methodName.Text,
                $"it is marked [Paged] but returns {method.ReturnType.ToDisplayString()}; a paged method returns IAsyncEnumerable<T>"));
            valid = false;
        }
        cancellationToken.ThrowIfCancellationRequested();

        var types = walker.Build();
        if (!valid || diagnostics.Count > 0)
            return new MethodResult(key, null, types, diagnostics.ToEquatableArray());

        var spec = new MethodSpec(method.Name, httpMethod, path.Parts, parameters, returnSpec!, paging);
        return new MethodResult(key, spec, types, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Where the HTTP attribute is written, for a diagnostic about its path (made only when one is reported).</summary>
    internal static Location? AttributeLocation(AttributeData attribute, IMethodSymbol method, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? FirstLocation(method);

    /// <summary>Where a symbol is declared, for a diagnostic (asked only when one is reported: the array is built on each call).</summary>
    internal static Location? FirstLocation(ISymbol? symbol) => symbol?.Locations.FirstOrDefault();

    /// <summary>"IBusifavorApi.UploadAsync", built only when a diagnostic names the method.</summary>
    internal readonly struct MethodName
    {
        private readonly INamedTypeSymbol _interface;
        private readonly IMethodSymbol _method;

        public MethodName(INamedTypeSymbol @interface, IMethodSymbol method)
        {
            _interface = @interface;
            _method = method;
        }

        public string Text => _interface.Name + "." + _method.Name;
    }

    internal static InterfaceKey ParseInterface(INamedTypeSymbol iface, KnownTypeSymbols known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
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
        // Every check runs, so that one build reports them all; any of them leaves the interface unemitted.
        var valid = true;
        if (!isPartial || iface.ContainingType is not null || iface.IsGenericType)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.InterfaceNotPartial, location, iface.Name));
            valid = false;
        }

        foreach (var member in iface.GetMembers())
        {
            if (!member.IsAbstract || member.IsStatic || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary })
                continue;
            if (member is IMethodSymbol && member.GetAttributes().Any(a => KnownTypeSymbols.Is(a.AttributeClass?.BaseType, known.MethodAttribute)))
                continue;
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MemberWithoutEndpoint, member.Locations.FirstOrDefault(l => l.IsInSource), member.Name, iface.Name));
            valid = false;
        }

        // An invalid context still counts as the user's: the methods are read as over a context of their own (no WCP0010).
        string? userContext = null;
        foreach (var attribute in iface.GetAttributes())
        {
            if (!KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonContextAttribute))
                continue;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol contextType)
            {
                if (!KnownTypeSymbols.DerivesFrom(contextType, known.JsonSerializerContext))
                {
                    var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidJsonContext, attributeLocation, contextType.ToDisplayString(), iface.Name));
                    valid = false;
                }
                userContext = contextType.ToDisplayString(TypeFormat);
            }
        }
        return new InterfaceKey(ns, iface.Name, fullName, userContext, valid);
    }

    private static string ToHttpMethod(string? attributeName) => attributeName switch
    {
        "GetAttribute" => "GET",
        "PostAttribute" => "POST",
        "PutAttribute" => "PUT",
        "PatchAttribute" => "PATCH",
        _ => "DELETE",
    };

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
