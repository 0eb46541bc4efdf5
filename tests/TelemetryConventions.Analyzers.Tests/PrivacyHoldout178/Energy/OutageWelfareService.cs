namespace PrivacyHoldout178.Energy;

/// <summary>During a long outage, sends welfare visits to customers on the priority services register.</summary>
public sealed class OutageWelfareService(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<OutageWelfareService> logger)
{
    private static readonly ActivitySource Source = new("Distribution.OutageWelfare");
    private static readonly Meter Meter = new("Distribution.OutageWelfare");
    private static readonly Histogram<double> VisitLead = Meter.CreateHistogram<double>("outage.welfare.lead", "min");

    public void Plan(string feeder, IReadOnlyList<PsrWelfareVisit> visits)
    {
        using var span = Source.StartGaslineOperation(feeder).SetGaslineItemCount(visits.Count); // clean precision-about
        span.Activity?.SetTag("outage.feeder", feeder); // clean precision-names
        span.Activity?.SetTag("outage.need_codes", string.Join(",", visits.Select(v => v.NeedCode).Distinct())); // clean precision-about
        logger.LogInformation("Welfare visits for {Accounts}", visits.Select(v => v.AccountNumber).ToArray()); // leak TC1001 logging-objects
        logger.LogInformation("Welfare visits for {Feeder}: {Count}", feeder, visits.Count); // clean precision-about
        foreach (var visit in visits)
        {
            TagVisit(span.Activity, visit.MeterSerial); // leak TC1001 cross-member
            TagVisit(span.Activity, visit.VisitId); // clean cross-member
            span.Activity?.AddEvent(new ActivityEvent("visit.planned", tags: new ActivityTagsCollection { ["customer"] = visit.CustomerName })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("visit.planned.need", tags: new ActivityTagsCollection { ["need"] = visit.NeedCode })); // clean precision-about
            var md5 = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(visit.AccountNumber)));
            span.Activity?.SetTag("visit.customer_ref", md5); // leak TC1002 hashes
            var wave = new HMACSHA256(secrets.ShardKey).ComputeHash(Encoding.UTF8.GetBytes(visit.AccountNumber))[0] % 4;
            VisitLead.Record(30, new KeyValuePair<string, object?>("wave", wave)); // clean hashes
            VisitLead.Record(30, new KeyValuePair<string, object?>("meter", visit.MeterSerial)); // leak TC1003 direct
            logger.LogDebug("Visit {VisitId} for customer {Customer}", visit.VisitId, pseudonymizer.PseudonymizeGaslineCallerId(visit.AccountNumber)); // clean precision-pseudonym
            logger.LogDebug("Visit {@Visit}", visit); // leak TC1001 logging-objects
            logger.LogDebug("Visit serial model {Model}", visit.MeterSerial[..3]); // clean precision-about
        }

        Baggage.SetBaggage("outage.feeder", feeder); // clean precision-names
    }

    private static void TagVisit(Activity? activity, string reference)
    {
        activity?.SetTag("outage.visit.reference", reference); // leak TC1001 direct
    }
}
