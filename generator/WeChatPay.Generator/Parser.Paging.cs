using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Paged methods: <c>IAsyncEnumerable&lt;TItem&gt;</c> on a GET that answers WeChat Pay's offset pages. Finds the
/// offset and limit (a [Query] model's properties or plain parameters, by their query keys) and describes the page
/// type the generator writes, so that the user declares only <c>TItem</c>.
/// </summary>
internal static partial class Parser
{
    private const string OffsetKey = "offset";
    private const string LimitKey = "limit";

    private static PagingSpec? ParsePaging(IMethodSymbol method, MethodName methodName, string httpMethod, InterfaceKey key,
        EquatableArray<ParameterSpec> parameters, ParseCache cache, TypeRoots walker, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        var problems = new List<string>();
        if (httpMethod != "GET")
            problems.Add($"it is a {httpMethod}, and WeChat Pay's pages are read with GET");
        if (key.UserJsonContext is not null)
            problems.Add("the interface names its own JSON context, which cannot hold the page type the generator writes; declare the paged method on an interface without [WeChatPayJsonContext]");
        var offset = FindPageField(parameters, OffsetKey, problems);
        var limit = FindPageField(parameters, LimitKey, problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.WrongPagedShape, FirstLocation(method), methodName.Text, problem));
            valid = false;
            return null;
        }

        var item = ((INamedTypeSymbol)method.ReturnType).TypeArguments[0];
        var list = cache.Known.ListOfT!.Construct(item);
        var counter = cache.Known.NullableInt64;
        walker.Visit(counter, method, "the page");
        var page = PageType(key, item, cache.Ref(list), cache.Ref(counter));
        walker.AddGenerated(ImmutableArray.Create(page).ToEquatableArray());
        return new PagingSpec(offset!, limit!, new TypeRef(page.Name, page.Name));
    }

    /// <summary>The query parameter or [Query] model property sent under <paramref name="wireName"/>; null (with a problem) when none or not an integer.</summary>
    private static PageFieldSpec? FindPageField(EquatableArray<ParameterSpec> parameters, string wireName, List<string> problems)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Role == ParameterRole.Query && parameter.WireName == wireName)
                return IsInteger(parameter.Scalar) ? new PageFieldSpec(parameter.Name, null, wireName, parameter.Scalar!.IsNullableValueType)
                    : NotAnInteger(parameter.Name, problems);
            if (parameter.Role != ParameterRole.QueryModel)
                continue;
            foreach (var field in parameter.QueryFields)
            {
                // The model itself may be null, so reading its property can always give null.
                if (field.WireName == wireName)
                    return IsInteger(field.Scalar) ? new PageFieldSpec(parameter.Name, field.PropertyName, wireName, true)
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

    /// <summary>The page the generator writes inside the interface: <c>data</c> and three nullable counters.</summary>
    private static TypeSpec PageType(InterfaceKey key, ITypeSymbol item, TypeRef list, TypeRef counter)
    {
        var friendlyName = TypeWalker.FriendlyName(item) + "Page";
        var name = key.FullyQualifiedName + "." + friendlyName;
        PropertySpec Property(string propertyName, string jsonName, TypeRef type)
            => new(propertyName, jsonName, type, name, SetterKind.Set, IsRequired: false, IgnoreCondition: null, SensitiveKind.None);
        var properties = ImmutableArray.Create(
            Property("Data", "data", new TypeRef(list.Name, list.AnnotatedName + "?")),
            Property("TotalCount", "total_count", counter),
            Property("Offset", OffsetKey, counter),
            Property("Limit", LimitKey, counter));
        var shape = new ObjectSpec(properties.ToEquatableArray(), EquatableArray<ConstructorParameterSpec>.Empty,
            UsesParameterizedConstructor: false, IsRecord: false, CanCloneWithInitializer: false);
        return new TypeSpec(name, friendlyName, JsonKind.Object, null, null, shape, EquatableArray<EnumMemberSpec>.Empty, IsValueType: false, NeedsSensitiveWalk: false);
    }
}
