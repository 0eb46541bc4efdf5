namespace PrivacyHoldout94.Transport;

public sealed record BookingContact(string BookingReference, string LeadName, string Email, string? Mobile, string? Postcode);

public interface IPassengerAccounts
{
    Task<IReadOnlyList<ContactRecord>> SearchAsync(string email, string familyName, CancellationToken cancellationToken);

    Task LinkAsync(string bookingReference, string passengerAccountId, CancellationToken cancellationToken);
}

/// <summary>
/// Bookings made through agents and other retailers arrive with the lead passenger's name and contact
/// only. They are matched to passenger accounts so that the account's alert preferences apply.
/// </summary>
public sealed partial class BookingContactMatcher(
    IPassengerAccounts accounts,
    FuzzyMatcher matcher,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ContactHygieneOptions options,
    ILogger<BookingContactMatcher> logger)
{
    private readonly PaxcontactCheckDurationHistogram _duration = meter.CreatePaxcontactCheckDurationHistogram();
    private readonly Counter<long> _links = meter.CreateCounter<long>("paxcontact.booking.links");
    private string _lastUnmatchedEmail = string.Empty;
    private string _lastUnmatchedBooking = string.Empty;

    public async Task LinkAsync(BookingContact contact, string retailer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartPaxcontactCheck("match");
        span.SetPaxcontactProvider(retailer); // clean precision-names
        span.Activity?.SetTag("paxcontact.booking.reference", contact.BookingReference); // clean precision-names

        ParsedName name;
        try
        {
            name = HumanNameParser.Parse(contact.LeadName);
        }
        catch (NameParseException ex)
        {
            span.RecordException(ex, "lead name unparsed", includeMessage: true); // leak TC1001 exceptions
            return;
        }
        span.Activity?.SetTag("paxcontact.lead.title", name.Title); // clean precision-about
        span.Activity?.SetTag("paxcontact.lead.family", name.Family); // leak TC1001 direct

        var found = await accounts.SearchAsync(EmailSyntax.Normalise(contact.Email), name.Family, cancellationToken);
        var guest = new ContactRecord(contact.BookingReference, contact.Email, contact.Mobile, name.Given, name.Family, null, null);
        var best = found.Select(a => (Account: a, Score: matcher.Score(guest, a))).OrderByDescending(p => p.Score).FirstOrDefault();
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "match", retailer);

        if (best.Account is null || best.Score < options.MatchThreshold)
        {
            _lastUnmatchedEmail = contact.Email;
            _lastUnmatchedBooking = contact.BookingReference;
            span.SetPaxcontactOutcome("unmatched");
            LogUnmatched(logger, contact.BookingReference, found.Count); // clean precision-names
            return;
        }

        await accounts.LinkAsync(contact.BookingReference, best.Account.RecordId, cancellationToken);
        span.SetPaxcontactMatchScore(best.Score);
        span.SetPaxcontactPassengerId(pseudonymizer.PseudonymizePaxcontactPassengerId(best.Account.RecordId)); // clean precision-pseudonym
        _links.Add(1, new KeyValuePair<string, object?>("retailer", retailer)); // clean precision-names
        LogLinked(logger, contact.BookingReference, best.Account.RecordId, best.Score); // leak TC1001 direct
        var legacyKey = BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(best.Account.RecordId))).Replace("-", "", StringComparison.Ordinal);
        logger.LogDebug("Legacy CRM key {LegacyKey}", legacyKey); // leak TC1002 hashes
        logger.LogDebug("Account shard {Shard}", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(best.Account.RecordId))[0] % 64); // clean hashes
    }

    public void ReportBacklog(int unmatched)
    {
        Activity.Current?.SetTag("paxcontact.unmatched", unmatched);
        Activity.Current?.SetTag("paxcontact.unmatched.last", _lastUnmatchedEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("paxcontact.unmatched.last_booking", _lastUnmatchedBooking); // clean cross-member
        Activity.Current?.SetTag("paxcontact.unmatched.last_domain", EmailSyntax.DomainOf(_lastUnmatchedEmail)); // clean precision-about
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Booking {BookingReference} not matched ({Candidates} candidates)")]
    private static partial void LogUnmatched(ILogger logger, string bookingReference, int candidates);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Booking {BookingReference} linked to passenger {PassengerAccountId} at {Score}")]
    private static partial void LogLinked(ILogger logger, string bookingReference, string passengerAccountId, double score);
}
