using System.Security.Cryptography;
using System.Text.Json;
using ChatOps.Adapters.Teams.Activities;
using ChatOps.Adapters.Teams.Authentication;
using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Core.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Teams.Inbound;

/// <summary>
/// <c>POST /api/messages</c>: authenticate (fail closed), then either answer a card action synchronously with the
/// refreshed card, or record the activity durably and answer 200 at once; the inbound worker does the rest
/// (STYLE.md habit 6, PROTOCOLS.md D11).
/// </summary>
internal sealed partial class MessagesEndpoint(
    IOptions<TeamsOptions> options,
    BotTokenValidator validator,
    IInboundQueue queue,
    CardActionHandler cardActions,
    IInboundWakeup wakeup,
    TimeProvider clock,
    ILogger<MessagesEndpoint> logger)
{
    private readonly TeamsOptions _options = options.Value;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!_options.DisableAuthentication && authorization.Length == 0) return Unauthorized("no Authorization header");

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity?.Type is null) return _options.DisableAuthentication ? Results.BadRequest() : Unauthorized("the body is not an activity");

        var caller = new InboundCaller(activity.ServiceUrl, activity.ChannelId, activity.TenantId);
        var verdict = _options.DisableAuthentication
            ? (validator.TenantAllowed(caller.TenantId) ? AuthenticationResult.Success : AuthenticationResult.Fail($"tenant '{caller.TenantId}' is not allowed"))
            : await validator.ValidateAsync(authorization, caller, ct);
        if (!verdict.Succeeded) return Unauthorized(verdict.Reason);

        if (activity is { Type: ActivityTypes.Invoke, Name: ActivityTypes.AdaptiveCardAction })
        {
            var answer = await cardActions.HandleAsync(activity, ct);
            return Results.Json(answer, statusCode: answer.StatusCode);
        }
        if (activity.Type == ActivityTypes.Invoke)
        {
            // Message extensions and other invokes are not offered by this app's manifest.
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        var key = activity.Id ?? Convert.ToHexString(SHA256.HashData(body));
        var isNew = await queue.EnqueueAsync(TeamsSurface.Name, key, System.Text.Encoding.UTF8.GetString(body), clock.GetUtcNow(), ct);
        if (isNew) wakeup.Raise();
        else LogDuplicate(key);
        return Results.Ok();
    }

    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > _options.MaxActivityBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxActivityBytes) return null;
        }
        return buffer.ToArray();
    }

    private IResult Unauthorized(string reason)
    {
        LogRefused(reason);
        return Results.Unauthorized();
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Refused a Teams activity: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Teams activity {ActivityId} was already recorded; redelivery ignored")]
    private partial void LogDuplicate(string activityId);
}
