using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Modals;
using ChatOps.Adapters.Slack.Signing;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards.Rendering;
using ChatOps.Core.Bridge;
using ChatOps.Core.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Endpoints;

/// <summary>
/// <c>/incident ...</c>: verify, record, answer 200 at once; the command runs after the acknowledgement and is answered
/// through <c>response_url</c>. A bare <c>declare</c> opens the declare modal right here (a trigger lives 3 s).
/// </summary>
internal sealed class SlackCommandsEndpoint(
    SlackSignatureVerifier verifier,
    SlackInbox inbox,
    SlackWebApi api,
    ServiceCatalog catalog,
    BridgeSettings bridge,
    IOptions<SlackOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        if (await SlackRequest.ReadBodyAsync(context.Request, ct) is not { } body) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var form = SlackForm.Parse(body);
        // Slack's certificate check is unsigned; it is answered and nothing else in the body is looked at.
        if (form.Get("ssl_check") == "1") return Results.Ok();
        if (!SlackRequest.IsSigned(context.Request, body, verifier)) return Results.Unauthorized();
        if (SlashCommand.From(form) is not { } command) return Results.BadRequest();
        if (!inbox.IsAllowedTeam(command.TeamId)) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (!SlackSlashCommands.IsServed(command.Command)) return Ephemeral(SlackSlashCommands.NotServed(command.Command));

        var (text, isPrivate) = StripPrivate(command.Text);
        if (IsBareDeclare(text) && command.TriggerId is { } trigger)
        {
            var modal = SlackModals.Declare([.. catalog.Services.Select(s => s.Name)], bridge.DefaultSeverity, new ModalContext(null, command.ChannelId, isPrivate || options.Value.PrivateIncidentChannels));
            try
            {
                await api.OpenViewAsync(trigger, BlockKitRenderer.Modal(modal), ct);
                return Results.Ok();
            }
            catch (SlackApiException ex)
            {
                return Ephemeral($"The declare form did not open ({ex.Error}). Type `/incident declare <title> --sev <1-4>` instead.");
            }
        }

        var work = new SlackWork(SlackWorkKind.Commands, command.TeamId, command.UserId, command.UserName, command.ChannelId, [text], command.ResponseUrl, isPrivate);
        await inbox.RecordAsync(SlackInbox.Key("cmd", command.TriggerId, body), work, ct);
        return Results.Ok();
    }

    /// <summary><c>--private</c> is Slack's own flag (the channel's visibility), not part of the command language.</summary>
    internal static (string Text, bool Private) StripPrivate(string text)
    {
        if (!text.Contains("--private", StringComparison.OrdinalIgnoreCase)) return (text.Trim(), false);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var isPrivate = words.Any(w => w.Equals("--private", StringComparison.OrdinalIgnoreCase));
        return isPrivate ? (string.Join(' ', words.Where(w => !w.Equals("--private", StringComparison.OrdinalIgnoreCase))), true) : (text.Trim(), false);
    }

    /// <summary><c>declare</c> with nothing but options: the form asks for the title.</summary>
    internal static bool IsBareDeclare(string text)
    {
        if (!text.Contains("declare", StringComparison.OrdinalIgnoreCase)) return false; // most commands: no split
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].TrimStart('/').Equals("incident", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        if (words.Count == 0 || !words[0].Equals("declare", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = 1; i < words.Count; i++)
        {
            if (!words[i].StartsWith("--", StringComparison.Ordinal)) return false;
            i++; // the option's value
        }
        return true;
    }

    private static IResult Ephemeral(string text) =>
        Results.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });
}
