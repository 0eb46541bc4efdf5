namespace PrivacyHoldout175.Gaming;

/// <summary>Consumes the arena's gate scans (<c>arena.gate-scans</c>, keyed by gate) and admits ticket holders.</summary>
public sealed class ArenaGateScanConsumer(
    IConsumer<string, GateScan> consumer,
    ITicketStore tickets,
    ILogger<ArenaGateScanConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.ArenaGates");
    private static readonly Meter Meter = new("Studio.ArenaGates");
    private static readonly Counter<long> Scans = Meter.CreateCounter<long>("arena.gate.scans");
    private TicketHolder? _lastRefused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var scan = result.Message.Value;
            using var activity = Source.StartActivity("arena.gate.scan");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("gate", scan.Gate); // clean precision-names
            activity?.SetTag("ticket.id", scan.TicketId); // clean precision-names
            activity?.SetTag("scan.hour", scan.ScannedAt.Hour); // clean precision-about

            var holder = await tickets.FindByWristbandAsync(scan.WristbandUid, stoppingToken);
            if (holder is null)
            {
                activity?.AddEvent(new ActivityEvent("unknown-wristband", tags: new ActivityTagsCollection { ["wristband"] = scan.WristbandUid })); // leak TC1001 direct
                continue;
            }

            if (!scan.Admitted)
            {
                _lastRefused = holder;
                var banned = new HolderBannedException(holder.Email);
                activity?.AddException(banned); // leak TC1001 exceptions
                logger.LogWarning("Refused at {Gate}: {Reason}", scan.Gate, banned.Message); // leak TC1001 exceptions
                logger.LogWarning("Refused at {Gate}: {ExceptionType}", scan.Gate, nameof(HolderBannedException)); // clean exceptions
            }

            var holderPseudonym = pseudonymizer.PseudonymizeArenaplayHolderId(holder.HolderId);
            using var span = Source.StartArenaplayOperation(scan.Gate).SetArenaplayHolderId(holderPseudonym).SetArenaplayOutcome(scan.Admitted ? "admitted" : "refused"); // clean generated-api
            Scans.Add(1, new TagList { { "gate", scan.Gate }, { "admitted", scan.Admitted } }); // clean precision-names
            consumer.Commit(result);
        }
    }

    public void DumpLastRefusal()
    {
        var holder = _lastRefused;
        if (holder is not null)
        {
            logger.LogInformation("Last refused holder was {Name} ({Mobile})", holder.FullName, holder.Mobile); // leak TC1001 cross-member
            logger.LogInformation("Last refused holder had a {TicketType} ticket", holder.TicketType); // clean cross-member
        }
    }

    public void ReportGate(string gate, IReadOnlyList<GateScan> scans, GateClosedException? closed)
    {
        using var activity = Source.StartActivity("arena.gate.report");
        activity?.SetTag("gate", gate); // clean precision-names
        activity?.SetTag("scans.admitted", scans.Count(s => s.Admitted)); // clean precision-about
        activity?.SetTag("scans.tickets", string.Join(",", scans.Select(s => s.TicketId))); // clean precision-names
        activity?.SetTag("scans.wristbands", string.Join(",", scans.Select(s => s.WristbandUid))); // leak TC1001 strings
        logger.LogInformation("First scan {@Scan}", scans[0]); // leak TC1001 logging-objects
        logger.LogInformation("First scan at {Gate} for ticket {TicketId}", scans[0].Gate, scans[0].TicketId); // clean logging-objects
        if (closed is not null)
        {
            activity?.AddException(closed); // clean exceptions
            logger.LogWarning(closed, "Gate closed"); // clean exceptions
        }

        Scans.Add(scans.Count, new KeyValuePair<string, object?>("gate", gate)); // clean precision-names
        Scans.Add(1, new KeyValuePair<string, object?>("wristband", scans[0].WristbandUid)); // leak TC1003 direct
    }
}
