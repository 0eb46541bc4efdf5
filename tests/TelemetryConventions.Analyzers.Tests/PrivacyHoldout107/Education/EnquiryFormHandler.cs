namespace PrivacyHoldout107.Education;

/// <summary>Receives the course enquiry form of the prospectus site and posts it to the admissions CRM as a lead.</summary>
public sealed class EnquiryFormHandler(
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    ILogger<EnquiryFormHandler> logger)
{
    private static readonly ActivitySource Source = new("University.Admissions.Enquiries");
    private static readonly Meter Meter = new("University.Admissions.Enquiries");
    private static readonly Counter<long> Enquiries = Meter.CreateCounter<long>("admcrm.enquiries");
    private static readonly AdmcrmSyncedCounter Synced = Meter.CreateAdmcrmSyncedCounter();

    private static readonly string[] Required = ["email", "first_name", "last_name", "course_code", "entry_year"];

    public void Map(EndpointRoutes routes) => routes.MapPost("/forms/enquiry", HandleAsync);

    public async Task<ActionResult> HandleAsync(FormSubmission form, CancellationToken cancellationToken)
    {
        using var span = Source.StartAdmcrmSync("enquiry form");
        span.Activity?.SetTag("form.id", form.FormId); // clean precision-names
        span.Activity?.SetTag("form.fields", string.Join(",", form.Fields.Keys)); // clean precision-names
        span.Activity?.SetTag("utm.campaign", form.UtmCampaign); // clean precision-names
        span.Activity?.SetTag("client.address", form.IpAddress); // leak TC1001 direct
        // The enquiry form sits on the course pages (/courses/{code}/enquire); the source is the UTM source.
        logger.LogDebug("Enquiry posted from {Page} via {Source}", form.PageUrl, form.UtmSource); // clean precision-names

        var missing = Required.Where(f => !form.Fields.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            logger.LogWarning("Enquiry missing fields {Missing}: {Fields}", missing, form.Fields); // leak TC1001 logging-objects
            span.SetAdmcrmOutcome("incomplete"); // clean precision-about
            return new BadRequestResult("missing fields");
        }

        var email = form.Fields["email"].Trim().ToLowerInvariant();
        var course = form.Fields["course_code"];
        span.Activity?.SetTag("enquiry.course", course); // clean precision-names
        span.Activity?.SetTag("enquiry.email.domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about

        try
        {
            ValidateEmail(email);
        }
        catch (FormValidationException ex)
        {
            logger.LogInformation("Enquiry rejected on field {Field}", ex.Field); // clean precision-names
            logger.LogInformation(ex, "Enquiry rejected"); // leak TC1001 exceptions
            return new BadRequestResult(ex.Field);
        }

        var lead = new Entity("lead")
        {
            ["emailaddress1"] = email,
            ["firstname"] = form.Fields["first_name"],
            ["lastname"] = form.Fields["last_name"],
            ["adm_coursecode"] = course,
            ["adm_visitor"] = form.VisitorCookie,
        };
        var leadId = await crm.CreateAsync(lead, cancellationToken);
        span.Activity?.SetTag("crm.lead.id", leadId); // leak TC1001 direct
        span.SetAdmcrmApplicantId(pseudonymizer.PseudonymizeAdmcrmApplicantId(email)); // clean precision-pseudonym
        span.SetAdmcrmMatchKey($"{email}|{course}"); // leak TC1001 generated-api
        logger.LogInformation("Lead created for {FirstName} about {Course}", form.Fields["first_name"], course); // leak TC1001 direct
        Enquiries.Add(1, new KeyValuePair<string, object?>("course", course), new KeyValuePair<string, object?>("entry_year", form.Fields["entry_year"])); // clean precision-names
        Synced.Add(1, "created", course); // clean precision-names
        Activity.Current?.AddBaggage("visitor", form.VisitorCookie); // leak TC1001 direct
        return new OkResult(leadId);
    }

    private static void ValidateEmail(string email)
    {
        if (!email.Contains('@', StringComparison.Ordinal) || email.EndsWith('@'))
        {
            throw new FormValidationException("email", email);
        }
    }
}
