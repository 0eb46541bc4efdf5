namespace PrivacyHoldout160.Education;

/// <summary>Places student nurses with medical device makers' clinical teams.</summary>
public sealed class PlacementService(
    ILogger<PlacementService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> placements = meter.CreateCounter<long>("schoolcare.placements");
    private readonly List<Placement> confirmed = new();

    public void Confirm(Placement placement)
    {
        using var activity = source.StartActivity("ConfirmPlacement");
        activity?.SetTag("placement.id", placement.PlacementId); // clean precision-names
        activity?.SetTag("placement.company", placement.Company); // clean precision-about
        activity?.SetTag("student.email", placement.StudentEmail); // leak TC1001 direct
        activity?.SetTag("student.hash", placement.StudentNumber.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("student.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(placement.StudentNumber))[0]); // clean hashes
        placements.Add(1, new KeyValuePair<string, object?>("company", placement.Company)); // clean precision-about
        placements.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.PseudonymizeSchoolcarePupilId(placement.StudentNumber).Value)); // leak TC1003 precision-pseudonym

        if (confirmed.Any(p => p.StudentNumber == placement.StudentNumber && p.Ward == placement.Ward))
        {
            var clash = new PlacementClashException(placement.PlacementId, placement.Company);
            activity?.AddException(clash); // clean exceptions
            activity?.SetTag("placement.clash", true); // clean precision-about
            return;
        }

        confirmed.Add(placement);
        logger.LogInformation("Placement {PlacementId} confirmed for {StudentNumber}", placement.PlacementId, placement.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Placement confirmed: {Summary}", Describe(placement)); // leak TC1001 strings
        logger.LogInformation("Placement confirmed at {Company}, ward {Ward}", placement.Company, placement.Ward); // clean precision-about
        activity?.AddEvent(new ActivityEvent("placement.confirmed", tags: new ActivityTagsCollection { ["students.placed"] = confirmed.Count })); // clean precision-about
    }

    public void ListConfirmed()
    {
        logger.LogInformation("Confirmed students: {Students}", confirmed.Select(p => p.StudentEmail).ToList()); // leak TC1001 strings
        logger.LogInformation("Confirmed companies: {Companies}", confirmed.Select(p => p.Company).Distinct().ToList()); // clean precision-about
    }

    private static string Describe(Placement placement) => $"{placement.StudentNumber} at {placement.Company}";
}
