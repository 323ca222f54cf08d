using ChatOps.Adapters.Teams.Outbound;

namespace ChatOps.Adapters.Teams.Tests.Fixtures;

/// <summary>Stands in for MSAL (no identity provider on loopback); counts how often a token was asked for.</summary>
internal sealed class FakeBotTokenSource : IBotTokenSource
{
    public const string Token = "test-outbound-token";

    public int Requests { get; private set; }

    public Task<string> GetTokenAsync(CancellationToken ct)
    {
        Requests++;
        return Task.FromResult(Token);
    }
}
