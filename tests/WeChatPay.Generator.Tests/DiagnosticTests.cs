using Microsoft.CodeAnalysis;
using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests;

/// <summary>One test per diagnostic ID: the ID, where it points (the span of the offending text) and the full message.</summary>
public sealed class DiagnosticTests
{
    private const string Models = """
        namespace Demo
        {
            public sealed record Req(string Name);
            public sealed record Res(string Id);
        }
        """;

    private static Diagnostic Single(string source, string id, string locatedText, string prefix = "")
    {
        var result = GeneratorHarness.Run(SnapshotTests.GlobalUsings, Models, source);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Source2.cs", diagnostic.Location.SourceTree?.FilePath ?? diagnostic.Location.GetLineSpan().Path);
        var start = source.IndexOf(prefix + locatedText, StringComparison.Ordinal);
        Assert.True(start >= 0 && source.IndexOf(prefix + locatedText, start + 1, StringComparison.Ordinal) < 0, "The located text must occur once: " + prefix + locatedText);
        start += prefix.Length;
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(start, locatedText.Length), diagnostic.Location.SourceSpan);
        Assert.Equal(Generator.DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("IApi", StringComparison.Ordinal));
        return diagnostic;
    }

    private static string Api(string members, string header = "public partial interface IApi") => $$"""
        namespace Demo
        {
            {{header}}
            {
                {{members}}
            }
        }
        """;

    [Fact]
    public void WCP0001_placeholder_without_parameter()
    {
        var d = Single(Api("""[Get("v3/stocks/{stock_id}")] Task<Res> GetAsync();"""), "WCP0001", "Get(\"v3/stocks/{stock_id}\")");
        Assert.Equal("The placeholder 'stock_id' in the path of 'IApi.GetAsync' has no parameter: add a parameter named 'stock_id' (or its camelCase form), or mark one with [Path(\"stock_id\")]", d.GetMessage());
    }

    [Fact]
    public void WCP0002_parameter_bound_to_nothing()
    {
        var d = Single(Api("""[Post("v3/stocks")] Task<Res> CreateAsync(Req json, int retries);"""), "WCP0002", "retries");
        Assert.Equal("The parameter 'retries' of 'IApi.CreateAsync' is bound to nothing: a POST request sends scalars only in its path, query or headers; mark it [Query], [Header(\"name\")] or [Path(\"name\")], or move it into the body model", d.GetMessage());
    }

    [Fact]
    public void WCP0002_path_attribute_naming_no_placeholder()
    {
        var d = Single(Api("""[Get("v3/stocks/{stock_id}")] Task<Res> GetAsync(string stockId, [Path("other")] string value);"""), "WCP0002", "value");
        Assert.Equal("The parameter 'value' of 'IApi.GetAsync' is bound to nothing: the path has no placeholder '{other}'; fix the name in [Path] or add the placeholder to the path", d.GetMessage());
    }

    [Fact]
    public void WCP0003_two_bodies()
    {
        var d = Single(Api("""[Post("v3/stocks")] Task<Res> CreateAsync(Req first, Req second);"""), "WCP0003", "second");
        Assert.Equal("The method 'IApi.CreateAsync' has more than one JSON body ('first' and 'second'): a request has one body, so bind the other with [Query], [Path] or [Header], or merge both into one model", d.GetMessage());
    }

    [Fact]
    public void WCP0004_body_on_get_or_delete()
    {
        var d = Single(Api("""[Delete("v3/stocks")] Task RemoveAsync([Body] Req json);"""), "WCP0004", "json");
        Assert.Equal("The DELETE method 'IApi.RemoveAsync' has the body parameter 'json': WeChat Pay DELETE requests carry no body; send it with [Query] instead", d.GetMessage());
    }

    [Fact]
    public void WCP0005_unsupported_return_type()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<object> ListAsync();"""), "WCP0005", "ListAsync");
        Assert.Equal("The method 'IApi.ListAsync' returns 'System.Threading.Tasks.Task<object>', which is not supported: return Task, ValueTask, void, T, Task<T>, ValueTask<T>, Task<WeChatPayResponse<T>>, Task<Stream> or Task<byte[]>", d.GetMessage());
    }

    [Fact]
    public void WCP0006_non_partial_interface()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync();""", header: "public interface IApi"), "WCP0006", "IApi");
        Assert.Equal("The interface 'IApi' declares WeChat Pay endpoints but is not a top-level, non-generic partial interface: declare it as 'partial interface IApi' directly in a namespace", d.GetMessage());
    }

    [Fact]
    public void WCP0007_generic_method()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<T> ListAsync<T>();"""), "WCP0007", "ListAsync");
        Assert.Equal("The method 'IApi.ListAsync' is generic: endpoint methods cannot have type parameters; declare one method per concrete type", d.GetMessage());
    }

    [Fact]
    public void WCP0008_duplicated_placeholder()
    {
        var d = Single(Api("""[Get("v3/{id}/x/<id>")] Task<Res> GetAsync(string id);"""), "WCP0008", "Get(\"v3/{id}/x/<id>\")");
        Assert.Equal("The placeholder 'id' appears more than once in the path of 'IApi.GetAsync': give each placeholder a distinct name", d.GetMessage());
    }

    [Theory]
    [InlineData("https://api.mch.weixin.qq.com/v3/x", "it is an absolute URL; write it relative to WeChatPayOptions.BaseAddress, for example 'v3/certificates'")]
    [InlineData("v3/a b", "it contains whitespace; remove it")]
    [InlineData("v3/{stock_id/x", "the '{' at position 3 is not closed by '}'")]
    [InlineData("v3/<stock_id/x", "the '<' at position 3 is not closed by '>'")]
    [InlineData("v3/stock_id}/x", "the '}' at position 11 closes nothing")]
    [InlineData("v3/x?limit=1", "it contains '?'; bind query values with parameters instead")]
    [InlineData("", "it is empty; write the path relative to the base address, for example 'v3/marketing/busifavor/stocks'")]
    public void WCP0009_invalid_path(string path, string reason)
    {
        var d = Single(Api($$"""[Get("{{path}}")] Task<Res> GetAsync();"""), "WCP0009", $"Get(\"{path}\")");
        Assert.Equal($"The path '{path}' of 'IApi.GetAsync' is invalid: {reason}", d.GetMessage());
    }

    [Fact]
    public void WCP0010_unsupported_model_member()
    {
        var source = Api("""[Get("v3/stocks")] Task<Bag> GetAsync();""") + """

            namespace Demo
            {
                public sealed class Bag
                {
                    public object? Extra { get; set; }
                }
            }
            """;
        var d = Single(source, "WCP0010", "Extra");
        Assert.Equal("'Bag.Extra' has the type 'object?', which the generated JSON metadata does not support (object has no JSON shape to generate; use JsonElement or JsonNode): change the type, mark it [JsonIgnore], or name your own JsonSerializerContext with [WeChatPayJsonContext(typeof(...))] on the interface", d.GetMessage());
    }

    [Fact]
    public void WCP0011_sensitive_on_non_string()
    {
        var source = Api("""[Post("v3/stocks")] Task CreateAsync(Card json);""") + """

            namespace Demo
            {
                public sealed record Card([property: Sensitive] int Number);
            }
            """;
        var d = Single(source, "WCP0011", "Number");
        Assert.Equal("The property 'Card.Number' is marked [Sensitive] but has the type 'int': only string properties can be encrypted; make it a string or remove [Sensitive]", d.GetMessage());
    }

    [Fact]
    public void WCP0012_unsupported_parameter_type()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync(int[] ids);"""), "WCP0012", "ids");
        Assert.Equal("The parameter 'ids' of 'IApi.ListAsync' has the type 'int[]', which cannot be sent in a query: use string, bool, a number, Guid, DateTimeOffset, DateTime or an enum", d.GetMessage());
    }

    [Fact]
    public void WCP0013_sensitive_model_that_cannot_be_copied()
    {
        var source = Api("""[Post("v3/stocks")] Task CreateAsync(Card json);""") + """

            namespace Demo
            {
                public sealed class Card
                {
                    public Card(string holder) => Holder = holder;
                    [Sensitive] public string Holder { get; }
                }
            }
            """;
        var d = Single(source, "WCP0013", "Card", prefix: "sealed class ");
        Assert.Equal("The type 'Demo.Card' holds [Sensitive] fields but cannot be copied without changing the caller's object: make it a record, or give it a public parameterless constructor and settable or init properties", d.GetMessage());
    }

    [Fact]
    public void WCP0014_json_context_that_is_not_a_context()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync();""", header: "[WeChatPayJsonContext(typeof(string))] public partial interface IApi"), "WCP0014", "WeChatPayJsonContext(typeof(string))");
        Assert.Equal("The type 'string' named by [WeChatPayJsonContext] on 'IApi' does not derive from JsonSerializerContext: name a class generated with [JsonSerializable] attributes", d.GetMessage());
    }

    [Fact]
    public void WCP0015_interface_member_without_an_http_attribute()
    {
        var d = Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync(); Task<Res> ForgottenAsync();"""), "WCP0015", "ForgottenAsync");
        Assert.Equal("The member 'ForgottenAsync' of 'IApi' has no [Get], [Post], [Put], [Patch] or [Delete] attribute, so the generated client cannot implement it: add one, or give it a default body", d.GetMessage());
    }

    [Fact]
    public void WCP0016_sensitive_property_in_a_query_model()
    {
        var source = Api("""[Get("v3/users")] Task<Res> FindAsync([Query] UserFilter filter);""") + """

            namespace Demo
            {
                public sealed class UserFilter
                {
                    public string? City { get; set; }
                    [Sensitive] public string? Phone { get; set; }
                }
            }
            """;
        var d = Single(source, "WCP0016", "Phone");
        Assert.Equal("The property 'UserFilter.Phone' is marked [Sensitive], but 'IApi.FindAsync' sends it in the query string, where it would travel in plain text: sensitive fields are encrypted in request bodies only; send it in the body or remove [Sensitive]", d.GetMessage());
    }

    [Fact]
    public void WCP0017_sensitive_fields_behind_a_member_the_generator_cannot_walk()
    {
        static string WithUserContext(string models) => """
            namespace Demo
            {
                [WeChatPayJsonContext(typeof(Ctx))]
                public partial interface IApi
                {
                    [Post("v3/books")] Task SendAsync(Book json);
                }

                [System.Text.Json.Serialization.JsonSerializable(typeof(Book))]
                internal sealed partial class Ctx : System.Text.Json.Serialization.JsonSerializerContext;
            """ + models + "\n}";

        // The encrypted copy of a model with [Sensitive] fields would leave out a member it cannot walk.
        var lost = WithUserContext("""
                public sealed class Book
                {
                    [Sensitive] public string? Name { get; set; }
                    public HashSet<string>? Tags { get; set; }
                }
            """);
        var d = Single(lost, "WCP0017", "Tags");
        Assert.Equal("The member 'Book.Tags' has the type 'System.Collections.Generic.HashSet<string>?', which the generator cannot walk for [Sensitive] fields, and 'Book' holds [Sensitive] fields, so its encrypted copy would leave this member out: use T[], List<T>, IReadOnlyList<T> or Dictionary<string, T> for it", d.GetMessage());

        // [Sensitive] fields inside a member it cannot walk would go out unencrypted.
        var leaked = WithUserContext("""
                public sealed class Book
                {
                    public HashSet<Contact>? Contacts { get; set; }
                }

                public sealed class Contact
                {
                    [Sensitive] public string? Phone { get; set; }
                }
            """);
        d = Single(leaked, "WCP0017", "Contacts");
        Assert.Equal("The member 'Book.Contacts' has the type 'System.Collections.Generic.HashSet<Demo.Contact>?', which the generator cannot walk for [Sensitive] fields, and it holds [Sensitive] fields, which would be sent and read unencrypted: use T[], List<T>, IReadOnlyList<T> or Dictionary<string, T> for it", d.GetMessage());
    }

    [Theory]
    [InlineData("Get")]
    [InlineData("Delete")]
    public void WCP0018_model_parameter_on_get_or_delete_needs_query(string verb)
    {
        var d = Single(Api($$"""[{{verb}}("v3/stocks")] Task<Res> ListAsync(Req filter);"""), "WCP0018", "filter");
        var method = verb.ToUpperInvariant();
        Assert.Equal($"The parameter 'filter' of the {method} method 'IApi.ListAsync' has the type 'Demo.Req', which is not a scalar, and a {method} request has no body: mark it [Query] to send its properties as query parameters", d.GetMessage());
    }

    private const string PageQuery = """
        namespace Demo
        {
            public sealed class PageQuery { public string? Status { get; init; } public int Offset { get; init; } public int Limit { get; init; } }
        }
        """;

    private static string PagedMessage(string reason) => "The paged method 'IApi.ListAsync' cannot walk WeChat Pay's pages: " + reason;

    [Fact]
    public void WCP0019_paged_method_that_is_not_a_get()
    {
        var d = Single(Api("""[Post("v3/stocks")] IAsyncEnumerable<Res> ListAsync(Req json, [Query] int offset, [Query] int limit);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("it is a POST, and WeChat Pay's pages are read with GET"), d.GetMessage());
    }

    [Fact]
    public void WCP0019_paged_method_without_a_limit()
    {
        var d = Single(Api("""[Get("v3/stocks")] IAsyncEnumerable<Res> ListAsync(string? status, int offset);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("nothing sends its 'limit': give its [Query] model a Limit property or add an int parameter named limit"), d.GetMessage());
    }

    [Fact]
    public void WCP0019_paged_method_whose_offset_is_not_an_integer()
    {
        var d = Single(Api("""[Get("v3/stocks")] IAsyncEnumerable<Res> ListAsync(string offset, int limit);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("'offset' must be an int or a long (or their Nullable<T>)"), d.GetMessage());
    }

    private const string ContextHeader = "public partial class Ctx : System.Text.Json.Serialization.JsonSerializerContext { public static Ctx Default { get; } = new(); public Ctx() : base(null) { } "
        + "protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null; "
        + "public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null; }\n"
        + "    [WeChatPayJsonContext(typeof(Ctx))]\n    public partial interface IApi";

    [Fact]
    public void WCP0019_paged_method_whose_item_its_own_json_context_does_not_name()
    {
        var source = Api("""[Get("v3/stocks")] IAsyncEnumerable<Res> ListAsync([Query] PageQuery query);""",
            "[System.Text.Json.Serialization.JsonSerializable(typeof(Req))]\n    " + ContextHeader);
        var result = GeneratorHarness.Run(SnapshotTests.GlobalUsings, Models, PageQuery, source);
        var d = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("WCP0019", d.Id);
        Assert.Equal(PagedMessage("its item type 'Demo.Res' is not named by a [JsonSerializable] of the interface's JSON context 'Demo.Ctx', which reads each page's items; add [JsonSerializable(typeof(Demo.Res))] to it"), d.GetMessage());
    }

    [Fact]
    public void A_paged_method_on_an_interface_whose_json_context_names_its_item_is_generated()
    {
        var source = Api("""[Get("v3/stocks")] [Paged(PageMode.PageNumber)] IAsyncEnumerable<Res> ListAsync([Query] PageQuery query);""",
            "[System.Text.Json.Serialization.JsonSerializable(typeof(Res))]\n    " + ContextHeader);
        var result = GeneratorHarness.Run(SnapshotTests.GlobalUsings, Models, PageQuery, source);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        var client = Assert.Single(result.Sources).Text;
        Assert.Contains("new global::WeChatPay.PageCursor(global::WeChatPay.PageMode.PageNumber, query?.Offset, query?.Limit)", client);
        Assert.Contains("global::Demo.Ctx.Default.GetTypeInfo(typeof(global::Demo.Res))", client);
    }

    [Fact]
    public void WCP0019_paged_attribute_on_a_method_that_does_not_page()
    {
        var d = Single(Api("""[Get("v3/stocks")] [Paged(PageMode.PageNumber)] Task<Res> ListAsync(int offset, int limit);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("it is marked [Paged] but returns System.Threading.Tasks.Task<Demo.Res>; a paged method returns IAsyncEnumerable<T>"), d.GetMessage());
    }

    [Fact]
    public void WCP0019_paged_attribute_with_an_unknown_mode()
    {
        var d = Single(Api("""[Get("v3/stocks")] [Paged((PageMode)7)] IAsyncEnumerable<Res> ListAsync(int offset, int limit);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("its [Paged] mode 7 is not PageMode.Offset or PageMode.PageNumber"), d.GetMessage());
    }

    [Fact]
    public void WCP0019_a_synchronous_paged_method_is_refused()
    {
        var d = Single(Api("""[Get("v3/stocks")] IEnumerable<Res> ListAsync(int offset, int limit);"""), "WCP0019", "ListAsync");
        Assert.Equal(PagedMessage("it returns IEnumerable<T>, and paging has no synchronous form (it would block a thread on every page); return IAsyncEnumerable<T>"), d.GetMessage());
    }

    [Fact]
    public void A_paged_method_reads_offset_and_limit_from_its_query_model()
    {
        var result = GeneratorHarness.Run(SnapshotTests.GlobalUsings, Models, PageQuery,
            Api("""[Get("v3/stocks")] IAsyncEnumerable<Res> ListAsync([Query] PageQuery query, CancellationToken cancellationToken);"""));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        // No page type: the runtime reads the envelope, the generated context holds only the item.
        Assert.DoesNotContain("ResPage", result.Sources.Single(s => s.HintName.EndsWith(".Json.g.cs", StringComparison.Ordinal)).Text);
        Assert.Contains("WeChatPayPage<global::Demo.Res>.Read(__response, JsonRes)", result.Sources.Single(s => s.HintName.EndsWith("IApi.g.cs", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public void A_collection_cannot_be_a_query_model_with_or_without_the_attribute()
    {
        Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync(List<string> ids);"""), "WCP0012", "ids");
        Single(Api("""[Get("v3/stocks")] Task<Res> ListAsync([Query] List<string> ids);"""), "WCP0012", "ids");
    }

    [Theory]
    [InlineData("public partial interface IApi", "Task<Res> ForgottenAsync();", "WCP0015")]
    [InlineData("public interface IApi", "", "WCP0006")]
    [InlineData("[WeChatPayJsonContext(typeof(string))] public partial interface IApi", "", "WCP0014")]
    public void An_interface_level_error_does_not_hide_the_method_errors_of_the_same_build(string header, string extraMember, string interfaceError)
    {
        var source = Api($$"""
            [Get("v3/stocks/{stock_id}")] Task<Res> GetAsync();
                    [Get("v3/{id}/x/<id>")] Task<Res> DuplicateAsync(string id);
                    [Post("v3/cards")] Task CreateAsync(Card json);
                    [Get("v3/stocks")] Task<Res> ListAsync(int[] ids);
                    {{extraMember}}
            """, header) + """

            namespace Demo
            {
                public sealed record Card([property: Sensitive] int Number);
            }
            """;
        var result = GeneratorHarness.Run(SnapshotTests.GlobalUsings, Models, source);
        var ids = result.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "WCP0001", "WCP0008", "WCP0011", "WCP0012", interfaceError }.Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("IApi", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_descriptor_is_tracked_in_the_unshipped_release_file()
    {
        var releases = File.ReadAllText(Path.Combine(SnapshotTests.ProjectDirectory(), "../../generator/WeChatPay.Generator/AnalyzerReleases.Unshipped.md"));
        foreach (var id in Generator.DiagnosticDescriptors.ById.Keys)
            Assert.Contains(id + " | WeChatPay | Error |", releases);
    }
}
