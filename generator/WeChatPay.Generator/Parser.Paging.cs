using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Paged methods: <c>IAsyncEnumerable&lt;TItem&gt;</c> on a GET that answers WeChat Pay's pages. Finds the mode
/// ([Paged]), the offset and limit (a [Query] model's properties or plain parameters, by their query keys), and
/// checks that TItem's metadata can be had: the runtime reads each page's envelope, so only TItem is needed.
/// </summary>
internal static partial class Parser
{
    private const string OffsetKey = "offset";
    private const string LimitKey = "limit";

    private static PagingSpec? ParsePaging(IMethodSymbol method, MethodName methodName, string httpMethod, InterfaceKey key,
        EquatableArray<ParameterSpec> parameters, ParseCache cache, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        var problems = new List<string>();
        if (httpMethod != "GET")
            problems.Add($"it is a {httpMethod}, and WeChat Pay's pages are read with GET");
        var mode = PageMode(method, cache.Known, problems);
        var offset = FindPageField(parameters, OffsetKey, problems);
        var limit = FindPageField(parameters, LimitKey, problems);
        var item = ((INamedTypeSymbol)method.ReturnType).TypeArguments[0];
        if (key.UserJsonContext is not null && UserContext(method.ContainingType, cache.Known) is { } context
            && !Lists(context, item, cache.Known))
        {
            problems.Add($"its item type '{item.ToDisplayString()}' is not named by a [JsonSerializable] of the interface's JSON context '{context.ToDisplayString()}', "
                + $"which reads each page's items; add [JsonSerializable(typeof({item.ToDisplayString()}))] to it");
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.WrongPagedShape, FirstLocation(method), methodName.Text, problem));
            valid = false;
            return null;
        }
        return new PagingSpec(mode, offset!, limit!);
    }

    /// <summary>The method's [Paged] mode, Offset without one; a value the runtime does not know is a problem.</summary>
    private static PagingMode PageMode(IMethodSymbol method, KnownTypeSymbols known, List<string> problems)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (!KnownTypeSymbols.Is(attribute.AttributeClass, known.PagedAttribute) || attribute.ConstructorArguments.Length != 1)
                continue;
            if (attribute.ConstructorArguments[0].Value is int value && value is (int)PagingMode.Offset or (int)PagingMode.PageNumber)
                return (PagingMode)value;
            problems.Add($"its [Paged] mode {attribute.ConstructorArguments[0].Value} is not PageMode.Offset or PageMode.PageNumber");
        }
        return PagingMode.Offset;
    }

    /// <summary>Whether the method carries [Paged] (only a paged method may).</summary>
    private static bool HasPagedAttribute(IMethodSymbol method, KnownTypeSymbols known)
        => KnownTypeSymbols.HasAttribute(method, known.PagedAttribute);

    /// <summary>The context class that the interface's [WeChatPayJsonContext] names, or null.</summary>
    private static INamedTypeSymbol? UserContext(INamedTypeSymbol iface, KnownTypeSymbols known)
    {
        foreach (var attribute in iface.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonContextAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol context
                && KnownTypeSymbols.DerivesFrom(context, known.JsonSerializerContext))
                return context;
        }
        return null;
    }

    /// <summary>Whether <paramref name="context"/> carries <c>[JsonSerializable(typeof(<paramref name="item"/>))]</c>.</summary>
    private static bool Lists(INamedTypeSymbol context, ITypeSymbol item, KnownTypeSymbols known)
    {
        foreach (var attribute in context.GetAttributes())
        {
            if (KnownTypeSymbols.Is(attribute.AttributeClass, known.JsonSerializableAttribute)
                && attribute.ConstructorArguments.Length >= 1
                && SymbolEqualityComparer.Default.Equals(attribute.ConstructorArguments[0].Value as ITypeSymbol, item))
                return true;
        }
        return false;
    }

    /// <summary>The query parameter or [Query] model property sent under <paramref name="wireName"/>; null (with a problem) when none or not an integer.</summary>
    private static PageFieldSpec? FindPageField(EquatableArray<ParameterSpec> parameters, string wireName, List<string> problems)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Role == ParameterRole.Query && parameter.WireName == wireName)
                return IsInteger(parameter.Scalar) ? new PageFieldSpec(parameter.Name, null, wireName)
                    : NotAnInteger(parameter.Name, problems);
            if (parameter.Role != ParameterRole.QueryModel)
                continue;
            foreach (var field in parameter.QueryFields)
            {
                if (field.WireName == wireName)
                    return IsInteger(field.Scalar) ? new PageFieldSpec(parameter.Name, field.PropertyName, wireName)
                        : NotAnInteger(parameter.Name + "." + field.PropertyName, problems);
            }
        }
        problems.Add($"nothing sends its '{wireName}': give its [Query] model a{(wireName == OffsetKey ? "n" : "")} {(wireName == OffsetKey ? "Offset" : "Limit")} property or add an int parameter named {wireName}");
        return null;
    }

    private static PageFieldSpec? NotAnInteger(string name, List<string> problems)
    {
        problems.Add($"'{name}' must be an int or a long (or their Nullable<T>)");
        return null;
    }

    private static bool IsInteger(ScalarSpec? scalar) => scalar is { Kind: ScalarKind.Formattable, TypeName: "int" or "long" };
}
