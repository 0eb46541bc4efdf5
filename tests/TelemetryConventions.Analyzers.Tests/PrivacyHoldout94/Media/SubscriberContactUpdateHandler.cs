namespace PrivacyHoldout94.Media;

public sealed record UpdateContactDetails(Guid SubscriberId, string? NewEmail, string? NewPhone, PostalAddress? BillingAddress, string Channel);

public sealed record ContactUpdateResult(bool Saved, IReadOnlyList<string> Problems);

public interface ISubscriberContacts
{
    Task<string?> CurrentEmailAsync(Guid subscriberId, CancellationToken cancellationToken);

    Task SaveAsync(Guid subscriberId, string? email, string? e164, PostalAddress? billing, CancellationToken cancellationToken);
}

/// <summary>
/// Handles a subscriber's change of contact details from the account page, the TV app or customer care:
/// a new email is verified, a new phone normalised, a billing address validated for tax.
/// </summary>
public sealed class SubscriberContactUpdateHandler(
    ISubscriberContacts contacts,
    IEmailVerifier emailVerifier,
    IAddressValidator addressValidator,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<SubscriberContactUpdateHandler> logger)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly SubcontactChecksCounter _checks = meter.CreateSubcontactChecksCounter();
    private readonly Counter<long> _updates = meter.CreateCounter<long>("subcontact.updates");

    public async Task<ContactUpdateResult> HandleAsync(UpdateContactDetails command, CancellationToken cancellationToken)
    {
        var subscriber = pseudonymizer.PseudonymizeSubcontactSubscriberId(command.SubscriberId.ToString());
        using var span = source.StartSubcontactCheck("update");
        span.SetSubcontactSubscriberId(subscriber); // clean precision-pseudonym
        span.Activity?.SetTag("subcontact.channel", command.Channel); // clean precision-names
        _updates.Add(1, new KeyValuePair<string, object?>("channel", command.Channel), new KeyValuePair<string, object?>("subscriber", subscriber.Value)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Contact update for {Subscriber} via {Channel}: {Command}", subscriber, command.Channel, command); // leak TC1001 logging-objects
        var problems = new List<string>();

        string? email = null;
        if (command.NewEmail is { } newEmail)
        {
            var previous = await contacts.CurrentEmailAsync(command.SubscriberId, cancellationToken);
            span.Activity?.SetTag("subcontact.email.domain_changed", previous is not null && EmailSyntax.DomainOf(previous) != EmailSyntax.DomainOf(newEmail)); // clean precision-about
            logger.LogInformation("Email change {Old} -> {New}", previous, newEmail); // leak TC1001 direct
            var verification = await emailVerifier.VerifyAsync(newEmail, cancellationToken);
            span.SetSubcontactVerdict(verification.Deliverability.ToString());
            span.SetSubcontactEmailDomain(verification.Domain); // clean precision-about
            if (verification.Deliverability is Deliverability.Undeliverable or Deliverability.Risky)
            {
                problems.Add("email-" + verification.Deliverability.ToString().ToLowerInvariant());
                span.SetSubcontactNote($"email {verification.Address} is {verification.Deliverability}"); // leak TC1001 generated-api
            }
            else
            {
                email = verification.Address;
            }
        }

        string? e164 = null;
        if (command.NewPhone is { } phone)
        {
            try
            {
                var parsed = _phones.Parse(phone, options.DefaultRegion);
                e164 = _phones.Format(parsed, PhoneNumberFormat.E164);
                logger.LogInformation($"Phone for {command.SubscriberId} normalised to {e164}"); // leak TC1001 strings
                span.SetSubcontactRegion(_phones.GetRegionCodeForNumber(parsed)); // clean precision-about
                _checks.Add(1, "phone", "normalised", _phones.GetRegionCodeForNumber(parsed)); // clean precision-about
                Activity.Current?.AddEvent(new ActivityEvent("phone.normalised", tags: new ActivityTagsCollection { ["from"] = phone, ["to"] = e164 })); // leak TC1001 direct
            }
            catch (NumberParseException ex)
            {
                problems.Add("phone-" + ex.ErrorType);
                logger.LogSubcontactCheckFailedEvent("phone", "rejected", subscriber, subcontactNote: ex.Message); // clean generated-api
            }
        }

        if (command.BillingAddress is { } billing)
        {
            try
            {
                var validation = await addressValidator.ValidateAsync(billing, cancellationToken);
                span.SetSubcontactConfidence(validation.Confidence);
                span.Activity?.SetTag("subcontact.billing.country", billing.CountryCode); // clean precision-about
                if (!validation.IsDeliverable)
                {
                    problems.Add("billing-address");
                    logger.LogInformation("Billing address {@Address} not deliverable ({Verdict})", billing, validation.Verdict); // leak TC1001 logging-objects
                }
            }
            catch (AddressValidationException ex)
            {
                problems.Add("billing-address");
                logger.LogSubcontactCheckFailedEvent("address", "unparsed", subscriber, subcontactNote: ex.Message); // leak TC1001 generated-api
            }
        }

        await contacts.SaveAsync(command.SubscriberId, email, e164, command.BillingAddress, cancellationToken);
        span.SetSubcontactOutcome(problems.Count == 0 ? "accepted" : "partial");
        span.Activity?.SetTag("subcontact.problems", string.Join(",", problems)); // clean precision-names
        logger.LogDebug("Contact update problems {Problems}", problems); // clean logging-objects
        return new ContactUpdateResult(problems.Count == 0, problems);
    }
}
