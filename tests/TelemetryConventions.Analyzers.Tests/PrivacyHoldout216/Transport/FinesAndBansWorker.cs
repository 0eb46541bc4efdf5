namespace PrivacyHoldout216.Transport;

public sealed record ParkingOffence(string OffenceId, string RiderId, string RiderName, string RiderEmail, string TripId, string ZoneId, string Rule, decimal Penalty, int PriorFines);

/// <summary>A city's fines desk: parking offences from the moderation queue become fines, and repeat offenders are banned.</summary>
public sealed partial class FinesAndBansWorker(
    IQueueReceiver<ParkingOffence> offences,
    IFineGateway fines,
    IRiderStore riders,
    RideSchemeOptions options,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<FinesAndBansWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout216.Transport.Fines");
    private static readonly Meter Meter = new("PrivacyHoldout216.Transport.Fines");
    private static readonly Counter<long> FinesIssued = Meter.CreateCounter<long>("cityhire.fines_issued");

    private string _offenderEmail = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var offence = await offences.ReceiveAsync(stoppingToken);
            if (offence is null)
            {
                continue;
            }

            _offenderEmail = offence.RiderEmail;
            using var activity = Source.StartActivity("cityhire.fine");
            activity?.SetTag("offence.id", offence.OffenceId); // clean precision-names
            activity?.SetTag("offence.rule", offence.Rule); // clean precision-about
            activity?.SetTag("offence.zone", offence.ZoneId); // clean precision-about
            activity?.SetTag("offence.penalty", (double)offence.Penalty); // clean precision-about
            activity?.SetTag("offence.prior_fines", offence.PriorFines); // clean precision-about
            activity?.SetTag("offence.rider_name", offence.RiderName); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("offence.received", tags: new ActivityTagsCollection { ["offence.trip_id"] = offence.TripId })); // clean precision-names
            activity?.AddEvent(new ActivityEvent("offence.rider", tags: new ActivityTagsCollection { ["rider.email"] = offence.RiderEmail })); // leak TC1001 direct
            logger.LogInformation("Offence {Offence}", offence); // leak TC1001 logging-objects
            logger.LogInformation("Offence {OffenceId} under {Rule} in {ZoneId}", offence.OffenceId, offence.Rule, offence.ZoneId); // clean logging-objects
            FinesIssued.Add(1, new KeyValuePair<string, object?>("offence.rule", offence.Rule)); // clean precision-about
            FinesIssued.Add(1, new KeyValuePair<string, object?>("rider.email", offence.RiderEmail)); // leak TC1003 direct

            using (logger.BeginScope(new Dictionary<string, object?> { ["OffenceId"] = offence.OffenceId, ["TripId"] = offence.TripId })) // clean logging-objects
            using (logger.BeginScope(new Dictionary<string, object?> { ["RiderEmail"] = offence.RiderEmail })) // leak TC1001 logging-objects
            {
                await IssueAsync(offence, activity, stoppingToken);
            }
        }
    }

    private async Task IssueAsync(ParkingOffence offence, Activity? activity, CancellationToken cancellationToken)
    {
        var fine = new Fine(Guid.NewGuid().ToString("N"), offence.RiderId, offence.RiderEmail, offence.Rule, offence.Penalty, offence.TripId);
        try
        {
            var reference = await fines.IssueAsync(fine, cancellationToken);
            activity?.SetTag("fine.reference", reference); // clean precision-names
            activity?.SetTag("fine.id", fine.FineId); // clean precision-names
            logger.LogInformation("Fine {@Fine}", fine); // leak TC1001 logging-objects
            logger.LogInformation("Fine totals {Totals}", new FineTotals(fine.Reason, 1, fine.Amount)); // clean logging-objects
        }
        catch (FineDisputedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex, new TagList { { "fine.id", fine.FineId } }); // leak TC1001 exceptions
            logger.LogWarning("Fine {FineId} disputed ({ErrorType})", fine.FineId, ex.GetType().Name); // clean exceptions
        }
        catch (PaymentProviderException ex)
        {
            logger.LogError(ex, "Fine {FineId} not issued", fine.FineId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        if (offence.PriorFines + 1 >= options.MaxFinesBeforeBan)
        {
            Ban(offence, activity);
        }
    }

    private void Ban(ParkingOffence offence, Activity? activity)
    {
        var ban = new Ban("B-" + offence.OffenceId, offence.RiderId, offence.RiderName, "repeat parking offences", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        activity?.SetTag("ban.id", ban.BanId); // clean precision-names
        activity?.SetTag("ban.until", ban.Until.ToString("O")); // clean precision-about
        activity?.SetTag("ban.notified", _offenderEmail); // leak TC1001 cross-member
        activity?.SetTag("ban.notified_domain", _offenderEmail.Split('@').LastOrDefault()); // clean cross-member
        logger.LogWarning("Rider banned: {Ban}", ban); // leak TC1001 logging-objects
        logger.LogWarning("Ban {BanId} until {Until}", ban.BanId, ban.Until); // clean logging-objects
        logger.LogWarning("Banned " + string.Join(" / ", ban.RiderName, ban.Reason)); // leak TC1001 strings
        logger.LogWarning(string.Format("Ban {0} for {1} days", ban.BanId, 30)); // clean strings

        var offender = pseudonymizer.Pseudonymize(RideDomains.Rider, offence.RiderId);
        using var span = Source.StartCityhireOperation(offence.ZoneId);
        span.SetCityhireClientId(offender); // clean generated-api
        span.SetCityhireOutcome("banned"); // clean generated-api
        span.SetCityhireNote("banned after " + (offence.PriorFines + 1) + " fines"); // clean generated-api
        span.SetCityhireNote("banned " + offence.RiderName); // leak TC1001 generated-api
        logger.LogCityhireOperationFailedEvent(offence.ZoneId, "banned", offender, ban.Reason); // clean generated-api
        logger.LogCityhireOperationFailedEvent(offence.ZoneId, "banned", offender, offence.RiderEmail); // leak TC1001 generated-api
        Meter.CreateCityhireOperationsCounter().Add(1, offender.Value, "banned"); // leak TC1003 generated-api
        activity?.SetTag("ban.rider", offender.Value); // clean precision-pseudonym
        activity?.SetTag("ban.rider_check", Pseudonym.FromComputed(offence.RiderId).Value); // leak TC1001 precision-pseudonym
        logger.LogWarning("Banned rider {Rider}", offender); // clean precision-pseudonym

        var shard = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(offence.RiderId))) % 32;
        activity?.SetTag("ban.shard", shard); // clean hashes
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(offence.RiderEmail));
        activity?.SetTag("ban.rider_digest", Convert.ToBase64String(digest)); // leak TC1002 hashes
        logger.LogWarning("Ban rider hash {Hash}", offence.RiderName.GetHashCode()); // leak TC1002 hashes
    }
}
