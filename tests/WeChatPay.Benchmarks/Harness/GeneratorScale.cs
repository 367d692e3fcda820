using System.Globalization;
using System.Text.RegularExpressions;
using WeChatPay.Benchmarks.Report;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Benchmark 3 (issue #5): the generator at 1,000 endpoints. It reuses the generator's own scale harness
/// (tests/WeChatPay.Generator.Benchmarks, issue #3) as a child process — its Roslyn version stays apart from the one
/// BenchmarkDotNet and Refit bring here — and reads the figures it prints. This project's build builds the harness too
/// (a build-order reference), so it runs without a build of its own.
/// </summary>
public static partial class GeneratorScale
{
    private const string Project = "tests/WeChatPay.Generator.Benchmarks";

    public static GeneratorResults Run(CliOptions options)
    {
        if (!Directory.Exists(Path.Combine(options.RepositoryRoot, Project)))
            throw new InvalidOperationException($"{Project} (the generator's scale harness) is not in the tree.");
        var arguments = options.Full ? "" : "--short";
        var command = $"dotnet run -c Release --no-build --project {Project}{(arguments.Length > 0 ? " -- " + arguments : "")}";
        Console.WriteLine($"  {command}");
        var result = ProcessRunner.Run("dotnet", command["dotnet ".Length..],
            TimeSpan.FromMinutes(10), options.RepositoryRoot, echo: true);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"the generator harness exited with {result.ExitCode}: {string.Join(" / ", result.Output.TakeLast(3))}");
        return new GeneratorResults(
            Find(result.Output, Full()), Find(result.Output, BodyEdit()), Find(result.Output, DeclarationEdit()), Find(result.Output, TypeEdit()), Find(result.Output, Floor()), Find(result.Output, BodyEditBesideFloor()), Find(result.Output, WithoutCollection()),
            (int?)Find(result.Output, Endpoints()), command, Summary(result.Output));
    }

    /// <summary>The harness's own summary: from its "GENERATOR SCALE" line on, else its last lines.</summary>
    private static IReadOnlyList<string> Summary(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindLastIndex(l => l.StartsWith("GENERATOR SCALE", StringComparison.Ordinal));
        return start >= 0 ? lines.Skip(start).ToList() : lines.TakeLast(20).ToList();
    }

    private static double? Find(IReadOnlyList<string> lines, Regex pattern)
    {
        foreach (var line in lines.Reverse())
        {
            var match = pattern.Match(line);
            if (match.Success && double.TryParse(match.Groups["value"].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*full run:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex Full();

    [GeneratedRegex(@"^\s*incremental run, body edit[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex BodyEdit();

    [GeneratedRegex(@"^\s*incremental run, declaration edit[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationEdit();

    [GeneratedRegex(@"^\s*incremental run, type edit[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex TypeEdit();

    [GeneratedRegex(@"^\s*body edit side by side with the floor[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex BodyEditBesideFloor();

    [GeneratedRegex(@"^\s*floor[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex Floor();

    [GeneratedRegex(@"type edit with no garbage collection[^:]*:\s*(?<value>[0-9][0-9,]*(\.[0-9]+)?)\s*ms", RegexOptions.IgnoreCase)]
    private static partial Regex WithoutCollection();

    [GeneratedRegex(@"(?<value>[0-9][0-9,]*)\s+endpoints", RegexOptions.IgnoreCase)]
    private static partial Regex Endpoints();
}
