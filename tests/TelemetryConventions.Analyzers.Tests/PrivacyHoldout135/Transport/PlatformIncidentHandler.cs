namespace PrivacyHoldout135.Transport;

/// <summary>An incident on a platform or a train: a fall at the platform-train interface, an assault, trespass.</summary>
public sealed record PlatformIncident(
    string IncidentRef,
    string StationCode,
    string? TrainHeadcode,
    string Kind,
    Guid? PassengerId,
    string? PassengerName,
    string? PassengerEmail,
    string? RailcardNumber,
    string StaffNumber,
    IReadOnlyList<WitnessStatement> Statements,
    bool ReportableToOrr);

/// <summary>Records platform and on-train incidents, their witness statements and the RIDDOR returns to the ORR.</summary>
public sealed class PlatformIncidentHandler(
    IIncidentClient incidents,
    IRegulatorGateway orr,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlatformIncidentHandler> logger)
{
    private static readonly ActivitySource Source = new("Rail.Safety.Incidents");
    private static readonly Meter Meter = new("Rail.Safety.Incidents");
    private static readonly RailsafeReportsCounter Reports = Meter.CreateRailsafeReportsCounter();
    private static readonly Counter<long> Witnesses = Meter.CreateCounter<long>("rail.incident.witnesses", "{statement}");

    public async Task HandleAsync(PlatformIncident incident, CancellationToken ct)
    {
        using var span = Source.StartRailsafeReport(incident.IncidentRef);
        span.SetRailsafeStation(incident.StationCode); // clean precision-names
        span.SetRailsafeCategory(incident.Kind); // clean precision-names
        span.SetRailsafeReporterId(pseudonymizer.PseudonymizeRailsafeReporterId(incident.StaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("rail.train.headcode", incident.TrainHeadcode); // clean precision-names
        span.Activity?.SetTag("rail.passenger.id", incident.PassengerId?.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("rail.passenger.railcard", incident.RailcardNumber); // leak TC1001 direct
        span.Activity?.SetTag("rail.passenger.railcard.held", incident.RailcardNumber is not null); // clean precision-about
        span.Activity?.SetTag("rail.statements", incident.Statements.Count); // clean precision-about
        if (incident.PassengerId is Guid passengerId)
        {
            span.SetRailsafePassengerId(pseudonymizer.PseudonymizeRailsafePassengerId(passengerId.ToString())); // clean precision-pseudonym
            span.Activity?.SetTag("rail.passenger.sample", SHA256.HashData(passengerId.ToByteArray())[0] < 26); // leak TC1002 hashes
            span.Activity?.SetTag("rail.passenger.shard", KeyedShard.Of(secrets.PseudonymKey, passengerId.ToString(), 10)); // clean hashes
        }

        foreach (var statement in incident.Statements)
        {
            Witnesses.Add(1, new KeyValuePair<string, object?>("station", incident.StationCode)); // clean precision-about
            span.Activity?.AddEvent(new ActivityEvent("witness.statement", tags: new ActivityTagsCollection { ["statement.id"] = statement.StatementId, ["signed"] = statement.SignedAt.ToString("O") })); // clean precision-names
            logger.LogInformation("Statement {StatementId} from {WitnessName} ({WitnessPhone})", statement.StatementId, statement.WitnessName, statement.WitnessPhone); // leak TC1001 cross-member
        }

        logger.LogInformation("Witness statements taken: {Statements}", incident.Statements); // leak TC1001 logging-objects
        span.SetRailsafeNote($"Passenger {incident.PassengerName} <{incident.PassengerEmail}> at {incident.StationCode}"); // leak TC1001 generated-api
        span.Activity?.SetTag(RailsafeAttributes.Contact, incident.PassengerEmail); // leak TC1001 generated-api

        var report = new IncidentReport(incident.IncidentRef, incident.Kind, HarmGrade.Low, incident.StationCode, DateTimeOffset.UtcNow, incident.StaffNumber, incident.Kind, Array.Empty<InvolvedPerson>());
        try
        {
            var result = await incidents.SubmitAsync(report, ct);
            Reports.Add(1, incident.StationCode, incident.Kind, result.Status); // clean generated-api
        }
        catch (DuplicateIncidentException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        if (incident.ReportableToOrr && incident.PassengerName is not null)
        {
            try
            {
                await orr.SubmitRiddorAsync(new RiddorReturn(incident.IncidentRef, RiddorKind.MemberOfPublicToHospital, incident.PassengerName, "", "passenger", incident.StationCode, DateTimeOffset.UtcNow), ct);
            }
            catch (ReturnRejectedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, $"ORR rejected: {ex.ReasonCode}"); // clean exceptions
                Reports.Add(1, incident.StationCode, incident.Kind, incident.PassengerName); // leak TC1003 generated-api
            }
        }
    }
}
