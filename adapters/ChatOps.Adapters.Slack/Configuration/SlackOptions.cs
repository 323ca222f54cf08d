using System.ComponentModel.DataAnnotations;

namespace ChatOps.Adapters.Slack.Configuration;

/// <summary>Configuration section <c>Slack</c> (environment variables <c>Slack__...</c>). Defaults match appsettings.json.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    public bool Enabled { get; set; }
    public string? SigningSecret { get; set; }
    /// <summary>Accepted beside <see cref="SigningSecret"/> while a secret is rotated.</summary>
    public string? SecondarySigningSecret { get; set; }
    /// <summary>The bot token (<c>xoxb-...</c>) for the Web API.</summary>
    public string? BotToken { get; set; }
    /// <summary>Workspaces (<c>team_id</c>) whose requests are served; requests from any other are refused. Empty refuses all.</summary>
    public List<string> AllowedTeamIds { get; set; } = [];
    /// <summary>The Web API root; point it at a local stand-in or a proxy.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");
    public string CommandsPath { get; set; } = "/slack/commands";
    public string EventsPath { get; set; } = "/slack/events";
    public string InteractionsPath { get; set; } = "/slack/interactions";
    /// <summary>The bot's own user id; when unset it is taken from each event's authorizations.</summary>
    public string? BotUserId { get; set; }
    /// <summary>Incident channels are created private unless a declare asks otherwise (<c>--private</c> forces private).</summary>
    public bool PrivateIncidentChannels { get; set; }
    /// <summary>Names starting <c>{prefix}-</c> are incident channels the adapter creates (the bridge's <c>IncidentChannelPrefix</c>).</summary>
    public string IncidentChannelPrefix { get; set; } = "inc";
    /// <summary>Neutral channel name -> Slack channel id, for the catalog's stakeholder channels (<c>payments-stakeholders: C0123</c>).</summary>
    public Dictionary<string, string> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Slack user ids invited to every new incident channel beside the declarer.</summary>
    public List<string> Responders { get; set; } = [];
    /// <summary>The reaction that adds a message to the timeline (without colons).</summary>
    public string TimelineReaction { get; set; } = "pushpin";
    /// <summary>The bot's public address for the status page and post-mortem bookmarks (e.g. <c>https://bot.example.com</c>); none when unset.</summary>
    public Uri? PublicBaseUrl { get; set; }
    /// <summary>Slack allows about one message per second per channel.</summary>
    public TimeSpan MinPostInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Attempts per Web API call on 5xx and network faults before the outbox retries it later.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
    /// <summary>How long a command waits for a user's display name (<c>users.info</c>) before it runs under the user id.</summary>
    public TimeSpan UserLookupTimeout { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long a request may wait for Slack.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(SigningSecret) && string.IsNullOrWhiteSpace(SecondarySigningSecret))
            yield return new ValidationResult("Slack is enabled but has no signing secret: set Slack__SigningSecret (Basic Information > App Credentials).", [nameof(SigningSecret)]);
        if (string.IsNullOrWhiteSpace(BotToken))
            yield return new ValidationResult("Slack is enabled but has no bot token: set Slack__BotToken (OAuth & Permissions, xoxb-...).", [nameof(BotToken)]);
        if (AllowedTeamIds.Count == 0)
            yield return new ValidationResult("Slack is enabled but no workspace is allowed: set Slack__AllowedTeamIds__0 to your team id (T...).", [nameof(AllowedTeamIds)]);
    }
}
