using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Healthcare;

/// <summary>A patient moved permanently into care: the trust tells the council so the home's council tax can be exempted (class E).</summary>
public sealed record CareHomeMove(string NhsNumber, string PatientName, string FormerUprn, string CouncilTaxAccount, DateOnly MovedOn, string CareHome, bool Smi);

/// <summary>What the consumer keeps about a move, without the person.</summary>
public sealed record ExemptionOutcome(string MoveId, string CareHome, string ExemptionClass, bool Applied);

public sealed class CareHomeExemptionConsumer(
    IConsumer<string, CareHomeMove> consumer,
    ICouncilTaxStore councilTax,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CareHomeExemptionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.CareHomeExemptions");
    private readonly Histogram<double> _lag = meter.CreateHistogram<double>("carehome.exemption.lag", "d");
    private readonly List<string> _unmatchedAccounts = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("carehome.exemption");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
            var move = result.Message.Value;
            activity?.SetTag("carehome.name", move.CareHome); // clean precision-names
            activity?.SetTag("carehome.patient.name", move.PatientName); // leak TC1001 direct
            activity?.SetTag("carehome.former_uprn", move.FormerUprn); // leak TC1001 direct
            activity?.SetTag("carehome.smi_disregard", move.Smi); // clean precision-about
            activity?.AddEvent(new ActivityEvent("carehome.move", tags: new ActivityTagsCollection { ["account"] = move.CouncilTaxAccount })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("carehome.move.dated", tags: new ActivityTagsCollection { ["moved.year"] = move.MovedOn.Year })); // clean precision-about
            _lag.Record((DateTime.UtcNow - move.MovedOn.ToDateTime(TimeOnly.MinValue)).TotalDays, new KeyValuePair<string, object?>("care_home", move.CareHome)); // clean precision-names

            logger.LogInformation("Care home move {@Move}", move); // leak TC1001 logging-objects
            logger.LogInformation("Care home move {Move}", move with { NhsNumber = "", PatientName = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Care home move for {Home} on {Date}", move.CareHome, move.MovedOn); // clean precision-about

            using (logger.BeginScope(new Dictionary<string, object> { ["Patient"] = pseudonymizer.ComputeHomeclearResidentId(move.NhsNumber) })) // clean precision-pseudonym
            using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = move.NhsNumber })) // leak TC1001 logging-objects
            {
                var account = await councilTax.FindAsync(move.CouncilTaxAccount, stoppingToken);
                if (account is null)
                {
                    _unmatchedAccounts.Add(move.CouncilTaxAccount);
                    var ex = new AccountNotFoundException(move.CouncilTaxAccount);
                    activity?.AddException(ex); // leak TC1001 exceptions
                    logger.LogError("Exemption failed: {Reason}", ex.Message); // leak TC1001 exceptions
                    logger.LogError("Exemption failed: {Type}", ex.GetType().Name); // clean exceptions
                    continue;
                }

                await councilTax.ApplyDiscountAsync(account.AccountNumber, move.Smi ? "SMI" : "E", stoppingToken);
                var outcome = new ExemptionOutcome(result.Offset.ToString(), move.CareHome, move.Smi ? "SMI" : "E", true);
                logger.LogInformation("Exemption {@Outcome}", outcome); // clean logging-objects
                logger.LogInformation("Exemption {Anon}", new { outcome.CareHome, account.Band, Discounted = true }); // clean logging-objects
                logger.LogInformation("Exemption {Anon}", new { account.LiablePerson, account.Band }); // leak TC1001 logging-objects
                activity?.SetTag("council_tax.band", account.Band); // clean precision-about
                activity?.SetTag("council_tax.balance", account.Balance); // clean precision-about
                activity?.SetTag("council_tax.liable_person.email_domain", account.Email?.Split('@')[^1]); // clean precision-about
                Baggage.SetBaggage("carehome.resident", pseudonymizer.ComputeHomeclearResidentId(move.NhsNumber)); // clean precision-pseudonym
                Baggage.SetBaggage("carehome.account", account.AccountNumber); // leak TC1001 direct

                using var span = source.StartHomeclearOperation("carehome-exemptions");
                span.SetHomeclearResidentId(pseudonymizer.PseudonymizeHomeclearResidentId(move.NhsNumber)); // clean generated-api
                span.SetHomeclearOutcome(outcome.ExemptionClass); // clean generated-api
                span.SetHomeclearNote(account.LiablePerson); // leak TC1001 generated-api
                meter.CreateHomeclearOperationDurationHistogram().Record(0.4, "carehome-exemptions"); // clean generated-api
            }

            consumer.Commit(result);
        }
    }

    public void Report()
    {
        logger.LogWarning("Unmatched accounts: {Accounts}", string.Join(", ", _unmatchedAccounts)); // leak TC1001 cross-member
        logger.LogWarning("Unmatched accounts: {Count}", _unmatchedAccounts.Count); // clean cross-member
        var sb = new StringBuilder("Unmatched: ");
        foreach (var account in _unmatchedAccounts)
        {
            sb.Append(account[^4..]).Append(' ');
        }

        logger.LogWarning("{Tails}", sb.ToString()); // clean strings
        Activity.Current?.SetTag("carehome.unmatched.hash", _unmatchedAccounts.FirstOrDefault()?.GetHashCode()); // leak TC1002 hashes
    }
}
