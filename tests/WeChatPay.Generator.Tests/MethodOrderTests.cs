namespace WeChatPay.Generator.Tests;

/// <summary>
/// Endpoints are written in the ordinal order of "Name(ParameterType,…)", so that overloads come out in the same
/// order whatever order they are declared or parsed in.
/// </summary>
public sealed class MethodOrderTests
{
    [Fact]
    public void Endpoints_are_written_in_ordinal_order_of_name_then_parameter_types()
    {
        const string source = """
            namespace Ordering;

            public partial interface IOrderingApi
            {
                [Get("v3/all")] Task GetAll();
                [Get("v3/one")] Task Get(string byName);
                [Delete("v3/one")] Task Get(int byNumber, int andPage);
                [Get("v3/one")] Task Get(int byNumber);
                [Post("v3/one")] Task Get([Query] long byLong);
            }
            """;

        var result = TestSupport.GeneratorHarness.Run(SnapshotTests.GlobalUsings, source);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        var text = Assert.Single(result.Sources, s => s.HintName.EndsWith("IOrderingApi.g.cs", StringComparison.Ordinal)).Text;
        // Get(int) < Get(int,int) < Get(long) < Get(string) < GetAll(): the order of the full keys.
        var positions = new[] { "Get(int byNumber)", "Get(int byNumber, int andPage)", "Get(long byLong)", "Get(string byName)", "GetAll()" }
            .Select(signature => text.IndexOf("IOrderingApi." + signature, StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.OrderBy(p => p), positions);
    }
}
