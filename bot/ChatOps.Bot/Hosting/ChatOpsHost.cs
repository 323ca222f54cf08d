using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.Endpoints;
using ChatOps.Adapters.Teams.Hosting;
using ChatOps.Bot.Api;
using ChatOps.Bot.Console;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Store;

namespace ChatOps.Bot.Hosting;

/// <summary>
/// The one way the host is put together, shared by <c>Program.cs</c> and the end-to-end tests (which swap
/// services such as <see cref="TimeProvider"/> through <paramref name="overrides"/>).
/// </summary>
public static class ChatOpsHost
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        // The output folder holds appsettings.json (linked from the repo root) and wwwroot, so both
        // `dotnet run --project bot/ChatOps.Bot` and `dotnet ChatOps.Bot.dll` from anywhere load the same files.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddChatOpsStore();
        builder.Services.AddChatOpsBridge();
        builder.Services.AddChatOpsDelivery();
        builder.Services.AddChatOpsApi();
        builder.Services.AddTeamsAdapter(builder.Configuration);
        builder.Services.AddSlackAdapter(builder.Configuration);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseApiStatusCodePages();
        app.UseChatOpsApiKeys();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapChatOpsApi();
        app.MapChatOpsConsole();
        app.MapTeamsEndpoints();
        app.MapSlackEndpoints();
        return app;
    }
}
