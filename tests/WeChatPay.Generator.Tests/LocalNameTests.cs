namespace WeChatPay.Generator.Tests;

/// <summary>
/// Generated method bodies declare their own locals; a user's parameter may be named like any of them
/// (a body called <c>request</c> is common) and the output must still compile.
/// </summary>
public sealed class LocalNameTests
{
    [Fact]
    public void Parameters_named_like_generated_locals_still_compile()
    {
        const string source = """
            namespace Names;

            public sealed class Request { public string? Text { get; set; } }
            public sealed class Result { public string? Text { get; set; } }
            public sealed class Filter { public string? Status { get; set; } }

            public partial interface INamesApi
            {
                [Post("v3/things/{target}")]
                Task<Result> PostAsync(string target, [Query] string query, [Header("X-Value")] string value, Request request, CancellationToken response);

                [Get("v3/things/{body}")]
                WeChatPayResponse<Result> Get(string body, [Query] Filter headers, [Query("client")] string _client, [Query] int __unused);
            }
            """;

        var result = TestSupport.GeneratorHarness.Run(SnapshotTests.GlobalUsings, source);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationDiagnostics);
    }
}
