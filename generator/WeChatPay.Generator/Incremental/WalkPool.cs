using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator.Incremental;

/// <summary>
/// Walks equal to one made for an earlier compilation are replaced by that earlier array, so that comparing a method's
/// result with the last run's meets the same instance (a reference check) instead of comparing every property of
/// every type. It holds values only (no symbol), and is emptied when it grows past <see cref="Capacity"/> walks: it
/// only saves work, and an empty pool costs one full comparison per walk.
/// </summary>
internal static class WalkPool
{
    private const int Capacity = 16384;
    private static readonly ConcurrentDictionary<EquatableArray<TypeSpec>, PooledWalk> s_walks = new();

    public static PooledWalk Intern(EquatableArray<TypeSpec> walk)
    {
        if (s_walks.TryGetValue(walk, out var existing))
            return existing;
        if (s_walks.Count >= Capacity)
            s_walks.Clear();
        return s_walks.GetOrAdd(walk, new PooledWalk(walk));
    }
}
