using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace WeChatPay.AspNetCore;

/// <summary>
/// Claims kept in an <see cref="IDistributedCache"/> (the in-memory cache by default). <see cref="IDistributedCache"/>
/// has no set-if-absent, so the read-then-write of a claim is made atomic with a lock in this process only: right for
/// one instance; for several instances use <see cref="RedisNotificationClaims"/>, whose claim is one atomic command.
/// </summary>
public sealed class DistributedCacheNotificationClaims(IDistributedCache cache) : INotificationClaims
{
    private const string Processed = "processed";
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc/>
    public async ValueTask<NotificationClaim> TryClaimAsync(string key, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false);
            if (current == Processed)
                return NotificationClaim.AlreadyProcessed;
            if (current is not null)
                return NotificationClaim.InProgress;
            await cache.SetStringAsync(key, "lease:" + token, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);
            return NotificationClaim.Claimed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
        => await cache.SetAsync(key, Encoding.UTF8.GetBytes(Processed), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = retention }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false) == "lease:" + token)
                await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
