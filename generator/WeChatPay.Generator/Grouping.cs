using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>Pure helpers of the pipeline: grouping parsed methods by their interface.</summary>
internal static class Grouping
{
    /// <summary>
    /// The parsed methods of the five attributes in one array (nulls, for targets that are not interface methods,
    /// left out); its elements are the transforms' own results, so comparing it with the last run's is cheap.
    /// </summary>
    public static EquatableArray<MethodResult> Flatten(params ImmutableArray<MethodResult?>[] perAttribute)
    {
        var count = 0;
        foreach (var methods in perAttribute)
            count += methods.Length;
        var builder = ImmutableArray.CreateBuilder<MethodResult>(count);
        foreach (var methods in perAttribute)
        {
            foreach (var method in methods)
            {
                if (method is not null)
                    builder.Add(method);
            }
        }
        return new EquatableArray<MethodResult>(builder.Count == count ? builder.MoveToImmutable() : builder.ToImmutable());
    }

    public static ImmutableArray<InterfaceResult> GroupByInterface(EquatableArray<MethodResult> methods)
    {
        var results = ImmutableArray.CreateBuilder<InterfaceResult>();
        foreach (var group in methods.GroupBy(m => m.Interface.FullyQualifiedName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var key = group.First().Interface;
            var diagnostics = group.SelectMany(m => m.Diagnostics).Distinct()
                .OrderBy(d => d.FilePath, StringComparer.Ordinal).ThenBy(d => d.SpanStart).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToEquatableArray();
            InterfaceSpec? spec = null;
            if (key.IsValid && group.All(m => m.Method is not null))
            {
                var methodSpecs = group.Select(m => m.Method!).OrderBy(m => m, MethodOrder.Instance).ToEquatableArray();
                var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
                foreach (var type in group.SelectMany(m => m.Types).SelectMany(walk => walk))
                {
                    if (!types.ContainsKey(type.Name))
                        types.Add(type.Name, type);
                }
                spec = new InterfaceSpec(
                    key.Namespace,
                    key.Name,
                    key.FullyQualifiedName,
                    (key.Namespace.Length == 0 ? "" : key.Namespace + ".") + key.Name,
                    key.UserJsonContext,
                    methodSpecs,
                    types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray());
            }
            results.Add(new InterfaceResult(spec, diagnostics));
        }
        return results.ToImmutable();
    }
}
