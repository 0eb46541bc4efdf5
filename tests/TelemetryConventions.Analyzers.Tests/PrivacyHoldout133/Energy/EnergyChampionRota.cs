namespace PrivacyHoldout133.Energy;

/// <summary>Books energy champion volunteers onto home advice visits for customers in fuel poverty.</summary>
public sealed record AdviceVisit(string VisitId, string AccountNumber, string Postcode, DateTimeOffset At, string Topic);

public sealed class EnergyChampionRota(IRotaClient rota, Pseudonymizer pseudonymizer, ILogger<EnergyChampionRota> logger)
{
    private static readonly ActivitySource Source = new("Energy.Champions");
    private static readonly Meter Meter = new("Energy.Champions");
    private static readonly Counter<long> Visits = Meter.CreateCounter<long>("energy.champion.visits");

    public async Task BookAsync(AdviceVisit visit, string championId, CancellationToken cancellationToken)
    {
        using var span = Source.StartWarmfundTask(warmfundProgramme: "energy-champions");
        span.SetWarmfundChampionId(pseudonymizer.PseudonymizeWarmfundChampionId(championId)); // clean precision-pseudonym
        span.Activity?.SetTag("visit.id", visit.VisitId); // clean precision-names
        span.Activity?.SetTag("visit.topic", visit.Topic); // clean precision-about
        span.Activity?.SetTag("visit.address", visit.Postcode); // leak TC1001 direct
        logger.LogInformation("Advice visit booked {Visit}", visit); // leak TC1001 logging-objects
        Visits.Add(1, new KeyValuePair<string, object?>("topic", visit.Topic), new KeyValuePair<string, object?>("champion", championId)); // leak TC1003 direct

        try
        {
            await rota.AssignAsync(visit.VisitId, championId, cancellationToken);
        }
        catch (AlreadyRosteredException ex)
        {
            logger.LogWarning(ex, "Champion double-booked for {VisitId}", visit.VisitId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }

        var champion = await rota.FindVolunteerAsync(championId, cancellationToken);
        span.Activity?.SetTag("champion.skills", string.Join(",", champion?.Skills ?? [])); // clean precision-about
        span.Activity?.SetTag("champion.phone.present", !string.IsNullOrEmpty(champion?.Mobile)); // clean precision-about
        span.Activity?.SetTag("champion.id.hash", championId.GetHashCode()); // leak TC1002 hashes
    }
}
