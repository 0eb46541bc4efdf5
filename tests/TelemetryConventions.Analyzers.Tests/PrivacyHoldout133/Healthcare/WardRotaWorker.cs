namespace PrivacyHoldout133.Healthcare;

/// <summary>Fills the next week's ward volunteer rota and reminds volunteers of their shifts.</summary>
public sealed class WardRotaWorker(
    IRotaClient rota,
    IVolunteerMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    CommunityOptions options,
    ILogger<WardRotaWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Charity.Rota");
    private static readonly Meter Meter = new("Charity.Rota");
    private static readonly UpDownCounter<int> OpenPlaces = Meter.CreateUpDownCounter<int>("charity.rota.open_places");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("charity.rota.reminders");

    private static readonly string[] Wards = ["main-entrance", "childrens-ward", "oncology-day-unit", "discharge-lounge"];

    private string? _lastNoShowVolunteer;
    private Shift? _lastFilledShift;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var ward in Wards)
        {
            await FillWardAsync(ward, start, start.AddDays(7), stoppingToken);
        }

        ReportRound();
    }

    private async Task FillWardAsync(string ward, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var span = Source.StartHospvolTask(hospvolProgramme: "ward-volunteers");
        span.SetHospvolSite(ward); // clean precision-about

        var shifts = await rota.OpenShiftsAsync(ward, from, to, cancellationToken);
        span.SetHospvolCount(shifts.Count); // clean precision-about
        var fill = new RotaFill(ward, from, shifts.Count, shifts.Sum(s => s.Capacity));
        logger.LogInformation("Rota fill {@Fill}", fill); // clean logging-objects
        OpenPlaces.Add(fill.OpenPlaces, new KeyValuePair<string, object?>("ward", ward)); // clean precision-about

        foreach (var shift in shifts)
        {
            var assignments = await rota.AssignmentsAsync(shift.ShiftId, cancellationToken);
            logger.LogDebug("Shift {@Shift} has {Assigned} of {Capacity}", shift, assignments.Count, shift.Capacity); // clean logging-objects
            _lastFilledShift = shift;

            foreach (var assignment in assignments)
            {
                var volunteer = await rota.FindVolunteerAsync(assignment.VolunteerId, cancellationToken);
                if (volunteer is null)
                {
                    _lastNoShowVolunteer = assignment.VolunteerId;
                    logger.LogWarning("Assignment {@Assignment} points at a removed volunteer", assignment); // leak TC1001 logging-objects
                    continue;
                }

                await messenger.SendAsync(volunteer.Mobile, options.RotaReminderTemplateId, new Dictionary<string, string> { ["shift"] = shift.ShiftId }, cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("rota.reminder.sent", tags: new ActivityTagsCollection { ["shift.id"] = shift.ShiftId, ["ward"] = ward })); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("rota.reminder.to", tags: new ActivityTagsCollection { ["mobile"] = volunteer.Mobile })); // leak TC1001 direct
                Reminders.Add(1, new KeyValuePair<string, object?>("ward", ward), new KeyValuePair<string, object?>("lane", Lane(volunteer.VolunteerId))); // clean hashes
                Reminders.Add(1, new KeyValuePair<string, object?>("bucket", volunteer.Email.GetHashCode() % 32)); // leak TC1002 hashes
            }
        }

        TelemetryMetrics.CreateHospvolTaskDurationHistogram(Meter).Record(clock.Elapsed.TotalSeconds, hospvolProgramme: "ward-volunteers", hospvolSite: ward); // clean generated-api
    }

    public async Task SwapAsync(string shiftId, string fromVolunteerId, string toVolunteerId, CancellationToken cancellationToken)
    {
        using var span = Source.StartHospvolTask(hospvolProgramme: "ward-volunteers");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ShiftId"] = shiftId, ["From"] = fromVolunteerId }); // leak TC1001 logging-objects
        try
        {
            await rota.CancelAsync(shiftId, fromVolunteerId, cancellationToken);
            var assignment = await rota.AssignAsync(shiftId, toVolunteerId, cancellationToken);
            span.SetHospvolVolunteerId(pseudonymizer.PseudonymizeHospvolVolunteerId(toVolunteerId)); // clean precision-pseudonym
            span.Activity?.SetTag("rota.swap.to", toVolunteerId); // leak TC1001 direct
            logger.LogInformation("Swap confirmed at {ConfirmedAt} for role {Role}", assignment.ConfirmedAt, assignment.Role); // clean precision-about
        }
        catch (AlreadyRosteredException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogTaskFailed(ex.ShiftId); // clean exceptions
        }
        catch (ShiftFullException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Swap into full shift {ShiftId}", ex.ShiftId); // clean exceptions
        }
    }

    private void ReportRound()
    {
        using var activity = Source.StartActivity("rota.round");
        activity?.SetTag("rota.last_shift", _lastFilledShift?.ShiftId); // clean cross-member
        activity?.SetTag("rota.last_no_show", _lastNoShowVolunteer); // leak TC1001 cross-member
        logger.LogInformation("Round done; last no-show volunteer {Volunteer}", _lastNoShowVolunteer); // leak TC1001 cross-member
    }

    private int Lane(string volunteerId)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(volunteerId));
        return mac[0] % 8;
    }
}

internal static partial class RotaLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Swap failed for shift {ShiftId}")]
    public static partial void LogTaskFailed(this ILogger logger, string shiftId);
}
