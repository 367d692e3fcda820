using System.Reflection;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator;

namespace WeChatPay.Generator.Tests;

/// <summary>Specs are values: nothing that pins a compilation (symbols, syntax, locations) may flow through the pipeline.</summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] s_forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AttributeData) };

    public static IEnumerable<object[]> ModelTypes()
        => typeof(WeChatPayGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == "WeChatPay.Generator.Model" && !t.IsNested && !t.Name.StartsWith('<'))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new object[] { t.Name });

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_types_hold_no_symbols_syntax_locations_or_compilations(string typeName)
    {
        var type = typeof(WeChatPayGenerator).Assembly.GetType("WeChatPay.Generator.Model." + typeName)!;
        var seen = new HashSet<Type>();
        Walk(type, typeName, seen);
    }

    [Fact]
    public void Model_records_are_sealed_and_equatable()
    {
        var records = typeof(WeChatPayGenerator).Assembly.GetTypes()
            .Where(t => t.Namespace == "WeChatPay.Generator.Model" && t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null)
            .ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.True(r.IsSealed, r.Name + " must be sealed"));
    }

    [Fact]
    public void The_walk_finds_a_forbidden_member()
    {
        // Guards the guard: a type holding a Location must fail the walk.
        Assert.ThrowsAny<Exception>(() => Walk(typeof(Holder), nameof(Holder), new HashSet<Type>()));
    }

    private sealed record Holder(Location Where);

    private static void Walk(Type type, string path, HashSet<Type> seen)
    {
        foreach (var forbidden in s_forbidden)
            Assert.False(forbidden.IsAssignableFrom(type), $"{path} is a {forbidden.Name}");
        if (type.IsPrimitive || type == typeof(string) || type.IsEnum || !seen.Add(type))
            return;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                Walk(argument, path + "<" + argument.Name + ">", seen);
        }
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            return;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.FieldType, path + "." + field.Name, seen);
    }
}
