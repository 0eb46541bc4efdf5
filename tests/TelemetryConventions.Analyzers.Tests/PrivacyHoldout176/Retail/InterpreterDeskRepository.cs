namespace PrivacyHoldout176.Retail;

/// <summary>Keeps the in-store video interpreter sessions (a customer at the service desk, a remote interpreter).</summary>
public sealed class InterpreterDeskRepository(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<InterpreterDeskRepository> logger)
{
    private static readonly ActivitySource Source = new("Retailer.InterpreterDesk");
    private readonly Dictionary<string, InterpreterBooking> _sessions = new();

    public void Open(InterpreterBooking booking, string storeCode)
    {
        using var activity = Source.StartActivity("InterpreterDesk.Open", ActivityKind.Client);
        activity?.SetTag("db.system", "postgresql"); // clean precision-names
        activity?.SetTag("db.statement", $"INSERT INTO desk_sessions VALUES ('{booking.BookingId}', '{booking.ClientName}', '{booking.ClientPhone}')"); // leak TC1001 strings
        activity?.SetTag("db.statement.parameterised", "INSERT INTO desk_sessions VALUES (@id, @name, @phone)"); // clean strings
        activity?.SetTag("store.code", storeCode); // clean precision-names
        activity?.SetTag("interpreter.ref", pseudonymizer.PseudonymizeStorelanguageInterpreterId(booking.InterpreterId).Value); // clean precision-pseudonym
        activity?.SetTag("interpreter.id", booking.InterpreterId); // leak TC1001 direct
        _sessions[booking.BookingId] = booking;
        logger.LogInformation("Desk session {BookingId} opened at {Store} in {Language}", booking.BookingId, storeCode, booking.Language); // clean precision-names
        logger.LogInformation("Open sessions: {Clients}", _sessions.Values.Select(s => s.ClientName)); // leak TC1001 logging-objects
        logger.LogInformation("Open sessions: {Count}", _sessions.Count); // clean precision-about
    }

    public void Close(string bookingId, int minutes)
    {
        if (!_sessions.Remove(bookingId, out var booking))
        {
            logger.LogWarning("Unknown desk session {BookingId}", bookingId); // clean precision-names
            return;
        }

        Activity.Current?.SetTag("session.minutes", minutes); // clean precision-about
        Activity.Current?.SetTag("client.phone_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(booking.ClientPhone)))); // leak TC1002 hashes
        Activity.Current?.SetTag("client.phone_tag", Tag(booking.ClientPhone)); // clean hashes
        logger.LogInformation("Session with {Interpreter} closed after {Minutes} minutes", booking.InterpreterName, minutes); // leak TC1001 direct
    }

    public void Escalate(string bookingId)
    {
        if (_sessions.TryGetValue(bookingId, out var booking))
        {
            TraceEscalation(booking.ClientName); // leak TC1001 cross-member
            TraceEscalation(booking.Language); // clean cross-member
        }
    }

    private void TraceEscalation(string about) => logger.LogInformation("Desk session escalated for {About}", about); // leak TC1001 direct

    private string Tag(string phone)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(phone)));
    }
}
