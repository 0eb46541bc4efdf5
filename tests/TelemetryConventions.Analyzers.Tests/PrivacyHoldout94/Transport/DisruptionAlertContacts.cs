namespace PrivacyHoldout94.Transport;

public sealed record AffectedBooking(string BookingReference, string PassengerAccountId, string LeadName, string? Mobile, string? Email, bool SmsConsent);

public sealed record AlertRecipient(string PassengerAccountId, string Channel, string Address);

public interface IBookingsOnService
{
    Task<IReadOnlyList<AffectedBooking>> ForServiceAsync(string serviceId, DateOnly date, CancellationToken cancellationToken);
}

/// <summary>
/// When a train or coach is cancelled or badly delayed, the passengers booked on it are alerted: a mobile
/// normalised to E.164 gets an SMS, otherwise a deliverable email gets a message.
/// </summary>
public sealed class DisruptionAlertContacts(
    IBookingsOnService bookings,
    DisposableDomainList disposable,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<DisruptionAlertContacts> logger)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly PaxcontactChecksCounter _checks = meter.CreatePaxcontactChecksCounter();
    private readonly Counter<long> _recipients = meter.CreateCounter<long>("paxcontact.alert.recipients");

    public async Task<IReadOnlyList<AlertRecipient>> RecipientsAsync(string serviceId, DateOnly date, string disruptionCode, CancellationToken cancellationToken)
    {
        using var span = source.StartPaxcontactCheck("alert-contacts");
        span.Activity?.SetTag("paxcontact.service.id", serviceId); // clean precision-names
        span.Activity?.SetTag("paxcontact.disruption", disruptionCode); // clean precision-names
        var affected = await bookings.ForServiceAsync(serviceId, date, cancellationToken);
        span.SetPaxcontactCandidateCount(affected.Count);

        var recipients = new List<AlertRecipient>();
        var noContact = new List<AffectedBooking>();
        foreach (var booking in affected)
        {
            if (booking.SmsConsent && booking.Mobile is { } mobile && TryE164(mobile, out var e164, out var region))
            {
                recipients.Add(new AlertRecipient(booking.PassengerAccountId, "sms", e164));
                _recipients.Add(1, new KeyValuePair<string, object?>("channel", "sms"), new KeyValuePair<string, object?>("region", region)); // clean precision-about
            }
            else if (booking.Email is { } email && !disposable.Contains(EmailSyntax.DomainOf(email)))
            {
                recipients.Add(new AlertRecipient(booking.PassengerAccountId, "email", email));
                _recipients.Add(1, new KeyValuePair<string, object?>("channel", "email"), new KeyValuePair<string, object?>("domain", EmailSyntax.DomainOf(email))); // clean precision-about
            }
            else
            {
                noContact.Add(booking);
            }
        }

        span.Activity?.SetTag("paxcontact.alert.sms", recipients.Count(r => r.Channel == "sms")); // clean precision-about
        span.SetPaxcontactOutcome(noContact.Count == 0 ? "all_reachable" : "some_unreachable");
        logger.LogInformation("Service {ServiceId} on {Date}: {Reachable} reachable, {Unreachable} unreachable", serviceId, date, recipients.Count, noContact.Count); // clean precision-about
        logger.LogInformation("Alert run {@Run}", new { serviceId, date, Sms = recipients.Count(r => r.Channel == "sms"), Email = recipients.Count(r => r.Channel == "email"), Unreachable = noContact.Count }); // clean logging-objects
        logger.LogInformation("Alert channels used: " + string.Join(",", recipients.Select(r => r.Channel).Distinct())); // clean strings
        logger.LogInformation("Unreachable bookings: {Bookings}", string.Join(",", noContact.Select(b => b.BookingReference))); // clean precision-names
        logger.LogInformation("Unreachable passengers: {Passengers}", noContact.Select(b => b.LeadName)); // leak TC1001 strings
        logger.LogDebug("Unreachable: {@Bookings}", noContact); // leak TC1001 logging-objects
        logger.LogDebug("Recipients: {Recipients}", recipients); // leak TC1001 logging-objects
        span.SetPaxcontactNote($"first recipient {recipients.FirstOrDefault()?.Address}"); // leak TC1001 generated-api
        return recipients;
    }

    private bool TryE164(string mobile, out string e164, out string region)
    {
        e164 = string.Empty;
        region = "ZZ";
        try
        {
            var number = _phones.Parse(mobile, options.DefaultRegion);
            if (_phones.GetNumberType(number) != PhoneNumberType.MOBILE)
            {
                _checks.Add(1, "phone", "not_mobile");
                return false;
            }
            e164 = _phones.Format(number, PhoneNumberFormat.E164);
            region = _phones.GetRegionCodeForNumber(number);
            return true;
        }
        catch (NumberParseException ex)
        {
            logger.LogDebug(ex, "Mobile {Mobile} not usable for alerts", mobile); // leak TC1001 direct
            return false;
        }
    }

    public void Sent(AlertRecipient recipient, string providerMessageId)
    {
        var passenger = pseudonymizer.PseudonymizePaxcontactPassengerId(recipient.PassengerAccountId);
        Activity.Current?.AddEvent(new ActivityEvent("alert.sent", tags: new ActivityTagsCollection { ["passenger"] = passenger.Value, ["channel"] = recipient.Channel, ["provider.message_id"] = providerMessageId })); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("alert.sent.to", tags: new ActivityTagsCollection { ["to"] = recipient.Address })); // leak TC1001 direct
    }
}
