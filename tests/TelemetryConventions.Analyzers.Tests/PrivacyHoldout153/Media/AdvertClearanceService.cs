namespace PrivacyHoldout153.Media;

/// <summary>Checks health product adverts before broadcast and handles viewers' complaints about them.</summary>
public sealed class AdvertClearanceService(
    Pseudonymizer pseudonymizer,
    ILogger<AdvertClearanceService> logger)
{
    private static readonly ActivitySource Source = new("HealthDesk.Adverts");
    private static readonly Meter Meter = new("HealthDesk.Adverts");
    private static readonly Counter<long> Verdicts = Meter.CreateCounter<long>("healthdesk.advert.verdicts");
    private static readonly Counter<long> Complaints = Meter.CreateCounter<long>("healthdesk.advert.complaints");

    public AdvertClearance Clear(string advertId, string product, string claimCode)
    {
        using var span = Source.StartHealthdeskOperation("adverts");
        span.SetHealthdeskTopic(claimCode); // clean precision-about
        var verdict = claimCode.StartsWith("MED-", StringComparison.Ordinal) ? "needs-evidence" : "cleared";
        var clearance = new AdvertClearance(advertId, product, claimCode, verdict);
        try
        {
            if (verdict == "needs-evidence")
            {
                throw new ClaimNotSubstantiatedException(advertId, claimCode);
            }
        }
        catch (ClaimNotSubstantiatedException ex)
        {
            span.SetHealthdeskNote(ex.Message); // clean exceptions
            logger.LogWarning(ex, "Advert held"); // clean exceptions
        }

        Verdicts.Add(1, new KeyValuePair<string, object?>("advert.verdict", verdict), new KeyValuePair<string, object?>("advert.product", product)); // clean precision-about
        logger.LogInformation("Clearance {@Clearance}", clearance); // clean logging-objects
        return clearance;
    }

    public void Complain(AdvertComplaint complaint)
    {
        using var span = Source.StartHealthdeskOperation("adverts");
        span.SetHealthdeskReaderId(pseudonymizer.PseudonymizeHealthdeskReaderId(complaint.ViewerEmail)); // clean generated-api
        Activity.Current?.SetTag("advert.id", complaint.AdvertId); // clean precision-names
        Activity.Current?.SetTag("advert.complaint.id", complaint.ComplaintId); // clean precision-names
        Activity.Current?.SetTag("advert.complaint.viewer", complaint.ViewerName); // leak TC1001 direct
        Activity.Current?.SetTag(HealthdeskAttributes.Contact, pseudonymizer.ComputeHealthdeskReaderId(complaint.ViewerEmail)); // leak TC1001 precision-pseudonym
        Complaints.Add(1, new KeyValuePair<string, object?>("advert.id", complaint.AdvertId)); // clean precision-names
        Complaints.Add(1, new KeyValuePair<string, object?>("advert.viewer", pseudonymizer.ComputeHealthdeskReaderId(complaint.ViewerEmail))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Complaint received {Complaint}", complaint); // leak TC1001 logging-objects
        logger.LogInformation("Complaint received {@Complaint}", complaint with { ViewerName = "", ViewerEmail = "", Text = "" }); // clean logging-objects
        logger.LogInformation("Complaint text: {Text}", complaint.Text); // leak TC1001 direct
    }
}
