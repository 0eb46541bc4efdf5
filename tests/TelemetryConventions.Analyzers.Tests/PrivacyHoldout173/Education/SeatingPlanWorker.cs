namespace PrivacyHoldout173.Education;

/// <summary>Builds the prom's seating plan from friendship requests and posts it to the staff room screen.</summary>
public sealed class SeatingPlanWorker(
    IGuestStore guests,
    ILogger<SeatingPlanWorker> logger,
    EventPlanningOptions options,
    TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Sixth.Seating");
    private static readonly Meter Meter = new("Trust.Sixth.Seating");
    private static readonly Counter<long> Unseated = Meter.CreateCounter<long>("prom.seating.unseated");

    private readonly List<string> _unseatedNames = new();
    private TableAssignment? _lastTable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Source.StartActivity("prom.seating.plan");
        var list = await guests.ForEventAsync("evt-prom-2026", stoppingToken);
        var tables = list
            .Where(g => g.TableNumber > 0)
            .GroupBy(g => g.TableNumber)
            .Select(g => new TableAssignment(g.Key, $"T{g.Key:00}", g.Select(x => x.FullName).ToList()))
            .ToList();

        foreach (var table in tables)
        {
            _lastTable = table;
            var layout = new TableLayout(table.TableNumber, table.TableLabel, options.SeatsPerTable, table.GuestNames.Count);
            logger.LogInformation("Table {@Layout}", layout); // clean logging-objects
            logger.LogDebug("Table {Label}: {Guests}", table.TableLabel, string.Join(", ", table.GuestNames)); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("table.planned", tags: new ActivityTagsCollection { ["table"] = table.TableLabel, ["seats"] = table.GuestNames.Count })); // clean precision-about
            if (table.GuestNames.Count > options.SeatsPerTable)
            {
                var ex = new TableFullException(table.TableNumber, table.GuestNames.Count);
                activity?.AddException(ex); // clean exceptions
            }
        }

        foreach (var guest in list.Where(g => g.TableNumber == 0))
        {
            _unseatedNames.Add(guest.FullName);
            Unseated.Add(1, new KeyValuePair<string, object?>("guest", guest.FullName)); // leak TC1003 direct
            Unseated.Add(1, new KeyValuePair<string, object?>("diet", guest.DietCode)); // clean precision-about
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(guest.GuestId))[0] % 4;
            Unseated.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
        }

        Report(activity);
    }

    private void Report(Activity? activity)
    {
        activity?.SetTag("prom.unseated.names", string.Join(";", _unseatedNames)); // leak TC1001 cross-member
        activity?.SetTag("prom.unseated.count", _unseatedNames.Count); // clean cross-member
        logger.LogInformation("Last table planned {Table}", _lastTable); // clean cross-member
        logger.LogInformation("Last table planned {Label}", _lastTable?.TableLabel); // clean cross-member
        var header = $"Prom seating — {_unseatedNames.Count} unseated, {DateTime.UtcNow:ddd d MMM}";
        logger.LogInformation(header); // clean strings
        var sb = new StringBuilder("Unseated: ");
        foreach (var name in _unseatedNames)
        {
            sb.Append(name).Append(' ');
        }
        activity?.SetStatus(ActivityStatusCode.Ok, sb.ToString()); // leak TC1001 strings
    }
}
