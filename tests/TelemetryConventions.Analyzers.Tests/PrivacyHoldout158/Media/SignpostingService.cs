namespace PrivacyHoldout158.Media;

/// <summary>Sends viewers the organisations that can help with a programme's topic, and books an adviser's call-back where they asked for one.</summary>
public sealed class SignpostingService(ICallPlatform platform, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, HelplineOptions options, ILogger<SignpostingService> logger)
{
    public async Task SignpostAsync(AftercareContact contact, Signpost signpost, CancellationToken cancellationToken)
    {
        using var span = source.StartAftercareOperation(contact.Programme);
        span.SetAftercareTopic(signpost.Topic); // clean generated-api
        logger.LogInformation("Signposted {@Signpost}", signpost); // clean logging-objects
        logger.LogInformation("Template {TemplateId} sent for {Programme}", options.SignpostTemplateId, contact.Programme); // clean precision-names

        try
        {
            await platform.TextAsync(contact.ViewerNumber, $"{signpost.Organisation}: {options.ResourcesUrl}", cancellationToken);
            meter.CreateAftercareContactsCounter().Add(1, contact.Programme, aftercareOutcome: "signposted"); // clean generated-api
        }
        catch (TextRejectedException ex)
        {
            span.SetAftercareOutcome("text-rejected"); // clean generated-api
            span.SetAftercareNote(ex.Message); // leak TC1001 generated-api
            span.SetAftercareNote($"Gateway code {ex.Code}"); // clean generated-api
            span.RecordException(ex); // clean exceptions
            logger.LogError(ex, "Signpost text failed for {ContactId}", contact.ContactId); // leak TC1001 exceptions
            logger.LogAftercareOperationFailedEvent(contact.Programme, "text-rejected", aftercareCallerId: pseudonymizer.PseudonymizeAftercareCallerId(contact.ViewerNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag(AftercareAttributes.Contact, pseudonymizer.ComputeAftercareCallerId(contact.ViewerNumber)); // leak TC1001 precision-pseudonym
        }
        catch (GatewayTimeoutException ex)
        {
            logger.LogError(ex, "Signpost text timed out for {ContactId}", contact.ContactId); // clean exceptions
        }
    }

    public void Contributors(IReadOnlyList<(string ContributorId, string Name)> contributors, string programme)
    {
        using var span = source.StartAftercareOperation(programme);
        span.SetAftercareContactCount(contributors.Count); // clean generated-api
        span.SetAftercareNote(string.Join(", ", contributors.Select(c => c.Name))); // leak TC1001 generated-api
        logger.LogInformation("Contributor aftercare for {Ids}", contributors.Select(c => pseudonymizer.ComputeAftercareContributorId(c.ContributorId))); // clean precision-pseudonym
        logger.LogInformation("Contributor aftercare for {Ids}", contributors.Select(c => c.ContributorId)); // leak TC1001 direct
        Activity.Current?.SetTag("aftercare.contributors.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(contributors.Select(c => c.ContributorId)))))); // leak TC1002 hashes
    }
}
