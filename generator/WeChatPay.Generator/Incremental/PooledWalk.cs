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

/// <summary>A walk, and the walk alone as a method's list of walks (the common case, shared rather than rebuilt).</summary>
internal sealed class PooledWalk
{
    public PooledWalk(EquatableArray<TypeSpec> types)
    {
        Types = types;
        Alone = new EquatableArray<EquatableArray<TypeSpec>>(ImmutableArray.Create(types));
    }

    public EquatableArray<TypeSpec> Types { get; }

    public EquatableArray<EquatableArray<TypeSpec>> Alone { get; }
}
