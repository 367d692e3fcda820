namespace WeChatPay.Generator.Model;

/// <summary>A type as generated code names it: one value per type in every spec, instead of pairs of strings.</summary>
/// <param name="Name">The <c>global::</c>-qualified name without nullable annotations, for <c>typeof</c> and lookups.</param>
/// <param name="AnnotatedName">The same with its nullable annotations, for signatures, casts and generic arguments.</param>
internal sealed record TypeRef(string Name, string AnnotatedName)
{
    /// <summary>The return type of a method that returns nothing.</summary>
    public static readonly TypeRef Void = new("void", "void");
}
