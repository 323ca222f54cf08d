namespace ChatOps.Core.Dispatch;

/// <summary>
/// Serialises commands for one incident inside this process so they rarely meet a version conflict.
/// Striped (a fixed set of semaphores) so 10,000 open incidents cost no more memory than ten.
/// Across processes the store's expected-version check is what keeps the history correct.
/// </summary>
internal sealed class IncidentLocks
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(long incidentNumber, CancellationToken ct)
    {
        var stripe = _stripes[(int)(incidentNumber % Stripes)];
        await stripe.WaitAsync(ct).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
