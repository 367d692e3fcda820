using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Return types: T, Task&lt;T&gt;, ValueTask&lt;T&gt;, the void forms, WeChatPayResponse&lt;T&gt;, Stream and byte[].</summary>
internal static partial class Parser
{
    private static ReturnSpec? ParseReturn(IMethodSymbol method, string methodName, Location? location, TypeRoots walker, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        var returnType = method.ReturnType;
        var display = returnType.ToDisplayString(AnnotatedTypeFormat);
        if (method.ReturnsVoid)
            return new ReturnSpec(ReturnFlavor.Sync, ResultShape.None, "void", null, null);

        var flavor = ReturnFlavor.Sync;
        ITypeSymbol? inner = returnType;
        var definition = returnType.Name is "Task" or "ValueTask" ? returnType.OriginalDefinition.ToDisplayString() : "";
        switch (definition)
        {
            case "System.Threading.Tasks.Task":
                return new ReturnSpec(ReturnFlavor.Task, ResultShape.None, display, null, null);
            case "System.Threading.Tasks.ValueTask":
                return new ReturnSpec(ReturnFlavor.ValueTask, ResultShape.None, display, null, null);
            case "System.Threading.Tasks.Task<TResult>":
                flavor = ReturnFlavor.Task;
                inner = ((INamedTypeSymbol)returnType).TypeArguments[0];
                break;
            case "System.Threading.Tasks.ValueTask<TResult>":
                flavor = ReturnFlavor.ValueTask;
                inner = ((INamedTypeSymbol)returnType).TypeArguments[0];
                break;
        }

        var innerDefinition = inner.Name is "WeChatPayResponse" or "Stream" ? inner.OriginalDefinition.ToDisplayString() : "";
        switch (innerDefinition)
        {
            case "WeChatPay.WeChatPayResponse":
                return new ReturnSpec(flavor, ResultShape.RawResponse, display, null, null);
            case "WeChatPay.WeChatPayResponse<T>":
                var valueType = ((INamedTypeSymbol)inner).TypeArguments[0];
                if (!IsJsonValue(valueType, walker, location))
                    break;
                return new ReturnSpec(flavor, ResultShape.TypedResponse, display, valueType.ToDisplayString(TypeFormat), valueType.ToDisplayString(AnnotatedTypeFormat));
            case "System.IO.Stream":
                return new ReturnSpec(flavor, ResultShape.Stream, display, null, null);
            default:
                if (inner is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 })
                    return new ReturnSpec(flavor, ResultShape.Bytes, display, null, null);
                if (!IsJsonValue(inner, walker, location))
                    break;
                return new ReturnSpec(flavor, ResultShape.Value, display, inner.ToDisplayString(TypeFormat), inner.ToDisplayString(AnnotatedTypeFormat));
        }

        diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedReturnType, location, methodName, returnType.ToDisplayString()));
        valid = false;
        return null;
    }

    private static bool IsJsonValue(ITypeSymbol type, TypeRoots walker, Location? location)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic or TypeKind.Error)
        {
            if (!TypeWalker.IsSupportedInterface(type))
                return false;
        }
        var name = type.Name is "Task" or "ValueTask" ? type.OriginalDefinition.ToDisplayString() : "";
        if (name is "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask" or "System.Threading.Tasks.ValueTask<TResult>")
            return false;
        walker.Visit(type, location, "the result");
        return true;
    }
}
