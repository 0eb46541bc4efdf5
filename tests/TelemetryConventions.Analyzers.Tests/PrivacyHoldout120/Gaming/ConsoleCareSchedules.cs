namespace PrivacyHoldout120.Gaming;

public sealed class ConsoleNotCoveredException(string consoleSerial, string policyNumber)
    : Exception($"Console {consoleSerial} is not covered by policy {policyNumber}")
{
    public string PolicyNumber { get; } = policyNumber;
}

public sealed record PolicyHolder(Guid PlayerId, string Gamertag, string Email, string DisplayName);

/// <summary>Issues the ConsoleCare policy schedule after purchase and answers the support site's "is my console covered" check.</summary>
public sealed class ConsoleCareSchedules(IPolicyDocumentService documents, Pseudonymizer pseudonymizer, ILogger<ConsoleCareSchedules> logger)
{
    private const string ScheduleTemplate = "tpl-consolecare-schedule";
    private static readonly ActivitySource Source = new("Store.ConsoleCare.Documents");
    private static readonly Meter Meter = new("Store.ConsoleCare.Documents");
    private static readonly Counter<long> Schedules = Meter.CreateCounter<long>("consolecare.schedules");

    public PolicyHolder? CurrentHolder { get; set; }

    public async Task<PolicyDocument> IssueAsync(string policyNumber, PolicyHolder holder, IReadOnlyList<Endorsement> endorsements, CancellationToken ct)
    {
        CurrentHolder = holder;
        using var activity = Source.StartActivity("consolecare.schedule");
        activity?.SetTag("document.template", ScheduleTemplate); // clean precision-names
        activity?.SetTag("policy.endorsements", string.Join(",", endorsements.Select(e => e.Code))); // clean strings
        activity?.SetTag("policy.endorsement.count", endorsements.Count); // clean precision-about

        var document = await documents.RenderAsync(new PolicyDocumentRequest(policyNumber, ScheduleTemplate, "schedule", holder.DisplayName, holder.Email), ct);
        activity?.SetTag("document.id", document.DocumentId); // clean precision-names
        activity?.SetTag("document.blob", document.BlobUri.ToString()); // leak TC1001 cross-member
        logger.LogInformation("Schedule {DocumentId} rendered ({Pages} pages) for {Holder}", document.DocumentId, document.Pages, holder); // leak TC1001 logging-objects
        logger.LogInformation("Endorsements {Endorsements}", endorsements); // clean logging-objects
        Schedules.Add(1, new KeyValuePair<string, object?>("kind", document.Kind)); // clean precision-about
        await documents.SendAsync(document, holder.Email, ct);
        return document;
    }

    public void CheckCovered(string consoleSerial, string policyNumber, IReadOnlyCollection<string> coveredSerials)
    {
        using var activity = Source.StartActivity("consolecare.cover.check");
        try
        {
            if (!coveredSerials.Contains(consoleSerial))
            {
                throw new ConsoleNotCoveredException(consoleSerial, policyNumber);
            }

            activity?.SetTag("cover.covered", true); // clean precision-about
        }
        catch (ConsoleNotCoveredException ex)
        {
            activity?.SetTag("cover.covered", false); // clean precision-about
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogInformation(ex, "Cover check failed"); // leak TC1001 exceptions
            logger.LogInformation("Cover check failed for player {Player}", CurrentHolder?.Gamertag); // leak TC1001 cross-member
            Activity.Current?.SetBaggage("consolecare.player", pseudonymizer.ComputeDevicecarePlayerId(CurrentHolder?.PlayerId.ToString() ?? "")); // clean precision-pseudonym
        }
    }
}
