namespace PrivacyHoldout159.Energy;

// Referrals from the canvass to the energy advice team: households that said on their canvass form they struggle to heat their home.
public sealed partial class HouseholdEnergyReferralHandler(ILogger<HouseholdEnergyReferralHandler> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter)
{
    private static readonly ActivitySource Source = new("Council.EnergyReferrals");
    private readonly Counter<long> referrals = meter.CreateCounter<long>("energy.referrals");
    private CanvassResponse? lastWithoutCode;

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral for property {Uprn} on route {Route}")]
    private static partial void LogReferral(ILogger logger, [PrivateData] string uprn, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral for canvass code {SecurityCode}")]
    private static partial void LogCode(ILogger logger, string securityCode);

    public void Handle(CanvassResponse response, WarmHomeApplication? application)
    {
        using var activity = Source.StartActivity("energy.referral");
        LogReferral(logger, response.Uprn, response.Route); // clean logging-objects
        LogCode(logger, response.SecurityCode); // leak TC1001 logging-objects
        activity?.SetTag("referral.route", response.Route); // clean precision-about
        activity?.SetTag("referral.residents", response.Residents); // clean precision-about
        activity?.SetTag("referral.security_code", response.SecurityCode); // leak TC1001 direct
        activity?.SetTag("referral.household", pseudonymizer.ComputeWarmhomesElectorId(response.Uprn)); // clean precision-pseudonym
        activity?.SetTag("referral.household.key", HashCode.Combine(response.Uprn, response.Route)); // leak TC1002 hashes
        activity?.SetTag("referral.household.lane", Lane(response.Uprn)); // clean hashes
        referrals.Add(1, new KeyValuePair<string, object?>("route", response.Route)); // clean precision-about
        referrals.Add(1, new KeyValuePair<string, object?>("household", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(response.Uprn))))); // leak TC1003 hashes

        if (response.SecurityCode.Length == 0)
        {
            lastWithoutCode = response;
        }

        if (application is not null)
        {
            logger.LogInformation("Referral linked to application {ApplicationId}", application.ApplicationId); // clean precision-names
            logger.LogInformation("Referral linked to meter {Label}", MeterLabel(application)); // leak TC1001 strings
            logger.LogInformation("Referral band {Label}", BandLabel(application)); // clean strings
        }
    }

    public void Report()
    {
        logger.LogInformation("Last canvass response without a code: {Response}", lastWithoutCode); // leak TC1001 cross-member
        logger.LogInformation("Last response without a code was on route {Route}", lastWithoutCode?.Route); // clean cross-member
    }

    private static string MeterLabel(WarmHomeApplication application) => "meter " + application.MeterSerial + " / " + application.Mpan;

    private static string BandLabel(WarmHomeApplication application) => "EPC " + application.EpcBand;

    private int Lane(string value)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(value))) % 8;
    }
}
