using System.Runtime.CompilerServices;

namespace WeChatPay.Generator.Tests.TestSupport;

/// <summary>
/// Generated-source snapshots under <c>Baselines/{Test}/{hint}.g.cs.txt</c>, compared in full.
/// To rewrite them after an intended change: <c>WCP_UPDATE_BASELINES=1 dotnet test tests/WeChatPay.Generator.Tests</c>,
/// then review the diff.
/// </summary>
public static class Baseline
{
    public const string UpdateSwitch = "WCP_UPDATE_BASELINES";

    public static void Verify(string test, string hintName, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Baselines", test);
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

    public static IEnumerable<string> Existing(string test, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Baselines", test);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
    }

    private static string FindProjectDirectory(string callerPath)
    {
        for (var directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "WeChatPay.Generator.Tests.csproj")))
                return directory;
        }
        throw new InvalidOperationException("Cannot find the test project directory from " + callerPath);
    }
}
