namespace PrivacyHoldout167.Energy;

/// <summary>Books residents' parking permits for engineers visiting customers' homes (meter exchanges) and handles the council's refusals.</summary>
public sealed class SiteVisitParkingService(
    IPermitStore permits,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SiteVisitParkingService> logger)
{
    private static readonly ActivitySource Source = new("Energy.SiteVisits");

    public sealed record SiteVisit(string VisitId, string AccountNumber, string MeterSerial, string Postcode, string EngineerNumber, string VanPlate);

    public async Task BookAsync(SiteVisit visit, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("sitevisit.permit");
        activity?.SetTag("visit.id", visit.VisitId); // clean precision-about
        activity?.SetTag("visit.meter.model", visit.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("visit.meter", visit.MeterSerial); // leak TC1001 direct
        activity?.SetTag("visit.postcode.district", visit.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("visit.customer.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(visit.AccountNumber)))); // leak TC1002 hashes
        activity?.SetTag("visit.customer.key", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(visit.AccountNumber)))); // clean hashes
        activity?.SetBaggage("visit.customer", pseudonymizer.ComputeDepotchargeCustomerId(visit.AccountNumber)); // clean precision-pseudonym
        activity?.SetBaggage("visit.customer.raw", visit.AccountNumber); // leak TC1001 direct
        activity?.SetTag("visit.engineer.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(visit.EngineerNumber)))); // leak TC1002 hashes

        var permit = await permits.FindByPlateAsync(visit.VanPlate, cancellationToken);
        Describe(activity, visit); // leak TC1001 cross-member
        if (permit is null)
        {
            logger.LogInformation("Requesting a visitor permit for visit {Visit} by engineer {Engineer}", visit.VisitId, visit.EngineerNumber); // leak TC1001 direct
            logger.LogInformation("Requesting a visitor permit for visit {Visit}, serial length {Length}", visit.VisitId, visit.MeterSerial.Length); // clean precision-about
            return;
        }

        logger.LogInformation("Van permit {PermitId} reused for {Visit}", permit.PermitId, visit.VisitId); // clean precision-about
        logger.LogInformation("Van permit holder email present: {HasEmail}", !string.IsNullOrEmpty(permit.HolderEmail)); // clean precision-about
    }

    private static void Describe(Activity? activity, SiteVisit visit) =>
        activity?.SetTag("visit.summary", $"{visit.AccountNumber} at {visit.Postcode}"); // leak TC1001 strings
}
