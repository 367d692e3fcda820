using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Scalars: the values a path, query or header can carry, and how each is written.</summary>
internal static partial class Parser
{
    internal static bool IsNullableValueType(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary>Classifies a path, query or header value; null when it is not a scalar.</summary>
    internal static ScalarSpec? ToScalar(ITypeSymbol type, KnownTypeSymbols known)
    {
        var nullableValue = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            nullableValue = true;
        }
        ScalarKind kind;
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                kind = ScalarKind.String;
                break;
            case SpecialType.System_Boolean:
                kind = ScalarKind.Boolean;
                break;
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                kind = ScalarKind.Formattable;
                break;
            case SpecialType.System_DateTime:
                kind = ScalarKind.DateTime;
                break;
            default:
                if (type.TypeKind == TypeKind.Enum)
                {
                    return new ScalarSpec(ScalarKind.Enum, type.ToDisplayString(TypeFormat), nullableValue, TypeWalker.ReadEnumMembers((INamedTypeSymbol)type, known));
                }
                if (KnownTypeSymbols.Is(type, known.Guid))
                    kind = ScalarKind.Formattable;
                else if (KnownTypeSymbols.Is(type, known.DateTimeOffset))
                    kind = ScalarKind.DateTimeOffset;
                else
                    return null;
                break;
        }
        return new ScalarSpec(kind, type.ToDisplayString(TypeFormat), nullableValue, EquatableArray<EnumMemberSpec>.Empty);
    }
}
