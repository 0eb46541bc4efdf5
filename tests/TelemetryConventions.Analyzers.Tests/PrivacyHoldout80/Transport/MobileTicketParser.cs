namespace PrivacyHoldout80.Transport;

/// <summary>The payload of a mobile ticket's QR code: <c>{"t":"ticket id","p":"product","r":"rider email","v":"valid until","s":"signature"}</c>.</summary>
public readonly record struct MobileTicket(string TicketId, string Product, string RiderEmail, DateTimeOffset ValidUntil);

/// <summary>Parses QR payloads scanned by the validators with a <see cref="Utf8JsonReader"/>; the bytes come base64url-decoded into a rented buffer.</summary>
public sealed partial class MobileTicketParser(ILogger<MobileTicketParser> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _scans = meter.CreateCounter<long>("tapwire.qr.scans", "{scan}");

    public MobileTicket? Parse(string validatorId, string qr)
    {
        var rented = ArrayPool<byte>.Shared.Rent(qr.Length);
        try
        {
            if (!Convert.TryFromBase64String(qr.Replace('-', '+').Replace('_', '/'), rented, out var length))
            {
                logger.LogWarning("QR at {Validator} is not base64url ({Chars} characters)", validatorId, qr.Length); // clean precision-about
                logger.LogDebug("Unreadable QR: {Qr}", qr); // leak TC1001 direct
                return null;
            }
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            string ticketId = "", product = "", email = "";
            var validUntil = DateTimeOffset.MinValue;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                if (reader.ValueTextEquals("t"u8) && reader.Read()) ticketId = reader.GetString()!;
                else if (reader.ValueTextEquals("p"u8) && reader.Read()) product = reader.GetString()!;
                else if (reader.ValueTextEquals("r"u8) && reader.Read()) email = reader.GetString()!;
                else if (reader.ValueTextEquals("v"u8) && reader.Read()) validUntil = reader.GetDateTimeOffset();
            }
            var ticket = new MobileTicket(ticketId, product, email, validUntil);

            var span = Activity.Current.EnrichTapwireFrameDecode(validatorId);
            span.SetTapwireNote($"ticket {ticketId} {product} valid until {validUntil:O}"); // clean precision-about
            Activity.Current?.SetTag("tapwire.ticket", ticketId); // clean precision-about
            Activity.Current?.SetTag("tapwire.rider", pseudonymizer.ComputeTapwireCardId(email)); // clean precision-pseudonym
            Activity.Current?.SetTag(TapwireAttributes.RiderEmail, pseudonymizer.ComputeTapwireCardId(email)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Ticket {Ticket} scanned for {Rider}", ticketId, email); // leak TC1001 direct
            logger.LogInformation("Ticket {Ticket} scanned for a rider at {Domain}", ticketId, email[(email.IndexOf('@') + 1)..]); // clean precision-about
            _scans.Add(1, new KeyValuePair<string, object?>("product", product), new KeyValuePair<string, object?>("expired", validUntil < DateTimeOffset.UtcNow)); // clean precision-about
            if (validUntil < DateTimeOffset.UtcNow)
            {
                var error = new FieldDecodeException("v", $"{validUntil:O} on {ticketId} for {email}");
                logger.LogInformation("Expired ticket {Ticket}", ticket); // leak TC1001 logging-objects
                Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
                Activity.Current?.SetStatus(ActivityStatusCode.Error, "expired:" + error.Field); // clean exceptions
                LogExpired(logger, ticketId, product, (DateTimeOffset.UtcNow - validUntil).TotalMinutes); // clean precision-about
            }
            return ticket;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Ticket {TicketId} ({Product}) expired {Minutes} minutes ago")]
    private static partial void LogExpired(ILogger logger, string ticketId, string product, double minutes);
}
