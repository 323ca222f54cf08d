using ChatOps.Bot.Status;

namespace ChatOps.Bot.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>Maps the console's data endpoints (the page itself is wwwroot/index.html) and the status page.</summary>
    public static IEndpointRouteBuilder MapChatOpsConsole(this IEndpointRouteBuilder app)
    {
        app.MapConsoleEndpoints();
        app.MapStatusPage();
        return app;
    }
}
