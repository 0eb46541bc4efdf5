namespace PrivacyHoldout159.Education;

// Schools used as polling stations: closure notices to parents and the caretaker's opening checklist.
public sealed class SchoolPollingStationService(ILogger<SchoolPollingStationService> logger, ICitizenMessenger messenger, TelemetrySecrets secrets, Meter meter)
{
    private static readonly ActivitySource Source = new("Council.Elections.SchoolStations");
    private readonly UpDownCounter<int> openStations = meter.CreateUpDownCounter<int>("school.stations.open");
    private string? lastUnreachableParentEmail;

    public async Task NotifyParentsAsync(string schoolUrn, string station, IReadOnlyList<(string ParentEmail, string ChildName, string Upn)> families, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("school.closure.notice");
        activity?.SetTag("school.urn", schoolUrn); // clean precision-names
        activity?.SetTag("school.station", station); // clean precision-about
        activity?.SetTag("school.families", families.Count); // clean precision-about

        foreach (var family in families)
        {
            try
            {
                await messenger.EmailAsync(family.ParentEmail, "tpl-school-closed", cancellationToken);
            }
            catch (HttpRequestException)
            {
                lastUnreachableParentEmail = family.ParentEmail;
                logger.LogWarning("Closure notice undelivered for pupil {Upn}", family.Upn); // leak TC1001 direct
                logger.LogWarning("Closure notice undelivered for child {Child}", family.ChildName); // leak TC1001 precision-names
                activity?.AddEvent(new ActivityEvent("notice.undelivered", tags: new ActivityTagsCollection { ["upn.length"] = family.Upn.Length })); // clean precision-about
                activity?.SetTag("school.parent.sample", Sample(family.ParentEmail)); // clean hashes
                activity?.SetTag("school.parent.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(family.ParentEmail)))); // leak TC1002 hashes
            }
        }
    }

    public void OpenStation(string station, string caretakerName, string caretakerMobile)
    {
        openStations.Add(1, new KeyValuePair<string, object?>("station", station)); // clean precision-about
        logger.LogInformation("Station {Station} opened by caretaker {Caretaker}", station, caretakerName); // leak TC1001 direct
        logger.LogInformation("Caretaker reachable: {Reachable}", caretakerMobile.Length >= 11); // clean precision-about
        Activity.Current?.SetTag("station.caretaker.mobile", caretakerMobile); // leak TC1001 direct
        Activity.Current?.SetTag("station.template", "tpl-school-closed"); // clean precision-names
    }

    public void Report()
    {
        logger.LogInformation("Last unreachable parent {Email}", lastUnreachableParentEmail); // leak TC1001 cross-member
        logger.LogInformation("Unreachable parents recorded: {Any}", lastUnreachableParentEmail is not null); // clean cross-member
    }

    private string Sample(string value)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(value)))[..16];
    }
}
