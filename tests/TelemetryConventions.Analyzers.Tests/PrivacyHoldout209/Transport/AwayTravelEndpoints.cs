namespace PrivacyHoldout209.Transport;

public sealed record BoardingScan(string TripId, string MemberRef, string SeatNumber, DateTimeOffset ScannedAt);

/// <summary>A coach operator's away-match travel for junior teams: manifests, consents to travel and medical notes on board.</summary>
public static class AwayTravelEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Transport.AwayTravel");
    private static readonly Meter Meter = new("PrivacyHoldout209.Transport.AwayTravel");
    private static readonly Counter<long> Boardings = Meter.CreateCounter<long>("away_travel.boardings");
    private static readonly UpDownCounter<int> OnBoard = Meter.CreateUpDownCounter<int>("away_travel.on_board");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/trips/{tripId}/manifest", BuildManifestAsync);
        routes.MapPost("/trips/{tripId}/board", Board);
    }

    public static async Task<object> BuildManifestAsync(string tripId, TripSummary trip, IMemberStore members, IMedicalFormStore forms, IConsentStore consents, Pseudonymizer pseudonymizer, ILogger<TripSummary> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartTeamcoachOperation(trip.Destination);
        span.SetTeamcoachKind("manifest"); // clean generated-api
        span.SetTeamcoachCount(trip.Booked); // clean generated-api
        span.Activity?.SetTag("trip.id", tripId); // clean precision-names
        span.Activity?.SetTag("trip.vehicle_reg", trip.VehicleReg); // clean precision-names
        span.Activity?.SetTag("trip.seats", trip.Seats); // clean precision-about
        logger.LogInformation("Trip {@Trip}", trip); // clean logging-objects

        var squad = await members.SquadAsync(trip.Destination, cancellationToken);
        var manifest = new List<ManifestEntry>();
        var medicalNotes = 0;
        foreach (var member in squad)
        {
            var parent = await members.FindParentAsync(member.MemberRef, cancellationToken);
            var form = await forms.LatestAsync(member.MemberRef, cancellationToken);
            var consent = await consents.FindAsync(member.MemberRef, "travel", cancellationToken);
            if (consent is null || !consent.Granted)
            {
                var missing = new ConsentMissingException(member.FirstName + " " + member.LastName, "travel");
                logger.LogWarning(missing, "Left off the manifest"); // leak TC1001 exceptions
                logger.LogWarning("Left off the manifest: {Reason}", missing.GetType().Name); // clean exceptions
                logger.LogTeamcoachOperationFailedEvent(trip.Destination, "missing", pseudonymizer.PseudonymizeTeamcoachMemberId(member.MemberRef), missing.Message); // leak TC1001 exceptions
                continue;
            }

            if (form is not null && form.Allergies.Length > 0)
            {
                medicalNotes++;
                span.Activity?.AddEvent(new ActivityEvent("manifest.medical_note", tags: new ActivityTagsCollection { ["allergies"] = form.Allergies })); // leak TC1001 direct
                span.Activity?.AddEvent(new ActivityEvent("manifest.medical_note", tags: new ActivityTagsCollection { ["age_group"] = member.AgeGroup })); // clean precision-about
            }

            manifest.Add(new ManifestEntry(tripId, member.MemberRef, $"{member.FirstName} {member.LastName}", parent?.Mobile ?? "", form is not null));
        }

        span.SetTeamcoachNote($"{manifest.Count} travelling, {medicalNotes} with medical notes"); // clean generated-api
        span.Activity?.SetTag("manifest.names", string.Join("; ", manifest.Select(m => m.PassengerName))); // leak TC1001 strings
        span.Activity?.SetTag("manifest.parent_mobiles", manifest.Select(m => m.ParentMobile).ToArray()); // leak TC1001 direct
        span.Activity?.SetTag("manifest.mobile_prefixes", string.Join(",", manifest.Select(m => m.ParentMobile.Length >= 3 ? m.ParentMobile[..3] : "").Distinct())); // clean strings
        span.Activity?.SetTag("manifest.with_medical_notes", manifest.Count(m => m.MedicalNote)); // clean precision-about

        var text = new StringBuilder("Manifest for ").Append(tripId).Append(": ");
        foreach (var entry in manifest)
        {
            text.Append(entry.PassengerName).Append(" (").Append(entry.ParentMobile).Append(") ");
        }

        logger.LogInformation("{Manifest}", text.ToString()); // leak TC1001 strings
        logger.LogInformation("{Manifest}", new StringBuilder("Manifest for ").Append(tripId).Append(": ").Append(manifest.Count).Append(" passengers").ToString()); // clean strings
        logger.LogInformation("Manifest {Entries}", manifest); // leak TC1001 logging-objects
        logger.LogInformation("Manifest first {@Entry}", manifest.FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogInformation("Manifest {@Counts}", new { tripId, Travelling = manifest.Count, MedicalNotes = medicalNotes }); // clean logging-objects

        var lead = manifest.FirstOrDefault();
        if (lead is not null)
        {
            Activity.Current?.SetBaggage("trip.lead_passenger", lead.MemberRef); // leak TC1001 direct
            Activity.Current?.SetBaggage("trip.lead_passenger.p", pseudonymizer.ComputeTeamcoachMemberId(lead.MemberRef)); // clean precision-pseudonym
            Activity.Current?.SetTag("trip.lead_passenger.name", lead.PassengerName); // leak TC1001 direct
            using (logger.BeginScope(new Dictionary<string, object> { ["TripId"] = tripId, ["LeadPassenger"] = lead.PassengerName })) // leak TC1001 logging-objects
            {
                logger.LogInformation("Manifest sent to driver"); // clean logging-objects
            }
        }

        Meter.CreateTeamcoachOperationsCounter().Add(1, trip.Destination, "accepted"); // clean generated-api
        return new { travelling = manifest.Count };
    }

    public static object Board(string tripId, BoardingScan scan, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<BoardingScan> logger)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTeamcoachOperation(tripId);
        span.SetTeamcoachKind("boarding"); // clean generated-api
        span.SetTeamcoachMemberId(pseudonymizer.PseudonymizeTeamcoachMemberId(scan.MemberRef)); // clean precision-pseudonym
        span.SetTeamcoachOutcome(scan.MemberRef); // leak TC1001 generated-api
        span.Activity?.SetTag("boarding.seat", scan.SeatNumber); // clean precision-about
        span.Activity?.SetTag("boarding.scanned_at", scan.ScannedAt.ToString("O")); // clean precision-about
        span.Activity?.SetTag("boarding.member", scan.MemberRef); // leak TC1001 direct
        logger.LogInformation("Boarded {Scan}", scan); // leak TC1001 logging-objects
        logger.LogInformation("Boarded {@Scan}", scan with { MemberRef = "" }); // clean logging-objects
        Boardings.Add(1, new KeyValuePair<string, object?>("trip", tripId)); // clean precision-names
        Boardings.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.PseudonymizeTeamcoachMemberId(scan.MemberRef).Value)); // leak TC1003 precision-pseudonym
        OnBoard.Add(1, new KeyValuePair<string, object?>("seat", scan.SeatNumber)); // clean precision-about
        var seatGroup = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(scan.MemberRef))[1] % 4;
        OnBoard.Add(0, new KeyValuePair<string, object?>("group", seatGroup)); // clean hashes
        var scanKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(tripId + scan.MemberRef)));
        logger.LogDebug("Scan key {Key}", scanKey); // leak TC1002 hashes
        if (scan.SeatNumber == "0")
        {
            var full = new CoachFullException(tripId, 57);
            span.SetTeamcoachNote(full.Message); // clean exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
        }

        Meter.CreateTeamcoachOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tripId); // clean generated-api
        return new { boarded = true };
    }
}
