namespace PrivacyHoldout82.Education;

/// <summary>A parent or carer contact, in the new communications service's model.</summary>
public sealed record GuardianContact(string PupilNumber, string Name, string Relationship, string? Email, string? Mobile, int Priority);

/// <summary>
/// Pulls the contacts of a class from the legacy MIS's SOAP service (GetContactsForClass) and loads them
/// into the new communications service. The MIS answers XML such as
/// <c>&lt;Contact upn="..."&gt;&lt;Name/&gt;&lt;Email/&gt;&lt;Mobile/&gt;&lt;Priority/&gt;&lt;/Contact&gt;</c>. Its fault
/// MIS-CT-017 means a contact row failed its validation, and its reason quotes the row ("Contact 4 of
/// UPN A123456789012: J. Okafor j.okafor@mail.example priority blank").
/// </summary>
public sealed class ParentContactSync(ISoapChannel mis, ActivitySource source, ShardKey shardKey, ILogger<ParentContactSync> logger)
{
    private const string Action = "http://mis.example/ws/2012/Contacts/GetContactsForClass";

    private static readonly Meter Meter = new("Trust.Comms.ContactSync", "1.4.0");
    private static readonly Counter<long> Loaded = Meter.CreateCounter<long>("mis.contacts.loaded");

    public async Task<IReadOnlyList<GuardianContact>> SyncClassAsync(string schoolUrn, string classCode, CancellationToken cancellationToken)
    {
        using var span = source.StartMisbridgeTranslate("CONTACTS");
        Activity.Current?.SetTag("soap.action", Action); // clean precision-about
        Activity.Current?.SetTag("mis.class", classCode); // clean precision-about
        using var _ = logger.BeginScope("Contacts of {School}/{Class}", schoolUrn, classCode); // clean precision-about

        XElement response;
        try
        {
            response = await mis.InvokeAsync(new SoapEnvelope(Action, new XElement("GetContactsForClass", new XElement("Urn", schoolUrn), new XElement("Class", classCode))), cancellationToken);
        }
        catch (FaultException fault) when (fault.Code == "MIS-CT-017")
        {
            logger.LogWarning("MIS refused {Action}: {Code}", Action, fault.Code); // clean exceptions
            logger.LogWarning(fault, "MIS fault while syncing contacts"); // leak TC1001 exceptions
            return [];
        }

        var contacts = new List<GuardianContact>();
        foreach (var element in response.XPathSelectElements("//Contact"))
        {
            var email = (string?)element.Element("Email");
            var mobile = (string?)element.Element("Mobile");
            if (email is null && mobile is null)
            {
                logger.LogWarning("Contact without email or mobile: {Contact}", element); // leak TC1001 logging-objects
                logger.LogWarning("Contact {Position} of {Class} has no email or mobile", contacts.Count + 1, classCode); // clean precision-about
                continue;
            }
            if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            {
                Activity.Current?.AddEvent(new ActivityEvent("contact.invalid_email", tags: new ActivityTagsCollection { ["email"] = email })); // leak TC1001 direct
            }

            var contact = new GuardianContact((string)element.Attribute("upn")!, (string)element.Element("Name")!, (string?)element.Element("Relationship") ?? "unknown", email, mobile, (int?)element.Element("Priority") ?? 9);
            contacts.Add(contact);
            Loaded.Add(1, new KeyValuePair<string, object?>("relationship", contact.Relationship), new KeyValuePair<string, object?>("has_mobile", contact.Mobile is not null)); // clean precision-about
            Activity.Current?.SetTag("mis.contact.email_domain", email?.Split('@').Last()); // clean precision-about
        }

        if (contacts.Count > 0)
        {
            var primary = contacts.OrderBy(c => c.Priority).First();
            Activity.Current?.SetTag(MisbridgeAttributes.PupilContact, primary.Mobile ?? primary.Email); // leak TC1001 generated-api
            var checksum = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(primary.Email ?? primary.Mobile ?? string.Empty)));
            logger.LogDebug("Primary contact checksum {Checksum}", checksum); // leak TC1002 hashes
            Activity.Current?.SetTag("mis.contacts.partition", shardKey.ShardOf(primary.PupilNumber, 16)); // clean hashes
            logger.LogInformation("Primary contact for the first pupil is {Name} ({Relationship})", primary.Name, primary.Relationship); // leak TC1001 direct
        }
        span.SetMisbridgeOutcome(contacts.Count == 0 ? "empty" : "loaded");
        logger.LogInformation("Loaded {Count} contacts for {Class}; {WithEmail} with an email", contacts.Count, classCode, contacts.Count(c => c.Email is not null)); // clean precision-about
        return contacts;
    }
}
