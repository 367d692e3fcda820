using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// The pipeline, wiring only.
/// <para>
/// Why this shape: the HTTP attributes sit on methods, so there is one <c>ForAttributeWithMetadataName</c> per
/// attribute (GET, POST, PUT, PATCH, DELETE). Its transform parses one method into a value-only
/// <see cref="MethodResult"/> (spec + reachable JSON types + diagnostics). The five streams are collected and
/// grouped by containing interface into one <see cref="InterfaceResult"/> per interface (SelectMany), so the
/// source output runs per interface and is skipped for every interface whose spec compares equal to the last
/// run: an edit to one method re-emits that interface's file only, and an edit elsewhere re-emits nothing.
/// Diagnostics flow in a separate output so that they never disturb the cached sources.
/// </para>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WeChatPayGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name: the parsed methods of one HTTP attribute (suffixed with the method, e.g. "Methods.GET").</summary>
    public const string MethodsStep = "Methods";

    /// <summary>Tracking name: every parsed method, collected.</summary>
    public const string AllMethodsStep = "AllMethods";

    /// <summary>Tracking name: one result per interface, after grouping.</summary>
    public const string InterfacesStep = "Interfaces";

    /// <summary>Tracking name: the spec of each interface that can be emitted.</summary>
    public const string InterfaceSpecsStep = "InterfaceSpecs";

    /// <summary>Tracking name: the diagnostics of each interface.</summary>
    public const string DiagnosticsStep = "Diagnostics";

    private static readonly string[] s_attributes =
    {
        "WeChatPay.GetAttribute",
        "WeChatPay.PostAttribute",
        "WeChatPay.PutAttribute",
        "WeChatPay.PatchAttribute",
        "WeChatPay.DeleteAttribute",
    };

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var perAttribute = new List<IncrementalValueProvider<ImmutableArray<MethodResult>>>();
        foreach (var attribute in s_attributes)
        {
            perAttribute.Add(context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                    static (ctx, ct) => Parser.ParseMethod(ctx, ct))
                .Where(static result => result is not null)
                .Select(static (result, _) => result!)
                .WithTrackingName(MethodsStep + "." + attribute.Substring(10, attribute.Length - 19).ToUpperInvariant())
                .Collect());
        }

        var all = perAttribute[0].Select(static (methods, _) => methods.ToEquatableArray());
        for (var i = 1; i < perAttribute.Count; i++)
        {
            all = all.Combine(perAttribute[i])
                .Select(static (pair, _) => pair.Left.Concat(pair.Right).ToEquatableArray());
        }

        var interfaces = all
            .WithTrackingName(AllMethodsStep)
            .SelectMany(static (methods, _) => Grouping.GroupByInterface(methods))
            .WithTrackingName(InterfacesStep);

        var specs = interfaces
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(InterfaceSpecsStep);
        context.RegisterSourceOutput(specs, static (spc, spec) => spc.AddSource(spec.HintName, SourceText.From(Emitter.Emit(spec), System.Text.Encoding.UTF8)));

        var diagnostics = interfaces
            .Select(static (result, _) => result.Diagnostics)
            .Where(static d => !d.IsEmpty)
            .WithTrackingName(DiagnosticsStep);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var info in list)
                spc.ReportDiagnostic(ToDiagnostic(info));
        });
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.ById[info.Id];
        var location = info.FilePath.Length == 0
            ? Location.None
            : Location.Create(info.FilePath, new TextSpan(info.SpanStart, info.SpanLength),
                new LinePositionSpan(new LinePosition(info.StartLine, info.StartCharacter), new LinePosition(info.EndLine, info.EndCharacter)));
        return Diagnostic.Create(descriptor, location, info.MessageArgs.Select(a => (object)a).ToArray());
    }
}

/// <summary>Pure helpers of the pipeline: grouping parsed methods by their interface.</summary>
internal static class Grouping
{
    public static ImmutableArray<InterfaceResult> GroupByInterface(EquatableArray<MethodResult> methods)
    {
        var results = ImmutableArray.CreateBuilder<InterfaceResult>();
        foreach (var group in methods.GroupBy(m => m.Interface.FullyQualifiedName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var key = group.First().Interface;
            var diagnostics = group.SelectMany(m => m.Diagnostics).Distinct()
                .OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.SpanStart).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            InterfaceSpec? spec = null;
            if (key.IsValid && group.All(m => m.Method is not null))
            {
                var methodSpecs = group.Select(m => m.Method!).OrderBy(m => m.SortKey, StringComparer.Ordinal).ToEquatableArray();
                var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
                foreach (var type in group.SelectMany(m => m.Types))
                {
                    if (!types.ContainsKey(type.Name))
                        types.Add(type.Name, type);
                }
                spec = new InterfaceSpec(
                    key.Namespace,
                    key.Name,
                    key.FullyQualifiedName,
                    (key.Namespace.Length == 0 ? "" : key.Namespace + ".") + key.Name + ".g.cs",
                    key.UserJsonContext,
                    methodSpecs,
                    types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray());
            }
            results.Add(new InterfaceResult(spec, diagnostics));
        }
        return results.ToImmutable();
    }
}
