namespace ChatOps.Testing.Redis;

/// <summary>
/// xunit fixture (class or collection) owning one <see cref="RedisServer"/> for the tests that share it. Tests that
/// share a server keep apart by key prefix (<see cref="NewKeyPrefix"/>).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis server has not started yet.");

    public string Configuration => Server.Configuration;

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewKeyPrefix() => "test-" + Guid.NewGuid().ToString("N")[..12] + ":";

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
