using WeChatPay.Benchmarks.Report;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>Benchmark 3: runs the generator's own scale harness (tests/WeChatPay.Generator.Benchmarks) and reads its figures.</summary>
public static class GeneratorScale
{
    public static GeneratorResults Run(CliOptions options)
        => throw new NotSupportedException("tests/WeChatPay.Generator.Benchmarks is not in the tree yet.");
}
