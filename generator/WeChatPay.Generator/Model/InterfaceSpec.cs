namespace WeChatPay.Generator.Model;

/// <summary>One attributed partial interface: everything the emitter needs to write its file.</summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The interface's simple name, for example <c>IBusifavorApi</c>.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified name.</param>
/// <param name="HintName">The output files' hint name without its suffix (namespace + interface); the client goes to <c>.g.cs</c>, its JSON metadata to <c>.Json.g.cs</c>.</param>
/// <param name="UserJsonContext">The escape hatch: the user's JsonSerializerContext, or null to emit metadata.</param>
/// <param name="Methods">The endpoints, ordinal-sorted.</param>
/// <param name="Types">Every type reachable from bodies and results, ordinal-sorted by name.</param>
internal sealed record InterfaceSpec(
    string Namespace,
    string Name,
    string FullyQualifiedName,
    string HintName,
    string? UserJsonContext,
    EquatableArray<MethodSpec> Methods,
    EquatableArray<TypeSpec> Types);

/// <summary>What one method's parse yields for its interface, before grouping.</summary>
internal sealed record InterfaceKey(
    string Namespace,
    string Name,
    string FullyQualifiedName,
    string? UserJsonContext,
    bool IsValid);

/// <summary>The result of parsing one attributed method: its spec (null when invalid), the types it reaches and its diagnostics.</summary>
/// <param name="Interface">The containing interface.</param>
/// <param name="Method">The endpoint, or null when the method cannot be generated.</param>
/// <param name="Types">
/// The walks from its JSON roots (body, result), each every type it reaches, ordinal-sorted by name. Walks are shared
/// by the methods that reach the same root and merged per interface when grouping.
/// </param>
/// <param name="Diagnostics">What is wrong with the method or the types it reaches.</param>
internal sealed record MethodResult(
    InterfaceKey Interface,
    MethodSpec? Method,
    EquatableArray<EquatableArray<TypeSpec>> Types,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One interface after grouping: its spec (null when nothing can be emitted) and its diagnostics.</summary>
internal sealed record InterfaceResult(
    InterfaceSpec? Spec,
    EquatableArray<DiagnosticInfo> Diagnostics);
