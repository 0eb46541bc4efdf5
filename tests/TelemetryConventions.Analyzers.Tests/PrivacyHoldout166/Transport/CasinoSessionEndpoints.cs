namespace PrivacyHoldout166.Transport;

public sealed record SessionClose(string SessionId, string CardNumber, string Venue, decimal Spend, string CrewStaffId);

/// <summary>The table and slot system reports each play session when a card is withdrawn; spend over the limit prompts a responsible gambling talk.</summary>
public static class CasinoSessionEndpoints
{
    private static readonly ActivitySource Source = new("OnboardPlay.Sessions");
    private static readonly Meter Meter = new("OnboardPlay.Sessions");
    private static readonly Histogram<double> Spend = Meter.CreateHistogram<double>("onboardplay.session.spend");

    public static void Map(EndpointRoutes routes, ILogger logger, Pseudonymizer pseudonymizer) =>
        routes.MapPost("/sessions/close", (SessionClose close) => Close(close, logger, pseudonymizer));

    public static ActionResult Close(SessionClose close, ILogger logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("session.close");
        activity?.SetTag("onboardplay.session", close.SessionId); // clean precision-names
        activity?.SetTag("onboardplay.venue", close.Venue); // clean precision-names
        Spend.Record((double)close.Spend, new KeyValuePair<string, object?>("venue", close.Venue)); // clean precision-about
        var passenger = pseudonymizer.PseudonymizeOnboardplayPassengerId(close.CardNumber);
        Spend.Record((double)close.Spend, new KeyValuePair<string, object?>("passenger", passenger)); // leak TC1003 precision-pseudonym

        if (close.Spend > 1000m)
        {
            var reason = $"spend {close.Spend:0} on card {close.CardNumber}";
            activity?.SetStatus(ActivityStatusCode.Error, reason); // leak TC1001 strings
            logger.LogWarning("Responsible gambling talk due: spend {Spend} at {Venue}", close.Spend, close.Venue); // clean precision-about
            logger.LogWarning("Responsible gambling talk due for {Passenger}", passenger); // clean precision-pseudonym
            logger.LogWarning("Talk assigned to crew {Crew}", close.CrewStaffId); // leak TC1001 direct
        }

        var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(close.CardNumber)));
        logger.LogDebug("Session for card key {CardKey}", cardKey); // leak TC1002 hashes
        logger.LogDebug("Session closed {@Close}", close); // leak TC1001 logging-objects
        logger.LogDebug("Session closed {Close}", new { close.SessionId, close.Venue, close.Spend }); // clean logging-objects
        logger.LogDebug("Session closed {Close}", new { close.SessionId, close.CardNumber }); // leak TC1001 logging-objects
        logger.LogDebug("Session {SessionId} closed after spend {Spend}", close.SessionId, close.Spend); // clean precision-names
        return new OkResult(close.SessionId);
    }
}
