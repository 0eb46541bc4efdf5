namespace PrivacyHoldout108.Education;

public sealed record EnrolmentForm(string StudentNumber, string LearnerName, string GuardianName, string GuardianEmail, string GuardianMobile, string YearGroup, string SchoolCode);

/// <summary>Minimal API of the admissions portal: a guardian fills in the enrolment form, then signs it in an embedded signing session.</summary>
public static partial class EnrolmentFormEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Admissions.Enrolment");
    private static readonly Meter AdmissionsMeter = new("Trust.Admissions.Enrolment");
    private static readonly Counter<long> SessionsOpened = AdmissionsMeter.CreateCounter<long>("enrolment.signing_sessions");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/enrolment/{studentNumber}/sign", SignAsync);
    }

    private static async Task<ActionResult> SignAsync(string studentNumber, [FromBody] EnrolmentForm form, EnvelopesApi envelopes, SigningOptions options, Pseudonymizer pseudonymizer, ILogger<EnrolmentForm> logger, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["School"] = form.SchoolCode, ["YearGroup"] = form.YearGroup }); // clean precision-names
        using var guardianScope = logger.BeginScope("Guardian {GuardianMobile}", form.GuardianMobile); // leak TC1001 direct

        var signer = new Signer
        {
            Email = form.GuardianEmail,
            Name = form.GuardianName,
            RecipientId = "1",
            RoutingOrder = "1",
            ClientUserId = studentNumber,
            RoleName = "Guardian",
            Tabs = new Tabs
            {
                TextTabs =
                [
                    new Text { TabLabel = "learner_name", Value = form.LearnerName, Locked = "true" },
                    new Text { TabLabel = "student_number", Value = studentNumber, Locked = "true" },
                    new Text { TabLabel = "year_group", Value = form.YearGroup, Locked = "true" },
                ],
            },
        };
        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-enrolment-2025",
            EmailSubject = $"Enrolment form for {form.LearnerName}",
            Recipients = new Recipients { Signers = [signer] },
            Status = "sent",
        };

        using var activity = Source.StartActivity("enrolment.sign");
        activity?.SetTag("enrolment.template", definition.TemplateId); // clean precision-names
        activity?.SetTag("enrolment.subject", definition.EmailSubject); // leak TC1001 strings
        activity?.SetTag("enrolment.signer.role", signer.RoleName); // clean precision-names
        activity?.SetTag("enrolment.signer.routing_order", signer.RoutingOrder); // clean precision-names
        activity?.SetTag("enrolment.tabs", string.Join("|", signer.Tabs.TextTabs!.Select(t => t.TabLabel))); // clean precision-names
        activity?.SetTag("enrolment.tab_values", string.Join("|", signer.Tabs.TextTabs!.Select(t => t.Value))); // leak TC1001 strings
        activity?.SetTag("enrolment.locked_tabs", signer.Tabs.TextTabs!.Count(t => t.Locked == "true")); // clean precision-about

        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        var returnUrl = $"{options.ReturnUrlBase}/enrolment/done?student={Uri.EscapeDataString(studentNumber)}&envelope={summary.EnvelopeId}";
        var view = await envelopes.CreateRecipientViewAsync(options.AccountId, summary.EnvelopeId!, new RecipientViewRequest
        {
            ReturnUrl = returnUrl,
            AuthenticationMethod = "email",
            Email = signer.Email,
            UserName = signer.Name,
            ClientUserId = signer.ClientUserId,
        }, cancellationToken);

        Activity.Current.EnrichEnrolsignEnvelopeSend(summary.EnvelopeId!) // clean generated-api
            .SetEnrolsignSignerId(pseudonymizer.PseudonymizeEnrolsignSignerId(studentNumber)) // clean precision-pseudonym
            .SetEnrolsignTemplateId(definition.TemplateId) // clean generated-api
            .SetEnrolsignNote($"return {returnUrl}"); // leak TC1001 generated-api
        activity?.SetTag("enrolment.return_url", returnUrl); // leak TC1001 strings
        activity?.SetTag("enrolment.session.expires_in_s", 300); // clean precision-about
        SessionsOpened.Add(1, new KeyValuePair<string, object?>("school", form.SchoolCode)); // clean precision-names
        SessionsOpened.Add(1, new KeyValuePair<string, object?>("guardian", form.GuardianEmail)); // leak TC1003 direct

        SigningSessionIssued(logger, summary.EnvelopeId!, view.Url!); // leak TC1001 logging-objects
        logger.LogInformation("Signing session issued for envelope {EnvelopeId} ({UrlLength} chars)", summary.EnvelopeId, view.Url!.Length); // clean precision-about
        logger.LogDebug("Signer {@Signer}", signer); // leak TC1001 logging-objects
        logger.LogDebug("Signer {Signer}", signer); // clean logging-objects
        return new OkResult(view.Url);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Embedded signing session for {EnvelopeId}: {SigningUrl}")]
    private static partial void SigningSessionIssued(ILogger logger, string envelopeId, string signingUrl);
}
