namespace PrivacyHoldout143.Healthcare;

/// <summary>A visit a therapy dog volunteer has booked through the voluntary services office.</summary>
public sealed record TherapyVisitRequest(string VisitId, string Ward, string VolunteerId, DateTimeOffset At);

/// <summary>
/// Plans the therapy dogs' ward visits from the voluntary services queue: checks the volunteer is on the roster,
/// skips bays with a dog allergy alert and lists the patients who consented to a visit.
/// </summary>
public sealed partial class TherapyDogVisitWorker(
    IQueueReceiver<TherapyVisitRequest> queue,
    IVolunteerRoster roster,
    IAssistanceDogRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<TherapyDogVisitWorker> logger) : BackgroundService
{
    private readonly Counter<long> _visits = meter.CreateCounter<long>("wardpaws.therapy.visits", "{visit}");

    private readonly Dictionary<string, int> _visitsByVolunteer = new(StringComparer.Ordinal);

    private readonly List<string> _skippedPatients = [];

    private string? _lastVolunteerPhone;

    private string _lastWard = string.Empty;

    private int _handled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is not null)
            {
                await HandleAsync(request, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(TherapyVisitRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartWardpawsOperation(request.Ward);
        span.SetWardpawsVolunteerId(pseudonymizer.PseudonymizeWardpawsVolunteerId(request.VolunteerId)); // clean generated-api
        span.SetWardpawsDogType("therapy");
        Activity.Current?.SetTag("wardpaws.visit.id", request.VisitId); // clean precision-names

        var volunteer = await roster.FindAsync(request.VolunteerId, cancellationToken);
        if (volunteer is null)
        {
            LogUnknownVolunteer(logger, request.VolunteerId); // leak TC1001 logging-objects
            span.SetWardpawsOutcome("unknown-volunteer");
            return;
        }

        _lastVolunteerPhone = volunteer.Phone;
        _lastWard = request.Ward;
        LogVolunteerArrived(logger, volunteer.VolunteerId, volunteer.DogName, request.Ward); // clean logging-objects

        var alerts = await register.AllergyAlertsAsync(request.Ward, cancellationToken);
        _skippedPatients.AddRange(alerts.Where(a => a.Allergen == "dog").Select(a => a.HospitalNumber));
        Activity.Current?.SetTag("wardpaws.allergy.alerts", alerts.Count); // clean precision-about
        Activity.Current?.SetTag("wardpaws.allergy.bays", string.Join(",", alerts.Select(a => a.Bay).Distinct())); // clean strings
        if (alerts.Count > 0)
        {
            logger.LogWarning("Visit {VisitId} on {Ward} skips {Alerts}", request.VisitId, request.Ward, alerts); // leak TC1001 logging-objects
        }

        var consenting = await roster.ConsentingPatientsAsync(request.Ward, cancellationToken);
        Activity.Current?.AddEvent(new ActivityEvent("wardpaws.visit.planned", tags: new ActivityTagsCollection { ["wardpaws.patients"] = consenting.Count })); // clean precision-about
        logger.LogDebug("Consenting on {Ward}: {Patients}", request.Ward, string.Join(";", consenting)); // leak TC1001 strings
        var pseudonyms = consenting.Select(pseudonymizer.ComputeWardpawsPatientId).ToArray();
        logger.LogDebug("Consenting on {Ward} (pseudonymised): {Patients}", request.Ward, pseudonyms); // clean precision-pseudonym

        _visitsByVolunteer[request.VolunteerId] = _visitsByVolunteer.GetValueOrDefault(request.VolunteerId) + 1;
        _handled++;
        _visits.Add(1, new KeyValuePair<string, object?>("ward", request.Ward), new KeyValuePair<string, object?>("lane", LaneOf(request.VolunteerId))); // clean hashes
        span.SetWardpawsDogCount(1);

        var visit = new TherapyVisit(request.VisitId, request.Ward, request.At, consenting.Count);
        logger.LogInformation("Therapy visit planned {Visit}", visit); // clean logging-objects
        span.SetWardpawsNote($"{volunteer.Name} with {volunteer.DogName}, {consenting.Count} patients"); // leak TC1001 generated-api
    }

    private int LaneOf(string volunteerId) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(volunteerId))[0] % 8;

    /// <summary>Called by the shift scheduler at handover.</summary>
    public void ReportShift()
    {
        using var activity = source.StartActivity("wardpaws.shift.report");
        activity?.SetTag("wardpaws.visits.handled", _handled); // clean cross-member
        activity?.SetTag("wardpaws.last_ward", _lastWard); // clean cross-member
        activity?.SetTag("wardpaws.volunteer.last_phone", _lastVolunteerPhone); // leak TC1001 cross-member
        logger.LogInformation("Visits by volunteer {Visits}", _visitsByVolunteer); // leak TC1001 cross-member
        logger.LogInformation("Patients skipped for allergies {Patients}", _skippedPatients); // leak TC1001 cross-member
        logger.LogInformation("Volunteers active this shift: {Count}", _visitsByVolunteer.Count); // clean cross-member
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_lastVolunteerPhone ?? string.Empty)))[..16];
        activity?.SetTag("wardpaws.volunteer.phone_digest", digest); // leak TC1002 hashes
        _visitsByVolunteer.Clear();
        _skippedPatients.Clear();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Volunteer {VolunteerId} is not on the roster")]
    private static partial void LogUnknownVolunteer(ILogger logger, string volunteerId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Volunteer {VolunteerId} arrived with {DogName} for {Ward}")]
    private static partial void LogVolunteerArrived(ILogger logger, [PrivateData] string volunteerId, string dogName, string ward);
}
