using Microsoft.CodeAnalysis;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// The floor to compare against: the same five ForAttributeWithMetadataName providers whose transform only reads
/// the method's name and emits nothing. What the compiler spends here, every generator on these attributes spends.
/// </summary>

public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var name in new[] { "WeChatPay.GetAttribute", "WeChatPay.PostAttribute", "WeChatPay.PutAttribute", "WeChatPay.PatchAttribute", "WeChatPay.DeleteAttribute" })
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(name, static (_, _) => true, static (ctx, _) => ctx.TargetSymbol.Name).Collect();
            context.RegisterSourceOutput(names, static (_, _) => { });
        }
    }
}
