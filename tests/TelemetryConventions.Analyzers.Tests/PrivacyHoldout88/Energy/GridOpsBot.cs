namespace PrivacyHoldout88.Energy;

public interface IMeterLookup
{
    Task<MeterAlarm?> LastAlarmAsync(string meterSerial, CancellationToken cancellationToken);

    Task<TimeSpan> PingAsync(string meterSerial, CancellationToken cancellationToken);
}

/// <summary>Thrown when the DCC refuses a command; its message quotes the meter serial and the DCC response code.</summary>
public sealed class DccCommandException(string meterSerial, string responseCode)
    : Exception($"DCC refused command for {meterSerial}: {responseCode}")
{
    public string ResponseCode { get; } = responseCode;
}

/// <summary>The metering on-call bot: <c>/grid meter &lt;serial&gt;</c>, <c>/grid ping &lt;serial&gt;</c>, <c>/grid oncall</c>.</summary>
public sealed class GridOpsBot(IMeterLookup meters, IOnCallDirectory rota, AlertingOptions options, ILogger<GridOpsBot> logger)
{
    private static readonly ActivitySource Source = new("Grid.ChatOps");

    public async Task<string> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var parsed = ParsedCommand.Parse(command.Text);
        using var activity = Source.StartActivity("chatops " + parsed.Verb switch { "meter" or "ping" or "oncall" => parsed.Verb, _ => "other" }); // clean precision-about
        activity?.SetTag("chatops.user", command.UserId); // leak TC1001 direct
        activity?.SetTag("chatops.args", parsed.Args.Count); // clean precision-about

        switch (parsed.Verb)
        {
            case "meter":
                var serial = parsed.Arg(0);
                activity!.DisplayName = $"chatops meter {serial}"; // leak TC1001 strings
                var alarm = await meters.LastAlarmAsync(serial, cancellationToken);
                logger.LogInformation("Last alarm {Alarm}", alarm); // leak TC1001 logging-objects
                return alarm is null ? "no alarms" : $"{alarm.AlarmCode} at {alarm.RaisedAt:g}";

            case "ping":
                try
                {
                    var roundTrip = await meters.PingAsync(parsed.Arg(0), cancellationToken);
                    return $"pong in {roundTrip.TotalSeconds:0.0}s";
                }
                catch (DccCommandException ex)
                {
                    logger.LogWarning("DCC ping refused with {Code}", ex.ResponseCode); // clean exceptions
                    activity?.AddException(ex); // leak TC1001 exceptions
                    return ex.Message;
                }

            case "oncall":
                var shift = await rota.WhoIsOnCallAsync(options.OnCallScheduleId, 1, cancellationToken);
                logger.LogInformation("oncall answered with schedule {Schedule} level {Level}, shift ends {End}", shift?.ScheduleId, shift?.Level, shift?.End); // clean precision-names
                logger.LogInformation("oncall answered {Shift}", shift); // leak TC1001 logging-objects
                return $"{Mention.User(shift?.Responder.ChatMemberId ?? "")} is on call";

            default:
                return "usage: /grid meter|ping|oncall";
        }
    }
}
