namespace PrivacyHoldout159.Retail;

// Licenses market traders' pitches on the town's Saturday market; most traders are sole traders trading under their own names.
public sealed partial class MarketPitchLicensingService(ILogger<MarketPitchLicensingService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Council.Markets");
    private readonly Counter<long> licences = meter.CreateCounter<long>("market.licences");
    private readonly Dictionary<string, string> pitchHolders = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Pitch {Pitch} licensed to {TraderName}")]
    private static partial void LogLicensed(ILogger logger, string pitch, string traderName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pitch {Pitch} licence {LicenceNumber} renewed")]
    private static partial void LogRenewed(ILogger logger, string pitch, [PrivateData] string licenceNumber);

    public void License(PitchLicence licence, string ward)
    {
        using var activity = Source.StartActivity("market.license");
        if (pitchHolders.ContainsKey(licence.Pitch))
        {
            var taken = new PitchTakenException(licence.Pitch);
            activity?.AddException(taken); // clean exceptions
            logger.LogWarning(taken, "Pitch clash on {Pitch}", licence.Pitch); // clean exceptions
            return;
        }

        pitchHolders[licence.Pitch] = licence.TraderName;
        LogLicensed(logger, licence.Pitch, licence.TraderName); // leak TC1001 logging-objects
        LogRenewed(logger, licence.Pitch, licence.LicenceNumber); // clean logging-objects
        activity?.SetTag("market.pitch", licence.Pitch); // clean precision-about
        activity?.SetTag("market.licence.number", licence.LicenceNumber); // leak TC1001 direct
        activity?.SetTag("market.trader.mobile", licence.Mobile); // leak TC1001 direct
        activity?.SetTag("market.trader", pseudonymizer.Pseudonymize("market_trader", licence.LicenceNumber).Value); // clean precision-pseudonym
        licences.Add(1, new KeyValuePair<string, object?>("pitch", licence.Pitch)); // clean precision-about
        licences.Add(1, new KeyValuePair<string, object?>("trader", pseudonymizer.Pseudonymize("market_trader", licence.LicenceNumber).Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Licence issued {Licence}", Label(licence)); // leak TC1001 strings
        logger.LogInformation("Licence issued {Licence}", PitchLabel(licence, ward)); // clean strings
        meter.CreateCouncilpayRequestsCounter().Add(1, councilpayWard: ward, councilpayOutcome: $"licensed:{licence.TraderName}"); // leak TC1003 generated-api
    }

    public void Board()
    {
        logger.LogInformation("Pitch board {Board}", pitchHolders); // leak TC1001 cross-member
        logger.LogInformation("Pitches let {Pitches}", pitchHolders.Keys); // clean cross-member
    }

    private static string Label(PitchLicence licence) => $"{licence.Pitch}: {licence.TraderName}, {licence.Mobile}";

    private static string PitchLabel(PitchLicence licence, string ward) => $"{ward}/{licence.Pitch}";
}
