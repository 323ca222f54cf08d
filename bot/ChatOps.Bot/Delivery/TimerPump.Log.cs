using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Delivery;

internal sealed partial class TimerPump
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Timer {TimerKey} of {IncidentId} fired (due {DueAt})")]
    private partial void LogFired(string timerKey, IncidentId incidentId, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Firing timer {TimerKey} of {IncidentId} failed; it is retried when its lease ends")]
    private partial void LogFireFailed(Exception ex, string timerKey, IncidentId incidentId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "The timer pump failed; it tries again at the next tick")]
    private partial void LogPumpFailed(Exception ex);
}
