using System.Collections.Generic;
using System.Linq;
using WeChatPay.Generator.Model;

namespace WeChatPay.Generator;

/// <summary>The endpoint methods: build the request, send it through the client, shape the result.</summary>
internal sealed partial class Emitter
{
    private void EmitMethod(MethodSpec method)
    {
        if (method.Paging is { } paging)
        {
            EmitPagedMethod(method, paging);
            return;
        }
        var r = method.Return;
        var isAsync = r.Flavor != ReturnFlavor.Sync;
        var parameters = string.Join(", ", method.Parameters.Select(p => p.Type.AnnotatedName + " " + Escape(p.Name)));
        _w.Line("/// <summary>" + method.HttpMethod + " " + System.Security.SecurityElement.Escape(PathText(method)) + "</summary>");
        _w.Open((isAsync ? "async " : "") + r.Type.AnnotatedName + " " + _spec.FullyQualifiedName + "." + method.Name + "(" + parameters + ")");

        var cancellation = method.Parameters.FirstOrDefault(p => p.Role == ParameterRole.CancellationToken) is { } ct ? Escape(ct.Name) : "default";
        var awaitPrefix = isAsync ? "await " : "";
        var configureAwait = isAsync ? ".ConfigureAwait(false)" : "";

        var body = method.Parameters.FirstOrDefault(p => p.Role == ParameterRole.Body);
        var bodyType = body is null ? null : Find(body.Type.Name);
        var encrypts = bodyType is { NeedsSensitiveWalk: true };
        if (body is not null && !(bodyType?.IsValueType ?? false))
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(" + Escape(body.Name) + ");");

        var target = EmitTarget(method);
        var hasHeaders = EmitHeaders(method);

        if (encrypts)
        {
            // [Sensitive] fields are encrypted with the platform key on a copy; Wechatpay-Serial names that key.
            _w.Line("var __encryptionKey = " + (isAsync ? "await this._client.GetEncryptionKeyAsync(" + cancellation + ").ConfigureAwait(false);" : "this._client.GetEncryptionKey();"));
            _w.Line("var __body = global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes("
                + Walk(bodyType!.Name, Escape(body!.Name), "__encryptionKey.Encrypt", sourceIsNotNull: true) + ", " + TypeInfo(body.Type.Name) + ");");
        }
        else if (body is not null)
        {
            _w.Line("var __body = global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(" + Escape(body.Name) + ", " + TypeInfo(body.Type.Name) + ");");
        }

        var initializers = new List<string> { UrlTemplateInitializer(method) };
        if (body is not null)
        {
            initializers.Add("Body = __body,");
            initializers.Add("ContentType = \"application/json\",");
        }
        if (hasHeaders)
            initializers.Add("Headers = __headers,");
        if (encrypts)
            initializers.Add("WechatpaySerial = __encryptionKey.Id,");
        var create = "var __request = new global::WeChatPay.WeChatPayRequest(global::System.Net.Http.HttpMethod." + HttpMethodProperty(method.HttpMethod) + ", " + target + ")";
        _w.Line(create);
        _w.Line("{").Indent();
        foreach (var line in initializers)
            _w.Line(line);
        _w.Outdent().Line("};");

        var send = awaitPrefix + (isAsync ? "this._client.SendAsync(__request, " : "this._client.Send(__request, ") + cancellation + ")" + configureAwait + ";";
        EmitResult(method, send);
        _w.Close();
    }

    private void EmitResult(MethodSpec method, string send)
    {
        var r = method.Return;
        switch (r.Shape)
        {
            case ResultShape.None:
                _w.Line(send);
                break;
            case ResultShape.RawResponse:
                _w.Line("return " + send);
                break;
            case ResultShape.Stream:
                _w.Line("var __response = " + send);
                _w.Line("return new global::System.IO.MemoryStream(__response.Body.ToArray(), writable: false);");
                break;
            case ResultShape.Bytes:
                _w.Line("var __response = " + send);
                _w.Line("return __response.Body.ToArray();");
                break;
            case ResultShape.Value:
            case ResultShape.TypedResponse:
                _w.Line("var __response = " + send);
                var valueType = Find(r.Value!.Name);
                var decrypt = "__response.Deserialize(" + TypeInfo(r.Value.Name) + ")";
                if (valueType is { NeedsSensitiveWalk: true })
                {
                    // [Sensitive] fields are decrypted with the merchant key; a Nullable<struct> is read once, then walked.
                    if (valueType.Kind == JsonKind.Nullable)
                    {
                        _w.Line("var __decoded = " + decrypt + ";");
                        decrypt = "__decoded";
                    }
                    decrypt = Walk(valueType.Name, decrypt, "this._client.DecryptSensitive", sourceIsNotNull: true);
                }
                if (r.Shape == ResultShape.Value)
                {
                    _w.Line("return " + decrypt + ";");
                }
                else
                {
                    _w.Line("var __value = " + decrypt + ";");
                    _w.Line("return new global::WeChatPay.WeChatPayResponse<" + r.Value.AnnotatedName + ">(__response, __value);");
                }
                break;
        }
    }

    private static string HttpMethodProperty(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        _ => "Delete",
    };

    private TypeSpec? Find(string typeName) => _types.TryGetValue(typeName, out var type) ? type : null;

    /// <summary>The typed JsonTypeInfo accessor of a body or result type.</summary>
    private string TypeInfo(string typeName) => "Json" + Id(typeName);

    /// <summary>Lazily cached, typed JsonTypeInfo for each body and result type, from the generated or the user's context.</summary>
    private void EmitTypeInfoAccessors()
    {
        var context = (_spec.UserJsonContext ?? ContextName) + ".Default";
        var used = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var method in _spec.Methods)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Role == ParameterRole.Body)
                    used.Add(parameter.Type.Name);
            }
            if (method.Return.Value is { } value)
                used.Add(value.Name);
        }
        foreach (var type in used)
        {
            var info = JsonTypeInfo + "<" + type + ">";
            var field = "s_json" + Id(type);
            var missing = Quote("The JSON context of " + _spec.Name + " has no metadata for " + type.Replace("global::", "") + ".");
            _w.Lines($$"""

                private static {{info}}? {{field}};

                private static {{info}} {{TypeInfo(type)}}
                    => {{field}} ??= ({{info}})({{context}}.GetTypeInfo(typeof({{type}}))
                        ?? throw new {{InvalidOperationException}}({{missing}}));
                """);
        }
    }

    /// <summary>The request's <c>UrlTemplate</c> initializer: the declared template, never a filled path (telemetry).</summary>
    private static string UrlTemplateInitializer(MethodSpec method)
        => "UrlTemplate = " + Quote(string.Concat(method.Path.Select(p => p.IsPlaceholder ? "{" + p.Text + "}" : p.Text))) + ",";
}
