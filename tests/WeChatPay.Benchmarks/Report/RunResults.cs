namespace WeChatPay.Benchmarks.Report;

/// <summary>One BenchmarkDotNet result: mean time and bytes allocated per operation.</summary>
/// <param name="Contender">Generated, Refit, HandWritten, or a signing step.</param>
/// <param name="Case">The endpoint (Upload, List) or the signing operation.</param>
/// <param name="Rsa">Real or Stubbed (RSA private-key operation replaced by a constant).</param>
/// <param name="StdErrNs">The standard error of the mean (the deviation over the square root of the iterations).</param>
/// <param name="OverFloorNs">Side by side only (<see cref="Harness.SideBySide"/>): the median of the contender's differences from the floor in the same rounds.</param>
/// <param name="OverFloorStdErrNs">Side by side only: the standard error of those differences' mean.</param>
public sealed record Measurement(string Contender, string Case, string Rsa, double MeanNs, double StdDevNs, double? AllocatedBytes, double StdErrNs = 0,
    double? OverFloorNs = null, double? OverFloorStdErrNs = null);

/// <summary>Loopback throughput at one level of concurrency.</summary>
/// <param name="SandboxSignsEveryAnswer">False when the sandbox reused its answer signatures (the gateway's signing taken out).</param>
/// <param name="CpuMicrosecondsPerRequest">Process CPU time (user + system, client and sandbox together) per request: steadier than req/s on a shared machine.</param>
public sealed record ThroughputPoint(int Callers, long Requests, long Failures, double Seconds, bool SandboxSignsEveryAnswer = false, double CpuMicrosecondsPerRequest = double.NaN)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>The loopback benchmark: requests per second at each concurrency, beside the RSA limits of the same run.</summary>
public sealed record ThroughputResults(
    IReadOnlyList<ThroughputPoint> Points,
    double SignaturesPerSecondAllCores,
    double VerificationsPerSecondAllCores,
    int Cores,
    string Setup,
    double CpuMicrosecondsPerSignature = double.NaN,
    double TransportFloorCpuMicrosecondsPerRequest = double.NaN,
    CpuSplit? Split = null);

/// <summary>One thread's CPU per call, in µs: the whole call in process (no sockets), and its parts.</summary>
/// <param name="InProcessCall">Client and sandbox in one process through the in-process handler.</param>
/// <param name="Signature">The client's RSA-2048 request signature alone.</param>
/// <param name="SandboxHandle">The sandbox's <c>Handle</c> alone (request verification, nonce store, routing, endpoint, answer headers).</param>
/// <param name="Verification">One RSA-2048 verification (process CPU, from the verification limit).</param>
public sealed record CpuSplit(double InProcessCall, double Signature, double SandboxHandle, double Verification)
{
    public double ClientWithoutSignature => InProcessCall - Signature - SandboxHandle;
}

/// <summary>The generator's scale harness, as it reported itself.</summary>
/// <param name="BodyEditMs">The incremental run after a one-character edit inside a method body of an unrelated file (no declaration changes).</param>
/// <param name="DeclarationEditMs">The incremental run after a one-character edit of a method name in an unrelated file (the inside of a type no endpoint reaches).</param>
/// <param name="TypeEditMs">The incremental run after a one-character edit of a type name in an unrelated file (every method is read again).</param>
/// <param name="FloorMs">The body edit through five ForAttributeWithMetadataName whose transforms do nothing (what the compiler costs any generator on these attributes), measured side by side with <paramref name="BodyEditBesideFloorMs"/> (median).</param>
/// <param name="BodyEditBesideFloorMs">The body edit through this generator, alternating with the floor's edits (median).</param>
/// <param name="TypeEditWithoutCollectionMs">The type edit with no garbage collection inside the run (median).</param>
public sealed record GeneratorResults(double? FullRunMs, double? BodyEditMs, double? DeclarationEditMs, double? TypeEditMs, double? FloorMs, double? BodyEditBesideFloorMs, double? TypeEditWithoutCollectionMs, int? Endpoints, string Command, IReadOnlyList<string> Output);

/// <summary>One native-AOT app.</summary>
/// <param name="SizeByAssembly">Bytes of native code and data per assembly, from the ILC map file (approximate).</param>
/// <param name="PublishSeconds">The wall time of its <c>dotnet publish</c>, and of the native compilation (ILC) in it.</param>
public sealed record AotApp(string Name, string Description, long? SizeBytes, IReadOnlyList<double> StartToFirstVerifiedMs, string? Problem,
    IReadOnlyDictionary<string, long>? SizeByAssembly = null, double? PublishSeconds = null, double? IlcSeconds = null)
{
    public double? MedianMs => StartToFirstVerifiedMs.Count == 0 ? null : StartToFirstVerifiedMs.Order().ElementAt(StartToFirstVerifiedMs.Count / 2);
}

/// <summary>Everything one run measured; <see cref="DocsWriter"/> turns it into docs/benchmarks.md.</summary>
public sealed class RunResults
{
    public required string Mode { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; set; }

    /// <summary>From the command (run.sh) to the docs, its build included; null when the suite was started another way.</summary>
    public TimeSpan? CommandDuration { get; set; }

    /// <summary>How long each section took, in the order they ran.</summary>
    public List<(string Section, TimeSpan Took)> SectionTimes { get; } = [];

    /// <summary>Whether every section ran (the short-mode time target is about all of them).</summary>
    public bool RanEverySection => CliOptions.AllSections.All(section => SectionTimes.Exists(t => t.Section == section));

    /// <summary>The 1-minute load average at the start and at the end of the run.</summary>
    public string LoadAtStart { get; init; } = "";
    public string LoadAtEnd { get; set; } = "";
    public List<Measurement> Signing { get; } = [];
    public List<Measurement> PerCall { get; } = [];

    /// <summary>The per-call cases measured side by side (<see cref="Harness.SideBySide"/>): MeanNs holds the median.</summary>
    public List<Measurement> PerCallSideBySide { get; } = [];
    public List<Measurement> Json { get; } = [];
    public ThroughputResults? Throughput { get; set; }
    public GeneratorResults? Generator { get; set; }
    public List<AotApp> Aot { get; } = [];

    /// <summary>Sections that could not run, with the reason; printed in the docs rather than hidden.</summary>
    public List<string> Problems { get; } = [];
}
