namespace PrivacyHoldout108.Media;

public sealed record ReleaseRequest(string ProductionCode, string EpisodeCode, string ContributorId, string ContributorName, string ContributorPhone, string? ContributorEmail, string ProducerStaffId, string Location);

public sealed record ReleaseSigned(string EnvelopeId, string FileName);

/// <summary>On location: a producer hands the tablet to an interviewee, who signs the contributor release in person; the signed release is filed with the episode's paperwork.</summary>
public sealed class ContributorReleaseForms(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<ContributorReleaseForms> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Releases");
    private static readonly Meter ReleasesMeter = new("Broadcaster.Releases");
    private static readonly Counter<long> Releases = ReleasesMeter.CreateCounter<long>("releases.signed");

    public async Task<ReleaseSigned> SignOnLocationAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("release.sign");
        activity?.SetTag("release.production", request.ProductionCode); // clean precision-names
        activity?.SetTag("release.episode", request.EpisodeCode); // clean precision-names
        activity?.SetTag("release.location", request.Location); // clean precision-names
        activity?.SetTag("release.contributor", request.ContributorId); // leak TC1001 direct
        activity?.SetTag("release.contributor.has_email", request.ContributorEmail is not null); // clean precision-about
        activity?.SetTag("release.contributor.phone_country", request.ContributorPhone[..3]); // clean precision-about

        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-contributor-release-v9",
            EmailSubject = $"{request.ProductionCode} contributor release",
            Recipients = new Recipients
            {
                Signers = [new Signer { Name = request.ContributorName, Email = request.ContributorEmail ?? "noreply@broadcaster.example", RecipientId = "1", ClientUserId = request.ContributorId, RoleName = "Contributor" }],
                CarbonCopies = [new CarbonCopy { Email = "releases@broadcaster.example", Name = "Rights desk", RecipientId = "2" }],
            },
            Status = "sent",
        };
        activity?.SetTag("release.subject", definition.EmailSubject); // clean precision-names
        activity?.SetTag("release.cc", definition.Recipients.CarbonCopies[0].Email); // clean precision-names

        var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
        var view = await envelopes.CreateRecipientViewAsync(options.AccountId, summary.EnvelopeId!, new RecipientViewRequest
        {
            ReturnUrl = $"{options.ReturnUrlBase}/releases/{summary.EnvelopeId}",
            AuthenticationMethod = "inPerson",
            UserName = request.ContributorName,
            Email = definition.Recipients.Signers[0].Email,
            ClientUserId = request.ContributorId,
        }, cancellationToken);

        using var span = Activity.Current.EnrichReleasesignEnvelopeSend(summary.EnvelopeId!) // clean generated-api
            .SetReleasesignTemplateId(definition.TemplateId) // clean generated-api
            .SetReleasesignSignerId(pseudonymizer.PseudonymizeReleasesignSignerId(request.ContributorId)) // clean precision-pseudonym
            .SetReleasesignSenderId(pseudonymizer.PseudonymizeReleasesignSenderId(request.ProducerStaffId)) // clean precision-pseudonym
            .SetReleasesignNote($"in person at {request.Location}"); // clean generated-api
        span.SetReleasesignNote($"in person: {request.ContributorName}, {request.ContributorPhone}"); // leak TC1001 generated-api
        span.Activity?.SetTag("release.session", view.Url); // leak TC1001 direct
        span.Activity?.SetTag("release.return_url", $"{options.ReturnUrlBase}/releases/{summary.EnvelopeId}"); // clean precision-names

        var fileName = $"{request.ProductionCode}_{request.EpisodeCode}_{request.ContributorName.Replace(' ', '-')}_release.pdf";
        activity?.SetTag("release.file", fileName); // leak TC1001 strings
        activity?.SetTag("release.file_extension", Path.GetExtension(fileName)); // clean precision-about
        Releases.Add(1, new KeyValuePair<string, object?>("production", request.ProductionCode)); // clean precision-names
        Releases.Add(1, new KeyValuePair<string, object?>("producer", pseudonymizer.ComputeReleasesignSenderId(request.ProducerStaffId))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Release {EnvelopeId} signed in person for {Production}/{Episode}", summary.EnvelopeId, request.ProductionCode, request.EpisodeCode); // clean precision-names
        logger.LogInformation("Release request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Release request {Request}", request with { ContributorName = "", ContributorPhone = "", ContributorEmail = null }); // leak TC1001 logging-objects
        return new ReleaseSigned(summary.EnvelopeId!, fileName);
    }
}
