using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WeChatPay.Generator;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable and tracked in AnalyzerReleases.*.md; each message names
/// the member and the fix, and links to the README's diagnostics table.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The README section that explains every diagnostic; each ID is an anchor in it.</summary>
    public const string HelpLinkBase = "https://github.com/wechatpay-sourcegen/WeChatPay.SourceGen/blob/main/README.md#";

    private const string Category = "WeChatPay";

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Create(
        "WCP0001",
        "Path placeholder has no parameter",
        "The placeholder '{0}' in the path of '{1}' has no parameter: add a parameter named '{0}' (or its camelCase form), or mark one with [Path(\"{0}\")]");

    public static readonly DiagnosticDescriptor ParameterBoundToNothing = Create(
        "WCP0002",
        "Parameter is bound to nothing",
        "The parameter '{0}' of '{1}' is bound to nothing: {2}");

    public static readonly DiagnosticDescriptor TwoBodies = Create(
        "WCP0003",
        "More than one body",
        "The method '{0}' has more than one JSON body ('{1}' and '{2}'): a request has one body, so bind the other with [Query], [Path] or [Header], or merge both into one model");

    public static readonly DiagnosticDescriptor BodyOnGetOrDelete = Create(
        "WCP0004",
        "Body on GET or DELETE",
        "The {0} method '{1}' has the body parameter '{2}': WeChat Pay {0} requests carry no body; send it with [Query] instead");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "WCP0005",
        "Unsupported return type",
        "The method '{0}' returns '{1}', which is not supported: return Task, ValueTask, void, T, Task<T>, ValueTask<T>, Task<WeChatPayResponse<T>>, Task<Stream> or Task<byte[]>");

    public static readonly DiagnosticDescriptor InterfaceNotPartial = Create(
        "WCP0006",
        "Interface must be a top-level, non-generic partial interface",
        "The interface '{0}' declares WeChat Pay endpoints but is not a top-level, non-generic partial interface: declare it as 'partial interface {0}' directly in a namespace");

    public static readonly DiagnosticDescriptor GenericMethod = Create(
        "WCP0007",
        "Generic endpoint method",
        "The method '{0}' is generic: endpoint methods cannot have type parameters; declare one method per concrete type");

    public static readonly DiagnosticDescriptor DuplicatePlaceholder = Create(
        "WCP0008",
        "Duplicated path placeholder",
        "The placeholder '{0}' appears more than once in the path of '{1}': give each placeholder a distinct name");

    public static readonly DiagnosticDescriptor InvalidPath = Create(
        "WCP0009",
        "Invalid path template",
        "The path '{0}' of '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor UnsupportedMember = Create(
        "WCP0010",
        "Unsupported model member",
        "'{0}' has the type '{1}', which the generated JSON metadata does not support ({2}): change the type, mark it [JsonIgnore], or name your own JsonSerializerContext with [WeChatPayJsonContext(typeof(...))] on the interface");

    public static readonly DiagnosticDescriptor SensitiveOnNonString = Create(
        "WCP0011",
        "[Sensitive] on a non-string property",
        "The property '{0}' is marked [Sensitive] but has the type '{1}': only string properties can be encrypted; make it a string or remove [Sensitive]");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        "WCP0012",
        "Unsupported parameter type",
        "The parameter '{0}' of '{1}' has the type '{2}', which cannot be sent in a {3}: use string, bool, a number, Guid, DateTimeOffset, DateTime or an enum");

    public static readonly DiagnosticDescriptor SensitiveModelNotCopyable = Create(
        "WCP0013",
        "Model with [Sensitive] fields cannot be copied",
        "The type '{0}' holds [Sensitive] fields but cannot be copied without changing the caller's object: make it a record, or give it a public parameterless constructor and settable or init properties");

    public static readonly DiagnosticDescriptor InvalidJsonContext = Create(
        "WCP0014",
        "Invalid JSON context",
        "The type '{0}' named by [WeChatPayJsonContext] on '{1}' does not derive from JsonSerializerContext: name a class generated with [JsonSerializable] attributes");

    public static readonly DiagnosticDescriptor MemberWithoutEndpoint = Create(
        "WCP0015",
        "Interface member without an HTTP attribute",
        "The member '{0}' of '{1}' has no [Get], [Post], [Put], [Patch] or [Delete] attribute, so the generated client cannot implement it: add one, or give it a default body");

    public static readonly DiagnosticDescriptor SensitiveInQuery = Create(
        "WCP0016",
        "[Sensitive] property in a query model",
        "The property '{0}' is marked [Sensitive], but '{1}' sends it in the query string, where it would travel in plain text: sensitive fields are encrypted in request bodies only; send it in the body or remove [Sensitive]");

    public static readonly DiagnosticDescriptor SensitiveBehindUnwalkedMember = Create(
        "WCP0017",
        "[Sensitive] fields behind a member the generator cannot walk",
        "The member '{0}' has the type '{1}', which the generator cannot walk for [Sensitive] fields, and {2}: use T[], List<T>, IReadOnlyList<T> or Dictionary<string, T> for it");

    public static readonly DiagnosticDescriptor ComplexParameterWithoutQuery = Create(
        "WCP0018",
        "Model parameter on GET or DELETE without [Query]",
        "The parameter '{0}' of the {1} method '{2}' has the type '{3}', which is not a scalar, and a {1} request has no body: mark it [Query] to send its properties as query parameters");

    public static readonly DiagnosticDescriptor WrongPagedShape = Create(
        "WCP0019",
        "Paged method of the wrong shape",
        "The paged method '{0}' cannot walk WeChat Pay's pages: {1}");

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [PlaceholderWithoutParameter.Id] = PlaceholderWithoutParameter,
        [ParameterBoundToNothing.Id] = ParameterBoundToNothing,
        [TwoBodies.Id] = TwoBodies,
        [BodyOnGetOrDelete.Id] = BodyOnGetOrDelete,
        [UnsupportedReturnType.Id] = UnsupportedReturnType,
        [InterfaceNotPartial.Id] = InterfaceNotPartial,
        [GenericMethod.Id] = GenericMethod,
        [DuplicatePlaceholder.Id] = DuplicatePlaceholder,
        [InvalidPath.Id] = InvalidPath,
        [UnsupportedMember.Id] = UnsupportedMember,
        [SensitiveOnNonString.Id] = SensitiveOnNonString,
        [UnsupportedParameterType.Id] = UnsupportedParameterType,
        [SensitiveModelNotCopyable.Id] = SensitiveModelNotCopyable,
        [InvalidJsonContext.Id] = InvalidJsonContext,
        [MemberWithoutEndpoint.Id] = MemberWithoutEndpoint,
        [SensitiveInQuery.Id] = SensitiveInQuery,
        [SensitiveBehindUnwalkedMember.Id] = SensitiveBehindUnwalkedMember,
        [ComplexParameterWithoutQuery.Id] = ComplexParameterWithoutQuery,
        [WrongPagedShape.Id] = WrongPagedShape,
    };

    /// <summary>Every descriptor, by ID.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById => s_byId;

    private static DiagnosticDescriptor Create(string id, string title, string message) => new(
        id,
        title,
        message,
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
