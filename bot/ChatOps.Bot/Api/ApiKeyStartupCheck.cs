namespace ChatOps.Bot.Api;

/// <summary>Says at start how the API is protected, so a locked API is never a mystery.</summary>
internal sealed partial class ApiKeyStartupCheck(ApiKeyGate gate, ILogger<ApiKeyStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!gate.Required) LogOpenInDevelopment();
        else if (!gate.HasKeys) LogLockedWithoutKeys();
        else LogProtected();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Development environment: the API accepts calls without an API key")]
    private partial void LogOpenInDevelopment();

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "No API keys are configured (Api:Keys): every /api call is refused until keys are set")]
    private partial void LogLockedWithoutKeys();

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "The API requires an API key (X-Api-Key or Authorization: Bearer)")]
    private partial void LogProtected();
}
