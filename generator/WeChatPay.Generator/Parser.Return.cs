using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Incremental;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Return types: T, Task&lt;T&gt;, ValueTask&lt;T&gt;, the void forms, WeChatPayResponse&lt;T&gt;, Stream and byte[].</summary>
internal static partial class Parser
{
    private static ReturnSpec? ParseReturn(IMethodSymbol method, MethodName methodName, ParseCache cache, TypeRoots walker, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        if (method.ReturnsVoid)
            return new ReturnSpec(ReturnFlavor.Sync, ResultShape.None, TypeRef.Void, null);
        var (spec, jsonRoot) = cache.Return(method.ReturnType);
        if (jsonRoot is not null)
            walker.Visit(jsonRoot, method, "the result");
        if (spec is not null)
            return spec;
        if (KnownTypeSymbols.IsConstructedFrom(method.ReturnType, cache.Known.IEnumerableOfT))
        {
            // A synchronous walk would block a thread for every page: paging is asynchronous only.
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.WrongPagedShape, FirstLocation(method), methodName.Text,
                "it returns IEnumerable<T>, and paging has no synchronous form (it would block a thread on every page); return IAsyncEnumerable<T>"));
            valid = false;
            return null;
        }

        diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedReturnType, FirstLocation(method), methodName.Text, method.ReturnType.ToDisplayString()));
        valid = false;
        return null;
    }

    /// <summary>
    /// What a (non-void) return type returns and how, and the type whose JSON shape the result needs (walked per
    /// method, so that its diagnostics land on that method); a null spec means the return type is unsupported.
    /// A pure function of the type, shared per compilation by <see cref="ParseCache.Return"/>.
    /// </summary>
    internal static (ReturnSpec? Spec, ITypeSymbol? JsonRoot) ClassifyReturn(ITypeSymbol returnType, ParseCache cache)
    {
        var known = cache.Known;
        var display = cache.Ref(returnType);
        var flavor = ReturnFlavor.Sync;
        ITypeSymbol? inner = returnType;
        if (KnownTypeSymbols.IsConstructedFrom(returnType, known.IAsyncEnumerableOfT))
        {
            // A paged method: the items of every page, each read with TItem's metadata (the envelope by the runtime).
            var item = ((INamedTypeSymbol)returnType).TypeArguments[0];
            if (!IsJsonValue(item, known))
                return (null, null);
            return (new ReturnSpec(ReturnFlavor.AsyncEnumerable, ResultShape.Items, display, cache.Ref(item)), item);
        }
        if (KnownTypeSymbols.Is(returnType, known.Task))
            return (new ReturnSpec(ReturnFlavor.Task, ResultShape.None, display, null), null);
        if (KnownTypeSymbols.Is(returnType, known.ValueTask))
            return (new ReturnSpec(ReturnFlavor.ValueTask, ResultShape.None, display, null), null);
        if (KnownTypeSymbols.IsConstructedFrom(returnType, known.TaskOfT))
        {
            flavor = ReturnFlavor.Task;
            inner = ((INamedTypeSymbol)returnType).TypeArguments[0];
        }
        else if (KnownTypeSymbols.IsConstructedFrom(returnType, known.ValueTaskOfT))
        {
            flavor = ReturnFlavor.ValueTask;
            inner = ((INamedTypeSymbol)returnType).TypeArguments[0];
        }

        if (KnownTypeSymbols.Is(inner, known.WeChatPayResponse))
            return (new ReturnSpec(flavor, ResultShape.RawResponse, display, null), null);
        if (KnownTypeSymbols.IsConstructedFrom(inner, known.WeChatPayResponseOfT))
        {
            var valueType = ((INamedTypeSymbol)inner).TypeArguments[0];
            if (IsJsonValue(valueType, known))
                return (new ReturnSpec(flavor, ResultShape.TypedResponse, display, cache.Ref(valueType)), valueType);
        }
        else if (KnownTypeSymbols.Is(inner, known.Stream))
        {
            return (new ReturnSpec(flavor, ResultShape.Stream, display, null), null);
        }
        else if (inner is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 })
        {
            return (new ReturnSpec(flavor, ResultShape.Bytes, display, null), null);
        }
        else if (IsJsonValue(inner, known))
        {
            return (new ReturnSpec(flavor, ResultShape.Value, display, cache.Ref(inner)), inner);
        }
        return (null, null);
    }

    private static bool IsJsonValue(ITypeSymbol type, KnownTypeSymbols known)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic or TypeKind.Error)
        {
            if (!TypeWalker.IsSupportedInterface(type))
                return false;
        }
        if (KnownTypeSymbols.Is(type, known.Task) || KnownTypeSymbols.Is(type, known.ValueTask)
            || KnownTypeSymbols.IsConstructedFrom(type, known.TaskOfT) || KnownTypeSymbols.IsConstructedFrom(type, known.ValueTaskOfT))
            return false;
        return true;
    }
}
