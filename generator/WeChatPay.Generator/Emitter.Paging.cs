using System.Collections.Generic;
using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>
/// Paged methods: the interface method hands back a lazy walk; each step sends one signed GET for the offset the
/// runtime's PageCursor holds, verifies the answer, reads it with TItem's metadata (WeChatPayPage) and yields its items.
/// </summary>
internal sealed partial class Emitter
{
    private const string IAsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string EnumeratorCancellation = "global::System.Runtime.CompilerServices.EnumeratorCancellation";

    private void EmitPagedMethod(MethodSpec method, PagingSpec paging)
    {
        var r = method.Return;
        var item = r.Value!;
        var values = method.Parameters.Where(p => p.Role != ParameterRole.CancellationToken).ToList();
        var token = method.Parameters.FirstOrDefault(p => p.Role == ParameterRole.CancellationToken) is { } ct ? Escape(ct.Name) : "default";
        var walk = method.Name + "_Pages";

        // The interface method only starts the walk; the iterator takes the method's token and, through
        // [EnumeratorCancellation], the one given to GetAsyncEnumerator (WithCancellation) as well.
        _w.Line("/// <summary>" + method.HttpMethod + " " + System.Security.SecurityElement.Escape(PathText(method)) + ", every page's items, read lazily.</summary>");
        _w.Line(r.Type.AnnotatedName + " " + _spec.FullyQualifiedName + "." + method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.AnnotatedName + " " + Escape(p.Name))) + ")");
        _w.Indent().Line("=> this." + walk + "(" + string.Join(", ", values.Select(p => Escape(p.Name)).Append(token)) + ");").Outdent();
        _w.Line();

        var parameters = values.Select(p => p.Type.AnnotatedName + " " + Escape(p.Name))
            .Append("[" + EnumeratorCancellation + "] " + CancellationToken + " __cancellationToken");
        _w.Line("/// <summary>Walks the pages of " + method.Name + " from the caller's offset until the last page, a break or cancellation.</summary>");
        _w.Open("private async " + IAsyncEnumerable + "<" + item.AnnotatedName + "> " + walk + "(" + string.Join(", ", parameters) + ")");
        var mode = "global::WeChatPay.PageMode." + paging.Mode;
        _w.Line("var __cursor = new global::WeChatPay.PageCursor(" + mode + ", " + PageValue(paging.Offset) + ", " + PageValue(paging.Limit) + ");");
        _w.Open("while (true)");
        var target = EmitTarget(method);
        _w.Line("var __request = new global::WeChatPay.WeChatPayRequest(global::System.Net.Http.HttpMethod.Get, " + target + ")");
        _w.Line("{").Indent().Line(UrlTemplateInitializer(method)).Outdent().Line("};");
        _w.Line("var __response = await this._client.SendAsync(__request, __cancellationToken).ConfigureAwait(false);");
        _w.Line("var __page = global::WeChatPay.WeChatPayPage<" + item.AnnotatedName + ">.Read(__response, " + TypeInfo(item.Name) + ");");
        var itemType = Find(item.Name);
        var value = itemType is { NeedsSensitiveWalk: true } ? Walk(itemType.Name, "__item", "this._client.DecryptSensitive", sourceIsNotNull: false) : "__item";
        _w.Open("foreach (var __item in __page.Items)");
        // A cancelled walk stops at once, not after the items of the page already read.
        _w.Line("__cancellationToken.ThrowIfCancellationRequested();");
        _w.Line("yield return " + value + ";");
        _w.Close();
        _w.Line("if (!__cursor.Advance(__page))");
        _w.Indent().Line("yield break;").Outdent();
        _w.Close();
        _w.Close();
    }

    /// <summary>Reads a paging value: the parameter, or the [Query] model's property (a null model reads as null).</summary>
    private static string PageValue(PageFieldSpec field)
        => field.Property is null ? Escape(field.Parameter) : Escape(field.Parameter) + "?." + Escape(field.Property);

    /// <summary>The query line of a paging value, or null when <paramref name="parameter"/> (and <paramref name="property"/>) is not one.</summary>
    private static string? PagingQueryLine(MethodSpec method, ParameterSpec parameter, string? property)
    {
        if (method.Paging is not { } paging)
            return null;
        if (Is(paging.Offset))
            return "__query.Add<long>(" + Quote(paging.Offset.WireName) + ", __cursor.Offset);";
        if (Is(paging.Limit))
            return "__query.Add<long>(" + Quote(paging.Limit.WireName) + ", __cursor.Limit);";
        return null;

        bool Is(PageFieldSpec field) => field.Parameter == parameter.Name && field.Property == property;
    }

    private static string PathText(MethodSpec method)
        => string.Concat(method.Path.Select(p => p.IsPlaceholder ? "{" + p.Text + "}" : p.Text));
}
