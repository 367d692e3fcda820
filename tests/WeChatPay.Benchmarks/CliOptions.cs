namespace WeChatPay.Benchmarks;

/// <summary>The command line: mode, sections, and where the repository (and so docs/) is.</summary>
public sealed class CliOptions
{
    public static readonly string[] AllSections = ["signing", "percall", "throughput", "generator", "aot"];

    public bool Full { get; private init; }

    /// <summary>Only check that every contender works (one verified call each), measure nothing.</summary>
    public bool Check { get; private init; }

    /// <summary>Print which types each contender allocates per call (a diagnostic; measures nothing for the docs).</summary>
    public bool ProfileAllocations { get; private init; }
    public IReadOnlyList<string> Sections { get; private init; } = AllSections;
    public string RepositoryRoot { get; private init; } = "";
    public string DocsPath => Path.Combine(RepositoryRoot, "docs", "benchmarks.md");

    /// <summary>Where builds of other projects go, so that parallel builds never share bin/obj.</summary>
    public string ArtifactsPath { get; private init; } = "";

    public static CliOptions? Parse(string[] args)
    {
        var full = false;
        var check = false;
        var profile = false;
        var sections = AllSections;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--short":
                    full = false;
                    break;
                case "--full":
                    full = true;
                    break;
                case "--check":
                    check = true;
                    break;
                case "--profile-allocations":
                    profile = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    sections = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = sections.Except(AllSections).ToArray();
                    if (unknown.Length > 0)
                    {
                        Console.Error.WriteLine($"Unknown section(s) {string.Join(", ", unknown)}; known: {string.Join(", ", AllSections)}.");
                        return null;
                    }
                    break;
                default:
                    Console.Error.WriteLine("usage: run.sh [--short | --full | --check | --profile-allocations] [--only signing,percall,throughput,generator,aot]");
                    return null;
            }
        }

        var root = FindRepositoryRoot();
        var artifacts = Environment.GetEnvironmentVariable("WCP_ARTIFACTS");
        if (string.IsNullOrEmpty(artifacts))
            artifacts = Path.Combine(Path.GetTempPath(), "wcp-bench");
        return new CliOptions { Full = full, Check = check, ProfileAllocations = profile, Sections = sections, RepositoryRoot = root, ArtifactsPath = artifacts };
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SourceGen.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository (SourceGen.sln not found).");
    }
}

/// <summary>The .NET SDK that builds the other projects.</summary>
public static class DotnetSdk
{
    public static string? Version(string repositoryRoot)
    {
        var result = Report.ProcessRunner.Run("dotnet", "--version", TimeSpan.FromSeconds(30), repositoryRoot);
        return result.ExitCode == 0 ? result.Output.FirstOrDefault() : null;
    }
}
