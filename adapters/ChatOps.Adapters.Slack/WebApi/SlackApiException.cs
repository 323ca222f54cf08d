using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.WebApi;

/// <summary>
/// A Web API call that did not succeed. <see cref="Error"/> is Slack's error code (<c>channel_not_found</c>...) or a
/// transport fault; <see cref="Transient"/> says whether trying again later can help (the outbox does).
/// </summary>
public sealed class SlackApiException(string method, string error, bool transient, Exception? inner = null)
    : RemoteServiceException($"Slack {method} failed: {error}", inner)
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public bool Transient { get; } = transient;
}
