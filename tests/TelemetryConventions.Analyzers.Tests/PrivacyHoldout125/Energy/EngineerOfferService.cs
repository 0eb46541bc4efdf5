namespace PrivacyHoldout125.Energy;

/// <summary>
/// Sends the offer letter to a successful engineer for e-signature, opens the embedded signing view
/// from the candidate portal and starts onboarding when the envelope is completed.
/// </summary>
public sealed class EngineerOfferService(
    IESignatureClient esign,
    IHrSystem hr,
    Pseudonymizer pseudonymizer,
    ILogger<EngineerOfferService> logger)
{
    private static readonly ActivitySource Source = new("Grid.Careers.Offers");
    private const string TemplateId = "tpl-offer-engineer-v7";

    public async Task<RecipientView> SendAsync(Offer offer, Candidate candidate, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("gridjobs.offer.send");
        activity?.SetTag("gridjobs.offer.id", offer.OfferId); // clean precision-names
        activity?.SetTag("gridjobs.offer.grade", offer.Grade); // clean precision-about
        activity?.SetTag("gridjobs.offer.salary", offer.Salary); // clean precision-about
        activity?.SetTag("gridjobs.offer.start_date", offer.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("gridjobs.offer.template", TemplateId); // clean precision-names

        var signer = new EnvelopeRecipient($"{candidate.FirstName} {candidate.LastName}", candidate.EmailAddresses[0], "Candidate", 1);
        var envelope = await esign.CreateEnvelopeAsync(TemplateId, new[] { signer }, new Dictionary<string, string> { ["salary"] = offer.Salary.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        activity?.SetTag("gridjobs.envelope.id", envelope.EnvelopeId); // clean precision-names
        activity?.SetTag("gridjobs.envelope.status", envelope.Status); // clean precision-about
        logger.LogInformation("Envelope {Envelope} sent to {@Recipients}", envelope.EnvelopeId, envelope.Recipients); // leak TC1001 logging-objects
        logger.LogInformation("Envelope {Envelope} has {Count} recipients with roles {Roles}", envelope.EnvelopeId, envelope.Recipients.Count, envelope.Recipients.Select(r => r.RoleName)); // clean precision-names

        try
        {
            var view = await esign.CreateRecipientViewAsync(envelope.EnvelopeId, signer, "https://careers.example.org/offer/done", cancellationToken);
            activity?.SetTag("gridjobs.signing.expires", view.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)); // clean precision-about
            logger.LogDebug("Signing view for {Envelope}: {Url}", envelope.EnvelopeId, view.Url); // leak TC1001 direct
            activity?.SetTag("gridjobs.signing.host", new Uri(view.Url).Host); // clean precision-about
            return view;
        }
        catch (ESignatureApiException ex)
        {
            activity?.AddException(ex); // clean exceptions
            activity?.SetTag("gridjobs.esign.error", ex.ErrorCode); // clean exceptions
            throw;
        }
    }

    public async Task CompletedAsync(Offer offer, Candidate candidate, CancellationToken cancellationToken)
    {
        using var span = Source.StartGridjobsCheck("onboarding");
        span.SetGridjobsApplicationId(offer.ApplicationId.ToString(CultureInfo.InvariantCulture)); // clean generated-api
        try
        {
            var starter = await hr.CreateStarterAsync(offer, candidate, cancellationToken);
            span.Activity?.SetTag("gridjobs.starter.department", starter.Department); // clean precision-names
            span.Activity?.SetTag("gridjobs.starter.employee_number", starter.EmployeeNumber); // leak TC1001 direct
            logger.LogInformation("Starter created {@Starter}", starter); // leak TC1001 logging-objects
            span.SetGridjobsNote($"starter created; starts {starter.StartDate:yyyy-MM-dd} in {starter.Department}"); // clean generated-api
        }
        catch (StarterConflictException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Starter creation refused: {Code}", ex.Code); // clean exceptions
            span.SetGridjobsOutcome(ex.GetType().Name); // clean exceptions
        }
        Activity.Current?.SetBaggage("gridjobs.candidate", pseudonymizer.ComputeGridjobsCandidateId(candidate.Id)); // clean precision-pseudonym
    }
}
