using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WeChatPay.Generator.Incremental;

/// <summary>
/// The files a method's result can depend on (see <see cref="MethodReuse"/>): every file that declares a part of a type
/// reachable from the method, through its interface, parameter and return types, their type arguments, element,
/// base, containing and implemented types, the types of their properties, fields and constructor parameters, and the
/// attribute classes and <c>typeof</c> arguments on all of those. That is more than the parser reads, on purpose: it
/// need not follow the parser's rules to hold them. Metadata types contribute only their type arguments: a referenced
/// assembly that changes starts a new epoch by itself.
/// </summary>
internal static class Dependencies
{
    /// <summary>The files, ordinal-sorted, that declare a type reachable from <paramref name="method"/>.</summary>
    public static ImmutableArray<string> Of(IMethodSymbol method, ParseCache cache)
    {
        var roots = cache.DependencyFiles;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        files.UnionWith(roots.GetOrAdd(method.ContainingType, Closure));
        files.UnionWith(roots.GetOrAdd(method.ReturnType, Closure));
        foreach (var parameter in method.Parameters)
            files.UnionWith(roots.GetOrAdd(parameter.Type, Closure));
        var attributes = new Reach();
        attributes.Attributes(method);
        foreach (var parameter in method.Parameters)
            attributes.Attributes(parameter);
        foreach (var type in attributes.Pending())
            files.UnionWith(roots.GetOrAdd(type, Closure));
        return files.ToImmutableArray();
    }

    private static ImmutableArray<string> Closure(ITypeSymbol root)
    {
        var reach = new Reach();
        reach.Add(root);
        return reach.Run();
    }

    /// <summary>A depth-first walk over the types reachable from its roots, collecting the files of source types.</summary>
    private sealed class Reach
    {
        private readonly HashSet<ITypeSymbol> _seen = new(SymbolEqualityComparer.Default);
        private readonly Stack<ITypeSymbol> _pending = new();
        private readonly SortedSet<string> _files = new(StringComparer.Ordinal);

        public void Add(ITypeSymbol? type)
        {
            if (type is not null && _seen.Add(type))
                _pending.Push(type);
        }

        public IEnumerable<ITypeSymbol> Pending() => _pending;

        public void Attributes(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                Add(attribute.AttributeClass);
                foreach (var argument in attribute.ConstructorArguments)
                    Argument(argument);
                foreach (var argument in attribute.NamedArguments)
                    Argument(argument.Value);
            }
        }

        private void Argument(TypedConstant argument)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                foreach (var element in argument.Values)
                    Argument(element);
            }
            else if (argument.Kind == TypedConstantKind.Type)
            {
                Add(argument.Value as ITypeSymbol);
            }
        }

        public ImmutableArray<string> Run()
        {
            while (_pending.Count > 0)
            {
                switch (_pending.Pop())
                {
                    case IArrayTypeSymbol array:
                        Add(array.ElementType);
                        break;
                    case IPointerTypeSymbol pointer:
                        Add(pointer.PointedAtType);
                        break;
                    case INamedTypeSymbol named:
                        foreach (var argument in named.TypeArguments)
                            Add(argument);
                        if (named.DeclaringSyntaxReferences.IsEmpty)
                            break;
                        Source(named);
                        break;
                }
            }
            return _files.ToImmutableArray();
        }

        private void Source(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
                _files.Add(reference.SyntaxTree.FilePath);
            Add(type.ContainingType);
            Add(type.BaseType);
            foreach (var implemented in type.Interfaces)
                Add(implemented);
            Attributes(type);
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol property:
                        Add(property.Type);
                        Attributes(property);
                        break;
                    case IFieldSymbol field:
                        Add(field.Type);
                        Attributes(field);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                        Attributes(constructor);
                        foreach (var parameter in constructor.Parameters)
                        {
                            Add(parameter.Type);
                            Attributes(parameter);
                        }
                        break;
                    case INamedTypeSymbol nested:
                        Add(nested);
                        break;
                }
            }
        }
    }
}
