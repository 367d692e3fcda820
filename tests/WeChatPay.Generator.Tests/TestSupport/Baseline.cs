namespace WeChatPay.Generator.Tests.TestSupport;

/// <summary>
/// Generated-source snapshots under <c>Baselines/{Test}/{hint}.g.cs.txt</c>, compared in full.
/// To rewrite them after an intended change: <c>WCP_UPDATE_BASELINES=1 dotnet test tests/WeChatPay.Generator.Tests</c>,
/// then review the diff. The generator's version is scrubbed (<see cref="Scrub"/>), so a version bump rewrites none.
/// </summary>
public static class Baseline
{
    public const string UpdateSwitch = "WCP_UPDATE_BASELINES";

    public static void Verify(string test, string hintName, string actual)
    {
        actual = Scrub(actual);
        var directory = Path.Combine(ProjectPaths.Directory, "Baselines", test);
        var path = Path.Combine(directory, hintName + ".txt");
        if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline {path}; run with {UpdateSwitch}=1 to create it, then review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    /// <summary>The text with the version in <c>[GeneratedCode("WeChatPay.Generator", "…")]</c> replaced by <c>{version}</c>.</summary>
    public static string Scrub(string generated)
        => System.Text.RegularExpressions.Regex.Replace(generated, "(GeneratedCode\\(\"WeChatPay\\.Generator\", \")[^\"]*(\"\\))", "${1}{version}${2}");

    public static IEnumerable<string> Existing(string test)
    {
        var directory = Path.Combine(ProjectPaths.Directory, "Baselines", test);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
    }
}

/// <summary>The test project's source directory, recorded at build time (see the project file).</summary>
public static class ProjectPaths
{
    public static string Directory { get; } =
        typeof(ProjectPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value
        ?? throw new InvalidOperationException("The test assembly does not record its ProjectDirectory.");
}
