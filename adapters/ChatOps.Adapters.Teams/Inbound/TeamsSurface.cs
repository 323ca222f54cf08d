namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>The surface name of this adapter in the inbound queue, the platform directory and command envelopes.</summary>
public static class TeamsSurface
{
    public const string Name = "teams";
}
