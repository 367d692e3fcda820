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
/// <see cref="MethodResult"/> (spec + reachable JSON types + diagnostics); it re-runs for every method on every
/// edit, so it is kept cheap (see <see cref="Parser.ParseMethod"/>). The five streams are collected, flattened once
/// (AllMethods, compared element by element with the last run) and grouped by containing interface into one
/// <see cref="InterfaceResult"/> per interface (SelectMany), so the source output runs per interface and is skipped
/// for every interface whose spec compares equal to the last run: an edit to one method re-emits that interface's
/// file only, and an edit elsewhere re-emits nothing. Diagnostics flow in a separate output so that they never
/// disturb the cached sources.
/// </para>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WeChatPayGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name: the parsed methods of one HTTP attribute (suffixed with the method, e.g. "Methods.GET"); null for a target that is not an interface method.</summary>
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

    private static readonly string[] s_httpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var get = ParsedMethods(context, 0);
        var post = ParsedMethods(context, 1);
        var put = ParsedMethods(context, 2);
        var patch = ParsedMethods(context, 3);
        var delete = ParsedMethods(context, 4);

        // One Combine chain and one flattening Select: the five collected arrays are compared element by element once,
        // in AllMethods, instead of once per intermediate concatenation.
        var all = get.Combine(post).Combine(put).Combine(patch).Combine(delete)
            .Select(static (t, _) => Grouping.Flatten(t.Left.Left.Left.Left, t.Left.Left.Left.Right, t.Left.Left.Right, t.Left.Right, t.Right));

        var interfaces = all
            .WithTrackingName(AllMethodsStep)
            .SelectMany(static (methods, _) => Grouping.GroupByInterface(methods))
            .WithTrackingName(InterfacesStep);

        var specs = interfaces
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(InterfaceSpecsStep);
        context.RegisterSourceOutput(specs, static (spc, spec) =>
        {
            spc.AddSource(spec.HintName + ".g.cs", SourceText.From(Emitter.EmitClient(spec), System.Text.Encoding.UTF8));
            if (Emitter.EmitJson(spec) is { } json)
                spc.AddSource(spec.HintName + ".Json.g.cs", SourceText.From(json, System.Text.Encoding.UTF8));
        });

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

    /// <summary>The methods carrying one HTTP attribute, each parsed by its own transform, collected.</summary>
    private static IncrementalValueProvider<ImmutableArray<MethodResult?>> ParsedMethods(IncrementalGeneratorInitializationContext context, int attribute)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                s_attributes[attribute],
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => Parser.ParseMethod(ctx, ct))
            .WithTrackingName(MethodsStep + "." + s_httpMethods[attribute])
            .Collect();

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
