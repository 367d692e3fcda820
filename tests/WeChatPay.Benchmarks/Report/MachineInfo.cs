using System.Globalization;
using System.Runtime.InteropServices;

namespace WeChatPay.Benchmarks.Report;

/// <summary>The machine a run measured on, as <c>lscpu</c> and <c>/proc/meminfo</c> describe it.</summary>
public sealed record MachineInfo(string CpuModel, int Cores, string Memory, string Os, string Runtime, string Sdk)
{
    /// <summary>The 1-minute load average (<c>/proc/loadavg</c>): how busy the shared machine was.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public static MachineInfo Describe(string? sdkVersion)
    {
        var model = "unknown";
        var lscpu = ProcessRunner.Run("lscpu", "", TimeSpan.FromSeconds(10));
        foreach (var line in lscpu.Output)
        {
            if (line.StartsWith("Model name:", StringComparison.Ordinal))
                model = line["Model name:".Length..].Trim();
        }

        var memory = "unknown";
        if (File.Exists("/proc/meminfo"))
        {
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb))
                memory = (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        }

        return new MachineInfo(model, Environment.ProcessorCount, memory, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, sdkVersion ?? "unknown");
    }
}
