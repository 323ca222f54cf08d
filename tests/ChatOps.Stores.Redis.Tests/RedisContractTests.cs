using ChatOps.Testing.Redis;
using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Redis.Tests;

// The shared store contract, unchanged, on a real redis-server; each test gets its own key prefix.

public sealed class RedisIncidentStoreTests(RedisServerFixture redis) : IncidentStoreContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisIncidentStoreConcurrencyTests(RedisServerFixture redis) : IncidentStoreConcurrencyContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisIncidentQueryTests(RedisServerFixture redis) : IncidentQueryContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisTimerStoreTests(RedisServerFixture redis) : TimerStoreContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisOutboxStoreTests(RedisServerFixture redis) : OutboxStoreContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisIdempotencyClaimsTests(RedisServerFixture redis) : IdempotencyClaimsContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisConsoleTranscriptTests(RedisServerFixture redis) : ConsoleTranscriptContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisInboundQueueTests(RedisServerFixture redis) : InboundQueueContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;

public sealed class RedisPlatformDirectoryTests(RedisServerFixture redis) : PlatformDirectoryContract(new RedisTestStore(redis)), IClassFixture<RedisServerFixture>;
