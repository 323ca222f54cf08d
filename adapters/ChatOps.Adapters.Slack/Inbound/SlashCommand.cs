namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>A slash command as Slack posts it (form fields, PROTOCOLS.md A2); deprecated fields are ignored.</summary>
internal sealed record SlashCommand(
    string TeamId,
    string ChannelId,
    string? ChannelName,
    string UserId,
    string? UserName,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>Null when a required field is missing: such a body is not a slash command.</summary>
    public static SlashCommand? From(IReadOnlyDictionary<string, string> form)
    {
        if (form.Get("team_id") is not { } team || form.Get("channel_id") is not { } channel
            || form.Get("user_id") is not { } user || form.Get("command") is not { } command)
        {
            return null;
        }
        return new SlashCommand(team, channel, form.Get("channel_name"), user, form.Get("user_name"), command,
            form.GetValueOrDefault("text") ?? "", form.Get("response_url"), form.Get("trigger_id"));
    }
}
