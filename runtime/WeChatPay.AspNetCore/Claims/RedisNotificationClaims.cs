using StackExchange.Redis;

namespace WeChatPay.AspNetCore;

/// <summary>
/// Claims kept in Redis, shared by every instance: a claim is one <c>SET key value NX PX lease</c>, so of two
/// instances that receive the same notification at once exactly one wins; a release deletes the key only while it
/// still holds this instance's token.
/// </summary>
public sealed class RedisNotificationClaims : INotificationClaims, IAsyncDisposable
{
    private const string Processed = "processed";
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <summary>Connects lazily to Redis with a StackExchange.Redis <paramref name="configuration"/>, such as <c>localhost:6379</c>.</summary>
    public RedisNotificationClaims(string configuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    private async ValueTask<IDatabase> DatabaseAsync() => (await _connection.Value.ConfigureAwait(false)).GetDatabase();

    /// <inheritdoc/>
    public async ValueTask<NotificationClaim> TryClaimAsync(string key, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await db.StringSetAsync(key, "lease:" + token, lease, When.NotExists).ConfigureAwait(false))
                return NotificationClaim.Claimed;
            var current = await db.StringGetAsync(key).ConfigureAwait(false);
            if (current == Processed)
                return NotificationClaim.AlreadyProcessed;
            if (current.HasValue)
                return NotificationClaim.InProgress;
            // The other claim expired or was released between the two commands: try once more.
        }

        return NotificationClaim.InProgress;
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
        => await (await DatabaseAsync().ConfigureAwait(false)).StringSetAsync(key, Processed, retention).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
        => await (await DatabaseAsync().ConfigureAwait(false)).LockReleaseAsync(key, "lease:" + token).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
            await (await _connection.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}
