namespace PrivacyHoldout127.Energy;

public sealed record SiteAccessRequest(string ContractorCardNumber, string ContractorName, string Company, string JobId, string RequiredCourse, string Depot);

/// <summary>Before a job is dispatched, checks that the contractor holds an in-date card and the job's mandatory course.</summary>
public sealed class ContractorCompetenceGate(
    IComplianceStore store,
    IProfessionalRegister cardScheme,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ContractorCompetenceGate> logger)
{
    private static readonly ActivitySource Source = new("Grid.FieldCertification.Gate");
    private static readonly Meter Meter = new("Grid.FieldCertification.Gate");
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("fieldcert.gate.refusals");

    public async Task<bool> CheckAsync(SiteAccessRequest request, CancellationToken ct)
    {
        using var activity = Source.StartActivity("fieldcert.gate.check");
        activity?.SetTag("fieldcert.job.id", request.JobId); // clean precision-names
        activity?.SetTag("fieldcert.company", request.Company); // clean precision-names
        activity?.SetTag("fieldcert.gate.subject", $"{request.ContractorName} ({request.Company})"); // leak TC1001 strings
        activity?.SetTag("fieldcert.card.last4", request.ContractorCardNumber[^4..]); // clean precision-about
        activity?.SetTag("fieldcert.engineer", pseudonymizer.ComputeFieldcertEngineerId(request.ContractorCardNumber)); // clean precision-pseudonym
        var shard = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.ContractorCardNumber))) % 64;
        activity?.SetTag("fieldcert.card.shard", shard); // clean hashes
        activity?.SetTag("fieldcert.card.digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.ContractorCardNumber)))[..12]); // leak TC1002 hashes

        try
        {
            var card = await cardScheme.LookupAsync(request.ContractorCardNumber, ct);
            activity?.SetTag("fieldcert.card.status", card.Status); // clean precision-about
            if (card.RenewalDue < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                Refusals.Add(1, new("reason", "card-expired"), new("depot", request.Depot)); // clean precision-names
                logger.LogWarning("Card {Card} of {Name} expired on {Due}", request.ContractorCardNumber, request.ContractorName, card.RenewalDue); // leak TC1001 direct
                return false;
            }
        }
        catch (RegistrationNotFoundException ex)
        {
            logger.LogWarning("Card scheme {Register} has no such card", ex.Register); // clean exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            Refusals.Add(1, new("reason", "unknown-card"), new("contractor", request.ContractorName)); // leak TC1003 direct
            return false;
        }

        var overdue = await store.OverdueAsync(request.Depot, ct);
        var missing = overdue.FirstOrDefault(o => o.StaffNumber == request.ContractorCardNumber && o.RequirementCode == request.RequiredCourse);
        if (missing is not null)
        {
            activity?.AddEvent(new ActivityEvent("course.missing", tags: new ActivityTagsCollection { ["course"] = missing.RequirementCode, ["due"] = missing.DueOn.ToString("O", CultureInfo.InvariantCulture) })); // clean precision-about
            logger.LogWarning("Missing mandatory course: {Missing}", missing); // leak TC1001 logging-objects
            return false;
        }
        return true;
    }
}
