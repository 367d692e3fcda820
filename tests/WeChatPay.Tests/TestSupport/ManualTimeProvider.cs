namespace WeChatPay.Tests.TestSupport;

/// <summary>
/// A clock that moves only when told to, for signing timestamps and the verification window. Thread-safe.
/// Timers created through it (<see cref="TimeProvider.CreateTimer"/>) still run on real time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts at the current real time, truncated to whole seconds (so test certificates are valid).</summary>
    public ManualTimeProvider()
        : this(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
    {
    }

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public ManualTimeProvider(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => Interlocked.Read(ref _utcTicks);

    /// <summary>The current time in Unix seconds.</summary>
    public long UnixSeconds => GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Moves the clock forward (or back, with a negative span).</summary>
    public void Advance(TimeSpan delta) => Interlocked.Add(ref _utcTicks, delta.Ticks);

    /// <summary>Sets the clock.</summary>
    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
}
