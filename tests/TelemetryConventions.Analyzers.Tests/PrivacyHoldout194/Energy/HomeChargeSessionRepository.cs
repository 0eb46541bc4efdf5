namespace PrivacyHoldout194.Energy;

/// <summary>Home charging sessions matched to the black box's journeys, kept for the tariff's bill.</summary>
public sealed class HomeChargeSessionRepository(TelemetrySecrets secrets, ILogger<HomeChargeSessionRepository> logger)
{
    private static readonly ActivitySource Source = new("Supplier.EvMiles.Sessions");

    public sealed record ChargeSession(string SessionId, string AccountNumber, string ChargerSerial, string CustomerEmail, double KilowattHours, int Minutes, string LastJourneyId);

    private readonly List<ChargeSession> _sessions = new();

    public void Add(ChargeSession session)
    {
        _sessions.Add(session);
        using var activity = Source.StartActivity("ev_miles.session.add");
        activity?.SetTag("session.id", session.SessionId); // clean precision-names
        activity?.SetTag("session.kwh", session.KilowattHours); // clean precision-about
        activity?.SetTag("session.minutes", session.Minutes); // clean precision-about
        activity?.SetTag("session.last_journey_id", session.LastJourneyId); // clean precision-names
        activity?.SetTag("session.charger_serial", session.ChargerSerial); // leak TC1001 direct
        activity?.SetTag("session.account_number", session.AccountNumber); // leak TC1001 direct
        activity?.SetTag("session.customer_email_length", session.CustomerEmail.Length); // clean precision-about
        activity?.SetTag("session.charger_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(session.ChargerSerial)))); // leak TC1002 hashes
        activity?.SetTag("session.charger_keyed", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(session.ChargerSerial)))); // clean hashes
        logger.LogInformation("Session stored {Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Sessions for accounts {Accounts}", string.Join(",", _sessions.Select(s => s.AccountNumber))); // leak TC1001 strings
        logger.LogInformation("Sessions stored {Count} for {Kwh} kWh", _sessions.Count, _sessions.Sum(s => s.KilowattHours)); // clean precision-about
    }
}
