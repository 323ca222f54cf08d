using ChatOps.Bot.Hosting;

var app = ChatOpsHost.Build(args);
await app.RunAsync();
