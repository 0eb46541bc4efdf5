namespace PrivacyHoldout128.Education;

public sealed record LinkRequest(string StudentNumber, string GuardianEmail, string Relationship);

public interface IMisContacts
{
    Task<IReadOnlyList<GuardianContact>> ForStudentAsync(string studentNumber, CancellationToken cancellationToken = default);

    Task<string?> StudentNumberForCodeAsync(string linkCode, CancellationToken cancellationToken = default);
}

/// <summary>Minimal API of the parent portal: a guardian links to a student with the code the school sent home.</summary>
public static class GuardianLinkEndpoints
{
    private static readonly ActivitySource Source = new("Trust.ParentPortal");
    private static readonly Meter Meter = new("Trust.ParentPortal");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("portal.guardian.links");
    private static readonly FamlearnHouseholdChangesCounter Changes = Meter.CreateFamlearnHouseholdChangesCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{urn}/links/{linkCode}", RedeemAsync);
        routes.MapGet("/schools/{urn}/students/{studentNumber}/guardians", ListAsync);
    }

    private static async Task<ActionResult> RedeemAsync(string urn, string linkCode, ClaimsUser user, IMisContacts mis, Pseudonymizer pseudonymizer, ILogger<LinkRequest> logger)
    {
        using var span = Source.StartFamlearnHouseholdChange("parental-responsibility");
        span.SetFamlearnRegion(urn); // clean precision-names
        Activity.Current?.SetTag("portal.link_code.length", linkCode.Length); // clean precision-about
        Activity.Current?.SetTag("portal.link_code", linkCode); // leak TC1001 direct

        var studentNumber = await mis.StudentNumberForCodeAsync(linkCode);
        if (studentNumber is null)
        {
            logger.LogWarning("No student for link code {LinkCode} at {Urn}", linkCode, urn); // leak TC1001 direct
            Links.Add(1, new("urn", urn), new("outcome", "unknown-code")); // clean precision-names
            return new NotFoundResult("link code");
        }

        var guardian = pseudonymizer.PseudonymizeFamlearnDelegateId(user.SubjectId!);
        span.SetFamlearnMemberId(pseudonymizer.PseudonymizeFamlearnMemberId(studentNumber)).SetFamlearnDelegateId(guardian); // clean precision-pseudonym
        logger.LogInformation("Guardian {Guardian} linked to {Student}", guardian, studentNumber); // leak TC1001 direct
        logger.LogInformation("Guardian {Guardian} linked at {Urn}", guardian, urn); // clean precision-pseudonym
        Activity.Current?.SetTag("portal.guardian.email", user.Email); // leak TC1001 direct
        Activity.Current?.SetTag("portal.guardian.has_email", user.Email is not null); // clean precision-about
        Changes.Add(1, "parental-responsibility", "linked"); // clean precision-names
        Links.Add(1, new("urn", urn), new("guardian", guardian.Value)); // leak TC1003 precision-pseudonym
        return new OkResult(null);
    }

    private static async Task<ActionResult> ListAsync(string urn, string studentNumber, IMisContacts mis, ILogger<LinkRequest> logger)
    {
        var contacts = await mis.ForStudentAsync(studentNumber);
        Activity.Current?.SetTag("portal.contacts.count", contacts.Count); // clean precision-about
        Activity.Current?.SetTag("portal.contacts.with_pr", contacts.Count(c => c.ParentalResponsibility)); // clean precision-about
        logger.LogDebug("Contacts returned: {Contacts}", contacts); // leak TC1001 logging-objects
        logger.LogDebug("Contact priorities: {Priorities}", string.Join(",", contacts.Select(c => c.Priority))); // clean precision-about
        var first = contacts.OrderBy(c => c.Priority).FirstOrDefault();
        if (first is not null)
        {
            Activity.Current?.SetTag("portal.first_contact.mobile", first.Mobile); // leak TC1001 cross-member
            Activity.Current?.SetTag("portal.first_contact.id", first.ContactId); // leak TC1001 cross-member
        }
        return new OkResult(contacts);
    }
}
