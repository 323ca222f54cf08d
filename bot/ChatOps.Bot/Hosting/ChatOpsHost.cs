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

        // Kestrel runs a request on the thread that completed its socket read instead of queueing it once more. On
        // Linux that thread is already a thread-pool thread (the runtime's socket engine dispatches completions to the
        // pool unless DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1, which the bot does not set), so a handler that
        // blocks holds up its own connection only. One thread hop fewer per request took about 1 ms off the Slack
        // acknowledgement's p99 at 300/s (docs/benchmarks.md).
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
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
