using ChatOps.LoadDriver;

// usage:
//   mix  <baseUrl[,baseUrl...]> <rate/s> <seconds> [lanes] [warmupSeconds]
//                                               open-loop command mix over one or more replicas, prints a JSON report
//   seed <baseUrl> <count> [pid]                declares <count> incidents, then prints the bot's resident memory
//   teams <botUrl> <standInPort> <caFile> <appId> [msgRate] [msgSeconds] [invokeRate] [invokeSeconds] [incidents]
//                                               Teams activities with JWTs (run-teams-bench.sh), prints p50/p99/max
//   backlog-fill <sqliteFile> <queued> <stuck>  queues replies on <stuck> reply channels, none due for 5 min
//   backlog-claim <sqliteFile> <claims>         times the SQLite outbox claim on that file, prints p50/p99/max
return args.FirstOrDefault() switch
{
    "mix" when args.Length >= 4 => await MixRun.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 50,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 0),
    "seed" when args.Length >= 3 => await SeedRun.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null),
    "teams" when args.Length >= 5 => await ChatOps.LoadDriver.Teams.TeamsRun.RunAsync(ChatOps.LoadDriver.Teams.TeamsRunSettings.Parse(args)),
    "backlog-fill" when args.Length >= 4 => await OutboxBacklogRun.FillAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture)),
    "backlog-claim" when args.Length >= 3 => await OutboxBacklogRun.ClaimAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: mix <baseUrl> <rate> <seconds> [lanes] | seed <baseUrl> <count> [pid] | teams <botUrl> <standInPort> <caFile> <appId> [...] | backlog-fill <file> <queued> <stuck> | backlog-claim <file> <claims>");
    return 2;
}
