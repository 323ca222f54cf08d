namespace ChatOps.Adapters.Teams.Authentication;

/// <summary>What the request claims about itself, checked against the token: where replies go, which channel, which tenant.</summary>
internal sealed record InboundCaller(string? ServiceUrl, string? ChannelId, string? TenantId);

/// <summary>The verdict on an inbound request; <see cref="Reason"/> goes to the log, never to the caller.</summary>
internal sealed record AuthenticationResult(bool Succeeded, string Reason)
{
    public static readonly AuthenticationResult Success = new(true, "authenticated");

    public static AuthenticationResult Fail(string reason) => new(false, reason);
}
